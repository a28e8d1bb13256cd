"""The dashboard's tables as plain data: the page, the CSV/XLSX exports and the API read the same rows.

A table is built from figures already computed (see `selectors`), so a page computes each figure once.
Cells carry the link to the records behind them ("every number is a link").
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from urllib.parse import urlencode

from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.numbers import format_number

from .selectors import (
    FIGURE_SOURCES,
    STATE_GROUPS,
    YEAR,
    CooperationFigures,
    FigureTotal,
    FormFigures,
    ReportingFigures,
    StateLine,
    Upcoming,
)

NUMERIC_KINDS = ("int", "money", "percent", "area")


@dataclass
class Cell:
    value: object
    url: str = ""
    kind: str = "text"  # text, int, money, date, percent, bool
    blank: str = ""  # shown for an empty value instead of "—" (e.g. "not reported")

    def __str__(self) -> str:
        return "" if self.value is None else str(self.value)

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS

    @property
    def display(self) -> str:
        """The value as the page shows it, in the active language (formatted here: cheaper than a template)."""
        v = self.value
        if v is None or v == "":
            return self.blank or ("—" if self.kind != "text" else "")
        if self.kind == "money":
            return format_number(v, places=2)
        if self.kind == "int":
            return format_number(v)
        if self.kind == "area":  # m²: the cents only when given
            return format_number(int(v) if v == int(v) else v)
        if self.kind == "percent":
            return f"{v}%"
        if self.kind == "date":
            return date_format(v, "DATE_FORMAT")
        if self.kind == "bool":
            return gettext("yes") if v else gettext("no")
        return str(v)


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    empty: str = ""  # why the table is empty, and what to do

    @property
    def header(self) -> list[tuple[str, bool]]:
        """(column, numeric) pairs, numeric columns being right-aligned."""
        first = self.rows[0] if self.rows else []
        return [(c, i < len(first) and first[i].numeric) for i, c in enumerate(self.columns)]

    def plain_rows(self) -> list[list]:
        return [[c.value for c in row] for row in self.rows]


YEAR_SLOT = "2100"  # the <year:> converter takes four digits (never part of the other slots)


def _slot(i: int, key: str) -> str:
    if key == "year":
        return YEAR_SLOT
    return f"8642{i}9753"  # digits, so that it fits str, slug and int converters alike


@lru_cache(maxsize=32)
def _pattern(name: str, keys: tuple[str, ...], prefix: str) -> str:
    return reverse(name, kwargs={key: _slot(i, key) for i, key in enumerate(keys)})


def fast_reverse(name: str, **kwargs) -> str:
    """`reverse(name, kwargs=kwargs)`, resolved once per URL name and then filled in (tables link hundreds
    of rows; the script prefix is part of the cache key)."""
    url = _pattern(name, tuple(kwargs), get_script_prefix())
    # The year first: a value filled in before it could contain its four digits.
    for i, (key, value) in sorted(enumerate(kwargs.items()), key=lambda item: item[1][0] != "year"):
        url = url.replace(_slot(i, key), str(value), 1)
    return url


def drilldown_url(kind: str, **params) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return fast_reverse("dashboard:drilldown", kind=kind) + (f"?{query}" if query else "")


def state_url(state) -> str:
    return fast_reverse("states:detail", iso3=state.iso3)


def _int(value, url: str = "") -> Cell:
    return Cell(value, url, "int")


def _pct(value) -> Cell:
    return Cell(value, "", "percent")


def _money(value: Decimal, url: str = "") -> Cell:
    return Cell(value, url, "money")


def _date(value: datetime.date | None) -> Cell:
    return Cell(value, "", "date")


def _bool(value: bool) -> Cell:
    return Cell(value, "", "bool")


# --- Article 7 ----------------------------------------------------------------------------------------

SUMMARY_KEYS = [
    "owed",
    "submitted",
    "on_time",
    "late",
    "missing",
    "not_required",
    "ca_quantitative",
    "ca_qualitative",
    "gender_info",
    "ca_no_gender",
]


def reporting_table(fig: ReportingFigures) -> Table:
    rows = []
    for key in SUMMARY_KEYS:
        count = fig.counts[key]
        if key in ("owed", "not_required"):
            share = None
        elif key in ("submitted", "missing", "on_time", "late"):
            share = round(count * 100 / fig.owed) if fig.owed else None
        else:
            share = fig.percent_of_submitted(key)
        rows.append([Cell(STATE_GROUPS[key][0]), _int(count, drilldown_url(key, year=fig.year)), _pct(share)])
    return Table(
        key="reporting",
        title=str(_("Article 7 reports on %(year)s") % {"year": fig.year}),
        columns=[_("Figure"), _("States"), _("Share (%)")],
        rows=rows,
    )


def trend_table(fig: ReportingFigures) -> Table:
    rows = [
        [
            Cell(p.year),
            _int(p.owed, drilldown_url("owed", year=p.year)),
            _int(p.on_time, drilldown_url("on_time", year=p.year)),
            _int(p.late, drilldown_url("late", year=p.year)),
            _int(p.missing, drilldown_url("missing", year=p.year)),
            _pct(p.rate),
        ]
        for p in fig.trend
    ]
    return Table(
        key="trend",
        title=str(_("Reporting rate by year")),
        columns=[_("Year"), _("Owed"), _("On time"), _("Late"), _("Missing"), _("Rate (%)")],
        rows=rows,
        empty=str(_("No State owed a report in these years.")),
    )


def _reminder_cells(line: StateLine) -> list[Cell]:
    r = line.last_reminder
    if r is None:
        return [_date(None), Cell("")]
    return [_date(r.sent_at.date() if r.sent_at else r.due_on), Cell(f"{r.kind_label} ({r.get_status_display()})")]


def state_line_cells(line: StateLine, year: int) -> list[Cell]:
    row = line.row
    return [
        Cell(line.state.name, state_url(line.state)),
        Cell(line.state.iso3),
        Cell(f"{row.status_label} · {row.kind_label}" if row.is_initial else row.status_label),
        _date(row.deadline),
        _int(line.days_left),
        *_reminder_cells(line),
    ]


STATE_LINE_COLUMNS = [
    _("State"),
    _("ISO"),
    _("Status"),
    _("Deadline"),
    _("Days to deadline (negative: past)"),
    _("Last reminder"),
    _("Reminder"),
]


def outstanding_table(fig: ReportingFigures) -> Table:
    return Table(
        key="outstanding",
        title=str(_("States that have not submitted their report on %(year)s") % {"year": fig.year}),
        columns=STATE_LINE_COLUMNS,
        rows=[state_line_cells(line, fig.year) for line in fig.outstanding],
        empty=str(_("Every State that owes a report on this year has submitted it.")),
    )


def state_group_table(lines: list[StateLine], *, group: str, year: int) -> Table:
    columns = [
        *STATE_LINE_COLUMNS[:5],
        _("Submitted on"),
        _("Quantitative C&A"),
        _("Qualitative C&A"),
        _("Gender information"),
        *STATE_LINE_COLUMNS[5:],
    ]
    rows = []
    for line in lines:
        cells = state_line_cells(line, year)
        row = line.row
        rows.append(
            [
                *cells[:5],
                _date(row.submitted_on),
                _bool(row.ca_quantitative),
                _bool(row.ca_qualitative),
                _bool(row.gender_info),
                *cells[5:],
            ]
        )
    return Table(
        key=group,
        title=f"{STATE_GROUPS[group][0]} — {year}",
        columns=columns,
        rows=rows,
        empty=str(_("No State in this group for this year.")),
    )


# --- cooperation and assistance ------------------------------------------------------------------


def ca_purpose_table(fig: CooperationFigures) -> Table:
    rows = [
        [
            Cell(m.direction_label),
            Cell(m.purpose_label),
            Cell(m.currency),
            _money(
                m.total,
                drilldown_url("ca-rows", year=fig.year, direction=m.direction, purpose=m.purpose, currency=m.currency),
            ),
            _int(m.rows),
        ]
        for m in fig.by_purpose
    ]
    return Table(
        key="ca_purpose",
        title=str(_("Assistance reported for %(year)s, by purpose (per currency)") % {"year": fig.year}),
        columns=[_("Direction"), _("Purpose"), _("Currency"), _("Total"), _("Rows")],
        rows=rows,
        empty=str(_("No report on this year gives amounts of assistance yet.")),
    )


def ca_year_table(fig: CooperationFigures) -> Table:
    rows = [
        [
            Cell(m.direction_label),
            Cell(m.year),
            Cell(m.currency),
            _money(m.total, drilldown_url("ca-rows", year=m.year, direction=m.direction, currency=m.currency)),
            _int(m.rows),
        ]
        for m in fig.by_year
    ]
    return Table(
        key="ca_year",
        title=str(_("Assistance reported by year (per currency)")),
        columns=[_("Direction"), _("Year"), _("Currency"), _("Total"), _("Rows")],
        rows=rows,
        empty=str(_("No amounts reported in these years.")),
    )


def partners_table(fig: CooperationFigures) -> Table:
    rows = [
        [
            Cell(p.name, drilldown_url("ca-rows", year=fig.year, partner=p.key)),
            _int(p.rows, drilldown_url("ca-rows", year=fig.year, partner=p.key)),
            _int(p.reporting_states, drilldown_url("ca-rows", year=fig.year, partner=p.key)),
            Cell("; ".join(f"{format_number(amount, places=2)} {currency}" for currency, amount in p.totals_sorted)),
        ]
        for p in fig.top_partners
    ]
    return Table(
        key="partners",
        title=str(_("Partners named most often in the reports on %(year)s") % {"year": fig.year}),
        columns=[_("Partner"), _("Rows"), _("Reporting States"), _("Amounts (per currency)")],
        rows=rows,
        empty=str(_("No partner named in the reports on this year yet.")),
    )


# --- upcoming -------------------------------------------------------------------------------------


def deadlines_table(up: Upcoming) -> Table:
    rows = [
        [
            _date(d.date),
            Cell(d.title),
            Cell(d.cycle),
            _int(d.states, drilldown_url("obligations", source=d.source, cycle=d.cycle, deadline=d.date.isoformat())),
            _int(d.days_left(up.today)),
        ]
        for d in up.deadlines
    ]
    return Table(
        key="deadlines",
        title=str(_("Upcoming deadlines")),
        columns=[_("Date"), _("Obligation"), _("Cycle"), _("States still owing"), _("Days left")],
        rows=rows,
        empty=str(_("No open deadline ahead.")),
    )


def meeting_url(meeting) -> str:
    try:
        return reverse("meetings:detail", kwargs={"code": meeting.code})
    except NoReverseMatch:  # the meetings app may not expose a detail page
        return ""


def meetings_table(up: Upcoming) -> Table:
    rows = [
        [
            _date(m.start_date),
            _date(m.end_date),
            Cell(m.title, meeting_url(m)),
            Cell(m.get_kind_display()),
            Cell(m.place_label),
            Cell(m.state.name if m.state_id else "", state_url(m.state) if m.state_id else ""),
        ]
        for m in up.meetings
    ]
    return Table(
        key="meetings",
        title=str(_("Next meetings")),
        columns=[_("From"), _("To"), _("Meeting"), _("Kind"), _("Place"), _("State")],
        rows=rows,
        empty=str(_("No meeting planned ahead. The ISU records meetings under Meetings.")),
    )


# --- drill-down lists -----------------------------------------------------------------------------

CA_ROW_COLUMNS = [
    _("Reporting State"),
    _("Report on"),
    _("Direction"),
    _("Partner"),
    _("Year"),
    _("Purpose"),
    _("Amount"),
    _("Currency"),
    _("Channel"),
    _("Gender considered"),
    _("Description"),
]


def ca_rows_table(rows, *, title: str) -> Table:
    out = []
    for r in rows:
        report = r.version.report
        out.append(
            [
                Cell(report.state.name, state_url(report.state)),
                Cell(report.cycle.year),
                Cell(r.get_direction_display()),
                Cell(r.partner_label),
                Cell(r.year),
                Cell(r.get_purpose_display()),
                _money(r.amount),
                Cell(r.currency),
                Cell(r.get_channel_display()),
                Cell(r.gender_considered, "", "bool" if r.gender_considered is not None else "text"),
                Cell(r.description),
            ]
        )
    return Table(
        key="ca-rows",
        title=title,
        columns=CA_ROW_COLUMNS,
        rows=out,
        empty=str(_("No cooperation and assistance row matches these filters.")),
    )


def obligations_table(lines, *, title: str) -> Table:
    return Table(
        key="obligations",
        title=title,
        columns=[_("State"), _("ISO"), _("Obligation"), _("Deadline"), _("Days left")],
        rows=[
            [
                Cell(line.state.name, state_url(line.state)),
                Cell(line.state.iso3),
                Cell(line.title),
                _date(line.deadline),
                _int(line.days_left),
            ]
            for line in lines
        ],
        empty=str(_("No State still owes this.")),
    )


# --- the outstanding States, as the panel shows them ----------------------------------------------------


@dataclass
class OutstandingRow:
    name: str
    url: str
    status: str
    status_url: str
    extended: bool
    initial: bool  # a new State Party's initial report (Article 7.1)
    deadline: str
    days: str
    days_tone: str  # "late", "today" or ""
    reminder: str
    reminder_status: str  # shown when the last reminder was not sent (queued, failed…)
    reminded: bool


def days_text(days: int | None) -> tuple[str, str]:
    if days is None:
        return "—", ""
    if days < 0:
        return ngettext("%(n)s day late", "%(n)s days late", -days) % {"n": -days}, "late"
    if days == 0:
        return gettext("due today"), "today"
    return ngettext("%(n)s day left", "%(n)s days left", days) % {"n": days}, ""


def outstanding_rows(fig: ReportingFigures) -> list[OutstandingRow]:
    """The outstanding table's rows with text and links computed once (a template would reverse each URL)."""
    out = []
    for line in fig.outstanding:
        text, tone = days_text(line.days_left)
        r = line.last_reminder
        reminder, reminder_status = gettext("none sent"), ""
        if r is not None:
            when = timezone.localtime(r.sent_at or r.claimed_at).date()
            reminder = f"{date_format(when, 'DATE_FORMAT')} · {r.kind_label}"
            reminder_status = "" if r.status == "sent" else str(r.get_status_display())
        out.append(
            OutstandingRow(
                name=line.state.name,
                url=state_url(line.state),
                status=str(line.row.status_label),
                status_url=fast_reverse("reporting:overview", iso3=line.state.iso3, year=fig.year),
                extended=line.row.extension is not None,
                initial=line.row.is_initial,
                deadline=date_format(line.row.deadline, "DATE_FORMAT") if line.row.deadline else "—",
                days=text,
                days_tone=tone,
                reminder=reminder,
                reminder_status=reminder_status,
                reminded=r is not None,
            )
        )
    return out


