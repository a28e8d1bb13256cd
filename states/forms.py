"""The ISU's forms for the registry: a ratification or accession, a withdrawal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import CharField, DateInput, ModelChoiceField

from . import selectors
from .models import State


class AccessionForm(forms.Form):
    """A State's instrument of ratification or accession. The entry into force may be left blank:
    the service applies Article 17 (the page's script shows that date as soon as the deposit is typed)."""

    state = forms.ChoiceField(label=_("State"))
    instrument_deposited = forms.DateField(
        label=_("Instrument deposited on"),
        widget=DateInput(attrs={"data-rule": "article17"}),
        help_text=_("The day the instrument of ratification or accession was deposited with the Secretary-General."),
    )
    entry_into_force = forms.DateField(
        label=_("Entry into force"),
        required=False,
        widget=DateInput(attrs={"data-rule-target": "article17"}),
        help_text=_(
            "Blank: the first day of the sixth month after the deposit (Article 17), e.g. 12 March 2025 gives "
            "1 September 2025."
        ),
    )
    note = CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("E.g. ratification or accession, the depositary notification. Blank keeps the current note."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        registry = [(s.iso3, s.name) for s in State.objects.only("iso3", "name_en", "name_fr", "name_es")]
        candidates = selectors.accession_candidates()
        self.fields["state"].choices = [
            ("", "---------"),
            *([(_("Not in the registry yet"), candidates)] if candidates else []),
            (_("In the registry (re-accession, or a correction)"), sorted(registry, key=lambda c: c[1])),
        ]

    def clean_state(self) -> State:
        state = selectors.state_for_accession(self.cleaned_data["state"])
        if state is None:
            raise forms.ValidationError(_("Choose a State from the list."))
        return state


class WithdrawalForm(forms.Form):
    """A State Party's instrument of withdrawal; the effective date may be left blank (Article 20)."""

    state = ModelChoiceField(
        label=_("State"), queryset=State.objects.filter(memberships__isnull=False).distinct().order_by("name_en")
    )
    withdrawal_notified = forms.DateField(
        label=_("Withdrawal notified on"),
        widget=DateInput(attrs={"data-rule": "article20"}),
        help_text=_("The day the Secretary-General received the instrument of withdrawal."),
    )
    withdrawal_effective = forms.DateField(
        label=_("Withdrawal takes effect on"),
        required=False,
        widget=DateInput(attrs={"data-rule-target": "article20"}),
        help_text=_(
            "Blank: six months after the notification (Article 20), e.g. 27 June 2025 gives 27 December 2025. "
            "Later if the State is engaged in an armed conflict then (Article 20(3))."
        ),
    )
    note = CharField(label=_("Note"), required=False, max_length=300, help_text=_("Blank keeps the current note."))
