from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.fields import CharField, ModelForm, ModelMultipleChoiceField
from core.translation import field_names, languages, other_languages, per_language, source_language
from states.models import State
from workplan.models import OsloAction

from .models import CHOICE_KINDS, Question, Questionnaire, RecipientGroup

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SAME_AS_ENGLISH = _("Left empty, the English text is shown.")


class QuestionnaireForm(ModelForm):
    class Meta:
        model = Questionnaire
        fields = [
            *field_names("title"),
            *field_names("introduction"),
            "circulation_date",
            "circulate_automatically",
            "deadline",
            "committee",
            *field_names("purpose"),
            "prepares",
        ]
        widgets = {
            **per_language("introduction", lambda: forms.Textarea(attrs={"rows": 4})),
            **per_language("purpose", lambda: forms.Textarea(attrs={"rows": 2})),
            "circulation_date": DATE,
            "deadline": DATE,
        }
        help_texts = {
            **per_language("title", SAME_AS_ENGLISH, source=False),
            **per_language("introduction", SAME_AS_ENGLISH, source=False),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prepares"].queryset = (
            self.fields["prepares"]
            .queryset.filter(kind__in=["intersessional", "msp", "review_conference"])
            .order_by("-start_date")
        )
        if self.instance.pk and self.instance.is_circulated:
            self.fields["circulation_date"].disabled = True
            self.fields["circulation_date"].help_text = _("Fixed: the questionnaire has been circulated.")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionForm(ModelForm):
    actions = ModelMultipleChoiceField(
        label=_("Oslo Action Plan actions"),
        queryset=OsloAction.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # One "choices_<language>" text per language (added in __init__), one choice per line.

    class Meta:
        model = Question
        fields = [
            "kind",
            *field_names("text"),
            *field_names("help"),
            "required",
            "actions",
            "about_gender",
        ]
        widgets = {
            **per_language("text", lambda: forms.Textarea(attrs={"rows": 2})),
        }
        help_texts = per_language("text", SAME_AS_ENGLISH, source=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = dict(settings.LANGUAGES)
        for code in languages():
            first = code == source_language()
            self.fields[f"choices_{code}"] = CharField(
                label=format_lazy("{} ({})", _("Choices"), names[code]),
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=_("For single and multiple choice questions: one choice per line.")
                if first
                else _("Same lines, same order as in English; left empty, the English choices are shown."),
            )
        self.order_fields(["kind", *field_names("text"), *field_names("choices")])
        if self.instance.pk:
            choices = list(self.instance.choices.order_by("order", "pk"))
            for lang in languages():
                self.initial[f"choices_{lang}"] = "\n".join(getattr(c, f"text_{lang}") for c in choices)

    def clean(self):
        data = super().clean()
        en = _lines(data.get("choices_en", ""))
        kind = data.get("kind")
        if kind in CHOICE_KINDS and len(en) < 2:
            self.add_error("choices_en", _("Give at least two choices, one per line."))
        if kind and kind not in CHOICE_KINDS and en:
            self.add_error("choices_en", _("Only single and multiple choice questions have choices."))
        for lang in other_languages():
            other = _lines(data.get(f"choices_{lang}", ""))
            if other and len(other) != len(en):
                self.add_error(
                    f"choices_{lang}",
                    _("Give as many lines as in English (%(n)s), in the same order.") % {"n": len(en)},
                )
        return data

    def choice_rows(self) -> list[tuple[str, ...]]:
        """Each choice's texts in the order of core.translation.languages() (English first)."""
        en = _lines(self.cleaned_data.get("choices_en", ""))
        columns = [en] + [
            _lines(self.cleaned_data.get(f"choices_{c}", "")) or [""] * len(en) for c in other_languages()
        ]
        return list(zip(*columns, strict=True))

    def service_fields(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("actions", *field_names("choices"))}


class RecipientsForm(forms.Form):
    groups = forms.MultipleChoiceField(
        label=_("Groups"),
        choices=RecipientGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "States Parties in the questionnaire's year; national mine action directors are the delegates of "
            "mine-affected States."
        ),
    )
    states = ModelMultipleChoiceField(
        label=_("States chosen one by one"),
        queryset=State.objects.order_by("name_en"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_("Hold Ctrl (or Cmd) to choose several. Added to the States of the groups."),
    )

    def clean(self):
        data = super().clean()
        if not data.get("groups") and not data.get("states"):
            raise forms.ValidationError(_("Choose at least one group or one State."))
        return data
