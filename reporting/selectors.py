"""Reads about Article 7 reports, for pages, the dashboard, reminders and the compliance report.

Rules (Article 7):
- A State owes the report on year Y when the Convention was in force for it at some point in Y,
  unless its withdrawal took effect on or before the deadline (it is then no longer bound).
- The deadline is the cycle's (30 April of Y + 1 by default), or the State's extension. A new State
  Party's report in the cycle of its entry-into-force year is its initial report (Article 7.1): due
  180 days after entry into force, whether that is before or after the cycle's deadline
  (`reporting.deadlines.report_kind`, re-exported here with `reporting_period`).
- Status: not_started (no report), draft (never submitted), on_time / late (first submission against
  the State's deadline; an amendment keeps it), not_required.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.selectors import active_delegates_by_state
from core.dates import days_late, days_until
from states.models import Membership, State

from .deadlines import ANNUAL, INITIAL, REPORT_KINDS, membership_in, membership_report_kind
from .deadlines import report_kind as report_kind  # re-exported: other apps read reporting.selectors
from .deadlines import reporting_period as reporting_period
from .models import (
    CycleStatus,
    DeadlineExtension,
    Report,
    ReportingCycle,
    ReportVersion,
    SectionReview,
    default_deadline,
)

STATUSES = [s.value for s in CycleStatus]


def current_cycle_year(today: datetime.date | None = None) -> int:
    """The calendar year whose reports are being filed this year (due 30 April of `today.year`)."""
    today = today or timezone.localdate()
    return today.year - 1


def current_cycle(today: datetime.date | None = None) -> ReportingCycle:
    """The cycle of reports due this calendar year; an unsaved default one if the ISU has not opened it."""
    year = current_cycle_year(today)
    return cycle_for_year(year)


def cycle_for_year(year: int) -> ReportingCycle:
    return ReportingCycle.objects.filter(year=year).first() or ReportingCycle(
        year=year, deadline=default_deadline(year)
    )


def cycles_overview() -> list[ReportingCycle]:
    """The ISU's list of cycles, newest first, each with `n_reports`, `n_submitted` and `n_extensions`."""
    return list(
        ReportingCycle.objects.annotate(
            n_reports=Count("reports", distinct=True),
            n_submitted=Count("reports", filter=Q(reports__current_version__isnull=False), distinct=True),
            n_extensions=Count("extensions", distinct=True),
        ).order_by("-year")
    )


def _active_memberships(memberships: Iterable[Membership], year: int) -> list[Membership]:
    return [m for m in memberships if m.is_active_in(year)]


def _own_deadline(membership: Membership, cycle: ReportingCycle, base: datetime.date) -> datetime.date:
    """The initial report's deadline (entry into force + 180 days) in the entry-into-force year, else the cycle's."""
    if membership_report_kind(membership, cycle.year) == INITIAL:
        return membership.initial_report_due
    return base


def _required_and_deadline(
    memberships: Iterable[Membership], cycle: ReportingCycle, extension: DeadlineExtension | None
) -> tuple[bool, datetime.date | None, bool]:
    """(required, deadline, is_initial) from the State's memberships (prefetched) and its extension.

    A State is bound when its withdrawal takes effect after its own deadline (an initial report due
    before a withdrawal is owed)."""
    active = _active_memberships(memberships, cycle.year)
    base = cycle.deadline or default_deadline(cycle.year)
    bound = [
        m for m in active if m.withdrawal_effective is None or m.withdrawal_effective > _own_deadline(m, cycle, base)
    ]
    if not bound:
        return False, None, False
    membership = max(bound, key=lambda m: m.entry_into_force)
    is_initial = membership_report_kind(membership, cycle.year) == INITIAL
    deadline = _own_deadline(membership, cycle, base)
    if extension is not None:
        deadline = extension.new_deadline
    return True, deadline, is_initial


def state_deadline(state: State, cycle: ReportingCycle) -> datetime.date | None:
    """The State's own deadline for the cycle (extension and initial-report rule applied); None if not owed."""
    extension = None
    if cycle.pk:
        extension = DeadlineExtension.objects.filter(cycle=cycle, state=state).first()
    return _required_and_deadline(state.memberships.all(), cycle, extension)[1]


def own_deadline(state: State, cycle: ReportingCycle) -> datetime.date | None:
    """The State's deadline before any extension: the cycle's, or its initial report's; None if not owed."""
    return _required_and_deadline(state.memberships.all(), cycle, None)[1]


