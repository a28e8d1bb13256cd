"""A true contract: schemathesis reads `/api/schema/` and calls every operation, as an anonymous
visitor, as State A's delegate (browser session) and as the ISU (personal token), with data
made from the schema; every answer must be documented (status, content type, body schema) and
none may be a server error. Bounded examples keep it to a few seconds."""

import datetime
from decimal import Decimal

import pytest
import schemathesis
from django.conf import settings
from django.core import signals
from django.core.files.base import ContentFile
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import positive_data_acceptance

from accounts import services as account_services
from committee.models import Committee, CommitteeMembership, CommitteeYear
from fund.tests.factories import fund
from meetings.tests.factories import BilateralFactory, MeetingDocumentFactory, MeetingFactory, PanelSpeakerFactory
from questionnaires.tests.factories import CirculatedQuestionnaireFactory, QuestionFactory, QuestionnaireFactory
from reporting.models import Report
from reporting.tests.factories import CycleFactory, submitted_report
from workplan.tests.factories import StatementFactory, WorkplanItemFactory

pytestmark = pytest.mark.django_db

EXAMPLES = 10  # generated calls per operation and role, besides the one with known objects
# Every other built-in check runs. This one wants any well-formed request accepted, but a State or
# committee code that matches no record is rightly refused (a documented 400).
EXCLUDED_CHECKS = [positive_data_acceptance]


@pytest.fixture
def wsgi_app():
    """The real WSGI application, in this thread and this test's transaction. Like Django's test
    client, keep it from closing the database connection at the end of each request."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_data(cast) -> dict:
    """A little of everything the API serves, with the optional links left empty where they may be."""
    committee = Committee.objects.create(slug="cooperation-assistance", name_en="C&A")
    CommitteeMembership.objects.create(committee=committee, state=cast.state_a, term_start=2023)
    CommitteeYear.objects.create(committee=committee, year=2023, chair=cast.state_a)
    CommitteeYear.objects.create(committee=committee, year=2024)  # no chair, no focal point yet
    public = MeetingFactory(code="workshop-2023")  # no State
    public.committees.add(committee)
    MeetingDocumentFactory(meeting=public)
    PanelSpeakerFactory(meeting=public)
    bilateral = BilateralFactory(code="bilateral-aaa", state=cast.state_a, notes="Partners sought")
    bilateral.states.add(cast.state_a)
    submitted_report(
        cast.state_a,
        CycleFactory(year=2022),
        by=cast.isu,
        channel="email",
        received_on=datetime.date(2023, 4, 20),
        document=ContentFile(b"%PDF-1.4 test", name="report.pdf"),
    )
    Report.objects.create(state=cast.state_b, cycle=CycleFactory(year=2023))  # a draft
    circulated = CirculatedQuestionnaireFactory(committee=committee)
    QuestionFactory(questionnaire=circulated, kind="single", options=["Yes", "No"])
    QuestionnaireFactory(committee=None)  # a draft with no committee
    item = WorkplanItemFactory(committee=committee)
    StatementFactory(item=item)  # no State, no meeting
    fund(Decimal("25000.00"))
    return {
        "/api/committees/{slug}/": {"slug": committee.slug},
        "/api/meetings/{code}/": {"code": bilateral.code},
        "/api/questionnaires/{id}/": {"id": circulated.pk},
        "/api/reports/{iso3}/{year}/": {"iso3": cast.state_a.iso3, "year": 2022},
        "/api/states/{iso3}/": {"iso3": cast.state_a.iso3},
        "/api/workplan/{id}/": {"id": item.pk},
    }


def _credentials(cast, role: str) -> dict:
    if role == "isu":
        _token, secret = account_services.api_token_create(user=cast.isu, name="contract test", days=1)
        return {"headers": {"Authorization": f"Bearer {secret}"}}
    if role == "delegate_a":
        client = Client()
        client.force_login(cast.delegate_a)
        return {"cookies": {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}}
    return {}


@pytest.mark.parametrize("role", ["anon", "delegate_a", "isu"])
def test_every_answer_of_the_api_is_documented(cast, api_data, wsgi_app, role):
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    credentials = _credentials(cast, role)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 13
    answered: dict[str, set[int]] = {}

    for operation in operations:
        known = api_data.get(operation.path)
        strategies = [operation.as_strategy()]
        if known:
            strategies.append(operation.as_strategy(path_parameters=known))
        for strategy in strategies:

            @hypothesis_settings(
                max_examples=EXAMPLES if len(strategies) == 1 or strategy is strategies[0] else 2,
                deadline=None,
                derandomize=True,
                database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @given(case=strategy)
            def call(case):
                response = case.call_and_validate(excluded_checks=EXCLUDED_CHECKS, **credentials)
                answered.setdefault(case.operation.path, set()).add(response.status_code)

            call()

    # the credentials worked: each role got real data where it may, so the bodies were checked
    ok = {path for path, codes in answered.items() if 200 in codes}
    expected_ok = {
        "anon": {
            "/api/reports/",
            "/api/reports/{iso3}/{year}/",
            "/api/meetings/",
            "/api/states/{iso3}/",
            "/api/questionnaires/{id}/",
        },
        "delegate_a": {"/api/reports/", "/api/meetings/{code}/"},
        "isu": {"/api/fund/summary/", "/api/dashboard/", "/api/workplan/{id}/", "/api/meetings/{code}/"},
    }[role]
    assert expected_ok <= ok, expected_ok - ok
    if role == "anon":
        assert not ok & {"/api/fund/summary/", "/api/dashboard/", "/api/workplan/", "/api/meetings/{code}/"}