# --- C&A pivots, as the panel shows them ----------------------------------------------------------------


@dataclass
class PivotCell:
    display: str
    url: str
    rows: int


@dataclass
class PivotView:
    columns: list[str]
    rows: list[tuple[str, list[PivotCell | None]]]


@dataclass
class DirectionView:
    direction: str
    by_purpose: PivotView
    by_year: PivotView
    without_amount: int


def _pivot_view(pt, url_for) -> PivotView:
    return PivotView(
        columns=[str(label) for _key, label in pt.columns],
        rows=[
            (currency, [PivotCell(m.display, url_for(m), m.rows) if m else None for m in cells])
            for currency, cells in pt.rows
        ],
    )


def pivot_views(fig: CooperationFigures) -> list[DirectionView]:
    """Per direction, totals by purpose and by year per currency, each linked to its rows."""
    out = []
    for pivot in fig.pivots():
        out.append(
            DirectionView(
                direction=pivot.direction,
                by_purpose=_pivot_view(
                    pivot.by_purpose,
                    lambda m: drilldown_url(
                        "ca-rows", year=fig.year, purpose=m.purpose, direction=m.direction, currency=m.currency
                    ),
                ),
                by_year=_pivot_view(
                    pivot.by_year,
                    lambda m: drilldown_url("ca-rows", year=m.year, direction=m.direction, currency=m.currency),
                ),
                without_amount=pivot.without_amount,
            )
        )
    return out