def state_current_cycle(state: State, today: datetime.date | None = None) -> ReportingCycle:
    """The cycle of the State's report now: the current one, or, for a new State Party once the
    Convention is in force for it, this calendar year's (its initial report is due within 180 days,
    before that cycle is current). Unsaved when nobody opened it yet."""
    today = today or timezone.localdate()
    joined = [m for m in state.memberships.all() if m.entry_into_force.year == today.year]
    if any(m.entry_into_force <= today for m in joined):
        return cycle_for_year(today.year)
    return current_cycle(today)


def is_report_required(state: State, cycle: ReportingCycle) -> bool:
    return _required_and_deadline(state.memberships.all(), cycle, None)[0]


@dataclass
class CycleRow:
    """A State's position in a cycle: what the committee's list, the dashboard and the CSV show."""

    state: State
    status: str  # a CycleStatus value
    deadline: datetime.date | None
    report: Report | None = None
    extension: DeadlineExtension | None = None
    is_initial: bool = False
    amended: bool = False
    submitted_on: datetime.date | None = None
    ca_quantitative: bool = False
    ca_qualitative: bool = False
    gender_info: bool = False
    delegates: list = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return CycleStatus(self.status).label

    @property
    def kind(self) -> str:
        """ "initial" (Article 7.1, the entry-into-force year) or "annual"."""
        return INITIAL if self.is_initial else ANNUAL

    @property
    def kind_label(self) -> str:
        return REPORT_KINDS[self.kind]

    @property
    def is_submitted(self) -> bool:
        return self.status in (CycleStatus.ON_TIME, CycleStatus.LATE)

    @property
    def is_outstanding(self) -> bool:
        return self.status in (CycleStatus.NOT_STARTED, CycleStatus.DRAFT)

    def days_until_deadline(self, today: datetime.date | None = None) -> int | None:
        return days_until(self.deadline, today)

    @property
    def days_left(self) -> int | None:
        """Days left until the deadline today (negative when late)."""
        return self.days_until_deadline()

    @property
    def days_overdue(self) -> int:
        return days_late(self.deadline)


def _row(state: State, cycle: ReportingCycle, report: Report | None, extension) -> CycleRow:
    required, deadline, is_initial = _required_and_deadline(state.memberships.all(), cycle, extension)
    row = CycleRow(state=state, status=CycleStatus.NOT_STARTED, deadline=deadline, report=report, extension=extension)
    row.is_initial = is_initial
    if report is not None and report.current_version_id:
        version = report.current_version
        row.status = CycleStatus.LATE if report.is_late else CycleStatus.ON_TIME
        row.submitted_on = report.submitted_on
        row.amended = version.number > 1
        row.ca_quantitative = version.ca_quantitative
        row.ca_qualitative = version.ca_qualitative
        row.gender_info = version.gender_info
    elif report is not None:
        row.status = CycleStatus.DRAFT
    if not required and not row.is_submitted:
        row.status = CycleStatus.NOT_REQUIRED
    return row


def cycle_statuses(
    *, year: int, states: Iterable[State] | None = None, include_non_parties: bool = False
) -> list[CycleRow]:
    """One row per State Party of `year` (every State of the registry with `include_non_parties`).

    A constant number of queries whatever the number of States and reports.
    """
    cycle = cycle_for_year(year)
    if states is None:
        qs = State.objects.all() if include_non_parties else State.objects.parties_in(year)
        states = qs.prefetch_related("memberships").order_by("name_en")
    reports: dict[int, Report] = {}
    extensions: dict[int, DeadlineExtension] = {}
    if cycle.pk:
        reports = {
            r.state_id: r
            for r in Report.objects.filter(cycle=cycle)
            .select_related("current_version", "submitted_by")
            .defer("draft_data", "current_version__content")
        }
        extensions = {e.state_id: e for e in DeadlineExtension.objects.filter(cycle=cycle)}
    rows = []
    for state in states:
        report = reports.get(state.pk)
        if report is not None:
            report.cycle = cycle
            report.state = state
        rows.append(_row(state, cycle, report, extensions.get(state.pk)))
    return rows


def cycle_counts(rows: Iterable[CycleRow]) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for row in rows:
        counts[row.status] += 1
    return counts


