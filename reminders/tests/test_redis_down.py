"""A real Redis (of the test's own) killed under a reminder pass: it finishes in seconds, says what it
deferred, and the reaper sends those claims once Redis is back, each once."""

import datetime
import io
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from ops.tasks import breaker
from reminders import services
from reminders.models import SentReminder, Status
from reminders.tasks import run_reminder_pass
from states.tests.factories import StateFactory

from .conftest import DEADLINE, at, second_delegate

# transaction=True: the command runs in autocommit, as in production, so each claim is published at once
pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def test_send_reminders_with_redis_down_finishes_in_seconds_and_says_what_it_deferred(
    owing, private_redis, broker_on, fake
):
    for n in range(30):
        iso2 = "DEFGHIJKLM"[n // 3] + "XYZ"[n % 3]
        state = StateFactory(iso2=iso2, iso3=f"{iso2}Q")
        second_delegate(state, f"d{n}@example.org")
        fake.owe(state, DEADLINE)
    private_redis.kill()
    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    with at(DEADLINE - datetime.timedelta(days=14)):
        call_command("send_reminders", stdout=out, stderr=err)
    assert time.monotonic() - started < 5
    assert out.getvalue().splitlines()[-1] == "31 reminders"
    assert "deferred 31 reminders: the task queue (Redis) is unavailable" in err.getvalue()
    assert "deferred: AAA before-14 delegate.a@example.org" in err.getvalue()
    assert SentReminder.objects.filter(status=Status.CLAIMED).count() == 31

    # Redis back: the reaper re-enqueues the claims once they are stale (each once).
    private_redis.start()
    breaker.reset()  # this process's breaker would close by itself after BROKER_BREAKER_SECONDS
    with at(DEADLINE - datetime.timedelta(days=14)):
        assert services.reminder_claims_reap().requeued == []  # not stale yet
        later = timezone.now() + services.stale_after() + datetime.timedelta(seconds=1)
    reaped = services.reminder_claims_reap(now=later)
    assert (len(reaped.requeued), reaped.deferred) == (31, [])
    assert private_redis.queued() == 31
    assert services.reminder_claims_reap(now=later).requeued == []


def test_the_pass_task_reports_its_deferrals(owing, private_redis, broker_on):
    private_redis.kill()
    with at(DEADLINE - datetime.timedelta(days=14)):
        result = run_reminder_pass()  # the task's body, here; its sends try the dead broker
    assert (result["claimed"], result["deferred"]) == (1, 1)
