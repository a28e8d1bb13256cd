from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import CharField

from . import registry
from .models import Status


def source_choices(*, blank_label) -> list[tuple[str, str]]:
    return [("", blank_label)] + [(s.kind, registry.source_label(s)) for s in registry.sources()]


class PauseForm(forms.Form):
    source = forms.ChoiceField(label=_("Which reminders"), required=False)
    reason = CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("For example: report confirmed by phone, being sent by diplomatic pouch."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = source_choices(blank_label=_("All reminders"))


class SentFilterForm(forms.Form):
    state = CharField(label=_("State (ISO code)"), max_length=3, required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any"))] + Status.choices)
    source = forms.ChoiceField(label=_("Deadlines"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = source_choices(blank_label=_("Any"))
