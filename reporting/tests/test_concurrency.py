"""Two delegates saving the same section at the same moment from the same revision: one save wins,
the other is refused as stale; nothing is silently overwritten. Proven against PostgreSQL."""

import threading

import pytest
from django.db import connection, connections

from reporting import services
from reporting.models import Report
from reporting.services import StaleDraftError

from .factories import CycleFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
THREADS = 6


def test_concurrent_saves_from_the_same_revision_keep_exactly_one_and_refuse_the_others(cast):
    assert connection.vendor == "postgresql"
    cycle = CycleFactory(year=2022)
    report = services.report_start(state=cast.state_a, cycle=cycle, by=None, prefill_from_last_year=False)
    barrier = threading.Barrier(THREADS)
    saved, refused, errors = [], [], []

    def save(i: int):
        try:
            barrier.wait(timeout=10)
            data = {"a": {"mode": "filled", "fields": {"text": f"Text of delegate {i}"}, "rows": []}}
            services.report_save_draft(report=report, data=data, by=None, expected_version_token=1)
            saved.append(i)
        except StaleDraftError as exc:
            refused.append(exc)
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors, errors
    assert len(saved) == 1 and len(refused) == THREADS - 1
    report = Report.objects.get()
    assert report.version_token == 2
    assert report.draft_data["a"]["fields"]["text"] == f"Text of delegate {saved[0]}"
    assert all(exc.changes[0]["new"] == f"Text of delegate {saved[0]}" for exc in refused)
