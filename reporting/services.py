"""Writes for Article 7 reports: start, save a draft, submit (by the State on the web, or keyed in by the
ISU from a report received by e-mail or on paper), amend, recall and reinstate a version, the ISU's
internal remarks per section, and the ISU's reporting cycles (open, deadline and note, extensions)."""

import datetime
import os
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import AuditEvent, User
from accounts.services import audit_action
from core.converters import MAX_YEAR, MIN_YEAR, is_valid_year
from core.services import Update
from core.text import strip_tree
from states.models import Organisation, State

from . import selectors
from .models import (
    CooperationRow,
    DeadlineExtension,
    Report,
    ReportAttachment,
    ReportingCycle,
    ReportState,
    ReportVersion,
    SectionReview,
    VersionSource,
    default_deadline,
)
from .sections import (
    FORM_SECTIONS,
    SECTION_BY_KEY,
    SECTIONS,
    Mode,
    SectionCheck,
    bound_tables,
    check_section,
    json_value,
    partner_split,
    raw_value,
    section_raw,
)


class StaleDraftError(Exception):
    """The form was based on an older revision and someone changed the same section since."""

    def __init__(self, *, changes: list[dict], saved_by, saved_at, current_token: int):
        self.changes = changes
        self.saved_by = saved_by
        self.saved_at = saved_at
        self.current_token = current_token
        super().__init__(
            _("Someone else saved this report since you opened it. Nothing was saved; review their changes.")
        )


class ReportNotReady(ValidationError):
    """A report cannot be submitted: `problems` lists every problem with its section and field."""

    def __init__(self, problems: list["Problem"]):
        self.problems = problems
        super().__init__(_("The report has %(n)s problem(s) to fix before it can be submitted.") % {"n": len(problems)})


@dataclass(frozen=True)
class Problem:
    section: str  # section key
    section_title: str
    field_id: str
    label: str
    message: str


# --- cycles -----------------------------------------------------------------------------------


def _cycle_errors(*, year: int, deadline: datetime.date) -> dict:
    if not is_valid_year(year):
        return {"year": _("Choose a year between %(min)s and %(max)s.") % {"min": MIN_YEAR, "max": MAX_YEAR}}
    if deadline <= datetime.date(year, 12, 31):
        return {"deadline": _("The deadline must be after the year reported on.")}
    return {}


@transaction.atomic
def cycle_create(
    *, year: int, deadline: datetime.date | None = None, note: str = "", by: User | None = None
) -> tuple[ReportingCycle, bool]:
    """Open the reporting on `year` (ISU, the yearly beat task, demo data). Returns (cycle, created):
    a cycle already open is returned unchanged, so running it twice is harmless (`year` is unique)."""
    deadline = deadline or default_deadline(year)
    errors = _cycle_errors(year=year, deadline=deadline)
    if errors:
        raise ValidationError(errors)
    existing = ReportingCycle.objects.filter(year=year).first()
    if existing is not None:
        return existing, False
    cycle = ReportingCycle(year=year, deadline=deadline, note=note.strip())
    cycle._history_user = by
    try:
        with transaction.atomic():
            cycle.save()
    except IntegrityError:  # opened at the same moment by someone else
        return ReportingCycle.objects.get(year=year), False
    return cycle, True


_KEEP = object()


@transaction.atomic
def cycle_update(
    *,
    cycle: ReportingCycle,
    deadline: datetime.date,
    note: str,
    online_tool_promoted_by=_KEEP,
    by: User | None = None,
) -> Update[ReportingCycle]:
    """Change the cycle's deadline, note and who promoted the online tool; says what changed, compared with
    the stored row."""
    stored = ReportingCycle.objects.select_for_update().get(pk=cycle.pk)
    errors = _cycle_errors(year=stored.year, deadline=deadline)
    if errors:
        raise ValidationError(errors)
    values = {"deadline": deadline, "note": note.strip()}
    if online_tool_promoted_by is not _KEEP:
        values["online_tool_promoted_by"] = online_tool_promoted_by
    changed = [name for name, value in values.items() if getattr(stored, name) != value]
    if not changed:
        return Update(cycle)
    for name in changed:
        setattr(stored, name, values[name])
    stored._history_user = by
    stored.save(update_fields=changed)
    for name in values:
        setattr(cycle, name, getattr(stored, name))
    return Update(cycle, tuple(changed))


