"""The report's sections (forms A to J, cooperation and assistance, gender and diversity) and their forms.

A section's draft is stored raw, as typed: `{"mode": "filled"|"no_change"|"not_applicable",
"fields": {name: str | list[str]}, "rows": [{name: str}, ...], "lang": "es"}`. `lang` is the language
the numbers were typed in ("12.000" is twelve thousand in Spanish); a section without it (older
drafts, prefilled or recorded figures) holds plain digits ("12000.50"). The same form classes check a
draft leniently (types only) when shown and strictly (everything required) before submission.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from babel.numbers import get_currency_name, get_territory_currencies, list_currencies
from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.fields import CharField, DateInput, NumberField, set_number_locale, year_field
from core.numbers import PLAIN, current_language

from .models import Channel, Direction, Purpose
from .tables import TABLES, Table, formset_class

YES_NO = [("", "—"), ("yes", _("Yes")), ("no", _("No"))]
OAP_ACTIONS = list(range(1, 51))  # Oslo Action Plan 2020-2024: actions #1 to #50
OAP_GENDER_ACTIONS = (45, 47)


class Mode:
    FILLED = "filled"
    NO_CHANGE = "no_change"
    NOT_APPLICABLE = "not_applicable"

    CHOICES = [
        (FILLED, _("Changed: fill in")),
        (NO_CHANGE, _("Unchanged since the last report")),
        (NOT_APPLICABLE, _("Not applicable")),
    ]
    LABELS = dict(CHOICES)


class SectionState:
    EMPTY = "empty"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    NO_CHANGE = "no_change"
    NOT_APPLICABLE = "not_applicable"

    LABELS = {
        EMPTY: _("Empty"),
        IN_PROGRESS: _("In progress"),
        COMPLETE: _("Complete"),
        NO_CHANGE: _("No change"),
        NOT_APPLICABLE: _("Not applicable"),
    }
    DONE = {COMPLETE, NO_CHANGE, NOT_APPLICABLE}


def _yes_no(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class YesNoField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.RadioSelect)
        super().__init__(choices=YES_NO[1:], coerce=_yes_no, empty_value=None, required=False, **kwargs)


# --- currencies -------------------------------------------------------------------------------

COMMON_CURRENCIES = ["USD", "EUR", "GBP", "CHF", "JPY", "NOK", "SEK", "DKK", "CAD", "AUD", "NZD"]


@lru_cache(maxsize=1)
def _current_currencies() -> list[str]:
    from babel import Locale

    today = datetime.date.today()
    codes: set[str] = set()
    for territory in Locale("en").territories:
        if territory.isalpha() and len(territory) == 2:
            codes.update(get_territory_currencies(territory, today))
    return sorted(codes)


def currency_choices() -> list[tuple[str, str]]:
    lang = (translation.get_language() or "en")[:2]
    common = [(c, f"{c} · {get_currency_name(c, locale=lang)}") for c in COMMON_CURRENCIES]
    others = [
        (c, f"{c} · {get_currency_name(c, locale=lang)}") for c in _current_currencies() if c not in COMMON_CURRENCIES
    ]
    return [("", "—"), (_("Common"), common), (_("All currencies"), others)]


def is_iso_currency(code: str) -> bool:
    return code in set(list_currencies())


# --- sections ---------------------------------------------------------------------------------


class SectionForm(forms.Form):
    """A section's fields. `strict=True` enforces what a submitted report needs."""

    required_when_filled: tuple[str, ...] = ()

    def __init__(self, *args, strict: bool = False, **kwargs):
        self.strict = strict
        super().__init__(*args, **kwargs)
        for name, f in self.fields.items():
            f.required = False
            if name in self.required_when_filled:
                f.widget.attrs["aria-required"] = "true"
                f.label_suffix = " *"

    def clean(self):
        cleaned = super().clean()
        if self.strict:
            for name in self.required_when_filled:
                if name not in self.errors and cleaned.get(name) in (None, "", []):
                    self.add_error(name, _("Required before submitting."))
        return cleaned


