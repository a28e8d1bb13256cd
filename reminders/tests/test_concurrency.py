"""Two passes, or two workers, racing on PostgreSQL still send each e-mail once."""

import threading
import time

import celery._state as celery_state
import pytest
from django.core import mail
from django.db import connection

from accounts.models import Role
from accounts.tests.factories import UserFactory
from reminders import emails, selectors, services
from reminders.models import SentReminder, Status
from states.tests.factories import StateFactory

from .conftest import DEADLINE, at
from .fakes import FakeSource

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

N_STATES = 12


def run_in_threads(n: int, target) -> list:
    errors: list[BaseException] = []

    def wrapped():
        try:
            target()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=wrapped) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    # Celery's eager apply toggles a process-wide "join will block" flag that is not thread-safe:
    # concurrent eager calls can leave it set, which would break later tests calling result.get().
    celery_state._set_task_join_will_block(False)
    return errors


@pytest.fixture
def many_owing(fake: FakeSource):
    for i in range(N_STATES):
        state = StateFactory(iso3=f"C{i:02d}", iso2=f"C{chr(65 + i)}")
        for j in range(2):
            UserFactory(role=Role.DELEGATE, state=state, username=f"d{i}.{j}@example.org")
        fake.owe(state, DEADLINE)
    return fake


def test_two_concurrent_passes_send_each_email_once(many_owing, monkeypatch):
    # Both passes work out the same plan before either claims anything: a real race on the INSERTs.
    barrier = threading.Barrier(2, timeout=30)
    original = selectors.reminders_due

    def plan_then_wait(**kwargs):
        result = original(**kwargs)
        barrier.wait()
        return result

    monkeypatch.setattr(selectors, "reminders_due", plan_then_wait)
    results = []
    with at(DEADLINE.replace(day=16)):
        errors = run_in_threads(2, lambda: results.append(services.reminder_pass()))
    assert errors == []
    assert [len(r.planned) for r in results] == [2 * N_STATES, 2 * N_STATES]
    assert sum(len(r.claimed) for r in results) == 2 * N_STATES
    assert SentReminder.objects.count() == 2 * N_STATES
    assert SentReminder.objects.filter(status=Status.SENT).count() == 2 * N_STATES
    recipients = [m.to[0] for m in mail.outbox]
    assert len(recipients) == 2 * N_STATES
    assert len(set(recipients)) == 2 * N_STATES


def test_two_workers_sending_the_same_claim_send_it_once(many_owing, monkeypatch, django_capture_on_commit_callbacks):
    with at(DEADLINE.replace(day=16)):
        monkeypatch.setattr(services, "_enqueue", lambda task, pk, **kw: None)  # claimed, never sent
        services.reminder_pass()
        record = SentReminder.objects.order_by("pk").first()
        original = emails.send_deadline_reminder
        barrier = threading.Barrier(2, timeout=30)

        def slow_send(**kwargs):
            time.sleep(0.3)  # hold the row lock while the other worker waits for it
            return original(**kwargs)

        monkeypatch.setattr(emails, "send_deadline_reminder", slow_send)

        def deliver():
            barrier.wait()
            services.sent_reminder_deliver(sent_reminder_id=record.pk)

        errors = run_in_threads(2, deliver)
    assert errors == []
    assert [m.to[0] for m in mail.outbox] == [record.email]
    record.refresh_from_db()
    assert (record.status, record.attempts) == (Status.SENT, 1)
