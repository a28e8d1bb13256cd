"""A real Celery worker (subprocess) against the real Redis and the PostgreSQL test database."""

import datetime
import os
import subprocess
import sys
import time
from email import message_from_string
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone

from reminders.models import SentReminder, Status
from reminders.policy import geneva_today
from reminders.tasks import run_reminder_pass
from reporting.tests.factories import CycleFactory

from .factories import SentReminderFactory

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]

BASE_DIR = Path(django_settings.BASE_DIR)


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _wait(predicate, timeout: float, what: str, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.25)
    pytest.fail(f"timed out waiting for {what}; worker log:\n{log.read_text() if log.exists() else '(none)'}")


@pytest.fixture
def worker(tmp_path, require_redis):
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),  # the test database, so the worker sees the test's rows
        "REDIS_URL": require_redis,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_URL": "",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "SITE_URL": "https://apmbc.example.org",
    }
    celery = Path(sys.executable).with_name("celery")
    proc = subprocess.Popen(
        [str(celery), "-A", "config", "worker", "--pool=solo", "--purge", "-l", "info", f"--logfile={log}"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait(lambda: log.exists() and " ready." in log.read_text(), 60, "the worker to start", log)
        yield mail_dir, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _mails(mail_dir: Path) -> list:
    messages = []
    for path in sorted(mail_dir.glob("*.log")):
        for chunk in path.read_text().split("-" * 79):
            if chunk.strip():
                messages.append(message_from_string(chunk.strip()))
    return messages


def test_real_worker_sends_the_reminders_once(cast, worker, settings):
    mail_dir, log = worker
    today = geneva_today()
    deadline = today + datetime.timedelta(days=14)
    CycleFactory(year=today.year - 1, deadline=deadline)
    # Yesterday a worker died after this claim and before sending it.
    lost = SentReminderFactory(
        source="article7",
        cycle=str(today.year),
        state=cast.state_a,
        recipient=cast.delegate_a,
        kind="before-30",
        deadline=deadline,
        status=Status.CLAIMED,
        path="/reports/",
    )
    SentReminder.objects.filter(pk=lost.pk).update(updated_at=timezone.now() - datetime.timedelta(days=1))
    settings.CELERY_TASK_ALWAYS_EAGER = False  # enqueue on Redis for the worker

    first = run_reminder_pass.delay().get(timeout=60)
    assert (first["claimed"], first["requeued"], first["no_contact"]) == (2, 1, ["CCC"])

    def all_sent() -> bool:
        return SentReminder.objects.filter(status=Status.SENT).count() == 3

    _wait(all_sent, 60, "the reminders to be sent", log)
    _wait(lambda: len(_mails(mail_dir)) >= 3, 30, "the e-mail files", log)

    # The pass again, twice: nothing more is claimed or sent.
    again = [run_reminder_pass.delay(), run_reminder_pass.delay()]
    assert [r.get(timeout=60)["claimed"] for r in again] == [0, 0]
    time.sleep(2)  # let any (wrongly) enqueued send run
    messages = _mails(mail_dir)
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