def _text(label, help_text=""):
    return CharField(label=label, widget=forms.Textarea(attrs={"rows": 5}), help_text=help_text)


BLANKS_LABEL = _("The figures left empty in this form are not reported (not zero)")


class TabledForm(SectionForm):
    """A form of the Convention's format: its tables (reporting/tables.py) plus a text for what does
    not fit the rows, the State's remarks (published with the report), and the confirmation that the
    figures left empty are not reported."""

    text = _text(_("Supplementary information"), _("What does not fit the rows above."))
    remarks = _text(_("Remarks"), _("Published with the report."))
    blanks_confirmed = forms.BooleanField(label=BLANKS_LABEL)


class FormAForm(TabledForm):
    text = _text(
        _("Measures: supplementary information"),
        _("Laws, regulations and other measures (Article 9), e.g. effective date, text of legislation."),
    )


class FormDForm(TabledForm):
    intended_purpose = _text(
        _("Intended purpose of the mines retained"),
        _("Voluntary: the planned use of the retained mines in the coming years."),
    )


class FormJForm(TabledForm):
    va_disability_reached = NumberField(
        label=_("Persons with disabilities reached by services in the reporting period"), min_value=0
    )
    va_text = _text(_("Victim assistance: other information"))
    text = _text(_("Other relevant matters"))


