"""Reads for the chair's dashboard: Article 7 reporting, cooperation and assistance reported, what comes next.

Every function runs a fixed number of queries whatever the number of States, reports or rows: lists
are fetched once and counted in Python, money is summed by the database per currency (never converted).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.dates import days_until
from core.numbers import format_number
from reporting.models import (
    CooperationRow,
    CycleStatus,
    DeadlineExtension,
    Direction,
    Purpose,
    Report,
    ReportingCycle,
)
from reporting.selectors import (
    FIGURE_SOURCES,
    STATE_FIELDS,
    YEAR,
    CycleRow,
    FigureTotal,
    current_cycle_year,
    cycle_for_year,
    cycle_statuses,
    figure_rows,
    figure_totals,
    is_report_required,
)
from states.models import Membership, Organisation, State

from .cache import cached

TREND_YEARS = 10  # the reporting-rate chart covers this many cycles up to the chosen one
CENT = Decimal("0.01")
MONEY_YEARS = 5  # C&A totals by year cover this many cycles up to the chosen one
TOP_PARTNERS = 10
UPCOMING_MEETINGS = 8
ARTICLE7_SOURCE = "article7"


# --- years ---------------------------------------------------------------------------------------


def default_year(today: datetime.date | None = None) -> int:
    """The cycle being filed now (reports due 30 April of this year are on last year)."""
    return current_cycle_year(today)


def available_years(today: datetime.date | None = None) -> list[int]:
    """Years the picker offers: every cycle the ISU opened, plus the current one; latest first."""
    years = set(ReportingCycle.objects.values_list("year", flat=True))
    years.add(default_year(today))
    return sorted(years, reverse=True)


# --- Article 7 reporting ---------------------------------------------------------------------------


# Drill-down groups of States, each a predicate on a reporting row. Keys are used in URLs and the API.
STATE_GROUPS: dict[str, tuple] = {
    "owed": (_("States owing a report"), lambda r: r.status != CycleStatus.NOT_REQUIRED),
    "submitted": (_("Reports received"), lambda r: r.is_submitted),
    "on_time": (_("Submitted on time"), lambda r: r.status == CycleStatus.ON_TIME),
    "late": (_("Submitted late"), lambda r: r.status == CycleStatus.LATE),
    "missing": (_("Missing (not submitted)"), lambda r: r.is_outstanding),
    "draft": (_("Draft started, not submitted"), lambda r: r.status == CycleStatus.DRAFT),
    "not_started": (_("Not started"), lambda r: r.status == CycleStatus.NOT_STARTED),
    "not_required": (_("Not required"), lambda r: r.status == CycleStatus.NOT_REQUIRED),
    "ca_quantitative": (_("With quantitative C&A information"), lambda r: r.is_submitted and r.ca_quantitative),
    "ca_qualitative": (_("With qualitative C&A information"), lambda r: r.is_submitted and r.ca_qualitative),
    "gender_info": (_("With gender and diversity information"), lambda r: r.is_submitted and r.gender_info),
    "no_gender": (_("Submitted, nothing on gender and diversity"), lambda r: r.is_submitted and not r.gender_info),
    "ca_no_gender": (
        _("C&A information but nothing on gender"),
        lambda r: r.is_submitted and (r.ca_quantitative or r.ca_qualitative) and not r.gender_info,
    ),
}


@dataclass
class StateLine:
    """A State in the chosen cycle, as the outstanding table and the drill-down lists show it."""

    row: CycleRow
    days_left: int | None
    last_reminder: object | None = None  # reminders.SentReminder

    @property
    def state(self) -> State:
        return self.row.state

    @property
    def days_late(self) -> int | None:
        return None if self.days_left is None or self.days_left >= 0 else -self.days_left


@dataclass
class TrendPoint:
    year: int
    owed: int
    on_time: int
    late: int

    @property
    def submitted(self) -> int:
        return self.on_time + self.late

    @property
    def missing(self) -> int:
        return self.owed - self.submitted

    @property
    def rate(self) -> int | None:
        """Percentage of the States owing a report that submitted it (None when nobody owed one)."""
        return round(self.submitted * 100 / self.owed) if self.owed else None

    @property
    def on_time_rate(self) -> int | None:
        return round(self.on_time * 100 / self.owed) if self.owed else None


@dataclass
class ReportingFigures:
    year: int
    cycle: ReportingCycle
    today: datetime.date
    rows: list[CycleRow]
    counts: dict[str, int]
    trend: list[TrendPoint]
    outstanding: list[StateLine]

    @property
    def owed(self) -> int:
        return self.counts["owed"]

    @property
    def submitted(self) -> int:
        return self.counts["submitted"]

    @property
    def rate(self) -> int | None:
        return round(self.submitted * 100 / self.owed) if self.owed else None

    def percent_of_submitted(self, key: str) -> int | None:
        return round(self.counts[key] * 100 / self.submitted) if self.submitted else None

    @property
    def deadline(self) -> datetime.date | None:
        return self.cycle.deadline


def _group_counts(rows: list[CycleRow]) -> dict[str, int]:
    return {key: sum(1 for r in rows if test(r)) for key, (_label, test) in STATE_GROUPS.items()}


def states_with_memberships() -> list[State]:
    """Every State with its memberships attached, in 2 queries.

    Equivalent to `prefetch_related("memberships")` (`state.memberships.all()` reads the list) without
    building one queryset per State, which costs more than the two queries themselves.
    """
    states = list(State.objects.order_by("name_en"))
    by_state: dict[int, list[Membership]] = defaultdict(list)
    for m in Membership.objects.order_by("entry_into_force", "pk"):
        by_state[m.state_id].append(m)
    for state in states:
        state._prefetched_objects_cache = {"memberships": by_state[state.pk]}
    return states


def party_years(state: State, first: int, last: int) -> set[int]:
    """The years between `first` and `last` in which the State was a Party (as `State.is_party_in`)."""
    memberships = state.memberships.all()
    return {year for year in range(first, last + 1) if any(m.is_active_in(year) for m in memberships)}


def _parties(year_from: int, year_to: int, states: list[State] | None = None) -> list[State]:
    """States that were a Party at some point between the two years, with their memberships."""
    states = states_with_memberships() if states is None else states
    return [s for s in states if party_years(s, year_from, year_to)]


def reporting_trend(*, year: int, states: list[State] | None = None, years: int = TREND_YEARS) -> list[TrendPoint]:
    """The reporting rate of the cycles opened among the `years` up to `year`: owed, on time, late (2-4 queries).

    Same rules as `reporting.selectors.cycle_statuses` (a State owes a report when bound by the
    Convention at the deadline; a report submitted anyway counts as owed and received).
    """
    first = year - years + 1
    if states is None:
        states = _parties(first, year)
    cycles = {c.year: c for c in ReportingCycle.objects.filter(year__range=(first, year))}
    submitted: dict[int, dict[int, bool]] = defaultdict(dict)
    for cycle_year, state_id, is_late in Report.objects.filter(
        cycle__year__range=(first, year), current_version__isnull=False
    ).values_list("cycle__year", "state_id", "is_late"):
        submitted[cycle_year][state_id] = bool(is_late)
    years_of = {state.pk: party_years(state, first, year) for state in states}
    points = []
    for y in range(first, year + 1):
        if y not in cycles and y != year:
            continue  # before the ISU opened cycles in the app there is nothing to count
        cycle = cycles.get(y) or ReportingCycle(year=y, deadline=datetime.date(y + 1, 4, 30))
        owed = on_time = late = 0
        for state in states:
            if y not in years_of[state.pk]:
                continue
            got = submitted[y].get(state.pk)
            if got is None and not is_report_required(state, cycle):
                continue
            owed += 1
            if got is True:
                late += 1
            elif got is False:
                on_time += 1
        if owed:
            points.append(TrendPoint(year=y, owed=owed, on_time=on_time, late=late))
    return points


def last_reminders(*, cycle: ReportingCycle) -> dict[int, object]:
    """The last Article 7 reminder claimed for each State in the cycle (empty without the reminders app)."""
    if not apps.is_installed("reminders"):
        return {}
    from reminders.selectors import last_reminder_by_state

    return last_reminder_by_state(ARTICLE7_SOURCE, reminder_cycle_key(cycle))


def reminder_cycle_key(cycle: ReportingCycle) -> str:
    """How reporting's deadline source names a cycle: the year the reports are due (see reporting.deadlines)."""
    return str(cycle.year + 1)


