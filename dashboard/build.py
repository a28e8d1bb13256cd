"""The dashboard for one year as plain data: figures, tables and charts, shared by the page, exports and API."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import charts, selectors, tables
from .cache import reports_stamp
from .selectors import CooperationFigures, ReportingFigures, Upcoming


@dataclass
class Dashboard:
    year: int
    today: datetime.date
    reporting: ReportingFigures
    cooperation: CooperationFigures
    upcoming: Upcoming

    def tables(self) -> dict[str, tables.Table]:
        return {
            t.key: t
            for t in (
                tables.reporting_table(self.reporting),
                tables.trend_table(self.reporting),
                tables.outstanding_table(self.reporting),
                tables.ca_purpose_table(self.cooperation),
                tables.ca_year_table(self.cooperation),
                tables.partners_table(self.cooperation),
                tables.deadlines_table(self.upcoming),
                tables.meetings_table(self.upcoming),
            )
        }

    def trend_chart(self) -> charts.TrendChart:
        return charts.trend_chart(self.reporting.trend, url_for_year=lambda y: tables.drilldown_url("owed", year=y))

    def status_bar(self) -> list[charts.StatusPart]:
        c = self.reporting.counts
        return charts.status_bar(
            [
                ("on_time", str(_("On time")), c["on_time"], charts.ON_TIME, False),
                ("late", str(_("Late")), c["late"], charts.LATE, False),
                ("draft", str(_("Draft")), c["draft"], "#7a7f85", False),
                ("not_started", str(_("Not started")), c["not_started"], charts.MISSING, True),
            ],
            url_for=lambda key: tables.drilldown_url(key, year=self.year),
            width=100,
        )


def build(*, year: int, today: datetime.date) -> Dashboard:
    states = selectors.states_with_memberships()  # loaded once, shared by every figure
    stamp = reports_stamp()
    reporting = selectors.reporting_figures(year=year, today=today, states=states, stamp=stamp)
    return Dashboard(
        year=year,
        today=today,
        reporting=reporting,
        cooperation=selectors.cooperation_figures(year=year, stamp=stamp),
        upcoming=selectors.upcoming(today=today, states=states, rows_by_year={year: reporting.rows}),
    )


TABLE_KEYS = ("reporting", "trend", "outstanding", "ca_purpose", "ca_year", "partners", "deadlines", "meetings")
