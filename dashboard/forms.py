import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import CharField
from reporting.models import Direction, Purpose
from states.models import State

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


NOT_STATED = "_"  # rows that left the column empty (see tables.rows_url)


class FormRowFilterForm(forms.Form):
    """The filters of a drill-down to the forms' rows: a State, the category of the figure (and the
    source's other columns), or only the rows that left the figure empty. Unknown values are ignored."""

    state = forms.RegexField(regex=r"^[A-Za-z]{3}$", required=False)
    not_reported = forms.BooleanField(required=False)

    def __init__(self, data, *, source):
        self.source = source
        super().__init__(data)
        model = source.model
        for name in (source.category, *source.filters):
            field = model._meta.get_field(name)
            if field.choices:
                choices = [("", ""), (NOT_STATED, NOT_STATED), *[(v, v) for v, _label in field.choices]]
                self.fields[name] = forms.ChoiceField(choices=choices, required=False)
            else:
                self.fields[name] = CharField(max_length=field.max_length, required=False)

    def _columns(self) -> list[str]:
        return [self.source.category, *self.source.filters]

    def filters(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        out: dict = {"state": (data.get("state") or "").upper(), "not_reported": bool(data.get("not_reported"))}
        for name in self._columns():
            value = data.get(name) or ""
            if value == "":
                continue
            value = "" if value == NOT_STATED else value
            if name == self.source.category:
                out["category"] = value
            else:
                out[name] = value
        return out

    def describe(self) -> list[tuple[str, str]]:
        f = self.filters()
        model = self.source.model
        out = []
        if f["state"]:
            state = State.objects.filter(iso3=f["state"]).first()
            out.append((str(_("State")), state.name if state else f["state"]))
        for name in self._columns():
            key = "category" if name == self.source.category else name
            if key not in f:
                continue
            field = model._meta.get_field(name)
            label = dict(field.choices or []).get(f[key], f[key]) if f[key] else _("Not stated")
            out.append((str(field.verbose_name).capitalize(), str(label)))
        if f["not_reported"]:
            out.append((str(_("Figure not reported")), ""))
        return out
