import datetime
import io

import pytest
from django.core.management import call_command
from django.db.models import Count

from accounts.models import Role, User
from reporting.models import CooperationRow, Report, ReportingCycle
from states.models import State

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(frozen):
    call_command("seed_scale", states=12, years=4, rows=6, meetings=40, applications=20, seed=3, stdout=io.StringIO())


def test_seed_scale_fills_registry_cycles_and_people(seeded):
    assert State.objects.count() == 12
    assert sorted(ReportingCycle.objects.values_list("year", flat=True)) == [2019, 2020, 2021, 2022]
    assert set(User.objects.filter(role=Role.DELEGATE).values_list("state_id", flat=True)) == set(
        State.objects.values_list("pk", flat=True)
    )


def test_seeded_reports_are_consistent(seeded):
    reports = Report.objects.select_related("current_version", "cycle")
    assert reports.count() > 20
    for report in reports:
        if report.current_version is None:
            assert report.submitted_on is None
            continue
        rows = CooperationRow.objects.filter(version=report.current_version)
        assert report.current_version.ca_quantitative == rows.filter(amount__isnull=False).exists()
        assert report.is_late == (report.submitted_on > report.cycle.deadline)
        assert report.submitted_on <= datetime.date(2023, 6, 15)


def test_seeded_other_apps(seeded):
    from fund.models import Application
    from meetings.models import Meeting
    from reminders.models import SentReminder

    assert Meeting.objects.count() == 40
    assert Application.objects.count() == 20
    assert SentReminder.objects.filter(source="article7").exists()
    assert not Meeting.objects.filter(kind="bilateral", state__isnull=True).exists()
    per_report = CooperationRow.objects.values("version").annotate(n=Count("pk")).values_list("n", flat=True)
    assert 3 <= sum(per_report) / len(per_report) <= 9


def test_dashboard_renders_on_seeded_data(seeded, cast):
    from django.urls import reverse

    from conftest import client_for

    response = client_for(cast, "chair").get(reverse("dashboard:index"))
    assert response.status_code == 200


def test_seed_scale_fills_every_table_of_the_forms(seeded):
    from reporting.models import ReportVersion
    from reporting.tables import ROW_MODELS

    empty = [model.__name__ for model in ROW_MODELS if not model.objects.exists()]
    assert empty == []
    # the headline figures are the sums of the rows, as a submission computes them
    version = ReportVersion.objects.filter(mines_retained__isnull=False).first()
    assert version.mines_retained == sum(r.quantity or 0 for r in version.retainedrow_set.all())
    affected = ReportVersion.objects.filter(report__state__is_affected=True).first()
    assert affected.minedarearow_set.exists()
    assert affected.area_contaminated_m2 == sum(r.size_m2 for r in affected.minedarearow_set.all())
