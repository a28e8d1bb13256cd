"""Measure p50/p95 latency of the key pages on a running server and write bench/RESULTS.md.

Run by bench/run.sh (which loads the data and starts gunicorn). Requests go over HTTP to the server,
one at a time, pages interleaved so that a burst of load on the machine spreads over all of them.
Query counts are measured in-process with Django's test client on the same database.
"""

import argparse
import datetime
import http.client
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

CHAIR = "chair@demo.apmbc.org"
PASSWORD = "demo-2023-cooperation"
STATE = "SEN"


class Session:
    """An HTTP client with a cookie jar (a new connection per request: gunicorn's sync workers close them)."""

    def __init__(self, base: str):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None, headers: dict | None = None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        hdrs = {"Host": f"{self.host}:{self.port}", **(headers or {})}
        if self.cookies:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn.request(method, path, body=body, headers=hdrs)
        response = conn.getresponse()
        data = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _sep, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        conn.close()
        return response.status, response.getheader("Location"), data

    def login(self, email: str, password: str) -> bool:
        status, _loc, page = self.request("GET", "/accounts/login/")
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not match:
            return False
        body = urlencode({"csrfmiddlewaretoken": match.group(1).decode(), "username": email, "password": password})
        status, location, _data = self.request(
            "POST",
            "/accounts/login/",
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://{self.host}:{self.port}/accounts/login/",
            },
        )
        return status == 302 and "sessionid" in self.cookies

    def session_cookie_for(self, email: str) -> None:
        """Fallback when the login form asks for more (e.g. a second factor): a session made directly."""
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.contrib.sessions.backends.db import SessionStore

        from accounts.models import User

        user = User.objects.get(email=email)
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store["_login_at"] = int(time.time())
        store.create()
        self.cookies["sessionid"] = store.session_key


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def pages(year: int) -> list[dict]:
    """(key, label, path, target p50, target p95); the first is the trivial view the others are compared to."""
    return [
        {"key": "trivial", "label": "Trivial view (`/healthz`: one `SELECT 1`)", "path": "/healthz", "p50": None},
        {"key": "dashboard", "label": "Dashboard (current cycle)", "path": "/dashboard/", "p50": 150, "p95": 300},
        {
            "key": "inbox",
            "label": f"Reports list of one cycle (committee, {year})",
            "path": f"/reports/inbox/?year={year}",
            "p50": 100,
        },
        {
            "key": "public_list",
            "label": f"Reports list of one cycle (public, {year})",
            "path": f"/reports/?year={year}",
            "p50": 100,
        },
        {"key": "state", "label": f"A State's page ({STATE}, as the chair)", "path": f"/states/{STATE}/", "p50": 100},
        {
            "key": "api_reports",
            "label": f"API report list (`/api/reports/?year={year}`)",
            "path": f"/api/reports/?year={year}",
            "p50": 100,
        },
        {
            "key": "api_reports_all",
            "label": "API report list, every cycle, unpaginated (`/api/reports/`)",
            "path": "/api/reports/",
            "p50": 100,
        },
        {"key": "api_dashboard", "label": "Dashboard API (`/api/dashboard/`)", "path": "/api/dashboard/", "p50": 150},
    ]


def query_counts(paths: list[str]) -> dict[str, int]:
    from accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=CHAIR))
    out = {}
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        out[path] = len(ctx.captured_queries)
    return out


def cold_and_warm(path: str, runs: int = 30) -> tuple[float, float, float]:
    """In-process medians (Django test client, no HTTP), interleaved: the trivial view, the page with the
    per-process figure cache emptied before the request, and the page with the cache kept."""
    from django.core.cache import cache

    from accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=CHAIR))
    times: dict[str, list[float]] = {"trivial": [], "cold": [], "warm": []}
    for _ in range(runs):
        for kind in times:
            if kind == "cold":
                cache.clear()
            t0 = time.perf_counter()
            client.get("/healthz" if kind == "trivial" else path)
            times[kind].append((time.perf_counter() - t0) * 1000)
    return tuple(statistics.median(times[k]) for k in ("trivial", "cold", "warm"))


