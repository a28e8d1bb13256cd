"""A real Redis (of the test's own) killed under the app: requests answer at once, the work waits in
the outbox and goes out when Redis is back (reminders: reminders/tests/test_redis_down.py)."""

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import client_for
from fund.models import Application, Status
from fund.tests.factories import application_at, fund
from ops.models import PendingTask
from ops.tasks import breaker, pending_flush
from questionnaires.models import Recipient
from questionnaires.tests.factories import QuestionFactory, QuestionnaireFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db]

FAST = 1.0  # seconds: what a request may take with the broker down


def _timed_post(client, url, data, capture) -> tuple[float, object]:
    started = time.monotonic()
    with capture(execute=True):  # the on-commit publish is part of the request
        response = client.post(url, data)
    return time.monotonic() - started, response


def _questionnaire(cast):
    today = timezone.localdate()
    q = QuestionnaireFactory(circulation_date=today, deadline=today + datetime.timedelta(days=30))
    QuestionFactory(questionnaire=q)
    Recipient.objects.create(questionnaire=q, state=cast.state_a)
    return q


def test_isu_steps_answer_at_once_with_redis_down_and_their_emails_wait_in_the_outbox(
    cast, private_redis, broker_on, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    fund("5000.00")
    reviewed, decided = application_at(Status.SCREENED, cast.state_a), application_at(Status.GENDER_REVIEWED)
    q = _questionnaire(cast)
    # Redis up: the e-mail task is published (the pooled connection now exists).
    first = application_at(Status.SCREENED)
    elapsed, response = _timed_post(
        client_for(cast, "member"),
        reverse("fund:application_gender_review", args=[first.pk]),
        {"assessment": "Survivors take part."},
        capture,
    )
    assert response.status_code == 302 and private_redis.queued() == 1 and not PendingTask.objects.exists()

    private_redis.kill()
    steps = [
        ("member", "fund:application_gender_review", reviewed.pk, {"assessment": "Women deminers take part."}),
        ("chair", "fund:application_decide", decided.pk, {"decision": "approve", "reasons": "Sound plan."}),
        ("isu", "questionnaires:circulate", q.pk, {}),
    ]
    for role, name, pk, data in steps:
        elapsed, response = _timed_post(client_for(cast, role), reverse(name, args=[pk]), data, capture)
        assert response.status_code == 302, (name, response.context and response.context["form"].errors)
        assert elapsed < FAST, f"{name} took {elapsed:.2f} s with Redis down"
    assert Application.objects.get(pk=reviewed.pk).status == Status.GENDER_REVIEWED
    assert Application.objects.get(pk=decided.pk).status == Status.APPROVED
    q.refresh_from_db()
    assert q.is_circulated
    kept = list(PendingTask.objects.order_by("pk").values_list("task_name", "args"))
    assert kept == [
        ("fund.tasks.send_step_email", [reviewed.events.latest("pk").pk]),
        ("fund.tasks.send_step_email", [decided.events.latest("pk").pk]),
        ("questionnaires.tasks.send_circulation", [q.pk]),
    ]
    assert breaker.is_open

    # Redis is back: the flush (beat, every minute) publishes them and empties the outbox.
    private_redis.start()
    assert pending_flush() == 3
    assert not PendingTask.objects.exists()
    assert private_redis.queued() == 3  # the restarted Redis starts empty (no persistence)


def test_the_first_request_after_redis_dies_does_not_wait_either(
    cast, private_redis, broker_on, django_capture_on_commit_callbacks
):
    app = application_at(Status.SCREENED, cast.state_a)
    from fund.tasks import send_step_email

    send_step_email.delay(0)  # a pooled connection to the live Redis
    private_redis.kill()
    assert not breaker.is_open
    elapsed, response = _timed_post(
        client_for(cast, "member"),
        reverse("fund:application_gender_review", args=[app.pk]),
        {"assessment": "Survivors take part."},
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    assert elapsed < FAST
    assert PendingTask.objects.count() == 1 and breaker.is_open