LANGUAGE_CHOICES = [("", "—"), ("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]


class CoverForm(SectionForm):
    period_from = forms.DateField(label=_("Reporting period from"), widget=DateInput())
    period_to = forms.DateField(label=_("Reporting period to"), widget=DateInput())
    language = forms.ChoiceField(label=_("Language of the report"), choices=LANGUAGE_CHOICES)
    remarks = _text(_("Remarks"), _("Published with the report."))
    required_when_filled = ("period_from", "period_to", "language")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_from"), cleaned.get("period_to")
        if start and end and end < start:
            self.add_error("period_to", _("The period ends before it starts."))
        return cleaned


class CooperationForm(SectionForm):
    platform_exists = YesNoField(label=_("Does a national mine action platform exist?"))
    platform_meetings = NumberField(label=_("How many times did it meet in the year?"), min_value=0, max_value=365)
    resource_mobilisation_plan = YesNoField(label=_("Is there a resource mobilisation plan?"))
    resource_mobilisation_text = _text(_("Resource mobilisation plan: details"))
    unmet_needs = _text(_("Assistance needs still unmet"))
    remarks = _text(_("Remarks"), _("Published with the report."))
    blanks_confirmed = forms.BooleanField(label=BLANKS_LABEL)
    required_when_filled = ("platform_exists", "resource_mobilisation_plan")

    def clean(self):
        cleaned = super().clean()
        if self.strict and cleaned.get("platform_exists") and cleaned.get("platform_meetings") is None:
            self.add_error("platform_meetings", _("Say how often the platform met (0 if it did not)."))
        if self.strict and cleaned.get("resource_mobilisation_plan") and not cleaned.get("resource_mobilisation_text"):
            self.add_error("resource_mobilisation_text", _("Describe the plan briefly."))
        return cleaned


DISAGGREGATION_CHOICES = [("sex", _("By sex")), ("age", _("By age")), ("disability", _("By disability"))]


class GenderForm(SectionForm):
    gender_in_mine_action = YesNoField(label=_("Is gender integrated in mine action planning and operations?"))
    diverse_needs_in_mine_action = YesNoField(
        label=_("Are the diverse needs of affected communities (age, disability, …) taken into account?")
    )
    gender_in_cooperation = YesNoField(label=_("Are gender and diversity considered in cooperation and assistance?"))
    gender_disaggregated_data = YesNoField(label=_("Is data disaggregated by sex, age and disability?"))
    gender_text = _text(_("How gender and diversity are integrated"), _("Examples, policies, results."))
    oap_actions = forms.TypedMultipleChoiceField(
        label=_("Oslo Action Plan actions this relates to"),
        choices=[(str(n), f"#{n}") for n in OAP_ACTIONS],
        coerce=int,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "oap-actions"}),
        help_text=_("Actions #45 and #47 concern gender and diversity."),
    )
    disaggregation = forms.MultipleChoiceField(
        label=_("Which figures can your State disaggregate?"),
        choices=DISAGGREGATION_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    remarks = _text(_("Remarks"), _("Published with the report."))
    blanks_confirmed = forms.BooleanField(label=BLANKS_LABEL)
    required_when_filled = (
        "gender_in_mine_action",
        "diverse_needs_in_mine_action",
        "gender_in_cooperation",
        "gender_disaggregated_data",
        "gender_text",
    )


# --- cooperation and assistance rows ---------------------------------------------------------------


def partner_choices(states, organisations) -> list:
    """Partner options: States Parties (`state:ISO3`), organisations (`org:id`), or another (typed)."""
    return [
        ("", "—"),
        (_("States Parties"), [(f"state:{s.iso3}", s.name) for s in states]),
        (_("Organisations"), [(f"org:{o.pk}", str(o)) for o in organisations]),
        (_("Other"), [("other_state", _("Another State (type its name)")), ("other_org", _("Another organisation"))]),
    ]


class CooperationRowForm(forms.Form):
    direction = forms.ChoiceField(label=_("Direction"), choices=[("", "—"), *Direction.choices])
    partner = forms.ChoiceField(label=_("Partner"), choices=[("", "—")])
    partner_name = CharField(label=_("Partner name (other)"), max_length=200)
    year = year_field(_("Year"), min_value=1997)
    amount = NumberField(label=_("Amount"), min_value=0, max_digits=18, decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), choices=[("", "—")])
    purpose = forms.ChoiceField(label=_("Purpose"), choices=[("", "—"), *Purpose.choices])
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", "—"), *Channel.choices])
    gender_considered = forms.TypedChoiceField(
        label=_("Gender and diversity considered"), choices=YES_NO, coerce=_yes_no, empty_value=None
    )
    description = CharField(label=_("Description"), max_length=500)

    def __init__(self, *args, strict: bool = False, partners=None, currencies=None, **kwargs):
        self.strict = strict
        super().__init__(*args, **kwargs)
        for f in self.fields.values():
            f.required = False
        self.fields["partner"].choices = partners or [("", "—")]
        self.fields["currency"].choices = currencies or currency_choices()
        for name, f in self.fields.items():
            css = "form-select form-select-sm" if isinstance(f.widget, forms.Select) else "form-control form-control-sm"
            f.widget.attrs.update({"class": f"{css} js-ca-{name.replace('_', '-')}", "aria-label": str(f.label)})

    def clean_currency(self):
        code = (self.cleaned_data.get("currency") or "").upper()
        if code and not is_iso_currency(code):
            raise forms.ValidationError(_("Choose an ISO 4217 currency code, e.g. USD or EUR."))
        return code

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("amount") is not None and not cleaned.get("currency") and "currency" not in self.errors:
            self.add_error("currency", _("An amount needs a currency."))
        partner = cleaned.get("partner") or ""
        if self.strict and partner.startswith("other") and not cleaned.get("partner_name"):
            self.add_error("partner_name", _("Type the partner's name."))
        if self.strict:
            for name in ("direction", "partner", "year", "purpose"):
                if name not in self.errors and cleaned.get(name) in (None, ""):
                    self.add_error(name, _("Required before submitting."))
        return cleaned


class BaseRowFormSet(forms.BaseFormSet):
    def __init__(self, *args, strict: bool = False, **kwargs):
        self.strict = strict
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["strict"] = self.strict
        return kwargs


CooperationRowFormSet = forms.formset_factory(
    CooperationRowForm, formset=BaseRowFormSet, extra=0, can_delete=True, max_num=500, absolute_max=500
)
ROWS_PREFIX = "rows"
ROW_FIELDS = list(CooperationRowForm.base_fields)