def state_lines(rows: list[CycleRow], *, cycle: ReportingCycle, today: datetime.date) -> list[StateLine]:
    reminders = last_reminders(cycle=cycle)
    return [
        StateLine(
            row=r,
            days_left=days_until(r.deadline, today),
            last_reminder=reminders.get(r.state.pk),
        )
        for r in rows
    ]


def reporting_figures(
    *,
    year: int,
    today: datetime.date | None = None,
    states: list[State] | None = None,
    stamp: str | None = None,
) -> ReportingFigures:
    """Everything the Article 7 panel shows for `year`, in a fixed number of queries.

    `states`: every State with its memberships (see `states_with_memberships`), when already loaded.
    `stamp`: the reports' stamp (see `dashboard.cache`) under which the trend may be cached.
    """
    today = today or timezone.localdate()
    states = _parties(year - TREND_YEARS + 1, year, states)
    parties = [s for s in states if year in party_years(s, year, year)]
    rows = cycle_statuses(year=year, states=parties)
    cycle = cycle_for_year(year)
    outstanding = [r for r in rows if r.is_outstanding]
    lines = state_lines(outstanding, cycle=cycle, today=today)
    lines.sort(key=lambda line: (line.row.deadline or datetime.date.max, line.state.name_en))
    return ReportingFigures(
        year=year,
        cycle=cycle,
        today=today,
        rows=rows,
        counts=_group_counts(rows),
        trend=cached("trend", stamp, lambda: reporting_trend(year=year, states=states), year),
        outstanding=lines,
    )


