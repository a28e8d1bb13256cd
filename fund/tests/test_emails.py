"""The applicant State hears of every step, by e-mail, in each delegate's language, after commit."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.base import ContentFile

from accounts.models import Role
from accounts.tests.factories import UserFactory
from fund import services
from fund.tests.factories import application_at, fund, new_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def state():
    return new_state()


@pytest.fixture
def delegates(state):
    english = UserFactory(role=Role.DELEGATE, state=state, preferred_language="en", username="en@example.org")
    french = UserFactory(role=Role.DELEGATE, state=state, preferred_language="fr", username="fr@example.org")
    UserFactory(role=Role.DELEGATE, state=state, is_active=False, username="gone@example.org")
    UserFactory(role=Role.DELEGATE, username="other-state@example.org")
    return english, french


STEPS = [
    ("draft", lambda a: services.application_submit(application=a, by=None), "received"),
    (
        "submitted",
        lambda a: services.application_screen(application=a, by=None, eligible=True, note="Fits."),
        "eligible",
    ),
    (
        "submitted",
        lambda a: services.application_screen(application=a, by=None, eligible=False, note="Out of scope."),
        "not eligible",
    ),
    (
        "screened",
        lambda a: services.application_gender_review(application=a, by=None, assessment="Balanced."),
        "gender-perspective review done",
    ),
    (
        "gender_reviewed",
        lambda a: services.application_decide(application=a, by=None, decision="approve", reasons="Good."),
        "approved",
    ),
    (
        "gender_reviewed",
        lambda a: services.application_decide(application=a, by=None, decision="reject", reasons="No."),
        "not approved",
    ),
    (
        "gender_reviewed",
        lambda a: services.application_decide(application=a, by=None, decision="revise", reasons="Detail."),
        "revision requested",
    ),
    (
        "approved",
        lambda a: services.disbursement_record(
            application=a, by=None, amount=Decimal("250.00"), paid_on=datetime.date(2023, 10, 2)
        ),
        "disbursement made",
    ),
    (
        "disbursed",
        lambda a: services.application_final_report_receive(
            application=a, by=None, file=ContentFile(b"%PDF-1.4", name="r.pdf")
        ),
        "final report received",
    ),
    ("report_received", lambda a: services.application_close(application=a, by=None), "closed"),
]


@pytest.mark.parametrize(("status", "call", "subject"), STEPS, ids=[s[2] for s in STEPS])
def test_each_step_emails_the_applicant_state_delegates_after_commit(
    state, delegates, status, call, subject, django_capture_on_commit_callbacks
):
    app = application_at(status, state)
    if status == "gender_reviewed":
        fund("5000.00")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        call(app)
    assert mail.outbox == []  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()
    english = [m for m in mail.outbox if m.to == ["en@example.org"]]
    assert len(mail.outbox) == 2, [m.to for m in mail.outbox]  # the two active delegates of the State only
    assert len(english) == 1
    assert subject in english[0].subject and app.reference in english[0].subject
    assert english[0].alternatives and "text/html" == english[0].alternatives[0][1]
    assert f"/fund/applications/{app.pk}/" in english[0].body


def test_email_is_in_the_delegate_preferred_language(state, delegates, django_capture_on_commit_callbacks):
    app = application_at("draft", state)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(application=app, by=None)
    french = next(m for m in mail.outbox if m.to == ["fr@example.org"])
    english = next(m for m in mail.outbox if m.to == ["en@example.org"])
    assert "1 000,00" in french.body.replace("\u202f", " ").replace("\xa0", " ")
    assert "€1,000.00" in english.body


def test_the_decision_email_carries_the_reasons(state, delegates, django_capture_on_commit_callbacks):
    app = application_at("gender_reviewed", state)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(application=app, by=None, decision="revise", reasons="Please detail the venue.")
    assert all("Please detail the venue." in m.body for m in mail.outbox)


def test_a_refused_step_sends_nothing(state, delegates, django_capture_on_commit_callbacks):
    app = application_at("screened", state)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Exception):  # noqa: B017
        services.application_decide(application=app, by=None, decision="approve", reasons="x")
    assert mail.outbox == []
