"""A report version as a plain structure to render (public page, print view, PDF) and to compare."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.fields import NumberField
from core.numbers import format_number

from . import selectors
from .models import Channel, Direction, Purpose, ReportVersion
from .sections import SECTIONS, CooperationRowForm, Mode
from .tables import Table, sum_column, table_totals, total_groups

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
class DocRow:
    cells: list[tuple[str, bool]]  # (display value, is a figure: right-aligned)
    photo: int | None = None  # a ReportAttachment id (Form H)
    photo_url: str = ""


@dataclass
class DocTable:
    key: str
    title: str
    columns: list[tuple[str, str, bool]]  # (name, label, is a figure)
    rows: list[list[str]]
    totals: list[str]
    body: list[DocRow] = field(default_factory=list)
    total_rows: list[list[tuple[str, bool]]] = field(default_factory=list)  # aligned under the figure columns
    photo_label: str = ""  # the photographs' column, for a table that has one

    @property
    def width(self) -> int:
        return len(self.columns) + (1 if self.photo_label else 0)

    @property
    def is_wide(self) -> bool:
        """Too many columns for a portrait A4 page: printed on a landscape page."""
        return self.width >= 7


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


def _total_rows(table: Table, rows: list[dict]) -> list[list[tuple[str, bool]]]:
    """A totals row per group (then all rows): the label in the first column, each summed figure under
    its column; a figure no row reported reads "not reported", a partial sum says how many rows lack it."""
    out = []
    groups = total_groups(table, rows)
    if len(groups) == 2:  # one group only: its total is the total of all rows
        groups = groups[:1]
    for group, group_rows in groups:
        label = _("Total: %(group)s") % {"group": group} if group else _("Total")
        line: list[tuple[str, bool]] = []
        for i, name in enumerate(table.columns):
            if name in table.totals:
                total, missing = sum_column(group_rows, name)
                text = _("not reported") if total is None else format_number(total)
                if total is not None and missing:
                    text = _("%(total)s (%(n)s row(s) not reported)") % {"total": text, "n": missing}
                line.append((text, True))
            else:
                line.append((str(label) if i == 0 else "", False))
        out.append(line)
    return out


def _photo_id(row: dict, table: Table) -> int | None:
    for name in table.attachments:
        value = str(row.get(name) or "")
        if value.isdigit():
            return int(value)
    return None


def doc_tables(section, tables: dict) -> list[DocTable]:
    out = []
    for table in section.tables:
        rows = tables.get(table.key) or []
        values = [[cell(table, n, r.get(n)) for n in table.columns] for r in rows]
        figures = [n in table.numbers for n in table.columns]
        out.append(
            DocTable(
                table.key,
                str(table.title),
                [(n, str(table.label(n)).capitalize(), n in table.numbers) for n in table.columns],
                values,
                table_totals(table, rows),
                body=[
                    DocRow(list(zip(v, figures, strict=True)), _photo_id(r, table))
                    for v, r in zip(values, rows, strict=True)
                ],
                total_rows=_total_rows(table, rows),
                photo_label=str(table.label(table.attachments[0])).capitalize() if table.attachments else "",
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
    article: str = ""  # "Article 7.1 (a)": what the form answers

    @property
    def main_fields(self) -> list[DocField]:
        """The form's own fields, without its supplementary information and remarks (printed last)."""
        return [f for f in self.fields if f.name not in ("text", "remarks")]

    @property
    def supplementary(self) -> DocField | None:
        return next((f for f in self.fields if f.name == "text" and f.value != "—"), None)

    @property
    def remarks(self) -> DocField | None:
        return next((f for f in self.fields if f.name == "remarks" and f.value != "—"), None)

    @property
    def is_wide(self) -> bool:
        return any(t.is_wide for t in self.tables)

    @property
    def photos(self) -> list[DocRow]:
        return [r for t in self.tables for r in t.body if r.photo]


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
        shown = _("not reported") if isinstance(f, NumberField) and value in (None, "") else display(value, name)
        doc.fields.append(DocField(name, str(f.label), shown, is_text=f.widget.__class__.__name__ == "Textarea"))
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
        doc.article = article_reference(section.key)
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


# What each form answers in the Convention (Article 7.1 (a) to (i)); Form J is voluntary.
ARTICLE_REFERENCES = {key: f"7.1 ({key})" for key in "abcdefghi"}