def states_in_group(*, year: int, group: str, today: datetime.date | None = None) -> list[StateLine]:
    """The States behind one of the panel's figures (see `STATE_GROUPS`), with deadline and last reminder."""
    today = today or timezone.localdate()
    test = STATE_GROUPS[group][1]
    rows = [r for r in cycle_statuses(year=year) if test(r)]
    return state_lines(rows, cycle=cycle_for_year(year), today=today)


# --- cooperation and assistance reported ----------------------------------------------------------


def ca_rows(*, years: list[int] | tuple[int, int]):
    """C&A rows of the current (latest submitted) version of every report on the given years.

    `years` is a list of years or a (first, last) range.
    """
    reports = Report.objects.filter(current_version__isnull=False)
    if isinstance(years, tuple):
        reports = reports.filter(cycle__year__range=years)
    else:
        reports = reports.filter(cycle__year__in=years)
    return CooperationRow.objects.filter(version_id__in=reports.values("current_version_id"))


@dataclass
class MoneyLine:
    """A total of reported assistance in one currency (never converted)."""

    direction: str
    currency: str
    total: Decimal
    rows: int
    purpose: str = ""
    year: int | None = None

    @property
    def direction_label(self) -> str:
        return Direction(self.direction).label

    @property
    def display(self) -> str:
        """The total without cents, grouped in the active language (for the compact tables)."""
        return format_number(self.total.quantize(Decimal(1)), places=0)

    @property
    def purpose_label(self) -> str:
        return Purpose(self.purpose).label if self.purpose else ""


@dataclass
class Partner:
    key: str  # "s<pk>", "o<pk>" or "n<name>": the drill-down filter
    name: str
    rows: int = 0
    reporting_states: int = 0
    totals: dict[str, Decimal] = field(default_factory=dict)  # currency → amount

    @property
    def totals_sorted(self) -> list[tuple[str, Decimal]]:
        return sorted(self.totals.items())


@dataclass
class CooperationFigures:
    year: int
    by_purpose: list[MoneyLine]  # the chosen cycle, per direction, purpose and currency
    by_year: list[MoneyLine]  # the last MONEY_YEARS cycles, per direction and currency
    without_amount: dict[str, int]  # direction → rows with no amount (qualitative only)
    top_partners: list[Partner]
    rows: int

    @property
    def currencies(self) -> list[str]:
        return sorted({m.currency for m in self.by_purpose})

    def pivots(self) -> list["Pivot"]:
        """Per direction: totals by purpose × currency (this cycle) and by year × currency (last cycles)."""
        out = []
        for direction in Direction:
            purpose = _pivot(
                [m for m in self.by_purpose if m.direction == direction],
                key=lambda m: m.purpose,
                label=lambda k: Purpose(k).label,
                order=[p.value for p in Purpose],
            )
            years = _pivot(
                [m for m in self.by_year if m.direction == direction],
                key=lambda m: m.year,
                label=str,
                order=sorted({m.year for m in self.by_year}, reverse=True),
            )
            out.append(
                Pivot(
                    direction=direction.value,
                    label=direction.label,
                    by_purpose=purpose,
                    by_year=years,
                    without_amount=self.without_amount.get(direction.value, 0),
                )
            )
        return out


