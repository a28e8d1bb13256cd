"""A read-only user of a State across the apps: reads what its delegates read, writes nothing (403 for its
own State's objects, 404 for another State's). The URL x role matrix (role `reader_a`) covers every URL;
these tests cover a read-only user of the *other* State and what the pages offer."""

import pytest
from django.urls import reverse

from accounts.models import Role
from accounts.tests.factories import UserFactory
from conftest import client_for
from fund.models import Status
from fund.tests.factories import application_at
from meetings.tests.factories import BilateralFactory
from questionnaires.tests.factories import QuestionFactory, RecipientFactory, ResponseFactory

pytestmark = pytest.mark.django_db


def _reader_of(cast, state):
    client = client_for(cast, "anon")
    client.force_login(UserFactory(role=Role.READER, state=state))
    return client


def test_a_read_only_user_of_another_state_sees_nothing_of_state_a(cast):
    application = application_at(Status.DRAFT, cast.state_a)
    recipient = RecipientFactory(state=cast.state_a)
    QuestionFactory(questionnaire=recipient.questionnaire)
    response = ResponseFactory(questionnaire=recipient.questionnaire, state=cast.state_a)
    meeting = BilateralFactory(code="bil-ro", state=cast.state_a)
    client = _reader_of(cast, cast.state_b)
    for url in (
        reverse("fund:application_detail", args=[application.pk]),
        reverse("fund:application_edit", args=[application.pk]),
        reverse("questionnaires:detail", args=[recipient.questionnaire.pk]),
        reverse("questionnaires:answer", args=[recipient.questionnaire.pk]),
        reverse("questionnaires:response_detail", args=[response.pk]),
        reverse("meetings:detail", args=[meeting.code]),
    ):
        assert client.get(url).status_code == 404, url


def test_pages_offer_the_read_only_user_no_action(cast):
    recipient = RecipientFactory(state=cast.state_a)
    QuestionFactory(questionnaire=recipient.questionnaire)
    application = application_at(Status.DRAFT, cast.state_a)
    client = client_for(cast, "reader_a")
    answer = reverse("questionnaires:answer", args=[recipient.questionnaire.pk])
    detail = client.get(reverse("questionnaires:detail", args=[recipient.questionnaire.pk])).content.decode()
    assert answer not in detail and "read-only" in detail
    assert answer not in client.get(reverse("questionnaires:list")).content.decode()
    fund_page = client.get(reverse("fund:application_detail", args=[application.pk])).content.decode()
    assert reverse("fund:application_edit", args=[application.pk]) not in fund_page
    assert reverse("fund:application_add") not in client.get(reverse("fund:application_list")).content.decode()
    home = client.get("/").content.decode()
    assert answer not in home and reverse("fund:application_edit", args=[application.pk]) not in home
    # the State's delegate, on the same pages, is offered the actions
    delegate = client_for(cast, "delegate_a")
    assert answer in delegate.get(reverse("questionnaires:detail", args=[recipient.questionnaire.pk])).content.decode()


def test_the_api_gives_the_read_only_user_its_states_drafts_only(cast):
    from reporting.models import Report
    from reporting.tests.factories import CycleFactory

    cycle = CycleFactory(year=2022)
    Report.objects.create(state=cast.state_a, cycle=cycle)
    Report.objects.create(state=cast.state_b, cycle=cycle)
    rows = client_for(cast, "reader_a").get("/api/reports/?year=2022").json()
    assert [r["state"] for r in rows] == ["AAA"]