CYCLE_OPENING_LEAD = datetime.timedelta(days=31)


def cycle_open_next(*, today: datetime.date | None = None) -> tuple[ReportingCycle, bool]:
    """The yearly task (1 December): open the cycle that is current a month from now, i.e. the reports
    on this calendar year, current from 1 January. Run on any other day it opens the current cycle
    if it is missing (a late run catches up). Idempotent: (cycle, False) when it is already open."""
    today = today or timezone.localdate()
    return cycle_create(year=selectors.current_cycle_year(today + CYCLE_OPENING_LEAD))


@transaction.atomic
def deadline_extension_grant(
    *, cycle: ReportingCycle, state: State, new_deadline: datetime.date, reason: str, by: User | None
) -> Update[DeadlineExtension]:
    """Give one State a later deadline for one cycle; the reason is required and kept in the history."""
    errors = {}
    if not reason.strip():
        errors["reason"] = _("Say why the extension is granted.")
    own = selectors.own_deadline(state, cycle) or cycle.deadline
    if new_deadline <= own and own != cycle.deadline:  # an initial report, due 180 days after entry into force
        errors["new_deadline"] = _("An extension must be later than the State's initial-report deadline (%(d)s).") % {
            "d": date_format(own, "DATE_FORMAT")
        }
    elif new_deadline <= own:
        errors["new_deadline"] = _("An extension must be later than the cycle's deadline (%(d)s).") % {
            "d": cycle.deadline
        }
    if errors:
        raise ValidationError(errors)
    extension = DeadlineExtension.objects.select_for_update().filter(cycle=cycle, state=state).first()
    values = {"new_deadline": new_deadline, "reason": reason.strip()}
    if extension is None:
        extension = DeadlineExtension(cycle=cycle, state=state)
        changed = list(values)
    else:
        changed = [name for name, value in values.items() if getattr(extension, name) != value]
        if not changed:
            return Update(extension)
    for name, value in values.items():
        setattr(extension, name, value)
    extension.granted_by = by
    extension._history_user = by
    extension.save()
    return Update(extension, tuple(changed))


# --- drafts -----------------------------------------------------------------------------------


def _raw_rows(rows) -> list[dict]:
    return [{name: raw_value(v) for name, v in row.items() if name != "partner_label"} for row in rows or []]


def _raw_from_content(content: dict) -> dict:
    """A submitted version's content as a draft (what the delegate would have typed), every row copied."""
    draft = {}
    for key, section in (content.get("sections") or {}).items():
        draft[key] = {
            "mode": section.get("mode") or Mode.FILLED,
            "fields": {name: raw_value(v) for name, v in (section.get("fields") or {}).items()},
            "rows": _raw_rows(section.get("rows")),
            "tables": {name: _raw_rows(rows) for name, rows in (section.get("tables") or {}).items()},
        }
    return draft


def cover_defaults(state: State, cycle: ReportingCycle) -> dict:
    """The cover page of a new report: the reporting period (the calendar year; an initial report runs
    from entry into force) and the report's language."""
    start, end = selectors.reporting_period(state, cycle)
    return {
        "mode": Mode.FILLED,
        "fields": {"period_from": start.isoformat(), "period_to": end.isoformat(), "language": "", "remarks": ""},
        "rows": [],
        "tables": {"contacts": []},
    }


@transaction.atomic
def report_start(*, state: State, cycle: ReportingCycle, by: User | None, prefill_from_last_year: bool) -> Report:
    """Start the State's report for the cycle, empty or pre-filled from its last submitted report.
    Starting twice returns the existing report unchanged. An unsaved `cycle` (a new State Party's
    initial report, due before the yearly task opens the cycle on 1 December) is opened first."""
    if cycle.pk is None:  # an initial report started before its cycle opened (permissions.get_cycle_to_start)
        cycle, _created = cycle_create(year=cycle.year, by=by)
    existing = Report.objects.filter(state=state, cycle=cycle).first()
    if existing is not None:
        return existing
    if not selectors.is_report_required(state, cycle):
        raise ValidationError(_("%(state)s does not owe a report on %(year)s.") % {"state": state, "year": cycle.year})
    report = Report(state=state, cycle=cycle, created_by=by, draft_saved_by=by)
    if prefill_from_last_year:
        previous = selectors.last_submitted_version(state=state, before_year=cycle.year)
        if previous is not None:
            report.draft_data = _raw_from_content(previous.content)
            report.prefilled_from = previous
    cover = cover_defaults(state, cycle)
    if "cover" in report.draft_data:  # the contacts and language carry over; the period is this one's
        cover["fields"].update(
            {
                k: v
                for k, v in report.draft_data["cover"]["fields"].items()
                if k not in cover["fields"] or k in ("language", "remarks")
            }
        )
        cover["tables"] = report.draft_data["cover"].get("tables") or cover["tables"]
    report.draft_data["cover"] = cover
    report._history_user = by
    report.save()
    return report


