"""The tables of the report's forms: which rows each form holds, and the row forms that check them.

A table is declared once (`Table`): its key (the draft's key and the formset prefix), the model its
rows are frozen into at submission, the columns in the order of the official form, which of them are
required before submitting, and which numeric columns are summed. Everything else (the editor's
table, the strict check, "blank is not zero", freezing, the public page, the API, the comparison of
versions) is derived from this declaration.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django import forms
from django.db import models as db_models
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from core.fields import DateInput, number_formfield

from . import models as m

MAX_ROWS = 500


def _formfield(db_field, **kwargs):
    if isinstance(db_field, db_models.DateField):
        kwargs.setdefault("widget", DateInput())
    return number_formfield(db_field, **kwargs)


class RowForm(forms.Form):
    """One row of a table. Lenient by default (types only); `strict` adds what a submission needs."""

    table: "Table"

    def __init__(self, *args, strict: bool = False, blanks_confirmed: bool = False, **kwargs):
        self.strict = strict
        self.blanks_confirmed = blanks_confirmed
        super().__init__(*args, **kwargs)
        for name, f in self.fields.items():
            f.required = False
            css = "form-select form-select-sm" if isinstance(f.widget, forms.Select) else "form-control form-control-sm"
            if isinstance(f.widget, forms.CheckboxInput):
                css = "form-check-input"
            f.widget.attrs.update({"class": css})
            if name in self.table.required:
                f.widget.attrs["aria-required"] = "true"

    def clean(self):
        cleaned = super().clean()
        for name in self.table.attachments:  # an attachment's id, nothing else
            value = (cleaned.get(name) or "").strip()
            cleaned[name] = value if value.isdigit() else ""
        if "currency" in self.fields:
            code = (cleaned.get("currency") or "").upper()
            cleaned["currency"] = code
            if cleaned.get(self.table.amount_field) is not None and not code and "currency" not in self.errors:
                self.add_error("currency", _("An amount needs a currency."))
        if not self.strict:
            return cleaned
        for name in self.table.required:
            if name not in self.errors and cleaned.get(name) in (None, "", []):
                self.add_error(name, _("Required before submitting."))
        if not self.blanks_confirmed:
            for name in self.table.numbers:
                if name not in self.errors and name not in self.table.required and cleaned.get(name) is None:
                    self.add_error(
                        name,
                        _("Type a figure (0 if none), or confirm below that the empty figures are not reported."),
                    )
        return cleaned


@dataclass(frozen=True)
class Table:
    key: str
    model: type[db_models.Model]
    title: str
    columns: tuple[str, ...]
    required: tuple[str, ...] = ()
    totals: tuple[str, ...] = ()  # numeric columns summed under the table
    group_by: str = ""  # totals per value of this column (e.g. per release method)
    help_text: str = ""
    wide: tuple[str, ...] = field(default=())  # long text columns, shown on a second line
    attachments: tuple[str, ...] = ()  # FKs to ReportAttachment (Form H's photographs): the id, kept in the row
    # What is held or stands (stockpiles, mined areas, retained mines, laws...): a form marked "unchanged
    # since" still holds these rows, so they are frozen again with the new version. What happened in a
    # year (mines destroyed, land released, casualties...) is not repeated.
    carries: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """What a draft row holds: the columns and the ids of its attachments."""
        return self.columns + self.attachments

    @cached_property
    def form_class(self) -> type[RowForm]:
        fields = fields_for_model(self.model, fields=list(self.columns), formfield_callback=_formfield)
        if "currency" in fields:
            from .sections import currency_choices

            fields["currency"] = forms.ChoiceField(label=_("Currency"), choices=currency_choices, required=False)
        for name in self.attachments:
            fields[name] = forms.CharField(required=False, widget=forms.HiddenInput, label=self.label(name))
        attrs = {**fields, "table": self, "__module__": __name__}
        return type(f"{self.model.__name__}Form", (RowForm,), attrs)

    @cached_property
    def numbers(self) -> tuple[str, ...]:
        """The figures of a row (quantities, areas, amounts, counts): blank is "not reported", never 0."""
        return tuple(
            name
            for name in self.columns
            if isinstance(self.model._meta.get_field(name), db_models.IntegerField | db_models.DecimalField)
            and not name.endswith("year")
        )

    @property
    def amount_field(self) -> str:
        return "amount" if "amount" in self.columns else ""

    def label(self, name: str) -> str:
        return self.model._meta.get_field(name).verbose_name

    def model_field(self, name: str):
        return self.model._meta.get_field(name)


def _t(key, model, title, columns, **kwargs) -> Table:
    return Table(key, model, title, tuple(columns), **kwargs)


# Per section key, its tables in the order of the official form. The C&A "rows" (received/provided)
# keep their own form (sections.CooperationRowForm) and are not declared here.
TABLES: dict[str, tuple[Table, ...]] = {
    "cover": (
        _t(
            "contacts",
            m.ContactRow,
            _("Point(s) of contact"),
            ("name", "organisation", "function", "email", "phone", "is_public"),
            required=("organisation", "email"),
            help_text=_(
                "For the purposes of clarification. Contacts are seen only by your State, the committee and "
                "the ISU, unless you tick “may be made public”."
            ),
            carries=True,
        ),
    ),
    "a": (
        _t(
            "measures",
            m.MeasureRow,
            _("Measures"),
            ("kind", "title", "date_adopted", "reference", "remarks"),
            required=("kind", "title"),
            carries=True,
        ),
    ),
    "b": (
        _t(
            "stockpile",
            m.StockpileRow,
            _("Stockpiled anti-personnel mines"),
            ("mine_type", "quantity", "lot_numbers", "remarks"),
            required=("mine_type", "quantity"),
            totals=("quantity",),
            carries=True,
        ),
        _t(
            "discovered",
            m.DiscoveredStockpileRow,
            _("Previously unknown stockpiles discovered after the destruction deadline"),
            ("mine_type", "quantity", "lot_numbers", "date_found", "destruction_plan", "remarks"),
            required=("mine_type", "quantity"),
            totals=("quantity",),
            wide=("destruction_plan",),
        ),
    ),
    "c": (
        _t(
            "areas",
            m.MinedAreaRow,
            _("Areas known or suspected to contain anti-personnel mines"),
            ("location", "region", "status", "size_m2", "mine_types", "estimated_quantity", "emplaced", "remarks"),
            required=("location", "status"),
            totals=("size_m2", "estimated_quantity"),
            group_by="status",
            carries=True,
        ),
        _t(
            "released",
            m.LandReleaseRow,
            _("Land released in the reporting period"),
            ("method", "region", "area_m2", "mines_destroyed", "remarks"),
            required=("method", "area_m2"),
            totals=("area_m2", "mines_destroyed"),
            group_by="method",
        ),
    ),
    "d": (
        _t(
            "retained",
            m.RetainedRow,
            _("Mines retained (Article 3.1)"),
            ("institution", "mine_type", "quantity", "lot_numbers", "remarks"),
            required=("institution", "mine_type", "quantity"),
            totals=("quantity",),
            carries=True,
        ),
        _t(
            "transferred",
            m.TransferRow,
            _("Mines transferred (Article 3)"),
            ("recipient", "mine_type", "quantity", "purpose", "date", "remarks"),
            required=("recipient", "mine_type", "quantity", "purpose"),
            totals=("quantity",),
        ),
        _t(
            "use",
            m.RetainedUseRow,
            _("Actual use of retained mines in the reporting period"),
            ("mine_type", "quantity", "activity", "remarks"),
            required=("quantity", "activity"),
            totals=("quantity",),
            help_text=_("Voluntary (adopted at the Sixth Meeting of the States Parties)."),
        ),
    ),
    "e": (
        _t(
            "facilities",
            m.FacilityRow,
            _("Production facilities"),
            ("facility", "action", "status", "date", "remarks"),
            required=("facility", "action", "status"),
            carries=True,
        ),
    ),
    "f": (
        _t(
            "programmes",
            m.ProgrammeRow,
            _("Destruction programmes"),
            ("article", "status", "methods", "sites", "standards", "remarks"),
            required=("article", "status", "methods", "sites", "standards"),
            wide=("methods", "sites", "standards"),
        ),
    ),
    "g": (
        _t(
            "destroyed",
            m.DestroyedRow,
            _("Anti-personnel mines destroyed in the reporting period"),
            ("article", "mine_type", "quantity", "lot_numbers", "remarks"),
            required=("article", "mine_type", "quantity"),
            totals=("quantity",),
            group_by="article",
            help_text=_("Lot numbers are asked for stockpiled mines (Article 4) only, if possible."),
        ),
    ),
    "h": (
        _t(
            "types",
            m.MineTypeRow,
            _("Technical characteristics of each type"),
            (
                "designation",
                "producer",
                "dimensions",
                "fusing",
                "explosive_type",
                "explosive_g",
                "metallic_content",
                "colour",
                "remarks",
            ),
            required=("designation", "dimensions", "fusing", "explosive_type", "metallic_content"),
            attachments=("photo",),
            carries=True,
        ),
    ),
    "i": (
        _t(
            "warnings",
            m.WarningRow,
            _("Measures to warn the population"),
            ("kind", "area", "women", "men", "girls", "boys", "remarks"),
            required=("kind",),
            totals=("women", "men", "girls", "boys"),
            help_text=_("People reached: women and men are 18 or over, girls and boys under 18."),
        ),
    ),
    "j": (
        _t(
            "casualties",
            m.CasualtyRow,
            _("Victim assistance: mine casualties in the reporting period"),
            ("outcome", "sex", "age_group", "count", "remarks"),
            required=("outcome", "sex", "age_group", "count"),
            totals=("count",),
            group_by="outcome",
        ),
        _t(
            "command_detonated",
            m.CommandDetonatedRow,
            _("Mines kept only in command-detonated mode (e.g. Claymore, OZM-72)"),
            ("mine_type", "quantity", "measures", "remarks"),
            required=("mine_type", "quantity"),
            totals=("quantity",),
            wide=("measures",),
            carries=True,
        ),
        _t(
            "fuses",
            m.FuseRow,
            _("Anti-vehicle mine fuses"),
            ("fuse_type", "quantity", "action", "remarks"),
            required=("fuse_type", "quantity"),
            totals=("quantity",),
        ),
        _t(
            "foreign",
            m.ForeignStockpileRow,
            _("Foreign stockpiles on the territory"),
            ("holder", "mine_type", "quantity", "location", "remarks"),
            required=("holder",),
            totals=("quantity",),
            carries=True,
        ),
    ),
    "ca": (
        _t(
            "national",
            m.NationalResourceRow,
            _("National resources allocated"),
            ("year", "amount", "currency", "purpose", "remarks"),
            required=("year", "amount", "currency", "purpose"),
        ),
        _t(
            "needs",
            m.NeedRow,
            _("Needs for assistance"),
            ("purpose", "region", "amount", "currency", "from_year", "to_year", "status", "remarks"),
            required=("purpose", "status"),
        ),
    ),
    "gender": (
        _t(
            "teams",
            m.TeamRow,
            _("Composition of survey and clearance teams"),
            ("kind", "women", "men", "remarks"),
            required=("kind",),
            totals=("women", "men"),
        ),
    ),
}
TABLE_BY_KEY: dict[tuple[str, str], Table] = {(s, t.key): t for s, tables in TABLES.items() for t in tables}
ROW_MODELS = [t.model for tables in TABLES.values() for t in tables]


class BaseTableFormSet(forms.BaseFormSet):
    def __init__(self, *args, strict: bool = False, blanks_confirmed: bool = False, **kwargs):
        self.strict = strict
        self.blanks_confirmed = blanks_confirmed
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["strict"] = self.strict
        kwargs["blanks_confirmed"] = self.blanks_confirmed
        return kwargs


def formset_class(table: Table):
    return forms.formset_factory(
        table.form_class, formset=BaseTableFormSet, extra=0, can_delete=True, max_num=MAX_ROWS, absolute_max=MAX_ROWS
    )


def sum_column(rows: list[dict], name: str) -> tuple[Decimal | int | None, int]:
    """(sum of the reported values, how many rows left it empty): an empty figure is not a zero."""
    total = None
    missing = 0
    for row in rows:
        value = row.get(name)
        if value in (None, ""):
            missing += 1
            continue
        value = Decimal(str(value))
        total = value if total is None else total + value
    if total is not None and total == total.to_integral_value():
        total = int(total)
    return total, missing


def total_groups(table: Table, rows: list[dict]) -> list[tuple[str, list[dict]]]:
    """The rows each total line sums: one per value of `group_by` present (its label), then all rows ("")."""
    if not table.totals or not rows:
        return []
    groups: list[tuple[str, list[dict]]] = [("", rows)]
    if table.group_by:
        field = table.model_field(table.group_by)
        labels = dict(field.choices or [])
        groups = [
            (str(labels[value]), [r for r in rows if r.get(table.group_by) == value])
            for value in labels
            if any(r.get(table.group_by) == value for r in rows)
        ]
        groups.append(("", rows))
    return groups


def table_totals(table: Table, rows: list[dict]) -> list[str]:
    """The totals under a table, in the reader's language: per column (and per group), the sum of the
    reported figures, saying how many rows left the figure empty (an empty figure is not a zero)."""
    from core.numbers import format_number

    lines = []
    for group, group_rows in total_groups(table, rows):
        parts = []
        for name in table.totals:
            total, missing = sum_column(group_rows, name)
            text = _("not reported") if total is None else format_number(total)
            if total is not None and missing:
                text = _("%(total)s (%(n)s row(s) not reported)") % {"total": text, "n": missing}
            parts.append(_("%(label)s: %(value)s") % {"label": str(table.label(name)).capitalize(), "value": text})
        lines.append(_("%(label)s: %(value)s") % {"label": group or _("All rows"), "value": "; ".join(parts)})
    return lines