@dataclass
class PivotTable:
    """Totals of one direction: one row per currency (most used first), one column per purpose or year."""

    columns: list[tuple[object, str]]  # (key, label)
    rows: list[tuple[str, list[MoneyLine | None]]]  # (currency, one cell per column)


@dataclass
class Pivot:
    direction: str
    label: str
    by_purpose: PivotTable
    by_year: PivotTable
    without_amount: int


def _pivot(lines: list[MoneyLine], *, key, label, order) -> PivotTable:
    currencies = sorted({m.currency for m in lines}, key=lambda c: (-sum(m.rows for m in lines if m.currency == c), c))
    cells = {(key(m), m.currency): m for m in lines}
    keys = [k for k in order if any((k, c) in cells for c in currencies)]
    return PivotTable(
        columns=[(k, label(k)) for k in keys], rows=[(c, [cells.get((k, c)) for k in keys]) for c in currencies]
    )


def _cents(value) -> Decimal:
    """Database sums come back with the backend's own scale (SQLite drops trailing zeros)."""
    return Decimal(value or 0).quantize(CENT)


def _partner_key_and_name(values: dict) -> tuple[str, str]:
    key = _partner_key(values["partner_state_id"], values["partner_organisation_id"], values["partner_name"])
    if values["partner_state_id"]:
        lang = (translation.get_language() or "en")[:2]
        return key, values.get(f"partner_state__name_{lang}") or values["partner_state__name_en"]
    if values["partner_organisation_id"]:
        name = values["partner_organisation__name"] or ""
        acronym = values.get("partner_organisation__acronym") or ""
        return key, f"{name} ({acronym})" if acronym else name
    return key, values["partner_name"] or str(_("Unnamed partner"))


def partner_filter(key: str) -> Q:
    """The Q object selecting the rows of one partner from its key (see `Partner.key`)."""
    kind, rest = key[:1], key[1:]
    if kind == "s" and rest.isdigit():
        return Q(partner_state_id=int(rest))
    if kind == "o" and rest.isdigit():
        return Q(partner_organisation_id=int(rest))
    if kind == "n":
        return Q(partner_state__isnull=True, partner_organisation__isnull=True, partner_name=rest)
    return Q(pk__in=[])


def partner_name(key: str) -> str:
    kind, rest = key[:1], key[1:]
    if kind == "s" and rest.isdigit():
        state = State.objects.filter(pk=int(rest)).first()
        return state.name if state else key
    if kind == "o" and rest.isdigit():
        org = Organisation.objects.filter(pk=int(rest)).first()
        return str(org) if org else key
    return rest


_PARTNER_FIELDS = (
    "partner_state_id",
    "partner_state__name_en",
    "partner_state__name_fr",
    "partner_state__name_es",
    "partner_organisation_id",
    "partner_organisation__name",
    "partner_organisation__acronym",
    "free_name",
)


def top_partners(*, year: int, limit: int = TOP_PARTNERS) -> list[Partner]:
    """Partners named most often in the chosen cycle's C&A rows (ties: more reporting States, then name),
    with their totals per currency (2 queries: the ranking, then the totals of the top ones)."""
    rows = ca_rows(years=[year]).order_by()
    # A free-text name identifies a partner only when it is neither a State nor an organisation.
    rows = rows.annotate(
        free_name=Case(
            When(partner_state__isnull=True, partner_organisation__isnull=True, then=F("partner_name")),
            default=Value(""),
        )
    )
    ranked = list(
        rows.values(*_PARTNER_FIELDS)
        .annotate(
            n=Count("pk"),
            reporters=Count("version__report__state_id", distinct=True),
            sort_name=Coalesce("partner_state__name_en", "partner_organisation__name", "free_name"),
        )
        .order_by("-n", "-reporters", "sort_name", "partner_state_id", "partner_organisation_id")[:limit]
    )
    partners = []
    for values in ranked:
        key, name = _partner_key_and_name({**values, "partner_name": values["free_name"]})
        partners.append(Partner(key=key, name=name, rows=values["n"], reporting_states=values["reporters"]))
    if not partners:
        return partners
    wanted = Q(pk__in=[])
    for p in partners:
        wanted |= partner_filter(p.key)
    by_key = {p.key: p for p in partners}
    for values in (
        rows.filter(wanted, amount__isnull=False)
        .values("partner_state_id", "partner_organisation_id", "free_name", "currency")
        .annotate(total=Sum("amount"))
    ):
        key = _partner_key(values["partner_state_id"], values["partner_organisation_id"], values["free_name"])
        if key in by_key:
            by_key[key].totals[values["currency"]] = _cents(values["total"])
    return partners