def volumes() -> list[tuple[str, int]]:
    from django.apps import apps

    wanted = [
        ("States", "states.State"),
        ("Reporting cycles", "reporting.ReportingCycle"),
        ("Article 7 reports", "reporting.Report"),
        ("Report versions", "reporting.ReportVersion"),
        ("C&A rows", "reporting.CooperationRow"),
        ("Users", "accounts.User"),
        ("Reminders sent", "reminders.SentReminder"),
        ("Meetings", "meetings.Meeting"),
        ("Follow-ups", "meetings.FollowUp"),
        ("Fund applications", "fund.Application"),
        ("Questionnaire responses", "questionnaires.Response"),
        ("Workplan items", "workplan.WorkplanItem"),
    ]
    out = []
    for label, dotted in wanted:
        try:
            out.append((label, apps.get_model(dotted).objects.count()))
        except LookupError:
            continue
    return out


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), platform.processor())
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    with connection.cursor() as cur:
        cur.execute("SELECT version()")
        pg = cur.fetchone()[0].split(" on ")[0]
    import gunicorn

    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "ram": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": pg,
        "gunicorn": gunicorn.__version__,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"))
    args = parser.parse_args()

    from reporting.selectors import current_cycle_year

    year = current_cycle_year()
    session = Session(args.base)
    how = "login form"
    if not session.login(CHAIR, PASSWORD):
        session.session_cookie_for(CHAIR)
        how = "session created directly (the login form could not be used)"
    todo = pages(year)
    for page in todo:
        status, location, _body = session.request("GET", page["path"])
        if status != 200:
            raise SystemExit(f"{page['path']} answered {status} {location or ''}: is the chair logged in?")
    for _ in range(args.warmup):
        for page in todo:
            session.request("GET", page["path"])

    load_before = os.getloadavg()
    timings: dict[str, list[float]] = {p["key"]: [] for p in todo}
    started = time.monotonic()
    for _ in range(args.requests):
        for page in todo:
            t0 = time.perf_counter()
            status, _loc, _body = session.request("GET", page["path"])
            timings[page["key"]].append((time.perf_counter() - t0) * 1000)
            assert status == 200, (page["path"], status)
    elapsed = time.monotonic() - started
    load_after = os.getloadavg()
    queries = query_counts([p["path"] for p in todo])
    inproc_trivial, cold, warm = cold_and_warm("/dashboard/")

    trivial = statistics.median(timings["trivial"])
    rows = []
    for page in todo:
        values = timings[page["key"]]
        p50, p95 = percentile(values, 50), percentile(values, 95)
        ratio = p50 / trivial if trivial else 0
        verdicts = []
        if page.get("p50") is not None:
            verdicts.append(p50 < page["p50"])
            verdicts.append(ratio <= 20)
        if page.get("p95") is not None:
            verdicts.append(p95 < page["p95"])
        target = ""
        if page.get("p50") is not None:
            p95_target = f", p95 < {page['p95']} ms" if page.get("p95") else ""
            target = f"p50 < {page['p50']} ms{p95_target}, ≤ 20× trivial"
        rows.append(
            {
                **page,
                "p50v": p50,
                "p95v": p95,
                "ratio": ratio,
                "target": target or "—",
                "ok": ("yes" if all(verdicts) else "**no**") if verdicts else "—",
                "queries": queries[page["path"]],
            }
        )

    m = machine()
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    lines = [
        "# Benchmark results",
        "",
        f"Measured {now:%Y-%m-%d %H:%M} UTC by `bench/run.sh` (see `bench/README.md` for how and for the analysis).",
        "",
        "## Machine",
        "",
        f"- CPUs: {m['cpus']} × {m['cpu']}",
        f"- RAM: {m['ram']}",
        f"- OS: {m['os']}",
        f"- Python {m['python']}, Django {m['django']}, gunicorn {m['gunicorn']} ({args.workers} sync workers, "
        f"DEBUG off), {m['database']} on the same machine",
        f"- Load average (1, 5, 15 min) before the measured run: {', '.join(f'{x:.2f}' for x in load_before)}; "
        f"after: {', '.join(f'{x:.2f}' for x in load_after)}",
        "",
        "## Data (`seed_scale --states 200 --years 30` on top of the demo data)",
        "",
        "| table | rows |",
        "|---|---:|",
        *[f"| {label} | {n:,} |" for label, n in volumes()],
        "",
        "## Latency",
        "",
        f"{args.requests} requests per page, one at a time over HTTP, pages interleaved, after {args.warmup} "
        f"warm-up rounds ({elapsed:.0f} s in all); logged in as the chair ({how}). Times in milliseconds, "
        "client side (connection, server, transfer).",
        "",
        "| page | path | p50 | p95 | × trivial p50 | queries | target | met |",
        "|---|---|---:|---:|---:|---:|---|---|",
        *[
            f"| {r['label']} | `{r['path']}` | {r['p50v']:.1f} | {r['p95v']:.1f} | {r['ratio']:.1f} | "
            f"{r['queries']} | {r['target']} | {r['ok']} |"
            for r in rows
        ],
        "",
        "The dashboard keeps its C&A totals and reporting trend in a per-process cache keyed by the latest "
        "report version (any submission or amendment recomputes them). Measured in-process after the run "
        "(Django test client, no HTTP; trivial view, dashboard with the cache emptied, dashboard with it "
        f"kept, interleaved, medians of 30): trivial {inproc_trivial:.1f} ms; dashboard **{cold:.1f} ms** "
        f"without the cache, **{warm:.1f} ms** with it.",
        "",
        f"Database: `{settings.DATABASES['default']['NAME']}`.",
        "",
    ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