# --- what the reports' forms say ------------------------------------------------------------------

NOT_STATED = "_"  # the drill-down's value for rows that left the category empty


def _not_reported(total: FigureTotal | None, url: str = "", kind: str = "int") -> Cell:
    """A total, or "not reported" when rows exist but none gave the figure (never 0)."""
    if total is None:
        return Cell(None, "", kind)
    return Cell(total.total, url, kind, blank=gettext("not reported"))


def _category_columns(source, lines: list[FigureTotal]) -> list[tuple[str, str]]:
    """(value, label) of the source's categories found in `lines`, in the form's order; empty last."""
    present = {line[source.category] for line in lines}
    columns = [(v, label) for v, label in source.choices().items() if v in present]
    if "" in present:
        columns.append(("", gettext("Not stated")))
    return columns


def rows_url(kind: str, **params) -> str:
    return drilldown_url(kind, **{k: (NOT_STATED if v == "" else v) for k, v in params.items()})


def report_url(iso3: str, year: int) -> str:
    return fast_reverse("reporting:public", iso3=iso3, year=year)


def _sum(totals: list[FigureTotal]) -> object:
    values = [t.total for t in totals if t.total is not None]
    return sum(values) if values else None


def _missing(totals) -> int:
    return sum(t.not_reported for t in totals)


