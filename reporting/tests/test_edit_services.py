"""Report drafts, the cycle's deadline and extensions: what is already stored writes nothing."""

import datetime

import pytest

from reporting import services
from reporting.models import DeadlineExtension, Report, ReportingCycle

from .factories import CycleFactory

pytestmark = pytest.mark.django_db

SECTION = {"mode": "filled", "fields": {"text": "Law 2005-12."}, "rows": []}


def test_a_section_saved_as_stored_keeps_the_revision(cast):
    report = Report.objects.create(state=cast.state_a, cycle=CycleFactory(year=2022))
    first = services.report_save_draft(report=report, data={"a": SECTION}, by=cast.delegate_a, expected_version_token=1)
    assert first.changed == ("a",) and first.obj.version_token == 2
    again = services.report_save_draft(report=report, data={"a": SECTION}, by=cast.delegate_a, expected_version_token=2)
    assert not again and Report.objects.get(pk=report.pk).version_token == 2


def test_the_cycle_note_is_stored_and_an_unchanged_deadline_writes_nothing():
    cycle = CycleFactory(year=2022, note="")
    update = services.cycle_update(cycle=cycle, deadline=cycle.deadline, note="Extended for every State")
    assert update.changed == ("note",)
    assert ReportingCycle.objects.get(pk=cycle.pk).note == "Extended for every State"
    assert not services.cycle_update(cycle=cycle, deadline=cycle.deadline, note="Extended for every State")


def test_granting_the_same_extension_again_changes_nothing(cast):
    cycle = CycleFactory(year=2022)
    grant = dict(cycle=cycle, state=cast.state_a, new_deadline=datetime.date(2023, 6, 30), reason="Elections", by=None)
    assert services.deadline_extension_grant(**grant)
    history = DeadlineExtension.history.count()
    assert not services.deadline_extension_grant(**grant)
    assert DeadlineExtension.history.count() == history


def test_starting_a_started_report_says_nothing_changed(client, cast):
    CycleFactory(year=2022)
    client.force_login(cast.delegate_a)
    url = f"/reports/{cast.state_a.iso3}/2022/start/"
    client.post(url, {"prefill": "no"})
    response = client.post(url, {"prefill": "no"}, follow=True)
    assert "This report was already started; nothing changed." in response.content.decode()


def test_amending_an_amendment_in_progress_says_nothing_changed(client, cast):
    from .test_services import _submitted

    report = _submitted(cast)
    client.force_login(cast.delegate_a)
    url = f"/reports/{cast.state_a.iso3}/{report.cycle.year}/amend/"
    assert "Amendment started" in client.post(url, follow=True).content.decode()
    page = client.post(url, follow=True).content.decode()
    assert "No change" in page and "Amendment started" not in page