def article_reference(key: str) -> str:
    if key in ARTICLE_REFERENCES:
        return _("Article %(ref)s") % {"ref": ARTICLE_REFERENCES[key]}
    if key == "j":
        return _("Voluntary reporting")
    return ""


@dataclass
class FormStatus:
    letter: str
    title: str
    status: str  # changed, unchanged, not_applicable, missing
    label: str


@dataclass
class DocCover:
    state: str
    period_from: str
    period_to: str
    submitted_on: str
    is_initial: bool
    language: str
    contacts: DocTable | None
    contacts_hidden: bool  # the State has contacts it did not make public
    forms: list[FormStatus]
    remarks: str = ""

    @property
    def kind_label(self) -> str:
        return _("Initial report") if self.is_initial else _("Annual report")

    @property
    def simplified(self) -> bool:
        """Nothing new in forms A to J (each unchanged or not applicable): the simplified cover page."""
        return bool(self.forms) and all(f.status in ("unchanged", "not_applicable") for f in self.forms)


@dataclass
class Document:
    cover: DocCover
    sections: list[DocSection]  # what is printed after the cover page
    all_sections: list[DocSection]


def _date(value) -> str:
    date = parse_date(str(value or ""))
    return date_format(date, "DATE_FORMAT") if date else "—"


def _form_status(doc: DocSection) -> FormStatus:
    if doc.mode == Mode.FILLED:
        status, label = "changed", _("Changed")
    elif doc.mode == Mode.NO_CHANGE:
        status = "unchanged"
        label = (
            _("Unchanged since the report of %(year)s") % {"year": doc.unchanged_since}
            if doc.unchanged_since
            else _("Unchanged since the last report")
        )
    elif doc.mode == Mode.NOT_APPLICABLE:
        status, label = "not_applicable", _("Not applicable")
    else:
        status, label = "missing", _("Not provided")
    return FormStatus(doc.letter, doc.title, status, str(label))


def _is_initial(report) -> bool:
    report_kind = getattr(selectors, "report_kind", None)
    if report_kind is None:  # TODO(issue 16): t16-registry adds selectors.report_kind; until then, annual
        return False
    kind = report_kind(report.state, report.cycle)
    return str(getattr(kind, "value", kind)).lower().startswith("initial")


def document(version: ReportVersion, *, public: bool, photo_url=None) -> Document:
    """The whole report as printed: the cover page (State, period, submission, kind, contacts, the
    status of each form A to J), then the forms. When every form A to J is unchanged or not applicable
    the cover page is the simplified one and only what changed follows it. `photo_url(id)` gives the
    address of each Form H photograph."""
    report = version.report
    sections = document_sections(version.content, public=public)
    by_key = {s.key: s for s in sections}
    entry = (version.content.get("sections") or {}).get("cover") or {}
    fields = entry.get("fields") or {}
    if fields.get("period_from") and fields.get("period_to"):
        start, end = fields["period_from"], fields["period_to"]
    else:
        start, end = (d.isoformat() for d in selectors.reporting_period(report.state, report.cycle))
    all_contacts = (entry.get("tables") or {}).get("contacts") or []
    cover_doc = by_key["cover"]
    contacts = next((t for t in cover_doc.tables if t.key == "contacts" and t.rows), None)
    cover = DocCover(
        state=report.state.name,
        period_from=_date(start),
        period_to=_date(end),
        submitted_on=date_format(version.received_on, "DATE_FORMAT") if version.received_on else "—",
        is_initial=_is_initial(report),
        language=display(fields.get("language"), "language") if fields.get("language") else "—",
        contacts=contacts,
        contacts_hidden=public and len(all_contacts) > len(contacts.rows if contacts else []),
        forms=[_form_status(by_key[s.key]) for s in SECTIONS if s.is_form],
        remarks=(fields.get("remarks") or "").strip(),
    )
    if fields.get("language"):
        from .sections import LANGUAGE_CHOICES

        cover.language = str(dict(LANGUAGE_CHOICES).get(fields["language"], fields["language"]))
    printed = [s for s in sections if s.key != "cover" and (not cover.simplified or s.mode == Mode.FILLED)]
    if photo_url is not None:
        for s in printed:
            for row in s.photos:
                row.photo_url = photo_url(row.photo)
    return Document(cover, printed, sections)


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
        (_("Mines destroyed"), display(version.mines_destroyed, "amount")),
        (_("Mines retained"), display(version.mines_retained, "amount")),
        (_("C&A rows"), str(version.ca_rows.count())),
    ]
