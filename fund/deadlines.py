"""The Fund's deadlines for the reminders engine: the final report of every approved application."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reminders.registry import Obligation

from .models import Application


class FinalReportSource:
    """Obligations: approved or disbursed applications whose final report is not in yet."""

    kind = "fund_final_report"
    label = gettext_lazy("Fund final reports")

    def obligations(self, *, today: datetime.date) -> list[Obligation]:
        applications = Application.objects.report_owed().select_related("state").order_by("final_report_due", "pk")
        return [self._obligation(a) for a in applications]

    def _obligation(self, application: Application) -> Obligation:
        return Obligation(
            source=self.kind,
            cycle=application.reference,
            state_id=application.state_id,
            deadline=application.final_report_due,
            title=self._title(application.reference, application.title),
            path=reverse("fund:final_report_upload", kwargs={"pk": application.pk}),
            object_id=application.pk,
        )

    @staticmethod
    def _title(reference: str, title: str) -> str:
        return _("Final report on Fund application %(reference)s “%(title)s”") % {
            "reference": reference,
            "title": title,
        }

    def is_fulfilled(self, obligation: Obligation) -> bool:
        """Fulfilled once the State uploaded the report (or the file moved on: received, closed)."""
        return not (Application.objects.report_owed().filter(pk=obligation.object_id).exists())

    def recipients(self, obligation: Obligation) -> list:
        return self.recipients_for([obligation]).get(obligation, [])

    def recipients_for(self, obligations: list[Obligation]) -> dict[Obligation, list]:
        from accounts.selectors import active_delegates_by_state

        by_state = active_delegates_by_state({o.state_id for o in obligations})
        return {o: by_state.get(o.state_id, []) for o in obligations}

    def describe(self, obligation: Obligation) -> str:
        """The title in the active language (the engine calls it inside translation.override)."""
        title = Application.objects.filter(pk=obligation.object_id).values_list("title", flat=True).first()
        return self._title(obligation.cycle, title or "")


SOURCES = [FinalReportSource()]
