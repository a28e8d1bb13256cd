"""The forms' panels: remaining contamination, land released, mines destroyed, retained mines, national
resources next to assistance, casualties; their drill-downs to the rows and their downloads.

Two States submit reports through the services (State A's amended once: only its current version
counts); State B leaves figures empty (not reported), which are never added as 0.
"""

import csv
import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from conftest import client_for
from dashboard.build import build
from dashboard.selectors import form_figures
from reporting import services
from reporting.tests.factories import CycleFactory, ca_row, complete_draft

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2023, 6, 15)


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def filled(fields=None, **tables) -> dict:
    return {"mode": "filled", "fields": {"text": "", **(fields or {})}, "tables": tables}


def submit(state, by, year: int, draft: dict, *, amend_with: dict | None = None):
    cycle = CycleFactory(year=year)
    report = services.report_start(state=state, cycle=cycle, by=by, prefill_from_last_year=False)
    report = services.report_save_draft(
        report=report, data=draft, by=by, expected_version_token=report.version_token
    ).obj
    with time_machine.travel(datetime.datetime(year + 1, 4, 20, 10, 0, tzinfo=datetime.UTC), tick=False):
        services.report_submit(report=report, by=by)
        if amend_with is not None:
            report = services.report_amend(report=report, by=by)
            report = services.report_save_draft(
                report=report, data=amend_with, by=by, expected_version_token=report.version_token
            ).obj
            services.report_submit(report=report, by=by)
    return report


def a_draft(year: int, *, confirmed: str, suspected: str) -> dict:
    return complete_draft(
        c=filled(
            areas=[
                {"location": "North", "status": "confirmed", "size_m2": confirmed, "estimated_quantity": "40"},
                {"location": "South", "status": "suspected", "size_m2": suspected, "estimated_quantity": "4"},
            ],
            released=[
                {"method": "cleared", "area_m2": "300000", "mines_destroyed": "45"},
                {"method": "cancelled", "area_m2": "1000000", "mines_destroyed": "0"},
            ],
        ),
        d=filled(
            retained=[{"institution": "Army engineers", "mine_type": "PMN-2", "quantity": "120"}],
            use=[{"mine_type": "PMN-2", "quantity": "20", "activity": "detection_training"}],
        ),
        g=filled(
            destroyed=[
                {"article": "art4", "mine_type": "PMN-2", "quantity": "1000"},
                {"article": "art5", "mine_type": "PMN-2", "quantity": "45"},
                {"article": "art5", "mine_type": "M14", "quantity": "5"},
            ]
        ),
        j=filled(
            casualties=[
                {"outcome": "killed", "sex": "male", "age_group": "adult", "count": "3"},
                {"outcome": "injured", "sex": "female", "age_group": "child", "count": "2"},
            ]
        ),
        ca={
            **complete_draft()["ca"],
            "rows": [ca_row(amount="150000.00", currency="EUR", year=str(year))],
            "tables": {"national": [{"year": str(year), "amount": "80000", "currency": "EUR", "purpose": "clearance"}]},
        },
    )


def b_draft() -> dict:
    """State B: one area without a size, released land without mines destroyed (blanks confirmed: not
    reported); no form D rows."""
    confirmed = {"blanks_confirmed": "on"}
    return complete_draft(
        c=filled(
            confirmed,
            areas=[
                {"location": "East", "status": "confirmed", "size_m2": "500000", "estimated_quantity": ""},
                {"location": "West", "status": "suspected", "size_m2": "", "estimated_quantity": ""},
            ],
            released=[{"method": "reduced", "area_m2": "20000", "mines_destroyed": ""}],
        ),
        g=filled(destroyed=[{"article": "art5", "mine_type": "PMN-2", "quantity": "10"}]),
        j=filled(casualties=[{"outcome": "injured", "sex": "male", "age_group": "adult", "count": "1"}]),
        ca={
            **complete_draft()["ca"],
            "rows": [ca_row(amount="9000.00", currency="USD", year="2022")],
            "tables": {"national": [{"year": "2022", "amount": "5000", "currency": "USD", "purpose": "clearance"}]},
        },
    )