@dataclass(frozen=True)
class Section:
    key: str
    letter: str
    title: str
    form_class: type[SectionForm]
    has_rows: bool = False  # the C&A rows received/provided (CooperationRowForm, prefix "rows")
    has_mode: bool = True  # the cover page is always filled in

    @property
    def heading(self) -> str:
        """ "Form C · Mined areas" for the Convention's forms A to J; the title alone for the others."""
        if self.letter:
            return _("Form %(letter)s · %(title)s") % {"letter": self.letter, "title": self.title}
        return str(self.title)

    @property
    def tables(self) -> tuple[Table, ...]:
        return TABLES.get(self.key, ())

    @property
    def is_form(self) -> bool:
        """One of the Convention's forms A to J (filled in, or marked unchanged or not applicable)."""
        return bool(self.letter)


SECTIONS: list[Section] = [
    Section("cover", "", _("Cover page"), CoverForm, has_mode=False),
    Section("a", "A", _("National implementation measures"), FormAForm),
    Section("b", "B", _("Stockpiled anti-personnel mines"), TabledForm),
    Section("c", "C", _("Location of mined areas"), TabledForm),
    Section("d", "D", _("Mines retained or transferred"), FormDForm),
    Section("e", "E", _("Conversion or decommissioning of production facilities"), TabledForm),
    Section("f", "F", _("Destruction programmes"), TabledForm),
    Section("g", "G", _("Mines destroyed"), TabledForm),
    Section("h", "H", _("Technical characteristics"), TabledForm),
    Section("i", "I", _("Measures to warn the population"), TabledForm),
    Section("j", "J", _("Other relevant matters"), FormJForm),
    Section("ca", "", _("Cooperation and assistance"), CooperationForm, has_rows=True),
    Section("gender", "", _("Gender and diversity"), GenderForm),
]
SECTION_BY_KEY = {s.key: s for s in SECTIONS}
FORM_SECTIONS = [s for s in SECTIONS if s.is_form]


# --- raw <-> forms ----------------------------------------------------------------------------


def _to_querydict(values: dict, prefix: str = "") -> QueryDict:
    qd = QueryDict(mutable=True)
    for name, value in values.items():
        key = f"{prefix}{name}"
        if isinstance(value, list):
            qd.setlist(key, [str(v) for v in value])
        elif value is not None:
            qd[key] = str(value)
    return qd


def raw_value(value) -> str | list[str]:
    """A cleaned value back to what the delegate would have typed (for pre-filling and amending)."""
    if value is None:
        return ""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value)


def json_value(value):
    """A cleaned value to store in a version's JSON content."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [json_value(v) for v in value]
    return value


def section_raw(draft: dict, key: str) -> dict:
    raw = draft.get(key) or {}
    tables = raw.get("tables") or {}
    return {
        "mode": raw.get("mode") or Mode.FILLED,
        "fields": raw.get("fields") or {},
        "rows": raw.get("rows") or [],
        "tables": {t.key: list(tables.get(t.key) or []) for t in TABLES.get(key, ())},
        "lang": raw.get("lang") or PLAIN,
    }


def typed_language(post) -> str:
    """The language of the page the numbers were typed on (sent with the form), else the active one."""
    lang = post.get("lang", "")
    return lang if lang in dict(settings.LANGUAGES) else current_language()


def _rows_from_post(formset, names, post, kept: list[int] | None = None) -> list[dict]:
    rows = []
    if not formset.management_form.is_valid():
        return rows
    for index, row_form in enumerate(formset.forms):
        if row_form.fields["DELETE"].widget.value_from_datadict(post, {}, row_form.add_prefix("DELETE")):
            continue
        row = {}
        for name in names:
            value = row_form.fields[name].widget.value_from_datadict(post, {}, row_form.add_prefix(name))
            if isinstance(row_form.fields[name], forms.BooleanField):
                value = "yes" if value else ""
            row[name] = value or ""
        if any(v for v in row.values()):
            rows.append(row)
            if kept is not None:
                kept.append(index)
    return rows


def kept_row_indices(section: Section, post) -> dict[str, list[int]]:
    """Per table, the index on the page of each row `raw_from_post` keeps (removed and empty rows are not
    kept): a message about row 3 of the page belongs to the draft's row `kept.index(3)`."""
    result = {}
    for table in section.tables:
        kept: list[int] = []
        _rows_from_post(formset_class(table)(post, prefix=table.key), table.names, post, kept)
        result[table.key] = kept
    return result