def _partner_key(state_id, organisation_id, name: str) -> str:
    if state_id:
        return f"s{state_id}"
    if organisation_id:
        return f"o{organisation_id}"
    return f"n{name}"


def cooperation_figures(*, year: int, stamp: str | None = None) -> CooperationFigures:
    """C&A reported in the chosen cycle (by purpose) and the last cycles (by year), per currency (5 queries;
    none when cached under the reports' `stamp`, see `dashboard.cache`)."""
    return cached("cooperation", stamp, lambda: _cooperation_figures(year=year), year)


def _cooperation_figures(*, year: int) -> CooperationFigures:
    this_year = ca_rows(years=[year]).order_by()
    by_purpose = [
        MoneyLine(
            direction=v["direction"],
            purpose=v["purpose"],
            currency=v["currency"],
            total=_cents(v["total"]),
            rows=v["n"],
        )
        for v in this_year.filter(amount__isnull=False)
        .values("direction", "purpose", "currency")
        .annotate(total=Sum("amount"), n=Count("pk"))
        .order_by("direction", "purpose", "currency")
    ]
    without_amount = dict(
        this_year.filter(amount__isnull=True).values("direction").annotate(n=Count("pk")).values_list("direction", "n")
    )
    by_year = [
        MoneyLine(
            direction=v["direction"],
            year=v["version__report__cycle__year"],
            currency=v["currency"],
            total=_cents(v["total"]),
            rows=v["n"],
        )
        for v in ca_rows(years=(year - MONEY_YEARS + 1, year))
        .filter(amount__isnull=False)
        .order_by()
        .values("direction", "version__report__cycle__year", "currency")
        .annotate(total=Sum("amount"), n=Count("pk"))
        .order_by("direction", "-version__report__cycle__year", "currency")
    ]
    partners = top_partners(year=year)
    rows = sum(m.rows for m in by_purpose) + sum(without_amount.values())
    return CooperationFigures(
        year=year,
        by_purpose=by_purpose,
        by_year=by_year,
        without_amount=without_amount,
        top_partners=partners,
        rows=rows,
    )


# --- upcoming deadlines and meetings --------------------------------------------------------------


@dataclass
class Deadline:
    """A date something is due by, with how many States still owe it."""

    date: datetime.date
    title: str
    states: int | None = None
    source: str = ""
    cycle: str = ""
    url: str = ""

    def days_left(self, today: datetime.date) -> int:
        return days_until(self.date, today)


@dataclass
class Upcoming:
    today: datetime.date
    deadlines: list[Deadline]
    meetings: list


def _group_obligations(obligations, label: str, today: datetime.date, grouped: dict) -> None:
    for ob in obligations:
        if ob.deadline < today:
            continue  # overdue: listed with the outstanding States, not among what comes next
        key = (ob.source, ob.cycle, ob.deadline)
        if key not in grouped:
            grouped[key] = Deadline(date=ob.deadline, title=label, states=0, source=ob.source, cycle=ob.cycle)
        grouped[key].states += 1


@dataclass(frozen=True)
class _Owed:
    """The part of an obligation the grouping needs (the Article 7 ones are built from rows already loaded)."""

    source: str
    cycle: str
    state_id: int
    deadline: datetime.date


