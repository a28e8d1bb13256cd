"""A real Celery worker in a subprocess, on Redis and the PostgreSQL test database (fixture `real_worker`).

A pytest plugin (see the root conftest.py)."""

import contextlib
import fcntl
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from email import message_from_string
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection


def database_url() -> str:
    """The test database, so that the worker sees the test's rows."""
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_for(predicate, timeout: float, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.25)
    text = log.read_text() if log is not None and log.exists() else "(none)"
    pytest.fail(f"timed out waiting for {what}; worker log:\n{text}")


class Worker:
    """`celery worker --pool=solo`; e-mails are written as files to `mail_dir`."""

    def __init__(self, tmp_path: Path, redis_url: str) -> None:
        self.mail_dir = tmp_path / "mail"
        self.mail_dir.mkdir(exist_ok=True)
        self.tmp_path = tmp_path
        self.redis_url = redis_url
        self.proc: subprocess.Popen | None = None
        self.starts = 0
        self.log = tmp_path / "worker-0.log"

    def start(self, *, purge: bool = True) -> "Worker":
        self.log = self.tmp_path / f"worker-{self.starts}.log"
        self.starts += 1
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "REDIS_URL": self.redis_url,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "EMAIL_URL": "",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "SITE_URL": "https://apmbc.example.org",
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),  # the worker stores files where the test reads them
        }
        celery = Path(sys.executable).with_name("celery")
        args = [str(celery), "-A", "config", "worker", "--pool=solo", "-l", "info", f"--logfile={self.log}"]
        self.proc = subprocess.Popen(
            [*args, "--purge"] if purge else args,
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        wait_for(lambda: self.log.exists() and " ready." in self.log.read_text(), 60, "the worker to start", self.log)
        return self

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def kill(self) -> None:
        """SIGKILL: the worker dies at once, acknowledging nothing."""
        if self.proc is not None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
            self.proc = None

    def wait(self, predicate, timeout: float, what: str) -> None:
        wait_for(predicate, timeout, what, self.log)

    def mails(self) -> list:
        messages = []
        for path in sorted(self.mail_dir.glob("*.log")):
            for chunk in path.read_text().split("-" * 79):
                if chunk.strip():
                    messages.append(message_from_string(chunk.strip()))
        return messages


@contextlib.contextmanager
def _one_worker_at_a_time(redis_url: str):
    """pytest-xdist runs tests in parallel processes, all on the same Redis: two real workers would
    take (or purge) each other's tasks. A file lock lets one test at a time have a worker."""
    name = hashlib.sha1(redis_url.encode()).hexdigest()[:12]
    with open(Path(tempfile.gettempdir()) / f"apmbc-real-worker-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture
def real_worker(tmp_path, require_redis, settings):
    """A started Celery worker subprocess; the test's tasks go to Redis for it."""
    with _one_worker_at_a_time(require_redis):
        worker = Worker(tmp_path, require_redis)
        settings.CELERY_TASK_ALWAYS_EAGER = False  # enqueue on Redis for the worker
        try:
            yield worker.start()
        finally:
            worker.stop()