def contamination_states_table(fig: FormFigures) -> Table:
    source = FIGURE_SOURCES["mined-areas"]
    lines = fig.contamination_by_state
    cats = _category_columns(source, lines)
    by_state: dict[str, dict] = {}
    names: dict[str, str] = {}
    for line in lines:
        iso3 = line["version__report__state__iso3"]
        names[iso3] = line.state_name
        by_state.setdefault(iso3, {})[line["status"]] = line
    rows = []
    for iso3 in sorted(by_state, key=lambda code: names[code]):
        cells = by_state[iso3]
        rows.append(
            [
                Cell(names[iso3], report_url(iso3, fig.year)),
                *[
                    _not_reported(cells.get(v), rows_url("mined-areas", year=fig.year, state=iso3, status=v), "area")
                    for v, _label in cats
                ],
                _int(sum(t.rows for t in cells.values()), rows_url("mined-areas", year=fig.year, state=iso3)),
                _int(_missing(cells.values()), ""),
            ]
        )
    return Table(
        key="contamination_states",
        title=str(_("Remaining contamination by State, reports on %(year)s (m²)") % {"year": fig.year}),
        columns=[_("State"), *[f"{label} (m²)" for _v, label in cats], _("Areas"), _("Areas without a size")],
        rows=rows,
        empty=str(_("No report on this year lists mined areas.")),
    )


