"""Article 7 deadlines: which report a State owes in a cycle, over which period, and the source the
reminders engine reads (see reminders/registry.py).

Initial and annual reports (reporting/README.md, "Initial reports"): a State's report in the cycle of
the year the Convention entered into force for it is its **initial report** (Article 7.1), due 180
days after entry into force and covering entry into force to 31 December of that year; every later
cycle holds an **annual report** on the calendar year (Article 7.2), due by the cycle's deadline.
`report_kind` and `reporting_period` read the State's memberships as prefetched
(`prefetch_related("memberships")`): no query per State on a list.

Every State Party of the current cycle (reports on last year, due this year) that has not submitted
owes its report by its own deadline (extension or initial-report rule applied). A State whose
extension runs past today still owes an earlier cycle's report, and a new State Party owes its
initial report in this calendar year's cycle before that cycle is current.
"""

import datetime
from collections.abc import Iterable

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reminders.registry import BaseDeadlineSource, CycleProgress, Obligation
from states.models import Membership, State

from .models import CycleStatus, DeadlineExtension, Report, ReportingCycle

INITIAL = "initial"
ANNUAL = "annual"
REPORT_KINDS = {INITIAL: gettext_lazy("Initial report"), ANNUAL: gettext_lazy("Annual report")}


def membership_in(memberships: Iterable[Membership], year: int) -> Membership | None:
    """The membership under which the State reports on `year`: the latest one in force during the year."""
    active = [m for m in memberships if m.is_active_in(year)]
    return max(active, key=lambda m: m.entry_into_force) if active else None


def membership_report_kind(membership: Membership | None, year: int) -> str:
    if membership is not None and membership.entry_into_force.year == year:
        return INITIAL
    return ANNUAL


def report_kind(state: State, cycle: ReportingCycle) -> str:
    """ "initial" when `cycle` is the year the Convention entered into force for the State (Article 7.1),
    else "annual" (also for a State not Party that year)."""
    return membership_report_kind(membership_in(state.memberships.all(), cycle.year), cycle.year)


def reporting_period(state: State, cycle: ReportingCycle) -> tuple[datetime.date, datetime.date]:
    """(from, to) of the State's report in `cycle`: 1 January-31 December of the year for an annual
    report, entry into force-31 December for an initial one."""
    end = datetime.date(cycle.year, 12, 31)
    membership = membership_in(state.memberships.all(), cycle.year)
    if membership_report_kind(membership, cycle.year) == INITIAL:
        return membership.entry_into_force, end
    return datetime.date(cycle.year, 1, 1), end


def _title(year: int) -> str:
    return _("Article 7 report on calendar year %(year)s") % {"year": year}


def _initial_title(start: datetime.date, end: datetime.date) -> str:
    return _("Initial Article 7 report (%(start)s to %(end)s)") % {
        "start": date_format(start, "DATE_FORMAT"),
        "end": date_format(end, "DATE_FORMAT"),
    }


def report_title(state: State, cycle: ReportingCycle) -> str:
    """The report's name in reminders and digests, in the active language."""
    if report_kind(state, cycle) == INITIAL:
        return _initial_title(*reporting_period(state, cycle))
    return _title(cycle.year)


class Article7Source(BaseDeadlineSource):
    kind = "article7"
    label = gettext_lazy("Article 7 reports")

    def _cycle_years(self, today: datetime.date) -> set[int]:
        from . import selectors  # selectors re-exports this module's rules: imported when used

        years = {selectors.current_cycle_year(today)}
        years |= set(DeadlineExtension.objects.filter(new_deadline__gte=today).values_list("cycle__year", flat=True))
        # a new State Party's initial report on this calendar year, due before that cycle is current
        if Membership.objects.filter(entry_into_force__year=today.year, entry_into_force__lte=today).exists():
            years.add(today.year)
        return years

    def obligations(self, *, today: datetime.date) -> list[Obligation]:
        from . import selectors

        current = selectors.current_cycle_year(today)
        out = []
        for year in sorted(self._cycle_years(today)):
            cycle = selectors.cycle_for_year(year)
            for row in selectors.cycle_statuses(year=year):
                if not row.is_outstanding or row.deadline is None:
                    continue
                if year != current and row.extension is None and not row.is_initial:
                    continue
                out.append(
                    Obligation(
                        # the year annual reports on `year` are due: the same key whether the initial
                        # report is owed before or once its cycle is current (one schedule per report)
                        source=self.kind,
                        cycle=str(year + 1),
                        state_id=row.state.pk,
                        deadline=row.deadline,
                        title=report_title(row.state, cycle),
                        path=reverse("reporting:overview", args=[row.state.iso3, year]),
                        object_id=row.report.pk if row.report else None,
                    )
                )
        return out

    def is_fulfilled(self, obligation: Obligation) -> bool:
        year = int(obligation.cycle) - 1
        return Report.objects.filter(
            state_id=obligation.state_id, cycle__year=year, current_version__isnull=False
        ).exists()

    def recipients(self, obligation: Obligation) -> list:
        from . import selectors

        return selectors.delegates_by_state([obligation.state_id]).get(obligation.state_id, [])

    def recipients_for(self, obligations: list[Obligation]) -> dict[Obligation, list]:
        from . import selectors

        by_state = selectors.delegates_by_state({o.state_id for o in obligations})
        return {o: by_state.get(o.state_id, []) for o in obligations}

    def describe(self, obligation: Obligation) -> str:
        """The report's name in the active language ("Initial Article 7 report (...)" for a new State Party)."""
        state = State.objects.filter(pk=obligation.state_id).prefetch_related("memberships").first()
        year = int(obligation.cycle) - 1
        if state is None:
            return _title(year)
        return report_title(state, ReportingCycle(year=year))

    def explain(self, obligation: Obligation) -> str:
        """For an initial report: why it is due before the usual 30 April, and what it covers."""
        state = State.objects.filter(pk=obligation.state_id).prefetch_related("memberships").first()
        cycle = ReportingCycle(year=int(obligation.cycle) - 1)
        if state is None or report_kind(state, cycle) != INITIAL:
            return ""
        start, end = reporting_period(state, cycle)
        return _(
            "This is the initial report of %(state)s (Article 7.1 of the Convention): it is due within 180 days of "
            "the Convention's entry into force for %(state)s on %(start)s and covers the period from that day to "
            "%(end)s. Later reports are annual, due by 30 April."
        ) % {"state": state, "start": date_format(start, "DATE_FORMAT"), "end": date_format(end, "DATE_FORMAT")}

    def current_deadline(self, obligation: Obligation) -> datetime.date | None:
        """The State's own deadline for the cycle now (extension, initial report), as its pages show it."""
        from . import selectors

        state = State.objects.filter(pk=obligation.state_id).prefetch_related("memberships").first()
        cycle = selectors.cycle_for_year(int(obligation.cycle) - 1) if state is not None else None
        return selectors.state_deadline(state, cycle) if cycle is not None else None

    def progress(self, *, today: datetime.date) -> list[CycleProgress]:
        from . import selectors

        year = selectors.current_cycle_year(today)
        rows = [r for r in selectors.cycle_statuses(year=year) if r.status != CycleStatus.NOT_REQUIRED]
        submitted = sum(1 for r in rows if r.is_submitted)
        return [CycleProgress(self.kind, str(year + 1), _title(year), owed=len(rows), submitted=submitted)]


SOURCES = [Article7Source()]