def _changes_between(old: dict, new: dict, keys) -> list[dict]:
    """Field-by-field differences between two drafts for the given sections (for a stale-save message)."""
    changes = []
    for key in keys:
        section = SECTION_BY_KEY[key]
        a, b = section_raw(old, key), section_raw(new, key)
        if a["mode"] != b["mode"]:
            changes.append(
                {
                    "section": section,
                    "field": _("Section"),
                    "old": Mode.LABELS[a["mode"]],
                    "new": Mode.LABELS[b["mode"]],
                }
            )
        form = section.form_class()
        for name, f in form.fields.items():
            va, vb = a["fields"].get(name, ""), b["fields"].get(name, "")
            if (va or "") != (vb or ""):
                changes.append({"section": section, "field": f.label, "old": va, "new": vb, "name": name})
        if a["rows"] != b["rows"]:
            changes.append(
                {
                    "section": section,
                    "field": _("Cooperation and assistance rows"),
                    "old": _("%(n)s row(s)") % {"n": len(a["rows"])},
                    "new": _("%(n)s row(s)") % {"n": len(b["rows"])},
                }
            )
        for table in section.tables:
            ra, rb = a["tables"].get(table.key, []), b["tables"].get(table.key, [])
            if ra != rb:
                changes.append(
                    {
                        "section": section,
                        "field": table.title,
                        "old": _("%(n)s row(s)") % {"n": len(ra)},
                        "new": _("%(n)s row(s)") % {"n": len(rb)},
                    }
                )
    return changes


def _draft_at_token(report: Report, token: int) -> dict | None:
    record = report.history.filter(version_token=token).order_by("-history_id").first()
    return record.draft_data if record is not None else None


@transaction.atomic
def report_save_draft(*, report: Report, data: dict, by: User | None, expected_version_token: int) -> Update[Report]:
    """Save some sections of the draft as typed, valid or not; sections as already stored write nothing.

    `data` maps section keys to raw sections (`{"mode", "fields", "rows"}`). If the draft changed since
    `expected_version_token` *in any of these sections*, nothing is saved and `StaleDraftError` says
    what changed; changes to other sections are merged (nothing is overwritten).
    """
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not report.is_editable:
        raise ValidationError(_("This report is submitted and read-only. Amend it to make changes."))
    unknown = set(data) - set(SECTION_BY_KEY)
    if unknown:
        raise ValidationError(_("Unknown section(s): %(keys)s") % {"keys": ", ".join(sorted(unknown))})
    if expected_version_token != report.version_token:
        base = _draft_at_token(report, expected_version_token)
        changes = _changes_between(base if base is not None else {}, report.draft_data, data.keys())
        if base is None or changes:
            raise StaleDraftError(
                changes=changes,
                saved_by=report.draft_saved_by,
                saved_at=report.draft_saved_at,
                current_token=report.version_token,
            )
    data, _stripped = strip_tree(data)  # PostgreSQL refuses NUL in JSON; the view says what was removed
    draft = dict(report.draft_data)
    for key, raw in data.items():
        draft[key] = {
            "mode": raw.get("mode") or Mode.FILLED,
            "fields": dict(raw.get("fields") or {}),
            "rows": list(raw.get("rows") or []),
            "tables": {name: list(rows or []) for name, rows in (raw.get("tables") or {}).items()},
        }
        if raw.get("lang"):
            draft[key]["lang"] = raw["lang"]  # the language the numbers were typed in
    changed = tuple(key for key in data if section_raw(draft, key) != section_raw(report.draft_data, key))
    if not changed:
        return Update(report)
    report.draft_data = draft
    report.version_token += 1
    report.draft_saved_at = timezone.now()
    report.draft_saved_by = by
    report._history_user = by
    report.save(update_fields=["draft_data", "version_token", "draft_saved_at", "draft_saved_by"])
    return Update(report, changed)