def _by_year(lines: list[FigureTotal], category: str) -> dict[int, dict]:
    out: dict[int, dict] = {}
    for line in lines:
        out.setdefault(line[YEAR], {})[line[category] if category else ""] = line
    return out


def _year_pivot(kind: str, lines: list[FigureTotal], *, value_kind: str, with_total: bool) -> tuple[list, list]:
    source = FIGURE_SOURCES[kind]
    cats = _category_columns(source, lines)
    rows = []
    for year, cells in sorted(_by_year(lines, source.category).items(), reverse=True):
        figures = [
            _not_reported(cells.get(v), rows_url(kind, year=year, **{source.category: v}), value_kind) for v, _l in cats
        ]
        total = [Cell(_sum(list(cells.values())), "", value_kind, blank=gettext("not reported"))] if with_total else []
        rows.append(
            [
                Cell(year),
                *figures,
                *total,
                _int(max(t.states for t in cells.values()), rows_url(kind, year=year)),
                _int(
                    _missing(cells.values()),
                    rows_url(kind, year=year, not_reported="1") if _missing(cells.values()) else "",
                ),
            ]
        )
    columns = [label for _v, label in cats]
    return columns, rows


def contamination_trend_table(fig: FormFigures) -> Table:
    columns, rows = _year_pivot("mined-areas", fig.contamination_trend, value_kind="area", with_total=True)
    return Table(
        key="contamination_trend",
        title=str(_("Remaining contamination by year of report (m²)")),
        columns=[_("Year"), *[f"{c} (m²)" for c in columns], _("Total (m²)"), _("States"), _("Areas without a size")],
        rows=rows,
        empty=str(_("No report in these years lists mined areas.")),
    )


