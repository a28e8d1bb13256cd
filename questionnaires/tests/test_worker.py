"""Circulation through a real Celery worker (subprocess) on Redis and the PostgreSQL test database."""

import datetime
import os
import subprocess
import sys
import time
from email import message_from_string
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection, transaction
from django.utils import timezone

from questionnaires import services
from questionnaires.models import Recipient

from .factories import QuestionFactory, QuestionnaireFactory

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
        "DATABASE_URL": _database_url(),
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


def test_circulation_is_emailed_by_a_real_worker_after_commit(cast, worker, settings):
    mail_dir, log = worker
    settings.CELERY_TASK_ALWAYS_EAGER = False  # enqueue on Redis for the worker
    today = timezone.localdate()
    q = QuestionnaireFactory(
        title_en="Worker questionnaire", circulation_date=today, deadline=today + datetime.timedelta(days=30)
    )
    QuestionFactory(questionnaire=q)
    Recipient.objects.create(questionnaire=q, state=cast.state_a)
    Recipient.objects.create(questionnaire=q, state=cast.state_b)
    with transaction.atomic():
        services.questionnaire_circulate(questionnaire=q, by=cast.isu)

    _wait(lambda: not Recipient.objects.filter(questionnaire=q, notified_at__isnull=True).exists(), 60, "sending", log)
    _wait(lambda: len(_mails(mail_dir)) >= 2, 30, "the e-mail files", log)
    messages = _mails(mail_dir)
    assert sorted(m["To"] for m in messages) == ["delegate.a@example.org", "delegate.b@example.org"]
    assert all("Worker questionnaire" in m["Subject"] for m in messages)
    assert f"https://apmbc.example.org/questionnaires/{q.pk}/answer/" in messages[0].get_payload()[0].get_payload()