def report_mark_unchanged(*, report: Report, by: User | None, expected_version_token: int) -> Update[Report]:
    """A State with nothing new: every form A-J it filled in before is marked "unchanged since" that
    report (the simplified cover page). What the draft holds stays; forms never reported before are left
    for the State to fill in or mark not applicable."""
    since = selectors.unchanged_since(state=report.state, before_year=report.cycle.year)
    data = {}
    for section in FORM_SECTIONS:
        if section.key in since:
            raw = section_raw(report.draft_data, section.key)
            data[section.key] = {**raw, "mode": Mode.NO_CHANGE}
    if not data:
        return Update(report)
    return report_save_draft(report=report, data=data, by=by, expected_version_token=expected_version_token)


# --- submission -----------------------------------------------------------------------------------


def report_check(*, report: Report, form_kwargs: dict | None = None) -> list[SectionCheck]:
    """Every section checked as for submission (their states for the side list, and the problems)."""
    form_kwargs = form_kwargs if form_kwargs is not None else selectors.editor_form_kwargs()
    return [check_section(s, section_raw(report.draft_data, s.key), form_kwargs=form_kwargs) for s in SECTIONS]


def report_problems(checks: list[SectionCheck]) -> list[Problem]:
    problems = []
    for check in checks:
        if check.state == "empty":
            problems.append(
                Problem(
                    check.section.key,
                    str(check.section.title),
                    "id_mode_0",
                    "",
                    _("Fill in this section, or mark it “no change” or “not applicable”."),
                )
            )
            continue
        for field_id, label, message in check.problems:
            problems.append(Problem(check.section.key, str(check.section.title), field_id, label, str(message)))
    return problems


def _clean_content(report: Report, form_kwargs: dict):
    """The draft validated: (content JSON, typed version columns, typed C&A rows, typed table rows)."""
    checks = report_check(report=report, form_kwargs=form_kwargs)
    problems = report_problems(checks)
    if problems:
        raise ReportNotReady(problems)
    carried = selectors.unchanged_since(state=report.state, before_year=report.cycle.year)
    return _content_from_checks(checks, form_kwargs, carried)


def _content_from_checks(checks: list[SectionCheck], form_kwargs: dict, carried: dict | None = None):
    """(content JSON, typed version columns, typed C&A rows, typed table rows by table key)."""
    carried = carried or {}
    content: dict = {"sections": {}}
    columns: dict = {}
    rows: list[dict] = []
    table_rows: dict = {}
    for check in checks:
        section, raw = check.section, check.raw
        entry: dict = {"mode": raw["mode"], "fields": {}, "rows": [], "tables": {}}
        if raw["mode"] == Mode.FILLED and check.form.is_valid():
            entry["fields"] = {name: json_value(v) for name, v in check.form.cleaned_data.items()}
            for name, value in check.form.cleaned_data.items():
                if name not in ("text", "remarks", "blanks_confirmed"):
                    columns[name] = value
            if check.formset is not None and check.formset.is_valid():
                labels = dict(_flatten(form_kwargs["partners"]))
                for row_form in check.formset.forms:
                    data = row_form.cleaned_data
                    if not data or data.get("DELETE"):
                        continue
                    clean = {n: json_value(v) for n, v in data.items() if n != "DELETE"}
                    clean["partner_label"] = (
                        data.get("partner_name")
                        if (data.get("partner") or "").startswith("other")
                        else str(labels.get(data.get("partner"), ""))
                    )
                    entry["rows"].append(clean)
                    rows.append(data)
            tables = check.tables or bound_tables(section, raw, strict=False)
            for table in section.tables:
                formset = tables[table.key]
                typed = []
                if formset.is_valid():
                    typed = [
                        {n: v for n, v in f.cleaned_data.items() if n != "DELETE"}
                        for f in formset.forms
                        if f.cleaned_data and not f.cleaned_data.get("DELETE")
                    ]
                entry["tables"][table.key] = [{n: json_value(v) for n, v in r.items()} for r in typed]
                table_rows[table.key] = typed
        elif raw["mode"] == Mode.NO_CHANGE and section.key in carried:
            year, source = carried[section.key]
            entry["unchanged_since"] = year
            entry["carried"] = {k: source.get(k) for k in ("fields", "rows", "tables") if source.get(k)}
            for table in section.tables:
                if table.carries:
                    table_rows[table.key] = _typed_rows(table, (source.get("tables") or {}).get(table.key) or [])
        content["sections"][section.key] = entry
    columns.update(computed_columns(content))
    return content, columns, rows, table_rows