def state_cycle_row(*, state: State, cycle: ReportingCycle) -> CycleRow:
    report = None
    extension = None
    if cycle.pk:
        report = Report.objects.filter(cycle=cycle, state=state).select_related("current_version").first()
        extension = DeadlineExtension.objects.filter(cycle=cycle, state=state).first()
    return _row(state, cycle, report, extension)


def delegates_by_state(state_ids: Iterable[int]) -> dict[int, list[User]]:
    return active_delegates_by_state(state_ids, order_by=("last_name", "first_name"))


def states_with_ca_but_no_gender(*, year: int) -> list[CycleRow]:
    """States whose submitted report has C&A information but nothing on gender and diversity, with their
    delegates' contacts (a bullet of the committee's gender workplan)."""
    rows = [
        r
        for r in cycle_statuses(year=year)
        if r.is_submitted and (r.ca_quantitative or r.ca_qualitative) and not r.gender_info
    ]
    delegates = delegates_by_state(r.state.pk for r in rows)
    for r in rows:
        r.delegates = delegates.get(r.state.pk, [])
    return rows


def state_reports(*, state: State, include_drafts: bool) -> list[Report]:
    """A State's reports, latest year first; drafts (never submitted) only when `include_drafts`."""
    qs = Report.objects.filter(state=state).select_related("cycle", "current_version").defer("draft_data")
    if not include_drafts:
        qs = qs.submitted()
    reports = list(qs.order_by("-cycle__year"))
    memberships = list(state.memberships.all())
    for report in reports:  # "Initial report" next to the status, from the memberships read once
        year = report.cycle.year
        report.is_initial = membership_report_kind(membership_in(memberships, year), year) == INITIAL
    return reports


def last_submitted_version(*, state: State, before_year: int) -> ReportVersion | None:
    """The current submitted version of the State's latest report on an earlier year (to pre-fill a new one)."""
    report = (
        Report.objects.filter(state=state, cycle__year__lt=before_year, current_version__isnull=False)
        .select_related("current_version")
        .order_by("-cycle__year")
        .first()
    )
    return report.current_version if report else None


def unchanged_since(*, state: State, before_year: int) -> dict:
    """For each form, the State's latest earlier report that filled it in: {section key: (year, its
    section as submitted)}. A form marked "unchanged" says "since the report of <year>" and carries it."""
    result: dict = {}
    reports = (
        Report.objects.filter(state=state, cycle__year__lt=before_year, current_version__isnull=False)
        .select_related("current_version", "cycle")
        .order_by("-cycle__year")
    )
    for report in reports:
        for key, entry in (report.current_version.content.get("sections") or {}).items():
            if key in result:
                continue
            if entry.get("mode") == "filled":
                result[key] = (report.cycle.year, entry)
            elif entry.get("mode") == "no_change" and entry.get("carried"):
                result[key] = (entry.get("unchanged_since") or report.cycle.year, entry["carried"])
    return result


def report_versions(report: Report, *, include_recalled: bool = True) -> list[ReportVersion]:
    """The report's submitted versions, oldest first; recalled ones (marked `is_recalled`) unless
    `include_recalled=False` (what the public sees)."""
    qs = report.versions.select_related("submitted_by", "recalled_by", "reinstated_by").prefetch_related("ca_rows")
    if not include_recalled:
        qs = qs.filter(is_recalled=False)
    return list(qs.order_by("number"))


def section_reviews(report: Report) -> dict[str, SectionReview]:
    """The ISU's internal remarks on the report, by section key (the ISU and the committee only)."""
    return {r.section_key: r for r in report.section_reviews.select_related("updated_by").exclude(isu_remarks="")}


def section_review(report: Report, section_key: str) -> SectionReview | None:
    return report.section_reviews.select_related("updated_by").filter(section_key=section_key).first()


