"""Password reset: time to answer for a known and an unknown address (median of N, interleaved).

    .venv/bin/python bench/password_reset_timing.py            # N=500, appends to bench/RESULTS.md
    .venv/bin/python bench/password_reset_timing.py --runs 50 --no-write

In-process (Django test client, all middleware) on a throw-away SQLite database, e-mails written
to files in a temporary folder. Three set-ups: Django's stock PasswordResetView (the account is
looked up and the e-mail rendered and sent while the visitor waits); ours with a broker (the
e-mail is a Celery task: production, REDIS_URL set; here Celery's in-memory transport); ours with
eager Celery (development without REDIS_URL: the task runs in the request).
"""

import argparse
import datetime
import os
import platform
import statistics
import sys
import tempfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="apmbc-reset-bench-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="config.settings",
    DATABASE_URL=f"sqlite:///{TMP / 'db.sqlite3'}",
    REDIS_URL="",
    EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
    EMAIL_FILE_PATH=str(TMP / "mail"),
    PASSWORD_RESET_RATE_PER_CLIENT="1000000/h",
    PASSWORD_RESET_RATE_PER_ADDRESS="1000000/h",
    AXES_ENABLED="false",
    LOG_LEVEL="ERROR",
)

import django  # noqa: E402

django.setup()

from celery import current_app  # noqa: E402
from django.contrib.auth import views as auth_views  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import clear_url_caches, path  # noqa: E402

import config.urls  # noqa: E402
from accounts.models import Role, User  # noqa: E402

KNOWN, UNKNOWN = "known.delegate@example.org", "nobody@example.org"
stock_urls = types.ModuleType("bench_stock_urls")
stock_urls.urlpatterns = [path("stock-reset/", auth_views.PasswordResetView.as_view()), *config.urls.urlpatterns]
sys.modules["bench_stock_urls"] = stock_urls


def _time(client: Client, url: str, email: str) -> float:
    start = time.perf_counter()
    response = client.post(url, {"email": email})
    elapsed = time.perf_counter() - start
    assert response.status_code == 302, response.status_code
    return elapsed * 1000


def measure(url: str, runs: int, *, eager: bool) -> dict:
    current_app.conf.task_always_eager = eager
    client = Client()
    for _ in range(10):  # warm-up
        _time(client, url, KNOWN), _time(client, url, UNKNOWN)
    known, unknown = [], []
    for i in range(runs):  # alternate which goes first, so that neither gains from the other
        order = [(KNOWN, known), (UNKNOWN, unknown)]
        for email, times in order if i % 2 else reversed(order):
            times.append(_time(client, url, email))
    k, u = statistics.median(known), statistics.median(unknown)
    k25, u25 = statistics.quantiles(known, n=4)[0], statistics.quantiles(unknown, n=4)[0]
    return {"known": k, "unknown": u, "ratio": k / u, "known25": k25, "unknown25": u25, "ratio25": k25 / u25}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    User.objects.create_user(username=KNOWN, email=KNOWN, password="x-long-password-1", role=Role.ISU)
    rows = []
    with override_settings(ROOT_URLCONF="bench_stock_urls"):
        clear_url_caches()
        rows.append(("Django's stock view (before)", measure("/stock-reset/", args.runs, eager=True)))
    clear_url_caches()
    from ops.models import PendingTask

    mails_before = len(list((TMP / "mail").glob("*")))
    rows.append(("Ours, with a broker (production)", measure("/accounts/password_reset/", args.runs, eager=False)))
    # published, not run in the request nor kept for a broker outage
    assert len(list((TMP / "mail").glob("*"))) == mails_before and not PendingTask.objects.exists()
    rows.append(("Ours, eager Celery (development)", measure("/accounts/password_reset/", args.runs, eager=True)))

    now = datetime.datetime.now(datetime.UTC)
    lines = [
        "",
        f"## Password reset: known vs unknown address ({now:%Y-%m-%d %H:%M} UTC)",
        "",
        f"`bench/password_reset_timing.py`: {args.runs} requests per address, interleaved (alternating which "
        "goes first), after 10 warm-up "
        "rounds; Django test client in-process (all middleware), SQLite, e-mails written to files; "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, load average "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())} (a shared machine: the times are bimodal under load,"
        " so the lower quartile is given too). Milliseconds.",
        "",
        "| set-up | known: median | unknown: median | ratio of medians | known: p25 | unknown: p25 | ratio of p25 |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *[
            f"| {name} | {r['known']:.2f} | {r['unknown']:.2f} | **{r['ratio']:.2f}** | {r['known25']:.2f} | "
            f"{r['unknown25']:.2f} | {r['ratio25']:.2f} |"
            for name, r in rows
        ],
        "",
        "With a broker the request does the same work for both (rate-limit counters, form, one publish);"
        " the account lookup and the e-mail happen in the worker. With SMTP instead of files the stock"
        " view's gap grows by the SMTP round trip. Without a broker (eager Celery, development only)"
        " the task runs inside the request and the gap remains.",
    ]
    print("\n".join(lines))
    if not args.no_write:
        with open(ROOT / "bench" / "RESULTS.md", "a") as results:
            results.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
