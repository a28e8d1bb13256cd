"""Pages that grow with the data run the same number of queries on small and on larger data.

Each test measures a page on the small world of `conftest.world` (plus one of everything), adds
States, reports, C&A rows, reminders, delegates, meetings, follow-ups, Fund applications and
questionnaire answers (also for State A, whose page is measured), measures twice more, and asserts
the three counts are equal.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from accounts.tests.factories import UserFactory
from conftest import client_for
from reminders.tests.factories import SentReminderFactory
from reporting.tests.factories import CycleFactory
from states.tests.factories import StateFactory

from .factories import add_form_rows, draft_report, submitted_report

pytestmark = pytest.mark.django_db

_grown = {"n": 0}


@pytest.fixture(autouse=True)
def _reset_growth():
    _grown["n"] = 0


@pytest.fixture(autouse=True)
def _no_cache(settings):
    """Measure the full computation, not the figures cached under the reports' stamp."""
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def _rows(partner_state) -> list[dict]:
    return [
        {"partner_kind": "state_party", "partner_state": partner_state, "partner_name": "", "amount": Decimal("5000")},
        {"direction": "provided", "purpose": "victim_assistance", "currency": "USD", "partner_name": "Other NGO"},
        {"purpose": "capacity_building", "amount": None, "currency": "", "partner_name": "Qualitative only"},
    ]


def grow(world, n: int = 6) -> None:
    """More of everything, State A's own records included."""
    a = world.cast.state_a
    start = _grown["n"]
    _grown["n"] += n
    if start == 0:  # State A's report on 2022 gets rows, so that every list starts non-empty
        add_form_rows(a.reports.get(cycle__year=2022).current_version)
    for i in range(start, start + n):
        code = f"Q{i // 26 % 26 + 65:c}{i % 26 + 65:c}"
        state = StateFactory(iso3=code, iso2=f"{i % 26 + 97:c}{i // 26 % 26 + 97:c}", name_en=f"Grown {code}")
        UserFactory(role=Role.DELEGATE, state=state)
        if i % 3 == 0:
            draft_report(state, 2022)
        else:
            report = submitted_report(state, 2022, late=i % 2 == 0, quantitative=True, gender=i % 2 == 1, rows=_rows(a))
            add_form_rows(report.current_version)
        older = submitted_report(state, 2021, qualitative=True, rows=_rows(a), versions=2)
        add_form_rows(older.current_version, n=3)
        add_form_rows(older.versions.get(number=1))  # an earlier version: never counted
        SentReminderFactory(source="article7", cycle="2023", state=state, kind="before-14")
    for year in range(2000 + start, 2000 + start + n):  # State A's older reports
        CycleFactory(year=year)
        submitted_report(a, year, quantitative=True, rows=_rows(world.cast.state_b))
    SentReminderFactory(source="article7", cycle="2023", state=a, kind=f"before-{30 + start}")
    _grow_meetings(world, start, n)
    _grow_fund(world, n)
    _grow_questionnaires(world, n)


def _grow_meetings(world, start: int, n: int) -> None:
    from meetings.tests.factories import BilateralFactory, FollowUpFactory, MeetingFactory

    a = world.cast.state_a
    for i in range(start, start + n):
        meeting = BilateralFactory(state=a, start_date=datetime.date(2023, 2, 1) + datetime.timedelta(days=i))
        meeting.states.add(a, world.cast.state_b)
        FollowUpFactory(meeting=meeting, state=a, due_date=datetime.date(2023, 5, 1))
        MeetingFactory(start_date=datetime.date(2023, 7, 1) + datetime.timedelta(days=i))


def _grow_fund(world, n: int) -> None:
    from fund.tests.factories import draft

    for _i in range(n):
        draft(world.cast.state_a, by=world.cast.delegate_a)


def _grow_questionnaires(world, n: int) -> None:
    from questionnaires.tests.factories import CirculatedQuestionnaireFactory, RecipientFactory, ResponseFactory

    for _i in range(n):
        q = CirculatedQuestionnaireFactory(deadline=datetime.date(2023, 7, 31))
        RecipientFactory(questionnaire=q, state=world.cast.state_a)
        ResponseFactory(questionnaire=q, state=world.cast.state_a)


def count(client, url: str) -> list[str]:
    client.get(url)  # warm-up: per-process caches (content types, sites) are not what we measure
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [q["sql"] for q in ctx.captured_queries]


def assert_constant(world, role: str, url_name: str, query: str = "", **kwargs) -> None:
    client = client_for(world.cast, role)
    url = reverse(url_name, kwargs=kwargs or None) + query
    grow(world, 1)  # small but not empty: Django skips a prefetch query when the list is empty
    small = count(client, url)
    grow(world)
    larger = count(client, url)
    grow(world, 10)
    largest = count(client, url)
    extra = "\n".join(q for q in largest if q not in small)
    assert len(small) == len(larger) == len(largest), (
        f"{url}: {len(small)} → {len(larger)} → {len(largest)} queries as the data grows; new ones:\n{extra}"
    )


def test_dashboard_runs_a_constant_number_of_queries(world):
    assert_constant(world, "chair", "dashboard:index", "?year=2022")


def test_dashboard_api_runs_a_constant_number_of_queries(world):
    assert_constant(world, "isu", "dashboard-list", "?year=2022")


@pytest.mark.parametrize(
    "kind",
    [
        "owed",
        "missing",
        "ca-rows",
        "mined-areas",
        "land-released",
        "destroyed",
        "retained",
        "retained-use",
        "national-resources",
        "casualties",
    ],
)
def test_drilldown_lists_run_a_constant_number_of_queries(world, kind):
    assert_constant(world, "member", "dashboard:drilldown", "?year=2022", kind=kind)


@pytest.mark.parametrize("table", ["contamination_states", "contamination_trend", "casualties", "resources"])
def test_forms_exports_run_a_constant_number_of_queries(world, table):
    assert_constant(world, "chair", "dashboard:export", "?year=2022", table=table, fmt="csv")


def test_reports_list_of_one_cycle_runs_a_constant_number_of_queries(world):
    assert_constant(world, "chair", "reporting:inbox", "?year=2022")


def test_public_reports_list_of_one_cycle_runs_a_constant_number_of_queries(world):
    assert_constant(world, "anon", "reporting:public_list", "?year=2022")


@pytest.mark.parametrize("role", ["chair", "delegate_a", "anon"])
def test_state_page_runs_a_constant_number_of_queries(world, role):
    assert_constant(world, role, "states:detail", iso3="AAA")


@pytest.mark.parametrize("query", ["?year=2022", ""])
def test_api_report_list_runs_a_constant_number_of_queries(world, query):
    assert_constant(world, "isu", "report-list", query)