def report_history(report: Report, limit: int = 200) -> list[dict]:
    """Who changed what, when: simple-history records, each with the fields (and sections) it changed."""
    from .sections import SECTIONS

    records = list(report.history.select_related("history_user").order_by("-history_id")[:limit])
    versions = {v.pk: v for v in report.versions.only("number", "source", "keyed_in_by_isu")}
    out = []
    for newer, older in zip(records, [*records[1:], None], strict=False):
        changed: list[str] = []
        if older is not None:
            for change in newer.diff_against(older).changes:
                if change.field == "draft_data":
                    old, new = change.old or {}, change.new or {}
                    letters = [str(s.letter or s.title) for s in SECTIONS if old.get(s.key) != new.get(s.key)]
                    changed.append(_("sections %(letters)s") % {"letters": ", ".join(letters)} if letters else "")
                elif change.field == "current_version":
                    version, before = versions.get(change.new), versions.get(change.old)
                    if version is None:
                        changed.append(_("no current version (recalled)"))
                    elif before is not None and before.number > version.number:
                        changed.append(
                            _("version %(old)s recalled, current version: %(n)s (%(channel)s)")
                            % {"old": before.number, "n": version.number, "channel": version.channel_label}
                        )
                    else:
                        changed.append(
                            _("current version: %(n)s (%(channel)s)")
                            % {"n": version.number, "channel": version.channel_label}
                        )
                elif change.field != "version_token":
                    changed.append(str(Report._meta.get_field(change.field).verbose_name))
        out.append({"record": newer, "changed": [c for c in changed if c]})
    return out


def reports_inbox(*, year: int, status: str = "", region: str = "", profile: str = "") -> list[CycleRow]:
    rows = cycle_statuses(year=year)
    if status == "amended":
        rows = [r for r in rows if r.amended]
    elif status in STATUSES:
        rows = [r for r in rows if r.status == status]
    if region:
        rows = [r for r in rows if r.state.region == region]
    if profile == "affected":
        rows = [r for r in rows if r.state.is_affected]
    elif profile == "provider":
        rows = [r for r in rows if r.state.is_provider]
    return rows


def editor_form_kwargs() -> dict:
    """Choices the C&A rows need (States Parties, organisations, currencies), loaded once per request."""
    from states.models import Organisation

    from .sections import currency_choices, partner_choices

    states = State.objects.only("iso3", "name_en", "name_fr", "name_es").order_by("name_en")
    return {
        "partners": partner_choices(states, Organisation.objects.order_by("name")),
        "currencies": currency_choices(),
    }


# --- figures from the forms' rows (the chair's dashboard) -------------------------------------------
#
# Only the current version of each submitted report counts. A figure left empty is "not reported":
# the database's SUM skips it (a total of nothing reported is None, never 0) and the rows that left
# it empty are counted apart. A form marked "unchanged since" freezes again the rows of what stands
# (areas, stockpiles, retained mines: `Table.carries`), not those of what happened in the earlier year.

YEAR = "version__report__cycle__year"
STATE_FIELDS = (
    "version__report__state_id",
    "version__report__state__iso3",
    "version__report__state__name_en",
    "version__report__state__name_fr",
    "version__report__state__name_es",
)


@dataclass(frozen=True)
class FigureSource:
    """One table of the forms the dashboard sums: its figure column and the column it is split by."""

    key: str  # the drill-down's name in URLs
    section: str
    table: str
    value: str
    category: str
    filters: tuple[str, ...] = ()  # further columns a drill-down may be filtered on

    @property
    def declaration(self):
        from .tables import TABLE_BY_KEY

        return TABLE_BY_KEY[(self.section, self.table)]

    @property
    def model(self):
        return self.declaration.model

    def choices(self) -> dict[str, str]:
        """The category's values and labels in the order of the form ({} for free text such as a mine type)."""
        field = self.model._meta.get_field(self.category)
        return {value: str(label) for value, label in field.choices or []}


FIGURE_SOURCES: dict[str, FigureSource] = {
    s.key: s
    for s in (
        FigureSource("mined-areas", "c", "areas", "size_m2", "status"),
        FigureSource("land-released", "c", "released", "area_m2", "method"),
        FigureSource("destroyed", "g", "destroyed", "quantity", "article", filters=("mine_type",)),
        FigureSource("retained", "d", "retained", "quantity", "mine_type"),
        FigureSource("retained-use", "d", "use", "quantity", "activity"),
        FigureSource("national-resources", "ca", "national", "amount", "currency"),
        FigureSource("casualties", "j", "casualties", "count", "outcome", filters=("sex", "age_group")),
    )
}


def current_rows(model, *, years: tuple[int, int] | None = None):
    """The rows of `model` in the current version of every submitted report (on `years`, a range)."""
    qs = model.objects.filter(version__report__current_version=F("version"))
    if years is not None:
        qs = qs.filter(**{f"{YEAR}__range": years})
    return qs


