"""Article 7 deadlines for the reminders engine (see reminders/registry.py).

Every State Party of the current cycle (reports on last year, due this year) that has not
submitted owes its report by its own deadline (extension or initial-report rule applied). A State
whose extension runs past today still owes an earlier cycle's report.
"""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reminders.registry import BaseDeadlineSource, CycleProgress, Obligation
from states.models import State

from . import selectors
from .models import CycleStatus, DeadlineExtension, Report


def _title(year: int) -> str:
    return _("Article 7 report on calendar year %(year)s") % {"year": year}


class Article7Source(BaseDeadlineSource):
    kind = "article7"
    label = gettext_lazy("Article 7 reports")

    def _cycle_years(self, today: datetime.date) -> set[int]:
        years = {selectors.current_cycle_year(today)}
        years |= set(DeadlineExtension.objects.filter(new_deadline__gte=today).values_list("cycle__year", flat=True))
        return years

    def obligations(self, *, today: datetime.date) -> list[Obligation]:
        current = selectors.current_cycle_year(today)
        out = []
        for year in sorted(self._cycle_years(today)):
            for row in selectors.cycle_statuses(year=year):
                if not row.is_outstanding or row.deadline is None:
                    continue
                if year != current and row.extension is None:
                    continue
                out.append(
                    Obligation(
                        source=self.kind,
                        cycle=str(year + 1),  # the year the report is due
                        state_id=row.state.pk,
                        deadline=row.deadline,
                        title=_title(year),
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
        return selectors.delegates_by_state([obligation.state_id]).get(obligation.state_id, [])

    def recipients_for(self, obligations: list[Obligation]) -> dict[Obligation, list]:
        by_state = selectors.delegates_by_state({o.state_id for o in obligations})
        return {o: by_state.get(o.state_id, []) for o in obligations}

    def describe(self, obligation: Obligation) -> str:
        return _title(int(obligation.cycle) - 1)

    def current_deadline(self, obligation: Obligation) -> datetime.date | None:
        """The State's own deadline for the cycle now (extension, initial report), as its pages show it."""
        state = State.objects.filter(pk=obligation.state_id).prefetch_related("memberships").first()
        cycle = selectors.cycle_for_year(int(obligation.cycle) - 1) if state is not None else None
        return selectors.state_deadline(state, cycle) if cycle is not None else None

    def progress(self, *, today: datetime.date) -> list[CycleProgress]:
        year = selectors.current_cycle_year(today)
        rows = [r for r in selectors.cycle_statuses(year=year) if r.status != CycleStatus.NOT_REQUIRED]
        submitted = sum(1 for r in rows if r.is_submitted)
        return [CycleProgress(self.kind, str(year + 1), _title(year), owed=len(rows), submitted=submitted)]


SOURCES = [Article7Source()]