def article7_obligations(
    *, today: datetime.date, states: list[State] | None = None, rows_by_year: dict[int, list[CycleRow]] | None = None
) -> list[_Owed]:
    """The open Article 7 obligations as `reporting.deadlines.Article7Source` lists them (the current cycle's
    outstanding States, and earlier cycles' States whose extension still runs), from rows already computed
    when the dashboard shows the current cycle (3-4 queries otherwise)."""
    current = current_cycle_year(today)
    rows_by_year = rows_by_year or {}
    rows = rows_by_year.get(current)
    if rows is None:
        parties = [s for s in (states or states_with_memberships()) if s.is_party_in(current)]
        rows = cycle_statuses(year=current, states=parties)
    owed = [
        _Owed(ARTICLE7_SOURCE, str(current + 1), r.state.pk, r.deadline)
        for r in rows
        if r.is_outstanding and r.deadline is not None
    ]
    extended = (
        DeadlineExtension.objects.filter(new_deadline__gte=today)
        .exclude(cycle__year=current)
        .exclude(
            Exists(
                Report.objects.filter(state=OuterRef("state"), cycle=OuterRef("cycle"), current_version__isnull=False)
            )
        )
        .values_list("cycle__year", "state_id", "new_deadline")
    )
    owed += [_Owed(ARTICLE7_SOURCE, str(y + 1), state_id, deadline) for y, state_id, deadline in extended]
    return owed + _initial_reports_owed(today=today, states=states)


def _initial_reports_owed(*, today: datetime.date, states: list[State] | None) -> list[_Owed]:
    """New States Parties' initial reports on this calendar year, due before that cycle is current
    (as `Article7Source` lists them): one query, and the cycle's statuses only when there are some."""
    joined = set(
        Membership.objects.filter(entry_into_force__year=today.year, entry_into_force__lte=today).values_list(
            "state_id", flat=True
        )
    )
    if not joined:
        return []
    if states is not None:
        found = [s for s in states if s.pk in joined]
    else:
        found = list(State.objects.filter(pk__in=joined).prefetch_related("memberships"))
    rows = cycle_statuses(year=today.year, states=found)
    return [
        _Owed(ARTICLE7_SOURCE, str(today.year + 1), r.state.pk, r.deadline)
        for r in rows
        if r.is_initial and r.is_outstanding and r.deadline is not None
    ]


def upcoming_deadlines(
    *,
    today: datetime.date,
    limit: int = 8,
    states: list[State] | None = None,
    rows_by_year: dict[int, list[CycleRow]] | None = None,
) -> list[Deadline]:
    """Open obligations of every deadline source (Article 7, questionnaires, Fund reports…), grouped by
    source, cycle and date, soonest first; overdue ones are left to their own lists."""
    if not apps.is_installed("reminders"):
        return []
    from reminders import registry

    grouped: dict[tuple, Deadline] = {}
    for source in registry.sources():
        if source.kind == ARTICLE7_SOURCE:
            obligations = article7_obligations(today=today, states=states, rows_by_year=rows_by_year)
        else:
            obligations = source.obligations(today=today)
        _group_obligations(obligations, registry.source_label(source), today, grouped)
    return sorted(grouped.values(), key=lambda d: (d.date, d.title))[:limit]


def upcoming_meetings(*, today: datetime.date, limit: int = UPCOMING_MEETINGS) -> list:
    if not apps.is_installed("meetings"):
        return []
    from meetings.models import Meeting

    return list(Meeting.objects.upcoming(today).select_related("state").order_by("start_date", "title_en")[:limit])


def upcoming(
    *,
    today: datetime.date | None = None,
    states: list[State] | None = None,
    rows_by_year: dict[int, list[CycleRow]] | None = None,
) -> Upcoming:
    today = today or timezone.localdate()
    return Upcoming(
        today=today,
        deadlines=upcoming_deadlines(today=today, states=states, rows_by_year=rows_by_year),
        meetings=upcoming_meetings(today=today),
    )


# --- drill-down lists -----------------------------------------------------------------------------

CA_FILTERS = ("direction", "purpose", "currency", "partner")


def ca_row_list(
    *, year: int, direction: str = "", purpose: str = "", currency: str = "", partner: str = "", amount: str = ""
):
    """The C&A rows behind a total: the current versions of the reports on `year`, filtered
    (`amount`: "none" for rows without an amount, "some" for rows with one)."""
    qs = ca_rows(years=[year])
    if amount in ("none", "some"):
        qs = qs.filter(amount__isnull=amount == "none")
    if direction:
        qs = qs.filter(direction=direction)
    if purpose:
        qs = qs.filter(purpose=purpose)
    if currency:
        qs = qs.filter(currency=currency)
    if partner:
        qs = qs.filter(partner_filter(partner))
    return qs.select_related(
        "version__report__state", "version__report__cycle", "partner_state", "partner_organisation"
    ).order_by("version__report__state__name_en", "version__report_id", "position")


