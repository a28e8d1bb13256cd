"""Reporting cycles: only the ISU (its screen) and the yearly task open or change them; a delegate starts a
report only in an open cycle their State owes, and any other year answers 404 and creates nothing."""

import datetime
import threading

import pytest
import time_machine
from celery.schedules import crontab
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.urls import reverse

from conftest import client_for
from core.messages import no_change_message
from reporting import services
from reporting.models import Report, ReportingCycle
from states.models import Membership

from .factories import CycleFactory

pytestmark = pytest.mark.django_db
YEAR = 2022


def _counts() -> tuple[int, int]:
    return ReportingCycle.objects.count(), Report.objects.count()


def _start(cast, year, role="delegate_a"):
    return client_for(cast, role).post(f"/reports/{cast.state_a.iso3}/{year}/start/", {"prefill": "no"})


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


# --- a delegate starts a report ------------------------------------------------------------------


@pytest.mark.parametrize("year", [2031, 9998, 99999, 1998])
def test_delegate_cannot_start_a_report_in_a_year_nobody_opened(cast, year):
    CycleFactory(year=YEAR)
    before = _counts()
    assert _start(cast, year).status_code == 404
    assert _counts() == before
    assert not ReportingCycle.objects.filter(year=year).exists()


def test_isu_cannot_create_a_cycle_by_starting_a_report_either(cast):
    before = _counts()
    assert _start(cast, 2031, role="isu").status_code == 404
    assert _counts() == before


def test_delegate_cannot_start_a_report_their_state_does_not_owe(cast):
    CycleFactory(year=YEAR)
    Membership.objects.filter(state=cast.state_a).update(withdrawal_effective=datetime.date(YEAR - 1, 6, 1))
    before = _counts()
    assert _start(cast, YEAR).status_code == 404
    assert _counts() == before


def test_delegate_starts_a_report_in_an_open_cycle_their_state_owes(cast):
    CycleFactory(year=YEAR)
    response = _start(cast, YEAR)
    assert response.status_code == 302
    assert _counts() == (1, 1)
    assert Report.objects.get().state == cast.state_a


@time_machine.travel(datetime.datetime(2023, 3, 1, 9, tzinfo=datetime.UTC), tick=False)
def test_an_unopened_current_cycle_offers_no_start_button(cast):
    client = client_for(cast, "delegate_a")
    for url in (reverse("reporting:state_reports", args=["AAA"]), reverse("reporting:overview", args=["AAA", YEAR])):
        page = client.get(url).content.decode()
        assert "The reporting on 2022 is not open yet" in page
        assert reverse("reporting:start", args=["AAA", YEAR]) not in page
    home = client.get(reverse("home")).content.decode()
    assert "The reporting on 2022 is not open yet" in home
    CycleFactory(year=YEAR)
    page = client.get(reverse("reporting:state_reports", args=["AAA"])).content.decode()
    assert reverse("reporting:start", args=["AAA", YEAR]) in page


# --- the ISU's screen ----------------------------------------------------------------------------


def test_isu_opens_a_cycle_once_and_is_told_when_nothing_changed(cast):
    client = client_for(cast, "isu")
    url = reverse("reporting:cycle_list")
    response = client.post(url, {"year": "2024", "deadline": "", "note": " First online year "}, follow=True)
    cycle = ReportingCycle.objects.get(year=2024)
    assert cycle.deadline == datetime.date(2025, 4, 30) and cycle.note == "First online year"
    assert "Reporting on 2024 opened." in _messages(response)
    history = cycle.history.count()
    again = client.post(url, {"year": "2024", "deadline": "2025-06-30", "note": "other"}, follow=True)
    assert "No change: the reporting on 2024 was already open." in _messages(again)
    assert ReportingCycle.objects.count() == 1
    cycle.refresh_from_db()
    assert cycle.deadline == datetime.date(2025, 4, 30) and cycle.history.count() == history
    page = client.get(url).content.decode()
    assert reverse("reporting:cycle_settings", args=[2024]) in page


def test_isu_cycle_form_refuses_bad_years_and_deadlines_next_to_the_field_keeping_the_input(cast):
    client = client_for(cast, "isu")
    url = reverse("reporting:cycle_list")
    response = client.post(url, {"year": "2101", "deadline": "", "note": "Typed note"})
    assert response.status_code == 200
    assert response.context["form"].errors["year"]
    assert 'value="Typed note"' in response.content.decode()
    response = client.post(url, {"year": "2024", "deadline": "2024-12-31", "note": ""})
    assert response.context["form"].errors["deadline"] == ["The deadline must be after the year reported on."]
    assert not ReportingCycle.objects.exists()


@pytest.mark.parametrize("role", ["anon", "delegate_a", "delegate_b", "member", "chair"])
def test_nobody_but_the_isu_opens_or_changes_a_cycle(cast, role):
    cycle = CycleFactory(year=YEAR)
    client = client_for(cast, role)
    client.post(reverse("reporting:cycle_list"), {"year": "2030"})
    client.post(reverse("reporting:cycle_settings", args=[YEAR]), {"cycle-deadline": "2023-09-01", "cycle-note": "x"})
    assert list(ReportingCycle.objects.values_list("year", flat=True)) == [YEAR]
    assert ReportingCycle.objects.get().deadline == cycle.deadline