@dataclass
class FigureTotal:
    """The sum of one figure over the rows sharing `keys` (a year, a State, a category…)."""

    keys: dict
    total: Decimal | int | None  # None: no row gave the figure ("not reported")
    rows: int
    not_reported: int  # rows that left the figure empty
    states: int

    def __getitem__(self, name: str):
        return self.keys[name]

    @property
    def state_name(self) -> str:
        lang = (translation.get_language() or "en")[:2]
        return self.keys.get(f"version__report__state__name_{lang}") or self.keys.get(
            "version__report__state__name_en", ""
        )


def figure_totals(
    source: FigureSource, *, years: tuple[int, int], by: tuple[str, ...], value: str | None = None, **filters
) -> list[FigureTotal]:
    """One query: `source`'s figure summed by the database over the current rows, grouped `by` fields
    (`YEAR`, `STATE_FIELDS`, the category…), with the rows and States behind each total."""
    value = value or source.value
    qs = current_rows(source.model, years=years).filter(**filters).order_by()
    lines = (
        qs.values(*by)
        .annotate(
            total=Sum(value),
            n=Count("pk"),
            blank=Count("pk", filter=Q(**{f"{value}__isnull": True})),
            n_states=Count("version__report__state_id", distinct=True),
        )
        .order_by(*by)
    )
    out = []
    for line in lines:
        total = line.pop("total")
        if total is not None and not isinstance(total, int):
            total = Decimal(total)
            total = int(total) if total == total.to_integral_value() else total
        out.append(
            FigureTotal(
                keys={k: line[k] for k in by},
                total=total,
                rows=line["n"],
                not_reported=line["blank"],
                states=line["n_states"],
            )
        )
    return out


def figure_rows(
    source: FigureSource,
    *,
    years: tuple[int, int],
    state: str = "",
    category: str | None = None,
    not_reported: bool = False,
    **filters,
):
    """The rows behind a figure, with their State and year (`category=""`: rows that left it empty;
    `not_reported`: rows that left the figure empty)."""
    qs = current_rows(source.model, years=years)
    if state:
        qs = qs.filter(version__report__state__iso3__iexact=state)
    if category is not None:
        qs = qs.filter(**{source.category: category})
    if not_reported:
        qs = qs.filter(**{f"{source.value}__isnull": True})
    qs = qs.filter(**filters)
    return qs.select_related("version__report__state", "version__report__cycle").order_by(
        "version__report__state__name_en", f"-{YEAR}", "version_id", "position"
    )


# --- reads for the conclusions document -------------------------------------------------------


def reports_by_channel(year: int, *, up_to: datetime.date | None = None) -> dict[str, int]:
    """How many of the reports on `year` came in through each channel: the `source` of their first version
    (e.g. {"online": 58, "email": 40}), counting those received up to `up_to` when given."""
    versions = ReportVersion.objects.filter(report__cycle__year=year, number=1, is_recalled=False)
    if up_to is not None:
        versions = versions.filter(received_on__lte=up_to)
    return dict(versions.values_list("source").annotate(n=Count("pk")).order_by())


@dataclass
class OnlineToolYear:
    """The online reporting tool in the cycle due in a year: when it was launched, who promoted it ahead of
    the deadline, and how the cycle's reports came in."""

    launched: int
    cycle_year: int
    deadline: datetime.date
    promoted_by_id: int | None
    by_channel: dict[str, int]

    @property
    def online(self) -> int:
        return self.by_channel.get("online", 0)

    @property
    def total(self) -> int:
        return sum(self.by_channel.values())


def online_tool_year(*, year: int, up_to: datetime.date | None = None) -> OnlineToolYear | None:
    """The tool's facts for the cycle whose deadline falls in `year` (None when no such cycle is open or the
    tool was launched later)."""
    from django.conf import settings

    launched = settings.REPORTING_ONLINE_TOOL_LAUNCHED
    cycle = ReportingCycle.objects.filter(deadline__year=year).order_by("-year").first()
    if cycle is None or launched > year:
        return None
    return OnlineToolYear(
        launched=launched,
        cycle_year=cycle.year,
        deadline=cycle.deadline,
        promoted_by_id=cycle.online_tool_promoted_by_id,
        by_channel=reports_by_channel(cycle.year, up_to=up_to),
    )


def cycle_for_year_or_none(year: int) -> ReportingCycle | None:
    return ReportingCycle.objects.filter(year=year).first()