@pytest.fixture
def reports(cast):
    """2021: State A (confirmed 2,000,000, suspected 600,000). 2022: State A submitted then amended
    (only version 2 counts: confirmed 1,250,000.50, suspected 400,000); State B (confirmed 500,000, a
    suspected area without a size)."""
    a, b = cast.state_a, cast.state_b
    submit(a, cast.delegate_a, 2021, a_draft(2021, confirmed="2000000", suspected="600000"))
    submit(
        a,
        cast.delegate_a,
        2022,
        a_draft(2022, confirmed="9999999", suspected="9999999"),
        amend_with=a_draft(2022, confirmed="1250000.50", suspected="400000"),
    )
    submit(b, cast.delegate_b, 2022, b_draft())
    return cast


def _by(lines, *names):
    return {tuple(line[n] for n in names): line for line in lines}


def test_contamination_per_state_counts_only_current_versions_and_not_reported_sizes(reports):
    fig = form_figures(year=2022)
    per = _by(fig.contamination_by_state, "version__report__state__iso3", "status")
    assert per[("AAA", "confirmed")].total == Decimal("1250000.50")
    assert per[("AAA", "suspected")].total == 400000
    assert per[("BBB", "confirmed")].total == 500000
    assert per[("BBB", "suspected")].total is None  # not reported, not 0
    assert per[("BBB", "suspected")].not_reported == 1


def test_contamination_trend_sums_per_year_and_status(reports):
    trend = _by(form_figures(year=2022).contamination_trend, "version__report__cycle__year", "status")
    assert trend[(2021, "confirmed")].total == 2000000
    assert trend[(2022, "confirmed")].total == Decimal("1750000.50")
    assert trend[(2022, "suspected")].total == 400000
    assert trend[(2022, "suspected")].not_reported == 1
    assert trend[(2022, "suspected")].states == 2


def test_land_released_by_method_per_year(reports):
    released = _by(form_figures(year=2022).released, "version__report__cycle__year", "method")
    assert released[(2022, "cleared")].total == 300000
    assert released[(2022, "cancelled")].total == 1000000
    assert released[(2022, "reduced")].total == 20000
    assert released[(2021, "cleared")].total == 300000


def test_mines_destroyed_by_article_and_type(reports):
    destroyed = _by(form_figures(year=2022).destroyed, "article", "mine_type")
    assert destroyed[("art4", "PMN-2")].total == 1000
    assert destroyed[("art5", "PMN-2")].total == 55
    assert destroyed[("art5", "PMN-2")].states == 2
    assert destroyed[("art5", "M14")].total == 5


def test_retained_and_used_per_year(reports):
    fig = form_figures(year=2022)
    retained = _by(fig.retained, "version__report__cycle__year")
    used = _by(fig.retained_use, "version__report__cycle__year")
    assert retained[(2022,)].total == 240  # 120 each
    assert retained[(2022,)].states == 2
    assert used[(2021,)].total == 20


def test_national_resources_next_to_assistance_received_per_currency(reports):
    fig = form_figures(year=2022)
    national = _by(fig.national, "version__report__cycle__year", "currency")
    assert national[(2022, "EUR")].total == 80000
    assert national[(2022, "USD")].total == 5000
    received = {(m.year, m.currency): m.total for m in fig.received}
    assert received[(2022, "EUR")] == Decimal("150000.00")
    assert received[(2022, "USD")] == Decimal("9000.00")


def test_casualties_by_sex_and_age(reports):
    casualties = _by(form_figures(year=2022).casualties, "outcome", "sex", "age_group")
    assert casualties[("killed", "male", "adult")].total == 3
    assert casualties[("injured", "female", "child")].total == 2
    assert casualties[("injured", "male", "adult")].total == 1
    assert ("killed", "female", "child") not in casualties


def test_an_empty_figure_is_not_reported_not_zero(reports):
    released = _by(form_figures(year=2022).released, "version__report__cycle__year", "method")
    assert released[(2022, "reduced")].not_reported == 0  # the area was given
    from dashboard.selectors import FIGURE_SOURCES, figure_totals

    mines = figure_totals(FIGURE_SOURCES["land-released"], years=(2022, 2022), by=("method",), value="mines_destroyed")
    reduced = _by(mines, "method")[("reduced",)]
    assert reduced.total is None and reduced.not_reported == 1


