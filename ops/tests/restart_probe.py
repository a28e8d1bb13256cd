"""Delegates saving report drafts while PostgreSQL restarts (run by test_db_recovery.py in a subprocess).

Environment: DATABASE_URL (a private cluster, never the shared one), CONN_MAX_AGE (persistent
connections, as in production), PROBE_RESTART (the restart command, JSON), PROBE_DELEGATES.
Prints one JSON line: errors (and those of requests started once the server was back), whether
every delegate saved again after the restart, and any acknowledged save that was lost.
"""

import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import close_old_connections, connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import Role  # noqa: E402
from accounts.tests.factories import UserFactory  # noqa: E402
from reporting import services  # noqa: E402
from reporting.models import Report  # noqa: E402
from reporting.tests.factories import CycleFactory  # noqa: E402
from states.tests.factories import StateFactory  # noqa: E402

YEAR = 2022
TOKEN = re.compile(r'name="token" value="(\d+)"')


class Delegate(threading.Thread):
    def __init__(self, n: int, user, iso3: str, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.n, self.user, self.stop = n, user, stop
        self.url = reverse("reporting:edit", args=[iso3, YEAR])
        self.acked: list[tuple[float, str]] = []  # (when it started, text) of every save answered "saved"
        self.tried: list[str] = []
        self.errors: list[tuple[float, str]] = []  # (when it started, error)

    def request(self, method, *args):
        # What Django's handler does around every request (the test client leaves it out).
        close_old_connections()
        try:
            return method(*args)
        finally:
            close_old_connections()

    def run(self) -> None:
        client = Client()
        client.force_login(self.user)
        i = 0
        while not self.stop.is_set():
            i += 1
            text = f"Delegate {self.n}, save {i}."
            started, step = time.monotonic(), "GET"
            try:
                page = self.request(client.get, self.url + "?section=a")
                token = TOKEN.search(page.content.decode()).group(1)
                self.tried.append(text)
                data = {"section": "a", "token": token, "mode": "filled", "text": text}
                step = f"POST at +{time.monotonic() - started:.3f} s"
                response = self.request(client.post, self.url, data)
                if response.status_code != 302:
                    raise RuntimeError(f"HTTP {response.status_code}")
                self.acked.append((started, text))
            except Exception as exc:  # noqa: BLE001 - what a user would see as an error page
                failed = f"{step}, failed at +{time.monotonic() - started:.3f} s"
                self.errors.append((started, f"{failed}: {type(exc).__name__}: {exc}"[:200]))
                time.sleep(0.05)
        connection.close()


def main() -> None:
    setup_test_environment()  # the test client's host, in-memory e-mail
    call_command("migrate", verbosity=0)
    cycle = CycleFactory(year=YEAR)
    delegates, stop = [], threading.Event()
    for n in range(int(os.environ.get("PROBE_DELEGATES", "20"))):
        iso2 = "DEFGHIJKLMNOPQRSTUVW"[n % 20] + "XYZ"[n // 20]
        state = StateFactory(iso2=iso2, iso3=f"{iso2}Q")
        user = UserFactory(role=Role.DELEGATE, state=state)
        services.report_start(state=state, cycle=cycle, by=user, prefill_from_last_year=False)
        delegates.append(Delegate(n, user, state.iso3, stop))
    connection.close()
    for d in delegates:
        d.start()
    deadline = time.monotonic() + 60
    while any(len(d.acked) < 2 for d in delegates) and time.monotonic() < deadline:
        time.sleep(0.05)

    down = time.monotonic()
    subprocess.run(json.loads(os.environ["PROBE_RESTART"]), check=True, capture_output=True, timeout=60)
    up = time.monotonic()
    deadline = up + 60
    while any(not d.acked or d.acked[-1][0] < up for d in delegates) and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    for d in delegates:
        d.join(timeout=30)

    close_old_connections()
    lost = []
    for d in delegates:
        stored = Report.objects.get(state=d.user.state).draft_data
        text = stored["a"]["fields"]["text"]
        last_acked = d.acked[-1][1]
        # Nothing acknowledged is lost: what is stored is the last save answered "saved", or a later
        # one whose answer was an error (committed just before the connection went).
        if text != last_acked and text not in d.tried[d.tried.index(last_acked) + 1 :]:
            lost.append({"delegate": d.n, "stored": text, "last_acked": last_acked})
    saved_again = all(d.acked and d.acked[-1][0] >= up for d in delegates)
    print(
        json.dumps(
            {
                "delegates": len(delegates),
                "saves": sum(len(d.acked) for d in delegates),
                "errors": sum(len(d.errors) for d in delegates),
                # a request that starts once the server is back must not fail (stale connections
                # are detected by CONN_HEALTH_CHECKS when the request starts)
                "errors_started_after_restart": [
                    (round(t - up, 3), e) for d in delegates for t, e in d.errors if t >= up
                ],
                "error_samples": sorted({e.split(": ", 1)[1][:80] for d in delegates for _, e in d.errors})[:5],
                "restart_s": round(up - down, 3),
                "every_delegate_saved_again": saved_again,
                "saved_again_after_s": round(time.monotonic() - up, 3),
                "lost": lost,
            }
        )
    )


if __name__ == "__main__":
    main()