def test_isu_edits_deadline_and_note_and_saving_the_same_values_says_no_change(cast):
    cycle = CycleFactory(year=YEAR)
    client = client_for(cast, "isu")
    url = reverse("reporting:cycle_settings", args=[YEAR])
    saved = client.post(url, {"cycle-deadline": "2023-05-15", "cycle-note": "Moved"}, follow=True)
    assert "Deadline and note saved." in _messages(saved)
    cycle.refresh_from_db()
    assert (cycle.deadline, cycle.note) == (datetime.date(2023, 5, 15), "Moved")
    history = cycle.history.count()
    same = client.post(url, {"cycle-deadline": "2023-05-15", "cycle-note": "Moved"}, follow=True)
    assert _messages(same) == [no_change_message()]
    assert cycle.history.count() == history
    bad = client.post(url, {"cycle-deadline": "2022-12-01", "cycle-note": "Typed"})
    assert bad.status_code == 200
    assert bad.context["deadline_form"].errors["deadline"] == ["The deadline must be after the year reported on."]
    assert 'value="Typed"' in bad.content.decode()
    cycle.refresh_from_db()
    assert cycle.deadline == datetime.date(2023, 5, 15)


def test_public_list_ignores_a_year_out_of_range_and_defaults_to_the_current_cycle(cast):
    CycleFactory(year=2021)
    CycleFactory(year=2022)
    client = client_for(cast, "anon")
    with time_machine.travel(datetime.datetime(2022, 12, 5, 9, tzinfo=datetime.UTC), tick=False):
        assert client.get(reverse("reporting:public_list")).context["year"] == 2021  # 2022 opened ahead
        response = client.get(reverse("reporting:public_list") + "?year=99999999999999999999")
    assert response.status_code == 200 and response.context["year"] == 2021


# --- services, the yearly task, the command -------------------------------------------------------


def test_cycle_create_and_update_say_whether_anything_changed():
    cycle, created = services.cycle_create(year=2024, note="n")
    assert created and cycle.deadline == datetime.date(2025, 4, 30)
    assert services.cycle_create(year=2024) == (cycle, False)
    assert services.cycle_update(cycle=cycle, deadline=cycle.deadline, note="n").changed == ()
    assert services.cycle_update(cycle=cycle, deadline=cycle.deadline, note="changed").changed == ("note",)
    assert ReportingCycle.objects.get(year=2024).note == "changed"


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (datetime.date(2026, 12, 1), 2026),  # the beat run: the cycle current from 1 January
        (datetime.date(2026, 11, 30), 2025),  # earlier: the current cycle (catches up a missed run)
        (datetime.date(2027, 1, 15), 2026),
    ],
)
def test_cycle_open_next_opens_the_cycle_current_a_month_later_once(today, year):
    cycle, created = services.cycle_open_next(today=today)
    assert (cycle.year, created) == (year, True)
    assert services.cycle_open_next(today=today) == (cycle, False)
    assert ReportingCycle.objects.count() == 1


def test_yearly_beat_task_opens_next_years_cycle_and_is_idempotent(settings):
    from config.celery import app
    from reporting.tasks import open_next_cycle

    entry = settings.CELERY_BEAT_SCHEDULE["reporting-open-next-cycle"]
    assert entry["task"] == "reporting.tasks.open_next_cycle"
    assert "reporting.tasks.open_next_cycle" in app.tasks
    schedule = entry["schedule"]
    assert isinstance(schedule, crontab)
    assert schedule.month_of_year == {12} and schedule.day_of_month == {1}
    with time_machine.travel(datetime.datetime(2026, 12, 1, 8, 10, tzinfo=datetime.UTC), tick=False):
        assert open_next_cycle.delay().get() == 2026
        assert open_next_cycle.delay().get() is None
    assert list(ReportingCycle.objects.values_list("year", flat=True)) == [2026]


def test_command_opens_a_cycle_and_changes_nothing_the_second_time(capsys):
    call_command("open_reporting_cycle", "--year", "2024")
    call_command("open_reporting_cycle", "--year", "2024")
    out = capsys.readouterr().out
    assert "Opened the reporting on 2024 (due 2025-04-30)." in out
    assert "No change: the reporting on 2024 was already open." in out
    assert ReportingCycle.objects.count() == 1
    with pytest.raises(CommandError):
        call_command("open_reporting_cycle", "--year", "9998")
    assert ReportingCycle.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_openings_of_the_same_year_create_one_cycle():
    assert connection.vendor == "postgresql"
    threads_n = 6
    barrier = threading.Barrier(threads_n)
    created, errors = [], []

    def open_cycle():
        try:
            barrier.wait(timeout=10)
            created.append(services.cycle_create(year=2026)[1])
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=open_cycle) for _ in range(threads_n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(created) == [False] * (threads_n - 1) + [True]
    assert ReportingCycle.objects.filter(year=2026).count() == 1


def test_admin_cannot_add_a_cycle_or_change_its_year():
    from django.test import Client

    from accounts.tests.factories import UserFactory

    cycle = CycleFactory(year=YEAR)
    client = Client()
    client.force_login(UserFactory(role="isu", username="root@example.org", is_staff=True, is_superuser=True))
    assert client.get("/admin/reporting/reportingcycle/add/").status_code == 403
    change = client.get(f"/admin/reporting/reportingcycle/{cycle.pk}/change/")
    assert change.status_code == 200
    assert 'name="year"' not in change.content.decode()