@dataclass
class ObligationLine:
    state: State
    deadline: datetime.date
    title: str
    path: str
    days_left: int


def obligation_lines(
    *, source: str, cycle: str, deadline: datetime.date | None = None, today: datetime.date | None = None
) -> tuple[str, list[ObligationLine]]:
    """The States still owing one source's obligation in one cycle (optionally for one deadline)."""
    today = today or timezone.localdate()
    if not apps.is_installed("reminders"):
        return "", []
    from reminders import registry

    found = registry.get_source(source)
    if found is None:
        return "", []
    obligations = [
        o for o in found.obligations(today=today) if o.cycle == cycle and (deadline is None or o.deadline == deadline)
    ]
    states = State.objects.in_bulk({o.state_id for o in obligations})
    lines = [
        ObligationLine(
            state=states[o.state_id],
            deadline=o.deadline,
            title=o.title,
            path=o.path,
            days_left=days_until(o.deadline, today),
        )
        for o in obligations
        if o.state_id in states
    ]
    lines.sort(key=lambda line: (line.deadline, line.state.name_en))
    return registry.source_label(found), lines


# --- what the reports' forms say (typed rows of the current versions) -----------------------------

FORM_YEARS = 10  # the trends cover this many cycles up to the chosen one
STATE = STATE_FIELDS


@dataclass
class FormFigures:
    """The figures of the forms' rows: the chosen cycle, and trends over the last `FORM_YEARS` cycles."""

    year: int
    first: int
    contamination_by_state: list[FigureTotal]  # the chosen cycle, per State and status
    contamination_trend: list[FigureTotal]  # per year and status
    released: list[FigureTotal]  # per year and method
    destroyed: list[FigureTotal]  # the chosen cycle, per article and type
    retained: list[FigureTotal]  # per year
    retained_use: list[FigureTotal]  # per year
    national: list[FigureTotal]  # per year and currency
    received: list[MoneyLine]  # international assistance received, per year and currency
    casualties: list[FigureTotal]  # the chosen cycle, per outcome, sex and age group

    @property
    def years(self) -> tuple[int, int]:
        return (self.first, self.year)


def form_figures(*, year: int, stamp: str | None = None) -> FormFigures:
    """Every figure of the forms' panels for `year` (10 queries whatever the data; none when cached under
    the reports' `stamp`)."""
    return cached("forms", stamp, lambda: _form_figures(year=year), year)


def _form_figures(*, year: int) -> FormFigures:
    src = FIGURE_SOURCES
    first = year - FORM_YEARS + 1
    this, trend = (year, year), (first, year)
    received = [
        MoneyLine(
            direction=Direction.RECEIVED,
            year=v["version__report__cycle__year"],
            currency=v["currency"],
            total=_cents(v["total"]),
            rows=v["n"],
        )
        for v in ca_rows(years=trend)
        .filter(direction=Direction.RECEIVED, amount__isnull=False)
        .order_by()
        .values("version__report__cycle__year", "currency")
        .annotate(total=Sum("amount"), n=Count("pk"))
        .order_by("-version__report__cycle__year", "currency")
    ]
    return FormFigures(
        year=year,
        first=first,
        contamination_by_state=figure_totals(src["mined-areas"], years=this, by=(*STATE, "status")),
        contamination_trend=figure_totals(src["mined-areas"], years=trend, by=(YEAR, "status")),
        released=figure_totals(src["land-released"], years=trend, by=(YEAR, "method")),
        destroyed=figure_totals(src["destroyed"], years=this, by=("article", "mine_type")),
        retained=figure_totals(src["retained"], years=trend, by=(YEAR,)),
        retained_use=figure_totals(src["retained-use"], years=trend, by=(YEAR,)),
        national=figure_totals(src["national-resources"], years=trend, by=(YEAR, "currency")),
        received=received,
        casualties=figure_totals(src["casualties"], years=this, by=("outcome", "sex", "age_group")),
    )


def form_row_list(kind: str, *, year: int, **filters):
    """The rows behind one of the forms' figures (see `reporting.selectors.FIGURE_SOURCES`)."""
    return figure_rows(FIGURE_SOURCES[kind], years=(year, year), **filters)