def raw_from_post(section: Section, post, form_kwargs: dict) -> dict:
    """What the delegate typed in a section form, as stored in the draft (no validation)."""
    form = section.form_class(post)
    fields = {}
    for name, f in form.fields.items():
        value = f.widget.value_from_datadict(post, {}, form.add_prefix(name))
        if isinstance(f, forms.BooleanField):
            value = "yes" if value else ""
        fields[name] = value if isinstance(value, list) else (value or "")
    mode = post.get("mode") if post.get("mode") in Mode.LABELS and section.has_mode else Mode.FILLED
    rows = []
    if section.has_rows:
        rows = _rows_from_post(
            CooperationRowFormSet(post, prefix=ROWS_PREFIX, form_kwargs=form_kwargs), ROW_FIELDS, post
        )
    tables = {
        table.key: _rows_from_post(formset_class(table)(post, prefix=table.key), table.names, post)
        for table in section.tables
    }
    return {"mode": mode, "fields": fields, "rows": rows, "tables": tables, "lang": typed_language(post)}


def is_raw_empty(raw: dict) -> bool:
    fields = {k: v for k, v in raw["fields"].items() if k != "blanks_confirmed"}
    return not any(v for v in fields.values()) and not raw["rows"] and not any(raw.get("tables", {}).values())


def _bound_data(prefix: str, rows: list[dict]) -> QueryDict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        for name, value in row.items():
            if name == "is_public":  # a checkbox: "no" (a prefilled or amended row) must stay unticked
                value = "on" if value in ("yes", "on", True) else ""
            data[f"{prefix}-{i}-{name}"] = value
    return _to_querydict(data)


def _blanks_confirmed(raw: dict) -> bool:
    return raw["fields"].get("blanks_confirmed") in ("yes", "on", True, "True")


def bound_forms(section: Section, raw: dict, *, strict: bool, form_kwargs: dict):
    """The section's form (and rows formset) bound to the stored draft."""
    lang = raw.get("lang") or PLAIN
    fields = dict(raw["fields"])
    if "blanks_confirmed" in fields:
        fields["blanks_confirmed"] = "on" if _blanks_confirmed(raw) else ""
    form = section.form_class(_to_querydict(fields), strict=strict and raw["mode"] == Mode.FILLED)
    set_number_locale(form, lang)
    formset = None
    if section.has_rows:
        formset = CooperationRowFormSet(
            _bound_data(ROWS_PREFIX, raw["rows"]),
            prefix=ROWS_PREFIX,
            strict=strict and raw["mode"] == Mode.FILLED,
            form_kwargs=form_kwargs,
        )
        for row_form in formset.forms:
            set_number_locale(row_form, lang)
    return form, formset


def bound_tables(section: Section, raw: dict, *, strict: bool) -> dict:
    """The section's tables (formsets) bound to the stored draft, by table key."""
    lang = raw.get("lang") or PLAIN
    strict = strict and raw["mode"] == Mode.FILLED
    result = {}
    for table in section.tables:
        formset = formset_class(table)(
            _bound_data(table.key, raw["tables"].get(table.key, [])),
            prefix=table.key,
            strict=strict,
            blanks_confirmed=_blanks_confirmed(raw),
        )
        for row_form in formset.forms:
            set_number_locale(row_form, lang)
        result[table.key] = formset
    return result


@dataclass
class SectionCheck:
    section: Section
    raw: dict
    state: str
    form: forms.Form
    formset: forms.BaseFormSet | None
    problems: list[tuple[str, str, str]]  # (field id, field label, message)
    tables: dict = field(default_factory=dict)

    @property
    def state_label(self) -> str:
        return SectionState.LABELS[self.state]

    @property
    def is_done(self) -> bool:
        return self.state in SectionState.DONE


