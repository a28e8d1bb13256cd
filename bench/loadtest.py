"""Load test: ~50 delegates save and submit their Article 7 reports at once against gunicorn on
PostgreSQL for a minute. Asserts zero server errors and zero lost submissions (acknowledged
submissions == submitted reports in the database) and appends p50/p95 to bench/RESULTS.md.

Run by bench/loadtest.sh (fresh database, gunicorn). Uses the same HTTP session helper as measure.py.
"""

import argparse
import datetime
import re
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Session  # noqa: E402  (also sets up Django on the same database)

from accounts.models import Role, User  # noqa: E402
from reporting.models import Report, ReportState, ReportVersion  # noqa: E402
from reporting.sections import SECTIONS  # noqa: E402
from reporting.selectors import current_cycle_year  # noqa: E402
from states.models import State  # noqa: E402

PASSWORD = "load-test-password-2026"
TOKEN_RE = re.compile(r'name="token" value="(\d+)"')
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def setup_delegates(count: int) -> list[tuple[str, str]]:
    """One delegate per State, for the first `count` States that owe a report this cycle; their demo
    reports of the cycle are removed first (this runs on the load test's own database)."""
    from reporting.selectors import is_report_required
    from reporting.services import cycle_create

    cycle, _created = cycle_create(year=current_cycle_year(datetime.date.today()))
    states = [s for s in State.objects.order_by("iso3") if is_report_required(s, cycle)][:count]
    old = Report.objects.filter(cycle=cycle, state__in=states)
    old.update(current_version=None)
    ReportVersion.objects.filter(report__in=old).delete()
    old.delete()
    users = []
    for state in states:
        email = f"load.{state.iso3.lower()}@example.org"
        user, _ = User.objects.get_or_create(
            email=email, defaults={"username": email, "role": Role.DELEGATE, "state": state}
        )
        user.set_password(PASSWORD)
        user.save()
        users.append((email, state.iso3))
    return users


class Delegate(threading.Thread):
    def __init__(self, base, email, iso3, year, until, stats):
        super().__init__(daemon=True)
        self.s, self.email, self.iso3, self.year, self.until, self.stats = (
            Session(base),
            email,
            iso3,
            year,
            until,
            stats,
        )

    def call(self, method, path, form=None):
        body, headers = None, {}
        if form is not None:
            body = urlencode(form, doseq=True)
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": "http://127.0.0.1/"}
        started = time.perf_counter()
        status, location, data = self.s.request(method, path, body, headers)
        elapsed = (time.perf_counter() - started) * 1000
        with self.stats["lock"]:
            self.stats["latency"][method].append(elapsed)
            self.stats["requests"] += 1
            if status >= 500:
                self.stats["errors"].append((method, path, status))
        return status, location, data.decode("utf-8", "replace")

    def csrf(self, html):
        match = CSRF_RE.search(html)
        return match.group(1) if match else self.s.cookies.get("csrftoken", "")

    def run(self):
        try:
            _, _, html = self.call("GET", "/accounts/login/")
            self.call(
                "POST",
                "/accounts/login/",
                {"username": self.email, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf(html)},
            )
            base = f"/reports/{self.iso3}/{self.year}"
            _, _, html = self.call("GET", f"{base}/manage/")
            self.call("POST", f"{base}/start/", {"csrfmiddlewaretoken": self.csrf(html)})
            i = 0
            while time.monotonic() < self.until:
                section = SECTIONS[i % len(SECTIONS)].key
                _, _, html = self.call("GET", f"{base}/edit/?section={section}")
                token = TOKEN_RE.search(html)
                status, _, _ = self.call(
                    "POST",
                    f"{base}/edit/",
                    {
                        "section": section,
                        "token": token.group(1) if token else "0",
                        "mode": "not_applicable",
                        "csrfmiddlewaretoken": self.csrf(html),
                    },
                )
                with self.stats["lock"]:
                    self.stats["saves"] += status == 302
                i += 1
            _, _, html = self.call("GET", f"{base}/submit/")
            status, _, _ = self.call("POST", f"{base}/submit/", {"csrfmiddlewaretoken": self.csrf(html)})
            if status == 302:
                with self.stats["lock"]:
                    self.stats["acknowledged"].add(self.iso3)
        except Exception as exc:  # noqa: BLE001 - a client-side failure is reported, not hidden
            with self.stats["lock"]:
                self.stats["client_errors"].append(f"{self.iso3}: {exc!r}")


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()

    year = current_cycle_year(datetime.date.today())
    delegates = setup_delegates(args.users)
    stats = {
        "lock": threading.Lock(),
        "latency": {"GET": [], "POST": []},
        "requests": 0,
        "errors": [],
        "client_errors": [],
        "saves": 0,
        "acknowledged": set(),
    }
    until = time.monotonic() + args.seconds
    threads = [Delegate(args.base, email, iso3, year, until, stats) for email, iso3 in delegates]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(args.seconds + 300)
    duration = time.monotonic() - started

    iso3s = [iso3 for _, iso3 in delegates]
    in_db = set(
        Report.objects.filter(cycle__year=year, state__iso3__in=iso3s, workflow=ReportState.SUBMITTED).values_list(
            "state__iso3", flat=True
        )
    )
    lost = stats["acknowledged"] - in_db
    lines = [
        "",
        f"## Load test ({datetime.date.today().isoformat()})",
        "",
        f"{len(delegates)} delegates at once, each logging in, starting its report, saving sections for "
        f"{args.seconds} s, then submitting; gunicorn with {args.workers} sync workers on PostgreSQL, loopback.",
        "",
        "| figure | value |",
        "|---|---|",
        f"| requests | {stats['requests']} in {duration:.0f} s ({stats['requests'] / duration:.0f}/s) |",
        f"| draft saves acknowledged | {stats['saves']} |",
        f"| server errors (5xx) | {len(stats['errors'])} |",
        f"| client-side failures | {len(stats['client_errors'])} |",
        f"| submissions acknowledged | {len(stats['acknowledged'])} |",
        f"| submitted reports in the database | {len(in_db)} |",
        f"| acknowledged but lost | {len(lost)} |",
        *(
            f"| {m} p50 / p95 | {pct(stats['latency'][m], 0.5):.0f} ms / {pct(stats['latency'][m], 0.95):.0f} ms |"
            for m in ("GET", "POST")
        ),
        "",
    ]
    print("\n".join(lines))
    if stats["client_errors"]:
        print("client failures:", stats["client_errors"][:5])
    if args.out:
        with open(args.out, "a", encoding="utf-8") as fh:
            fh.write("\n".join(lines))
    ok = (
        not stats["errors"] and not lost and len(stats["acknowledged"]) == len(delegates) and not stats["client_errors"]
    )
    print("OK" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
