"""A real Celery worker (subprocess) against the real Redis and the PostgreSQL test database."""

import datetime

import psycopg2
import pytest
import redis
from django.db import connection
from django.utils import timezone

from reminders import services
from reminders.models import SentReminder, Status
from reminders.policy import geneva_today
from reminders.tasks import reap_stale_claims, run_reminder_pass, send_reminder
from reporting.tests.factories import CycleFactory

from .factories import SentReminderFactory

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def _succeeded(worker, task) -> int:
    return sum(1 for line in worker.log.read_text().splitlines() if f"{task.name}[" in line and " succeeded " in line)


def _lost_claim(cast, deadline, *, age: datetime.timedelta) -> SentReminder:
    lost = SentReminderFactory(
        source="article7",
        cycle=str(geneva_today().year),
        state=cast.state_a,
        recipient=cast.delegate_a,
        kind="before-30",
        deadline=deadline,
        status=Status.CLAIMED,
        path="/reports/",
    )
    SentReminder.objects.filter(pk=lost.pk).update(updated_at=timezone.now() - age)
    return lost


def test_real_worker_sends_the_reminders_once(cast, real_worker):
    today = geneva_today()
    deadline = today + datetime.timedelta(days=14)
    CycleFactory(year=today.year - 1, deadline=deadline)
    _lost_claim(cast, deadline, age=datetime.timedelta(days=1))  # yesterday a worker died before sending it

    first = services.reminder_pass()  # what `manage.py send_reminders` does; the sends go to the worker
    assert (len(first.claimed), len(first.requeued), first.deferred) == (2, 1, [])
    assert [r.state.iso3 for r in first.no_contact] == ["CCC"]

    real_worker.wait(lambda: SentReminder.objects.filter(status=Status.SENT).count() == 3, 60, "the reminders")
    real_worker.wait(lambda: len(real_worker.mails()) >= 3, 30, "the e-mail files")

    # The beat task twice: nothing more is claimed or sent.
    run_reminder_pass.delay()
    run_reminder_pass.delay()
    real_worker.wait(lambda: _succeeded(real_worker, run_reminder_pass) == 2, 60, "the two passes")
    assert "'claimed': 0" in real_worker.log.read_text()
    messages = real_worker.mails()
    assert sorted(m["To"] for m in messages) == [
        "delegate.a@example.org",
        "delegate.a@example.org",
        "delegate.b@example.org",
    ]
    assert all("14 days left" in m["Subject"] for m in messages)
    records = SentReminder.objects.order_by("email", "kind")
    assert [(r.state.iso3, r.kind, r.status, r.attempts) for r in records] == [
        ("AAA", "before-14", Status.SENT, 1),
        ("AAA", "before-30", Status.SENT, 1),
        ("BBB", "before-14", Status.SENT, 1),
    ]


def _other_connection():
    params = connection.get_connection_params()
    return psycopg2.connect(
        dbname=params.get("database") or params.get("dbname"),
        user=params.get("user"),
        password=params.get("password"),
        host=params.get("host"),
        port=params.get("port"),
    )


def _waiting_on_a_lock(cur) -> int:
    # Inside a transaction PostgreSQL shows pg_stat_activity as a snapshot taken at its first read:
    # without clearing it, a poll that started before the worker blocked would never see it block.
    cur.execute("SELECT pg_stat_clear_snapshot()")
    cur.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
    return cur.fetchone()[0]


def test_a_worker_killed_while_sending_leaves_a_claim_the_reaper_sends_exactly_once(cast, real_worker):
    deadline = geneva_today() + datetime.timedelta(days=30)
    CycleFactory(year=geneva_today().year - 1, deadline=deadline)
    claim = _lost_claim(cast, deadline, age=datetime.timedelta(0))

    # The worker takes the send task and is killed before it commits (held here on the row lock).
    holder = _other_connection()
    try:
        with holder.cursor() as cur:
            cur.execute("SELECT id FROM reminders_sentreminder WHERE id = %s FOR UPDATE", [claim.pk])
            killed_task_id = send_reminder.delay(claim.pk).id
            with _other_connection() as watcher, watcher.cursor() as wcur:
                real_worker.wait(lambda: _waiting_on_a_lock(wcur) >= 1, 30, "the worker to take the task")
            real_worker.kill()
        holder.rollback()
    finally:
        holder.close()
    with _other_connection() as watcher, watcher.cursor() as wcur:
        real_worker.wait(lambda: _waiting_on_a_lock(wcur) == 0, 30, "the dead worker's query to end")
    claim.refresh_from_db()
    assert (claim.status, claim.attempts, real_worker.mails()) == (Status.CLAIMED, 0, [])

    # Its message waits unacknowledged for Redis's visibility timeout (an hour); the reaper does not.
    real_worker.start(purge=False)
    assert services.reminder_claims_reap().requeued == []  # a fresh claim is left alone
    SentReminder.objects.filter(pk=claim.pk).update(updated_at=timezone.now() - services.stale_after())
    reap_stale_claims.delay()  # what beat runs every few minutes
    real_worker.wait(lambda: SentReminder.objects.get(pk=claim.pk).status == Status.SENT, 60, "the reaped claim")
    real_worker.wait(lambda: len(real_worker.mails()) == 1, 30, "the e-mail file")

    # The killed worker's message, redelivered at last, and another reaper pass: nothing more is sent.
    send_reminder.delay(claim.pk)
    reap_stale_claims.delay()
    real_worker.wait(lambda: _succeeded(real_worker, send_reminder) == 2, 60, "the redelivered task")
    real_worker.wait(lambda: _succeeded(real_worker, reap_stale_claims) == 2, 60, "the second reaper")
    claim.refresh_from_db()
    assert (claim.status, claim.attempts) == (Status.SENT, 1)
    assert [m["To"] for m in real_worker.mails()] == ["delegate.a@example.org"]
    assert _forget_unacked(real_worker.redis_url, killed_task_id) == 1  # or Redis would redeliver it in an hour


def _forget_unacked(redis_url: str, task_id: str) -> int:
    """Drop the killed worker's unacknowledged message (kombu's Redis transport keeps it in `unacked`)."""
    client = redis.Redis.from_url(redis_url)
    tags = [tag for tag, payload in client.hgetall("unacked").items() if task_id.encode() in payload]
    for tag in tags:
        client.hdel("unacked", tag)
        client.zrem("unacked_index", tag)
    return len(tags)