def released_table(fig: FormFigures) -> Table:
    columns, rows = _year_pivot("land-released", fig.released, value_kind="area", with_total=True)
    return Table(
        key="released",
        title=str(_("Land released by method, by year of report (m²)")),
        columns=[_("Year"), *[f"{c} (m²)" for c in columns], _("Total (m²)"), _("States"), _("Rows without an area")],
        rows=rows,
        empty=str(_("No report in these years gives land released.")),
    )


def destroyed_table(fig: FormFigures) -> Table:
    source = FIGURE_SOURCES["destroyed"]
    labels = {**source.choices(), "": gettext("Not stated")}
    rows = []
    by_article: dict[str, list[FigureTotal]] = {}
    for line in fig.destroyed:
        by_article.setdefault(line["article"], []).append(line)
    order = [*source.choices(), ""]
    for article in [a for a in order if a in by_article]:
        lines = by_article[article]
        for line in lines:
            rows.append(
                [
                    Cell(labels[article]),
                    Cell(line["mine_type"] or gettext("Not stated")),
                    _not_reported(
                        line, rows_url("destroyed", year=fig.year, article=article, mine_type=line["mine_type"])
                    ),
                    _int(line.states),
                    _int(line.not_reported),
                ]
            )
        if len(lines) > 1:
            rows.append(
                [
                    Cell(labels[article]),
                    Cell(gettext("All types")),
                    Cell(
                        _sum(lines),
                        rows_url("destroyed", year=fig.year, article=article),
                        "int",
                        blank=gettext("not reported"),
                    ),
                    Cell(None, "", "int"),
                    _int(_missing(lines)),
                ]
            )
    return Table(
        key="destroyed",
        title=str(_("Mines destroyed in the reporting period by type, reports on %(year)s") % {"year": fig.year}),
        columns=[_("Destroyed under"), _("Type"), _("Mines destroyed"), _("States"), _("Rows without a quantity")],
        rows=rows,
        empty=str(_("No report on this year gives mines destroyed.")),
    )


def retained_table(fig: FormFigures) -> Table:
    retained = {line[YEAR]: line for line in fig.retained}
    used = {line[YEAR]: line for line in fig.retained_use}
    rows = []
    for year in sorted({*retained, *used}, reverse=True):
        r, u = retained.get(year), used.get(year)
        rows.append(
            [
                Cell(year),
                _not_reported(r, rows_url("retained", year=year)),
                _int(r.states if r else None),
                _not_reported(u, rows_url("retained-use", year=year)),
                _int(u.states if u else None),
                _int(_missing([t for t in (r, u) if t])),
            ]
        )
    return Table(
        key="retained",
        title=str(_("Mines retained (Article 3) and their use, by year of report")),
        columns=[
            _("Year"),
            _("Mines retained"),
            _("States retaining"),
            _("Mines consumed"),
            _("States reporting use"),
            _("Rows without a quantity"),
        ],
        rows=rows,
        empty=str(_("No report in these years gives mines retained.")),
    )