def _row_problems(formset, title_prefix: str = "") -> list[tuple[str, str, str]]:
    problems = []
    for i, row_form in enumerate(formset.forms):
        for name, errors in row_form.errors.items():
            label = _("Row %(n)s: %(field)s") % {"n": i + 1, "field": row_form.fields[name].label}
            if title_prefix:
                label = f"{title_prefix} · {label}"
            problems += [(row_form[name].id_for_label, str(label), e) for e in errors]
    return problems


def check_section(section: Section, raw: dict, *, form_kwargs: dict) -> SectionCheck:
    """Validate a section strictly; its state for the side list, and each problem with its field."""
    form, formset = bound_forms(section, raw, strict=True, form_kwargs=form_kwargs)
    tables = bound_tables(section, raw, strict=True)
    problems: list[tuple[str, str, str]] = []
    if raw["mode"] == Mode.NO_CHANGE:
        state = SectionState.NO_CHANGE
    elif raw["mode"] == Mode.NOT_APPLICABLE:
        state = SectionState.NOT_APPLICABLE
    else:
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            problems += [(form[name].id_for_label if name in form.fields else "", str(label), e) for e in errors]
        if formset is not None:
            problems += _row_problems(formset)
        for table in section.tables:
            problems += _row_problems(tables[table.key], str(table.title) if len(section.tables) > 1 else "")
        if section.tables and not section.has_rows and section.key not in ("gender",):
            has_rows = any(raw["tables"].get(t.key) for t in section.tables)
            if section.key == "cover" and not raw["tables"].get("contacts"):
                problems.append(
                    ("add-contacts", str(section.tables[0].title), _("Give at least one point of contact."))
                )
            elif section.is_form and not has_rows and not (raw["fields"].get("text") or "").strip():
                problems.append(
                    (
                        f"add-{section.tables[0].key}",
                        str(section.tables[0].title),
                        _("Add at least one row or write the information in the text box."),
                    )
                )
        if is_raw_empty(raw):
            state = SectionState.EMPTY
        elif problems:
            state = SectionState.IN_PROGRESS
        else:
            state = SectionState.COMPLETE
    return SectionCheck(section, raw, state, form, formset, problems, tables)


def partner_split(value: str, partner_name: str, states_by_iso3: dict, orgs_by_pk: dict) -> dict:
    """The typed partner columns of a C&A row from its `partner` choice."""
    from .models import PartnerKind

    if value.startswith("state:") and value[6:] in states_by_iso3:
        return {"partner_kind": PartnerKind.STATE_PARTY, "partner_state": states_by_iso3[value[6:]]}
    if value.startswith("org:") and value[4:].isdigit() and int(value[4:]) in orgs_by_pk:
        return {"partner_kind": PartnerKind.ORGANISATION, "partner_organisation": orgs_by_pk[int(value[4:])]}
    if value == "other_state":
        return {"partner_kind": PartnerKind.OTHER_STATE, "partner_name": partner_name}
    return {"partner_kind": PartnerKind.ORGANISATION, "partner_name": partner_name}


def path_labels(section: Section, paths: list[tuple]) -> list[str]:
    """The labels of the fields at these draft paths (("fields", name), ("rows", i, name) or
    ("tables", key, i, name))."""
    labels = []
    for path in paths:
        if len(path) >= 2 and path[0] == "fields":
            field = section.form_class.base_fields.get(path[1])
            labels.append(str(field.label) if field is not None and field.label else forms.forms.pretty_name(path[1]))
        elif len(path) >= 3 and path[0] == "rows":
            field = CooperationRowForm.base_fields.get(path[2])
            name = str(field.label) if field is not None and field.label else forms.forms.pretty_name(path[2])
            labels.append(_("row %(n)s: %(field)s") % {"n": path[1] + 1, "field": name})
        elif len(path) >= 4 and path[0] == "tables":
            table = next((t for t in section.tables if t.key == path[1]), None)
            name = str(table.label(path[3])) if table is not None and path[3] in table.columns else str(path[3])
            labels.append(_("row %(n)s: %(field)s") % {"n": path[2] + 1, "field": name})
    return labels
