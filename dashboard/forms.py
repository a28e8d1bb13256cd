import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import CharField
from reporting.models import Direction, Purpose

from .selectors import default_year, partner_name

FIRST_YEAR = 1999  # the Convention entered into force on 1 March 1999


class YearForm(forms.Form):
    """The year picker: every cycle the ISU opened and the current one (the default)."""

    year = forms.TypedChoiceField(label=_("Reports on"), coerce=int)

    def __init__(self, query, *, years: list[int]):
        raw = str(query.get("year", "")).strip()
        default = default_year()
        self.invalid = bool(raw) and not (raw.isdigit() and FIRST_YEAR <= int(raw) <= default + 1)
        self.chosen = int(raw) if raw and not self.invalid else default
        super().__init__(initial={"year": self.chosen})
        years = sorted({*years, self.chosen}, reverse=True)
        self.fields["year"].choices = [(y, y) for y in years]
        self.fields["year"].widget.attrs["class"] = "form-select js-autosubmit"


class CaFilterForm(forms.Form):
    direction = forms.ChoiceField(choices=[("", "")] + Direction.choices, required=False)
    purpose = forms.ChoiceField(choices=[("", "")] + Purpose.choices, required=False)
    currency = forms.RegexField(regex=r"^[A-Z]{3}$", required=False)
    partner = CharField(max_length=210, required=False)
    # Rows without an amount carry qualitative information only; the labels are the dashboard's own.
    amount = forms.ChoiceField(
        choices=[("", ""), ("none", _("Qualitative C&A")), ("some", _("Quantitative C&A"))], required=False
    )

    def filters(self) -> dict:
        """Valid filters only: an unknown value is ignored rather than showing an error on a read-only list."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) or "" for name in self.fields if name in self.cleaned_data}

    def describe(self) -> list[tuple[str, str]]:
        f = self.filters()
        out = []
        if f.get("direction"):
            out.append((str(_("Direction")), Direction(f["direction"]).label))
        if f.get("purpose"):
            out.append((str(_("Purpose")), Purpose(f["purpose"]).label))
        if f.get("currency"):
            out.append((str(_("Currency")), f["currency"]))
        if f.get("partner"):
            out.append((str(_("Partner")), partner_name(f["partner"])))
        if f.get("amount"):
            out.append((str(dict(self.fields["amount"].choices)[f["amount"]]), ""))
        return out


class ObligationFilterForm(forms.Form):
    source = forms.SlugField(max_length=32)
    cycle = CharField(max_length=32)
    deadline = forms.DateField(required=False, input_formats=["%Y-%m-%d"])

    def clean_deadline(self) -> datetime.date | None:
        return self.cleaned_data.get("deadline") or None
