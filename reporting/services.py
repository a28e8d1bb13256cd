"""Writes for Article 7 reports: start, save a draft, submit, amend, record a report received by e-mail,
and the ISU's reporting cycles (open, deadline and note, extensions)."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.converters import MAX_YEAR, MIN_YEAR, is_valid_year
from core.services import Update
from core.text import strip_tree
from states.models import Organisation, State

from . import selectors
from .models import (
    CooperationRow,
    DeadlineExtension,
    Report,
    ReportingCycle,
    ReportState,
    ReportVersion,
    VersionSource,
    default_deadline,
)
from .sections import (
    SECTION_BY_KEY,
    SECTIONS,
    Mode,
    SectionCheck,
    bound_forms,
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
    if new_deadline <= cycle.deadline:
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


def _raw_from_content(content: dict) -> dict:
    """A submitted version's content as a draft (what the delegate would have typed)."""
    draft = {}
    for key, section in (content.get("sections") or {}).items():
        draft[key] = {
            "mode": section.get("mode") or Mode.FILLED,
            "fields": {name: raw_value(v) for name, v in (section.get("fields") or {}).items()},
            "rows": [
                {name: raw_value(v) for name, v in row.items() if name != "partner_label"}
                for row in section.get("rows") or []
            ],
        }
    return draft


@transaction.atomic
def report_start(*, state: State, cycle: ReportingCycle, by: User | None, prefill_from_last_year: bool) -> Report:
    """Start the State's report for the cycle, empty or pre-filled from its last submitted report.
    Starting twice returns the existing report unchanged."""
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


def _clean_content(report: Report, form_kwargs: dict) -> tuple[dict, dict, list[dict]]:
    """The draft validated: (content JSON, typed version columns, typed C&A rows)."""
    checks = report_check(report=report, form_kwargs=form_kwargs)
    problems = report_problems(checks)
    if problems:
        raise ReportNotReady(problems)
    return _content_from_checks(checks, form_kwargs)


def _content_from_checks(checks: list[SectionCheck], form_kwargs: dict) -> tuple[dict, dict, list[dict]]:
    content: dict = {"sections": {}}
    columns: dict = {}
    rows: list[dict] = []
    for check in checks:
        section, raw = check.section, check.raw
        entry: dict = {"mode": raw["mode"], "fields": {}, "rows": []}
        if raw["mode"] == Mode.FILLED and check.form.is_valid():
            entry["fields"] = {name: json_value(v) for name, v in check.form.cleaned_data.items()}
            for name, value in check.form.cleaned_data.items():
                if name != "text":
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
        content["sections"][section.key] = entry
    return content, columns, rows


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
    by: User | None,
    source: str,
    received_on: datetime.date,
    submitted_at: datetime.datetime,
    document=None,
) -> ReportVersion:
    number = (report.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    typed = {n: columns.get(n) for n in VERSION_COLUMNS}
    for text_field in ("resource_mobilisation_text", "unmet_needs", "gender_text"):
        typed[text_field] = typed[text_field] or ""
    typed["oap_actions"] = sorted(typed["oap_actions"] or [])
    version = ReportVersion.objects.create(
        report=report,
        number=number,
        source=source,
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


@transaction.atomic
def report_submit(*, report: Report, by: User | None) -> ReportVersion:
    """Validate the whole draft and freeze it as a new public version.

    The first submission records who, when, and whether it was on time against the State's deadline;
    later ones (amendments) keep that status. Raises `ReportNotReady` listing every problem.
    """
    report = Report.objects.select_for_update().select_related("state", "cycle").get(pk=report.pk)
    if not report.is_editable:
        raise ValidationError(_("This report is already submitted. Amend it to submit a new version."))
    form_kwargs = selectors.editor_form_kwargs()
    content, columns, rows = _clean_content(report, form_kwargs)
    now = timezone.now()
    return _freeze(
        report,
        content=content,
        columns=columns,
        rows=rows,
        by=by,
        source=VersionSource.ONLINE,
        received_on=timezone.localdate(now),
        submitted_at=now,
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


@transaction.atomic
def report_record_received(
    *,
    state: State,
    cycle: ReportingCycle,
    document,
    received_on: datetime.date,
    by: User | None,
    data: dict | None = None,
) -> ReportVersion:
    """The ISU records a report a State sent by e-mail: the document, the date received (which decides
    on time or late) and optionally the structured figures (`data`: raw sections, validated leniently:
    sections left out are recorded as not provided)."""
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("The date received cannot be in the future.")})
    report = Report.objects.select_for_update().filter(state=state, cycle=cycle).first()
    if report is None:
        report = Report(state=state, cycle=cycle, created_by=by)
        report._history_user = by
        report.save()
    report.state, report.cycle = state, cycle
    form_kwargs = selectors.editor_form_kwargs()
    draft = dict(data or {})
    checks = []
    errors = []
    for section in SECTIONS:
        raw = section_raw(draft, section.key)
        if section.key not in draft:
            continue
        form, formset = bound_forms(section, raw, strict=False, form_kwargs=form_kwargs)
        if not form.is_valid() or (formset is not None and not formset.is_valid()):
            errors.append(str(section.title))
        elif formset is not None and any(
            f.cleaned_data.get(n) in (None, "") for f in formset.forms for n in ("direction", "year", "purpose")
        ):
            errors.append(str(section.title))
        checks.append(SectionCheck(section, raw, "complete", form, formset, []))
    if errors:
        raise ValidationError(_("Some figures are not valid in: %(sections)s.") % {"sections": ", ".join(errors)})
    content, columns, rows = _content_from_checks(checks, form_kwargs)
    content["received_by_email"] = True
    return _freeze(
        report,
        content=content,
        columns=columns,
        rows=rows,
        by=by,
        source=VersionSource.EMAIL,
        received_on=received_on,
        submitted_at=timezone.now(),
        document=document,
    )
