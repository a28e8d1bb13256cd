"""Article 7 deadlines for the reminders engine (see reminders/registry.py)."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import Role, User
from reminders.registry import Obligation

from . import selectors
from .models import DeadlineExtension, Report


class Article7Source:
    kind = "article7"

    def _cycle_years(self, today: datetime.date) -> set[int]:
        years = {selectors.current_cycle_year(today)}
        # A State with an extension running past today still owes an earlier cycle's report.
        years |= set(DeadlineExtension.objects.filter(new_deadline__gte=today).values_list("cycle__year", flat=True))
        return years

    def obligations(self, *, today: datetime.date) -> list[Obligation]:
        out = []
        for year in sorted(self._cycle_years(today)):
            for row in selectors.cycle_statuses(year=year):
                if not row.is_outstanding or row.deadline is None:
                    continue
                if year != selectors.current_cycle_year(today) and row.extension is None:
                    continue
                out.append(
                    Obligation(
                        source=self.kind,
                        cycle=str(year + 1),
                        state_id=row.state.pk,
                        deadline=row.deadline,
                        title=_("Article 7 report on calendar year %(year)s") % {"year": year},
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
        return list(
            User.objects.filter(
                role=Role.DELEGATE, state_id=obligation.state_id, is_active=True, deactivated_at__isnull=True
            )
        )


SOURCES = [Article7Source()]