def _typed_rows(table, stored: list[dict]) -> list[dict]:
    """Rows as a version's content stores them (plain digits, ISO dates), typed again through the row form."""
    from core.fields import set_number_locale
    from core.numbers import PLAIN

    typed = []
    for row in stored:
        form = table.form_class(data={name: raw_value(row.get(name)) for name in table.columns})
        set_number_locale(form, PLAIN)
        if form.is_valid():
            typed.append(form.cleaned_data | {n: row.get(n) for n in table.attachments})
    return typed


# The headline figures the committee counts, computed from the rows (never typed). A stock (what is
# held or remains) carries over from the report it is "unchanged since"; a flow (what happened in the
# year) does not.
FIGURES = {
    "mines_stockpiled": ("b", ("stockpile", "discovered"), "quantity", True),
    "area_contaminated_m2": ("c", ("areas",), "size_m2", True),
    "area_released_m2": ("c", ("released",), "area_m2", False),
    "mines_retained": ("d", ("retained",), "quantity", True),
    "mines_destroyed": ("g", ("destroyed",), "quantity", False),
}


def computed_columns(content: dict) -> dict:
    from decimal import Decimal

    columns = {}
    sections = content.get("sections") or {}
    for name, (key, table_keys, column, is_stock) in FIGURES.items():
        entry = sections.get(key) or {}
        tables = entry.get("tables") or {}
        if entry.get("mode") == Mode.NO_CHANGE and is_stock:
            tables = (entry.get("carried") or {}).get("tables") or {}
        values = [r.get(column) for t in table_keys for r in tables.get(t) or [] if r.get(column) not in (None, "")]
        if not values:
            columns[name] = None
            continue
        total = sum(Decimal(str(v)) for v in values)
        columns[name] = total if name.endswith("_m2") else int(total)
    return columns


def _flatten(choices):
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            yield from _flatten(label)
        else:
            yield value, label


def compute_flags(columns: dict, rows: list[dict]) -> dict:
    """The committee's flags: quantitative C&A (amounts), qualitative C&A (described), gender information."""
    ca_quantitative = any(r.get("amount") is not None for r in rows)
    ca_qualitative = bool(rows) or any(
        columns.get(n) for n in ("resource_mobilisation_text", "unmet_needs", "platform_exists")
    )
    gender_info = bool(
        (columns.get("gender_text") or "").strip()
        or any(
            columns.get(n)
            for n in (
                "gender_in_mine_action",
                "diverse_needs_in_mine_action",
                "gender_in_cooperation",
                "gender_disaggregated_data",
            )
        )
        or any(r.get("gender_considered") for r in rows)
    )
    return {"ca_quantitative": ca_quantitative, "ca_qualitative": ca_qualitative, "gender_info": gender_info}


VERSION_COLUMNS = [
    "mines_stockpiled",
    "area_contaminated_m2",
    "area_released_m2",
    "mines_retained",
    "mines_destroyed",
    "platform_exists",
    "platform_meetings",
    "resource_mobilisation_plan",
    "resource_mobilisation_text",
    "unmet_needs",
    "gender_in_mine_action",
    "diverse_needs_in_mine_action",
    "gender_in_cooperation",
    "gender_disaggregated_data",
    "gender_text",
    "oap_actions",
]


