"""Export all languages with a real Celery worker (subprocess) on Redis and the PostgreSQL test database."""

import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from conclusions.models import BatchStatus, ExportBatch
from conclusions.services import batch_create
from conclusions.tests.factories import make_document

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]


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
def worker(tmp_path, require_redis, settings):
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": require_redis,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),  # the worker stores the files where this test reads them
    }
    celery = Path(sys.executable).with_name("celery")
    proc = subprocess.Popen(
        [str(celery), "-A", "config", "worker", "--pool=solo", "--purge", "-l", "info", f"--logfile={log}"],
        cwd=django_settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait(lambda: log.exists() and " ready." in log.read_text(), 60, "the worker to start", log)
        yield log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_real_worker_exports_every_language_with_progress(cast, worker, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # enqueue on Redis for the worker
    document = make_document(paragraphs=3, languages=("en", "fr", "es"))
    batch = batch_create(document=document, by=cast.isu)  # transaction=True: committed, so enqueued at once
    seen = set()

    def finished() -> bool:
        current = ExportBatch.objects.get(pk=batch.pk)
        seen.add((current.status, current.done))
        return current.status in (BatchStatus.DONE, BatchStatus.FAILED)

    _wait(finished, 120, "the export to finish", worker)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE, batch.error
    assert batch.exports.count() == 3
    with batch.file.open("rb") as fh:
        names = sorted(zipfile.ZipFile(io.BytesIO(fh.read())).namelist())
    assert names == [f"{document.committee.slug}-{document.meeting_code}-{lang}.pdf" for lang in ("en", "es", "fr")]
    assert ("done", 3) in {(s, d) for s, d in seen}
