"""A report version as a plain structure to render (public page, print view, PDF) and to compare."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.fields import NumberField
from core.numbers import format_number

from .models import Channel, Direction, Purpose, ReportVersion
from .sections import SECTIONS, CooperationRowForm, Mode
from .tables import Table, table_totals

ROW_COLUMNS = ["direction", "partner_label", "year", "amount", "currency", "purpose", "channel", "gender_considered"]
# Quantities shown with the reader's grouping (12.000 in Spanish); years and other ordinals are not grouped.
NUMBER_NAMES = {
    name
    for form_class in {s.form_class for s in SECTIONS} | {CooperationRowForm}
    for name, f in form_class.base_fields.items()
    if isinstance(f, NumberField) and f.grouping
}
CHOICE_LABELS = {
    "direction": dict(Direction.choices),
    "purpose": dict(Purpose.choices),
    "channel": dict(Channel.choices),
}


def display(value, name: str = "") -> str:
    if value is None or value == "" or value == []:
        return "—"
    if value is True or value == "yes":
        return _("Yes")
    if value is False or value == "no":
        return _("No")
    if isinstance(value, list):
        return ", ".join(f"#{v}" for v in value) if name == "oap_actions" else ", ".join(map(str, value))
    if name in CHOICE_LABELS:
        return str(CHOICE_LABELS[name].get(value, value))
    if name in NUMBER_NAMES:
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return str(value)
        places = 0 if number == number.to_integral_value() else 2
        return format_number(number, places=places)
    return str(value)


@dataclass
class DocField:
    name: str
    label: str
    value: str
    is_text: bool = False


@dataclass
class DocTable:
    key: str
    title: str
    columns: list[tuple[str, str, bool]]  # (name, label, is a figure)
    rows: list[list[str]]
    totals: list[str]


def cell(table: Table, name: str, value) -> str:
    """A row's value as printed: choices by their label, dates and figures the reader's way; an empty
    figure reads "not reported", never 0."""
    model_field = table.model_field(name)
    if value in (None, ""):
        return _("not reported") if name in table.numbers else "—"
    if model_field.choices:
        return str(dict(model_field.choices).get(value, value))
    if model_field.get_internal_type() == "BooleanField":
        return _("Yes") if value in (True, "yes") else _("No")
    if model_field.get_internal_type() == "DateField":
        date = parse_date(str(value))
        return date_format(date, "DATE_FORMAT") if date else str(value)
    if name in table.numbers:
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return str(value)
        places = 0 if number == number.to_integral_value() else 2
        return format_number(number, places=places)
    return str(value)


def doc_tables(section, tables: dict) -> list[DocTable]:
    out = []
    for table in section.tables:
        rows = tables.get(table.key) or []
        out.append(
            DocTable(
                table.key,
                str(table.title),
                [(n, str(table.label(n)).capitalize(), n in table.numbers) for n in table.columns],
                [[cell(table, n, r.get(n)) for n in table.columns] for r in rows],
                table_totals(table, rows),
            )
        )
    return out


@dataclass
class DocSection:
    key: str
    letter: str
    title: str
    mode: str
    mode_label: str
    heading: str = ""
    fields: list[DocField] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    totals: list[tuple[str, str, str]] = field(default_factory=list)  # (direction, currency, total)
    tables: list[DocTable] = field(default_factory=list)
    unchanged_since: int | None = None


def currency_totals(rows: list[dict]) -> list[tuple[str, str, str]]:
    totals: dict[tuple[str, str], Decimal] = {}
    for row in rows:
        amount, currency = row.get("amount"), row.get("currency")
        if amount in (None, "") or not currency:
            continue
        try:
            key = (row.get("direction") or "", currency)
            totals[key] = totals.get(key, Decimal("0")) + Decimal(str(amount))
        except InvalidOperation:
            continue
    return [
        (display(direction, "direction"), currency, display(total, "amount"))
        for (direction, currency), total in sorted(totals.items())
    ]


def _fill(doc: DocSection, section, entry: dict) -> None:
    form = section.form_class()
    for name, f in form.fields.items():
        if name == "blanks_confirmed":
            continue
        value = (entry.get("fields") or {}).get(name)
        doc.fields.append(
            DocField(name, str(f.label), display(value, name), is_text=f.widget.__class__.__name__ == "Textarea")
        )
    rows = entry.get("rows") or []
    doc.rows = [
        {c: display(r.get(c), c) for c in ROW_COLUMNS} | {"description": r.get("description") or ""} for r in rows
    ]
    doc.totals = currency_totals(rows)
    doc.tables = doc_tables(section, entry.get("tables") or {})


def document_sections(content: dict, *, public: bool = False) -> list[DocSection]:
    """Each section of a version's content with display values, in the Convention's order. A form
    "unchanged since <year>" shows what was reported then. `public` leaves out the contacts the State
    did not make public."""
    out = []
    stored = content.get("sections") or {}
    for section in SECTIONS:
        entry = stored.get(section.key)
        if entry is None:
            out.append(DocSection(section.key, section.letter, str(section.title), "missing", _("Not provided")))
            continue
        mode = entry.get("mode") or Mode.FILLED
        label = str(Mode.LABELS.get(mode, ""))
        if mode == Mode.NO_CHANGE and entry.get("unchanged_since"):
            label = _("Unchanged since the report on %(year)s; as reported then:") % {"year": entry["unchanged_since"]}
        doc = DocSection(section.key, section.letter, str(section.title), mode, label, section.heading)
        doc.unchanged_since = entry.get("unchanged_since")
        if mode == Mode.FILLED:
            _fill(doc, section, entry)
        elif mode == Mode.NO_CHANGE and entry.get("carried"):
            _fill(doc, section, entry["carried"])
        if public and section.key == "cover":
            contacts = (entry.get("tables") or {}).get("contacts") or []
            doc.tables = doc_tables(section, {"contacts": [c for c in contacts if c.get("is_public")]})
        out.append(doc)
    return out


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class SectionDiff:
    heading: str
    changes: list[Change]


def _row_signature(row: dict) -> str:
    return " · ".join(display(row.get(c), c) for c in ROW_COLUMNS)


def diff_versions(old: ReportVersion, new: ReportVersion) -> list[SectionDiff]:
    """What changed between two versions, section by section (unchanged sections are left out)."""
    a_sections = {s.key: s for s in document_sections(old.content)}
    b_sections = {s.key: s for s in document_sections(new.content)}
    a_raw = old.content.get("sections") or {}
    b_raw = new.content.get("sections") or {}
    out = []
    for section in SECTIONS:
        a, b = a_sections[section.key], b_sections[section.key]
        changes = []
        if a.mode != b.mode:
            changes.append(Change(_("Section"), a.mode_label, b.mode_label))
        a_fields = {f.name: f for f in a.fields}
        for f in b.fields:
            old_value = a_fields[f.name].value if f.name in a_fields else "—"
            if old_value != f.value:
                changes.append(Change(f.label, old_value, f.value))
        a_rows = [_row_signature(r) for r in (a_raw.get(section.key) or {}).get("rows") or []]
        b_rows = [_row_signature(r) for r in (b_raw.get(section.key) or {}).get("rows") or []]
        for r in a_rows:
            if r not in b_rows:
                changes.append(Change(_("Row removed"), r, "—"))
        for r in b_rows:
            if r not in a_rows:
                changes.append(Change(_("Row added"), "—", r))
        a_tables = {t.key: t for t in a.tables}
        for t in b.tables:
            before = a_tables[t.key].rows if t.key in a_tables else []
            for i in range(max(len(before), len(t.rows))):
                old_row = " · ".join(before[i]) if i < len(before) else "—"
                new_row = " · ".join(t.rows[i]) if i < len(t.rows) else "—"
                if old_row != new_row:
                    label = _("%(table)s, row %(n)s") % {"table": t.title, "n": i + 1}
                    changes.append(Change(label, old_row, new_row))
        if changes:
            out.append(SectionDiff(section.heading, changes))
    return out


def receipt(report) -> dict:
    """Who submitted, when, and whether it was on time: shown after submission and on the PDF."""
    deadline: datetime.date | None = report.deadline_at_submission
    return {
        "submitted_by": report.submitted_by,
        "submitted_at": report.submitted_at,
        "submitted_on": report.submitted_on,
        "deadline": deadline,
        "is_late": report.is_late,
        "days_late": (report.submitted_on - deadline).days if report.is_late and deadline else 0,
    }


def key_figures(version: ReportVersion) -> list[tuple[str, str]]:
    """The figures the committee reads first, from the version's typed columns."""
    return [
        (_("Area suspected or confirmed to contain mines (m²)"), display(version.area_contaminated_m2, "amount")),
        (_("Area released in the year (m²)"), display(version.area_released_m2, "amount")),
        (_("Mines destroyed"), display(version.mines_destroyed, "mines_destroyed")),
        (_("Mines retained"), display(version.mines_retained, "mines_retained")),
        (_("C&A rows"), str(version.ca_rows.count())),
    ]