def _freeze(
    report: Report,
    *,
    content: dict,
    columns: dict,
    rows: list[dict],
    table_rows: dict | None = None,
    by: User | None,
    source: str,
    received_on: datetime.date,
    submitted_at: datetime.datetime,
    document=None,
    keyed_in_by_isu: bool = False,
) -> ReportVersion:
    number = (report.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    attachments = _keep_own_attachments(report, content, table_rows or {})
    typed = {n: columns.get(n) for n in VERSION_COLUMNS}
    for text_field in ("resource_mobilisation_text", "unmet_needs", "gender_text"):
        typed[text_field] = typed[text_field] or ""
    typed["oap_actions"] = sorted(typed["oap_actions"] or [])
    version = ReportVersion.objects.create(
        report=report,
        number=number,
        source=source,
        keyed_in_by_isu=keyed_in_by_isu,
        submitted_at=submitted_at,
        submitted_by=by,
        received_on=received_on,
        document=document or "",
        content=content,
        **typed,
        **compute_flags(columns, rows),
    )
    states = {s.iso3: s for s in State.objects.all()}
    orgs = {o.pk: o for o in Organisation.objects.all()}
    CooperationRow.objects.bulk_create(
        [
            CooperationRow(
                version=version,
                position=i,
                direction=r["direction"],
                **partner_split(r.get("partner") or "", r.get("partner_name") or "", states, orgs),
                year=r["year"],
                amount=r.get("amount"),
                currency=r.get("currency") or "",
                purpose=r["purpose"],
                channel=r.get("channel") or "",
                gender_considered=r.get("gender_considered"),
                description=r.get("description") or "",
            )
            for i, r in enumerate(rows)
        ]
    )
    for section in SECTIONS:
        for table in section.tables:
            table.model.objects.bulk_create(
                [
                    table.model(version=version, position=i, **_model_values(table, row, attachments))
                    for i, row in enumerate((table_rows or {}).get(table.key) or [])
                ]
            )
    first = report.current_version_id is None
    report.current_version = version
    report.workflow = ReportState.SUBMITTED
    report.draft_data = _raw_from_content(content)
    report.version_token += 1
    fields = ["current_version", "workflow", "draft_data", "version_token"]
    if first:
        deadline = selectors.state_deadline(report.state, report.cycle)
        report.submitted_on = received_on
        report.submitted_at = submitted_at
        report.submitted_by = by
        report.deadline_at_submission = deadline
        report.is_late = deadline is not None and received_on > deadline
        fields += ["submitted_on", "submitted_at", "submitted_by", "deadline_at_submission", "is_late"]
    report._history_user = by
    report.save(update_fields=fields)
    return version


def _keep_own_attachments(report: Report, content: dict, table_rows: dict) -> set[int]:
    """The attachment ids the rows may refer to: the State's own (a prefilled row keeps last year's
    photograph). Any other id is dropped from the content and the rows, so a version never publishes
    another State's file."""
    wanted = set()
    for section in SECTIONS:
        for table in section.tables:
            for name in table.attachments:
                for row in (content["sections"].get(section.key) or {}).get("tables", {}).get(table.key) or []:
                    if str(row.get(name) or "").isdigit():
                        wanted.add(int(row[name]))
    own = set(ReportAttachment.objects.filter(pk__in=wanted, report__state=report.state).values_list("pk", flat=True))
    for section in SECTIONS:
        for table in section.tables:
            for name in table.attachments:
                rows = (content["sections"].get(section.key) or {}).get("tables", {}).get(table.key) or []
                for row in [*rows, *(table_rows.get(table.key) or [])]:
                    if name in row and not (str(row[name] or "").isdigit() and int(row[name]) in own):
                        row[name] = ""
    return own


def _model_values(table, row: dict, attachments: set[int] = frozenset()) -> dict:
    values = {}
    for name in table.columns:
        value = row.get(name)
        field = table.model_field(name)
        if value is None and not field.null:
            value = False if field.get_internal_type() == "BooleanField" else ""
        values[name] = value
    for name in table.attachments:
        value = str(row.get(name) or "")
        values[f"{name}_id"] = int(value) if value.isdigit() and int(value) in attachments else None
    return values


def report_attachment_add(*, report: Report, upload, by: User | None) -> ReportAttachment:
    """Store a file uploaded with the report's draft (a Form H photograph), after the checks every upload
    passes (type, size, content: core.uploads). Raises ValidationError with the reason."""
    ReportAttachment._meta.get_field("file").run_validators(upload)
    name = os.path.basename(upload.name or "")[:200]
    return ReportAttachment.objects.create(report=report, file=upload, name=name, uploaded_by=by)


def _received_errors(*, channel: str, received_on: datetime.date, today: datetime.date) -> dict:
    errors = {}
    if channel not in VersionSource.values:
        errors["channel"] = _("Choose how the report was received.")
    if received_on > today:
        errors["received_on"] = _("The date received cannot be in the future.")
    return errors


@transaction.atomic
def report_submit(
    *,
    report: Report,
    by: User | None,
    channel: str = VersionSource.ONLINE,
    received_on: datetime.date | None = None,
    document=None,
) -> ReportVersion:
    """Validate the whole draft and freeze it as a new public version.

    A State's delegate submits on the web, received today. ISU staff key in, on behalf of the State, a
    report received by e-mail or on paper (or on the web): `channel`, `received_on` (not in the future)
    and optionally the `document` received (checked by the upload field). The first submission records
    who, when, and whether it was on time (the date received against the State's deadline); later ones
    (amendments) keep that status. Raises `ReportNotReady` listing every problem.
    """
    report = Report.objects.select_for_update().select_related("state", "cycle").get(pk=report.pk)
    if not report.is_editable:
        raise ValidationError(_("This report is already submitted. Amend it to submit a new version."))
    now = timezone.now()
    today = timezone.localdate(now)
    keyed_in = bool(by is not None and by.is_isu)
    if not keyed_in and (channel != VersionSource.ONLINE or received_on not in (None, today) or document):
        raise ValidationError(_("Only the ISU records the channel and date of a report received otherwise."))
    received_on = received_on or today
    errors = _received_errors(channel=channel, received_on=received_on, today=today)
    if errors:
        raise ValidationError(errors)
    form_kwargs = selectors.editor_form_kwargs()
    content, columns, rows, table_rows = _clean_content(report, form_kwargs)
    return _freeze(
        report,
        content=content,
        columns=columns,
        rows=rows,
        table_rows=table_rows,
        by=by,
        source=channel,
        received_on=received_on,
        submitted_at=now,
        document=document,
        keyed_in_by_isu=keyed_in,
    )


@transaction.atomic
def report_amend(*, report: Report, by: User | None) -> Report:
    """Open a submitted report for amendment: the submitted version stays intact and public; the draft
    starts from it and will become the next version when submitted."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.workflow == ReportState.AMENDING:
        return report
    if report.workflow != ReportState.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be amended."))
    report.workflow = ReportState.AMENDING
    report.draft_data = _raw_from_content(report.current_version.content)
    report.version_token += 1
    report.draft_saved_at = timezone.now()
    report.draft_saved_by = by
    report._history_user = by
    report.save(update_fields=["workflow", "draft_data", "version_token", "draft_saved_at", "draft_saved_by"])
    return report


@transaction.atomic
def report_amend_discard(*, report: Report, by: User | None) -> Report:
    """Drop an amendment in progress: the report is back to its current submitted version."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.workflow != ReportState.AMENDING:
        raise ValidationError(_("There is no amendment in progress."))
    report.workflow = ReportState.SUBMITTED
    report.draft_data = _raw_from_content(report.current_version.content)
    report.version_token += 1
    report._history_user = by
    report.save(update_fields=["workflow", "draft_data", "version_token"])
    return report


# --- recall and reinstate ---------------------------------------------------------------------------


FIRST_SUBMISSION_FIELDS = ("submitted_on", "submitted_at", "submitted_by", "deadline_at_submission", "is_late")


def _settle_after_recall(report: Report, *, by: User | None) -> None:
    """After a recall or a reinstatement: the latest version not recalled is current; with none left
    the report is an unsubmitted draft again. The first submission's timing (on time or late) is that
    of the earliest version not recalled, against the State's deadline today. Nothing typed is lost:
    a draft or an amendment in progress stays as it is."""
    remaining = list(report.versions.filter(is_recalled=False).select_related("submitted_by").order_by("number"))
    current = remaining[-1] if remaining else None
    fields = []
    if report.current_version_id != (current.pk if current else None):
        report.current_version = current
        fields.append("current_version")
    workflow = report.workflow
    if current is None:
        workflow = ReportState.DRAFT
    elif workflow == ReportState.SUBMITTED:
        draft = _raw_from_content(current.content)
        if draft != report.draft_data:
            report.draft_data = draft
            fields.append("draft_data")
    elif workflow == ReportState.DRAFT:
        # A reinstated version after a recall: what was typed since stays, as an amendment in progress.
        same = _raw_from_content(current.content) == report.draft_data
        workflow = ReportState.SUBMITTED if same else ReportState.AMENDING
    if workflow != report.workflow:
        report.workflow = workflow
        fields.append("workflow")
    first = remaining[0] if remaining else None
    if first is None:
        timing = dict.fromkeys(FIRST_SUBMISSION_FIELDS)
    elif first.submitted_at == report.submitted_at:
        timing = {}  # the same first submission: keep its timing (the deadline may have moved since)
    else:
        deadline = selectors.state_deadline(report.state, report.cycle)
        timing = {
            "submitted_on": first.received_on,
            "submitted_at": first.submitted_at,
            "submitted_by": first.submitted_by,
            "deadline_at_submission": deadline,
            "is_late": deadline is not None and first.received_on > deadline,
        }
    for name, value in timing.items():
        if getattr(report, name) != value:
            setattr(report, name, value)
            fields.append(name)
    if not fields:
        return
    report.version_token += 1  # a form opened before is stale
    report._history_user = by
    report.save(update_fields=[*fields, "version_token"])


def _version_label(version: ReportVersion) -> str:
    return f"{version.report.state.iso3} {version.report.cycle.year} v{version.number}"


@transaction.atomic
def report_version_recall(*, version: ReportVersion, by: User, reason: str, request=None) -> bool:
    """Recall a submitted version (sent by mistake, or withdrawn by the State), with the reason. It
    stays in the history, marked recalled, and is no longer public; the previous version not recalled
    becomes current again (none left: the report is a draft again). False when it was already recalled
    (nothing changed). Recorded in the audit log."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the version is recalled.")})
    report = Report.objects.select_for_update().select_related("state", "cycle").get(pk=version.report_id)
    version = ReportVersion.objects.select_for_update().get(pk=version.pk)
    version.report = report
    if version.is_recalled:
        return False
    version.is_recalled = True
    version.recalled_at = timezone.now()
    version.recalled_by = by
    version.recall_reason = reason
    version.save(allow_update=True, update_fields=["is_recalled", "recalled_at", "recalled_by", "recall_reason"])
    _settle_after_recall(report, by=by)
    audit_action(
        kind=AuditEvent.Kind.REPORT_RECALLED, by=by, detail=f"{_version_label(version)}: {reason}", request=request
    )
    return True


@transaction.atomic
def report_version_reinstate(*, version: ReportVersion, by: User, request=None) -> bool:
    """Make a recalled version public again; it becomes current if it is the latest version not
    recalled. False when it was not recalled (nothing changed). Recorded in the audit log."""
    report = Report.objects.select_for_update().select_related("state", "cycle").get(pk=version.report_id)
    version = ReportVersion.objects.select_for_update().get(pk=version.pk)
    version.report = report
    if not version.is_recalled:
        return False
    version.is_recalled = False
    version.reinstated_at = timezone.now()
    version.reinstated_by = by
    version.save(allow_update=True, update_fields=["is_recalled", "reinstated_at", "reinstated_by"])
    _settle_after_recall(report, by=by)
    audit_action(kind=AuditEvent.Kind.REPORT_REINSTATED, by=by, detail=_version_label(version), request=request)
    return True


# --- the ISU's internal remarks ----------------------------------------------------------------------


@transaction.atomic
def section_review_save(*, report: Report, section_key: str, isu_remarks: str, by: User) -> Update[SectionReview]:
    """The ISU's internal remarks on one section (never public, never shown to the State); says whether
    anything changed, compared with the stored row."""
    if section_key not in SECTION_BY_KEY:
        raise ValidationError(_("Unknown section(s): %(keys)s") % {"keys": section_key})
    isu_remarks = isu_remarks.strip()
    review = SectionReview.objects.select_for_update().filter(report=report, section_key=section_key).first()
    if review is None:
        if not isu_remarks:
            return Update(SectionReview(report=report, section_key=section_key))
        review = SectionReview(report=report, section_key=section_key)
    elif review.isu_remarks == isu_remarks:
        return Update(review)
    review.isu_remarks = isu_remarks
    review.updated_by = by
    review._history_user = by
    review.save()
    return Update(review, ("isu_remarks",))