def test_tables_say_not_reported_and_link_to_the_rows(reports):
    tables = build(year=2022, today=TODAY).tables()
    states = tables["contamination_states"]
    borduria = next(row for row in states.rows if row[0].value == "Borduria B")
    assert borduria[0].url == reverse("reporting:public", args=["BBB", 2022])
    suspected = borduria[states.columns.index("Suspected to contain mines (m²)")]
    assert suspected.value is None and suspected.display == "not reported"
    assert "state=BBB" in suspected.url and "status=suspected" in suspected.url
    assert borduria[-1].value == 1  # areas without a size
    casualties = tables["casualties"]
    male_adult = next(r for r in casualties.rows if r[0].value == "Male" and r[1].value == "18 and over")
    assert [c.display for c in male_adult[2:]] == ["3", "1", "4", "0"]
    female_child = next(r for r in casualties.rows if r[0].value == "Female" and r[1].value == "Under 18")
    assert female_child[2].value is None and female_child[2].display == "—"  # no row at all: nothing to say


def test_drilldown_lists_the_rows_behind_a_figure(reports):
    client = client_for(reports, "chair")
    response = client.get(reverse("dashboard:drilldown", args=["mined-areas"]), {"year": 2022, "status": "suspected"})
    assert response.status_code == 200
    table = response.context["table"]
    assert [(row[0].value, row[2].value) for row in table.rows] == [("Aland A", "South"), ("Borduria B", "West")]
    assert table.rows[0][0].url == reverse("reporting:public", args=["AAA", 2022])
    assert "9,999,999" not in response.content.decode()  # the first version of State A's report is not counted
    only_blank = client.get(
        reverse("dashboard:drilldown", args=["mined-areas"]), {"year": 2022, "not_reported": "1"}
    ).context["table"]
    assert [row[2].value for row in only_blank.rows] == ["West"]


def test_drilldown_filters_on_state_and_columns(reports):
    client = client_for(reports, "member")
    url = reverse("dashboard:drilldown", args=["casualties"])
    table = client.get(url, {"year": 2022, "sex": "male", "age_group": "adult"}).context["table"]
    assert sorted(row[0].value for row in table.rows) == ["Aland A", "Borduria B"]
    table = client.get(url, {"year": 2022, "state": "bbb"}).context["table"]
    assert [row[0].value for row in table.rows] == ["Borduria B"]
    assert client.get(url, {"year": 2022, "sex": "nonsense"}).status_code == 200  # unknown filter ignored


def test_drilldown_csv_has_every_row_with_numbers_as_numbers(reports):
    client = client_for(reports, "isu")
    response = client.get(reverse("dashboard:drilldown", args=["destroyed"]), {"year": 2022, "export": "csv"})
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0][:2] == ["Reporting State", "Report on"]
    assert len(lines) == 1 + 4
    assert ["Aland A", "2022", "Article 4: stockpiled mines", "PMN-2", "1000", "", ""] == lines[1]


def test_panel_exports_as_csv_and_xlsx(reports):
    client = client_for(reports, "chair")
    response = client.get(reverse("dashboard:export", args=["released", "csv"]), {"year": 2022})
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[0][0] == "Year"
    assert lines[1][0] == "2022"
    response = client.get(reverse("dashboard:export", args=["casualties", "xlsx"]), {"year": 2022})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_dashboard_shows_the_forms_panels(reports):
    client = client_for(reports, "chair")
    with time_machine.travel(datetime.datetime(2023, 6, 15, 10, 0, tzinfo=datetime.UTC), tick=False):
        response = client.get(reverse("dashboard:index"), {"year": 2022})
    html = response.content.decode()
    assert "Remaining contamination, known and suspected" in html
    assert "Mine casualties by sex and age" in html
    assert reverse("dashboard:drilldown", args=["mined-areas"]) in html
    assert '<desc id="dash-contamination-d">' in html


def test_delegates_cannot_see_the_rows(reports):
    response = client_for(reports, "delegate_a").get(reverse("dashboard:drilldown", args=["casualties"]))
    assert response.status_code == 403
