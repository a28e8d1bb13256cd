"""The dashboard for one year as plain data: figures, tables and charts, shared by the page, exports and API."""

import datetime
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import charts, selectors, tables
from .cache import reports_stamp
from .selectors import FIGURE_SOURCES, YEAR, CooperationFigures, FormFigures, ReportingFigures, Upcoming


class LazyTables(Mapping):
    def __init__(self, builders: dict[str, Callable[[], tables.Table]]):
        self._builders = builders
        self._built: dict[str, tables.Table] = {}

    def __getitem__(self, key: str) -> tables.Table:
        if key not in self._built:
            self._built[key] = self._builders[key]()
        return self._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._builders)

    def __len__(self) -> int:
        return len(self._builders)


@dataclass
class Dashboard:
    year: int
    today: datetime.date
    reporting: ReportingFigures
    cooperation: CooperationFigures
    upcoming: Upcoming
    forms: FormFigures

    def tables(self) -> "LazyTables":
        """Every table of the page by key, each built the first time it is read (a page shows some of them
        and only links to the others' downloads)."""
        return LazyTables(
            {
                "reporting": lambda: tables.reporting_table(self.reporting),
                "trend": lambda: tables.trend_table(self.reporting),
                "outstanding": lambda: tables.outstanding_table(self.reporting),
                "ca_purpose": lambda: tables.ca_purpose_table(self.cooperation),
                "ca_year": lambda: tables.ca_year_table(self.cooperation),
                "partners": lambda: tables.partners_table(self.cooperation),
                "deadlines": lambda: tables.deadlines_table(self.upcoming),
                "meetings": lambda: tables.meetings_table(self.upcoming),
                "contamination_states": lambda: tables.contamination_states_table(self.forms),
                "contamination_trend": lambda: tables.contamination_trend_table(self.forms),
                "released": lambda: tables.released_table(self.forms),
                "destroyed": lambda: tables.destroyed_table(self.forms),
                "retained": lambda: tables.retained_table(self.forms),
                "resources": lambda: tables.resources_table(self.forms),
                "casualties": lambda: tables.casualties_table(self.forms),
            }
        )

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

    def form_charts(self) -> dict[str, charts.BarChart]:
        """The trends of the forms' figures, each drawn from the same totals as its table."""
        f = self.forms
        areas = FIGURE_SOURCES["mined-areas"].choices()
        methods = FIGURE_SOURCES["land-released"].choices()

        def per_year(lines, category, values):
            years: dict[int, dict] = {}
            for line in lines:
                years.setdefault(line[YEAR], {})[line[category]] = line.total
            return [(y, [cells.get(v) for v in values]) for y, cells in years.items()]

        retained = {line[YEAR]: line.total for line in f.retained}
        used = {line[YEAR]: line.total for line in f.retained_use}
        return {
            "contamination": charts.bar_chart(
                key="contamination",
                title=_("Remaining contamination by year of report (m²)"),
                series=list(areas.values()),
                points=per_year(f.contamination_trend, "status", list(areas)),
                stacked=True,
                unit=" m²",
                url_for_year=lambda y: tables.drilldown_url("mined-areas", year=y),
            ),
            "released": charts.bar_chart(
                key="released",
                title=_("Land released by method, by year of report (m²)"),
                series=list(methods.values()),
                points=per_year(f.released, "method", list(methods)),
                stacked=True,
                unit=" m²",
                url_for_year=lambda y: tables.drilldown_url("land-released", year=y),
            ),
            "retained": charts.bar_chart(
                key="retained",
                title=_("Mines retained and consumed, by year of report"),
                series=[_("Mines retained"), _("Mines consumed")],
                points=[(y, [retained.get(y), used.get(y)]) for y in {*retained, *used}],
                stacked=False,
                url_for_year=lambda y: tables.drilldown_url("retained", year=y),
            ),
        }


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
        forms=selectors.form_figures(year=year, stamp=stamp),
    )


FORM_TABLE_KEYS = (
    "contamination_states",
    "contamination_trend",
    "released",
    "destroyed",
    "retained",
    "resources",
    "casualties",
)
TABLE_KEYS = (
    "reporting",
    "trend",
    "outstanding",
    "ca_purpose",
    "ca_year",
    "partners",
    "deadlines",
    "meetings",
    *FORM_TABLE_KEYS,
)
