import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dashboard.build import build
from dashboard.cache import reports_stamp

from .factories import submitted_report

pytestmark = pytest.mark.django_db


def _build():
    return build(year=2022, today=datetime.date(2023, 6, 15))


def test_second_dashboard_reuses_cached_figures(world):
    with CaptureQueriesContext(connection) as first:
        _build()
    with CaptureQueriesContext(connection) as second:
        data = _build()
    assert len(second) < len(first)
    assert data.cooperation.rows == 5


def test_a_new_submission_changes_the_stamp_and_the_figures(world):
    before = _build()
    stamp = reports_stamp()
    submitted_report(
        world.cast.chair.state,
        2022,
        quantitative=True,
        rows=[{"amount": Decimal("7.00"), "currency": "CHF"}],
    )
    assert reports_stamp() != stamp
    after = _build()
    assert after.cooperation.rows == before.cooperation.rows + 1
    assert [p.submitted for p in after.reporting.trend][-1] == before.reporting.submitted + 1


def test_deleting_a_report_changes_the_stamp(world):
    from reporting.models import Report, ReportVersion

    stamp = reports_stamp()
    report = Report.objects.get(state=world.cast.state_b, cycle__year=2022)
    report.current_version = None
    report.save()
    ReportVersion.objects.filter(report=report).delete()
    assert reports_stamp() != stamp
    assert _build().cooperation.rows == 3
