"""Private services to fail on purpose: a Redis server and a PostgreSQL cluster of the test's own.

A pytest plugin (see the root conftest.py); never the shared servers.
"""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _missing(what: str):
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI must run this test: {what} is missing")
    pytest.skip(f"needs {what}")


class PrivateRedis:
    """A redis-server on a free port, started and killed by the test (never the shared one)."""

    def __init__(self, binary: str, port: int, workdir: Path) -> None:
        self.binary, self.port, self.workdir = binary, port, workdir
        self.url = f"redis://127.0.0.1:{port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        import redis

        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(redis.ConnectionError):
                if redis.Redis.from_url(self.url, socket_connect_timeout=0.2).ping():
                    return
            time.sleep(0.05)
        pytest.fail("the private redis-server did not start")

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def queued(self, queue: str = "celery") -> int:
        import redis

        return redis.Redis.from_url(self.url).llen(queue)


@pytest.fixture
def private_redis(tmp_path, require_redis):
    binary = shutil.which("redis-server")
    if binary is None:
        _missing("redis-server")
    server = PrivateRedis(binary, free_port(), tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.kill()


@contextlib.contextmanager
def celery_broker(url: str):
    """Point the project's Celery app at `url` (with the project's other Celery settings)."""
    from config.celery import app

    def reset_pools():
        app._pool = None
        with contextlib.suppress(AttributeError, KeyError):
            app.__dict__["amqp"]._producer_pool = None

    app.conf.broker_url = url
    reset_pools()
    try:
        yield app
    finally:
        app.conf.changes.pop("broker_url", None)
        reset_pools()


@pytest.fixture
def broker_on(private_redis, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    with celery_broker(private_redis.url) as app:
        yield app


class PrivatePostgres:
    """A PostgreSQL cluster in a temporary directory on a free port, run as a non-root user."""

    def __init__(self, bindir: Path, datadir: Path, port: int) -> None:
        self.bindir, self.datadir, self.port = bindir, datadir, port
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *args: str, timeout: float = 60) -> None:
        subprocess.run([*self.as_user, *args], check=True, timeout=timeout, capture_output=True)

    def init(self) -> None:
        self.datadir.mkdir(parents=True)
        if self.as_user:
            shutil.chown(self.datadir, "postgres", "postgres")
            shutil.chown(self.datadir.parent, "postgres", "postgres")
        self._run(str(self.bindir / "initdb"), "-D", str(self.datadir), "-A", "trust", "-U", "postgres", "-E", "UTF8")

    def pg_ctl_command(self) -> list[str]:
        """The server's output goes to a log file: a pipe would keep `subprocess.run` waiting."""
        options = f"-p {self.port} -k {self.datadir} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.datadir.parent / "server.log")
        return [*self.as_user, str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-l", log, "-w", "-o", options]

    def pg_ctl(self, action: str, *extra: str) -> None:
        subprocess.run([*self.pg_ctl_command(), action, *extra], check=True, timeout=60, capture_output=True)

    def create_database(self, name: str) -> None:
        import psycopg2

        conn = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
        conn.close()

    def url(self, dbname: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{dbname}"


@pytest.fixture
def private_postgres(require_postgres):
    bindirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bindirs:
        _missing("PostgreSQL's server binaries (/usr/lib/postgresql/*/bin)")
    root = Path(f"/tmp/apmbc-pg-{os.getpid()}-{free_port()}")
    server = PrivatePostgres(Path(bindirs[-1]), root / "data", free_port())
    try:
        server.init()
        server.pg_ctl("start")
        yield server
    finally:
        with contextlib.suppress(Exception):
            server.pg_ctl("stop", "-m", "immediate")
        shutil.rmtree(root, ignore_errors=True)