def resources_table(fig: FormFigures) -> Table:
    national = {(line[YEAR], line["currency"]): line for line in fig.national}
    received = {(m.year, m.currency): m for m in fig.received}
    rows = []
    for year, currency in sorted({*national, *received}, key=lambda k: (-k[0], k[1])):
        n, r = national.get((year, currency)), received.get((year, currency))
        rows.append(
            [
                Cell(year),
                Cell(currency or gettext("Not stated")),
                _not_reported(n, rows_url("national-resources", year=year, currency=currency), "money"),
                _int(n.states if n else None),
                _money(r.total, drilldown_url("ca-rows", year=year, direction="received", currency=currency))
                if r
                else Cell(None, "", "money"),
                _int(r.rows if r else None),
            ]
        )
    return Table(
        key="resources",
        title=str(_("National resources and international assistance received, by year of report")),
        columns=[
            _("Year"),
            _("Currency"),
            _("National resources"),
            _("States"),
            _("International assistance received"),
            _("C&A rows"),
        ],
        rows=rows,
        empty=str(_("No report in these years gives national resources or assistance received.")),
    )


def casualties_table(fig: FormFigures) -> Table:
    source = FIGURE_SOURCES["casualties"]
    outcomes = _category_columns(source, fig.casualties)
    sexes = {**dict(source.model._meta.get_field("sex").choices), "": gettext("Not stated")}
    ages = {**dict(source.model._meta.get_field("age_group").choices), "": gettext("Not stated")}
    cells: dict[tuple, dict] = {}
    for line in fig.casualties:
        cells.setdefault((line["sex"], line["age_group"]), {})[line["outcome"]] = line
    rows = []
    for sex in sexes:
        for age in ages:
            group = cells.get((sex, age))
            if not group:
                continue
            rows.append(
                [
                    Cell(str(sexes[sex])),
                    Cell(str(ages[age])),
                    *[
                        _not_reported(
                            group.get(v), rows_url("casualties", year=fig.year, sex=sex, age_group=age, outcome=v)
                        )
                        for v, _l in outcomes
                    ],
                    Cell(
                        _sum(list(group.values())),
                        rows_url("casualties", year=fig.year, sex=sex, age_group=age),
                        "int",
                        blank=gettext("not reported"),
                    ),
                    _int(_missing(group.values())),
                ]
            )
    return Table(
        key="casualties",
        title=str(_("Mine casualties by sex and age, reports on %(year)s") % {"year": fig.year}),
        columns=[_("Sex"), _("Age group"), *[label for _v, label in outcomes], _("Total"), _("Rows without a number")],
        rows=rows,
        empty=str(_("No report on this year gives casualty figures.")),
    )


def form_rows_table(kind: str, rows, *, title: str) -> Table:
    """The rows behind a figure: the reporting State (linked to its report), the year, the row's columns."""
    source = FIGURE_SOURCES[kind]
    table = source.declaration
    kinds = {}
    for name in table.columns:
        field = table.model_field(name)
        internal = field.get_internal_type()
        if internal == "DecimalField":
            kinds[name] = "money" if name == "amount" else "area"
        elif "IntegerField" in internal and not name.endswith("year"):
            kinds[name] = "int"
        elif internal == "DateField":
            kinds[name] = "date"
        elif internal == "BooleanField":
            kinds[name] = "bool"
        else:
            kinds[name] = "text"
    out = []
    for r in rows:
        report = r.version.report
        cells = [Cell(report.state.name, report_url(report.state.iso3, report.cycle.year)), Cell(report.cycle.year)]
        for name in table.columns:
            value = getattr(r, name)
            display = getattr(r, f"get_{name}_display", None)
            if display is not None and value:
                value = str(display())
            kind = kinds[name]
            blank = gettext("not reported") if name in table.numbers else ""
            cells.append(Cell(value, "", kind, blank=blank))
        out.append(cells)
    return Table(
        key=kind,
        title=title,
        columns=[_("Reporting State"), _("Report on"), *[str(table.label(n)).capitalize() for n in table.columns]],
        rows=out,
        empty=str(_("No row matches these filters.")),
    )
