"""The ISU recalls a submitted version (sent by mistake, withdrawn by the State) and may reinstate it."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import AuditEvent
from conftest import client_for
from reporting import services
from reporting.models import CycleStatus, Report, ReportState, ReportVersion
from reporting.selectors import state_cycle_row

from .factories import CycleFactory, submitted_report

pytestmark = pytest.mark.django_db
YEAR = 2022


def _url(name, cast, *args):
    return reverse(f"reporting:{name}", args=[cast.state_a.iso3, YEAR, *args])


def _at(day: datetime.date):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC), tick=False)


def _g(quantity: str) -> dict:
    """Form G with one row destroyed under Article 5."""
    return {
        "mode": "filled",
        "fields": {"text": ""},
        "tables": {"destroyed": [{"article": "art5", "mine_type": "PMN-2", "quantity": quantity}]},
    }


def _amend(report: Report, by, *, mines_destroyed: str, on: datetime.date) -> ReportVersion:
    services.report_amend(report=report, by=by)
    report.refresh_from_db()
    g = _g(mines_destroyed)
    services.report_save_draft(report=report, data={"g": g}, by=by, expected_version_token=report.version_token)
    with _at(on):
        return services.report_submit(report=report, by=by)


def _two_versions(cast) -> Report:
    """Version 1 on time (20 April 2023), version 2 an amendment after the deadline (10 June 2023)."""
    with _at(datetime.date(2023, 4, 20)):
        report = submitted_report(cast.state_a, CycleFactory(year=YEAR), by=cast.delegate_a)
    _amend(report, cast.delegate_a, mines_destroyed="77", on=datetime.date(2023, 6, 10))
    report.refresh_from_db()
    return report


def _recall(report: Report, number: int, by, reason="Sent by mistake") -> bool:
    return services.report_version_recall(version=report.versions.get(number=number), by=by, reason=reason)


def test_recalling_the_latest_version_makes_the_previous_one_current_again(cast):
    report = _two_versions(cast)
    assert _recall(report, 2, cast.isu, reason="The State sent the wrong file") is True
    report.refresh_from_db()
    recalled = report.versions.get(number=2)
    assert report.current_version.number == 1 and report.workflow == ReportState.SUBMITTED
    assert (recalled.is_recalled, recalled.recalled_by, recalled.recall_reason) == (
        True,
        cast.isu,
        "The State sent the wrong file",
    )
    assert recalled.recalled_at is not None and recalled.mines_destroyed == 77  # the record itself is untouched
    assert report.draft_data["g"]["tables"]["destroyed"][0]["quantity"] == "45"  # the draft is version 1 again
    assert report.cycle_status == CycleStatus.ON_TIME and report.submitted_on == datetime.date(2023, 4, 20)
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.REPORT_RECALLED)
    assert event.user == cast.isu and event.detail == "AAA 2022 v2: The State sent the wrong file"
    assert report.history.first().history_user == cast.isu


def test_recalling_the_only_version_makes_the_report_an_unsubmitted_draft_again(cast):
    with _at(datetime.date(2023, 4, 20)):
        report = submitted_report(cast.state_a, CycleFactory(year=YEAR), by=cast.delegate_a)
    _recall(report, 1, cast.isu)
    report.refresh_from_db()
    assert report.current_version is None and report.workflow == ReportState.DRAFT and report.is_editable
    assert (report.submitted_on, report.submitted_at, report.submitted_by, report.is_late) == (None, None, None, None)
    assert report.draft_data["g"]["tables"]["destroyed"][0]["quantity"] == "45"  # nothing to type again
    assert state_cycle_row(state=cast.state_a, cycle=report.cycle).status == CycleStatus.DRAFT  # owed again
    assert not Report.objects.submitted().exists()


def test_recalling_the_first_version_gives_the_first_submission_the_timing_of_the_next(cast):
    report = _two_versions(cast)
    _recall(report, 1, cast.isu)
    report.refresh_from_db()
    assert report.current_version.number == 2
    assert report.submitted_on == datetime.date(2023, 6, 10) and report.is_late is True
    assert report.submitted_by == cast.delegate_a and report.deadline_at_submission == datetime.date(2023, 4, 30)


def test_a_new_submission_after_the_only_version_was_recalled_is_a_first_submission(cast):
    with _at(datetime.date(2023, 4, 20)):
        report = submitted_report(cast.state_a, CycleFactory(year=YEAR), by=cast.delegate_a)
    _recall(report, 1, cast.isu)
    report.refresh_from_db()
    with _at(datetime.date(2023, 5, 3)):
        version = services.report_submit(report=report, by=cast.delegate_a)
    report.refresh_from_db()
    assert version.number == 2 and report.current_version == version
    assert report.submitted_on == datetime.date(2023, 5, 3) and report.is_late is True


def test_reinstating_the_latest_version_makes_it_current_again(cast):
    report = _two_versions(cast)
    _recall(report, 2, cast.isu)
    assert services.report_version_reinstate(version=report.versions.get(number=2), by=cast.isu) is True
    report.refresh_from_db()
    version = report.versions.get(number=2)
    assert report.current_version == version and not version.is_recalled
    assert version.reinstated_by == cast.isu and version.recall_reason == "Sent by mistake"  # the story stays
    assert report.draft_data["g"]["tables"]["destroyed"][0]["quantity"] == "77"
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.REPORT_REINSTATED)
    assert event.user == cast.isu and event.detail == "AAA 2022 v2"


def test_reinstating_an_older_version_leaves_the_latest_current(cast):
    report = _two_versions(cast)
    _recall(report, 1, cast.isu)
    services.report_version_reinstate(version=report.versions.get(number=1), by=cast.isu)
    report.refresh_from_db()
    assert report.current_version.number == 2
    assert report.submitted_on == datetime.date(2023, 4, 20) and report.is_late is False  # v1 is first again


def test_reinstating_after_the_state_typed_a_new_draft_keeps_it_as_an_amendment(cast):
    with _at(datetime.date(2023, 4, 20)):
        report = submitted_report(cast.state_a, CycleFactory(year=YEAR), by=cast.delegate_a)
    _recall(report, 1, cast.isu)
    report.refresh_from_db()
    g = _g("50")
    services.report_save_draft(
        report=report, data={"g": g}, by=cast.delegate_a, expected_version_token=report.version_token
    )
    services.report_version_reinstate(version=report.versions.get(number=1), by=cast.isu)
    report.refresh_from_db()
    assert report.workflow == ReportState.AMENDING and report.current_version.number == 1
    assert report.draft_data["g"]["tables"]["destroyed"][0]["quantity"] == "50"  # nothing typed is lost


def test_an_amendment_in_progress_survives_a_recall(cast):
    report = _two_versions(cast)
    services.report_amend(report=report, by=cast.delegate_a)
    report.refresh_from_db()
    g = _g("99")
    services.report_save_draft(
        report=report, data={"g": g}, by=cast.delegate_a, expected_version_token=report.version_token
    )
    _recall(report, 2, cast.isu)
    report.refresh_from_db()
    assert report.workflow == ReportState.AMENDING and report.current_version.number == 1
    assert report.draft_data["g"]["tables"]["destroyed"][0]["quantity"] == "99"


def test_recalling_twice_changes_nothing_and_says_so(cast):
    report = _two_versions(cast)
    client = client_for(cast, "isu")
    first = client.post(_url("recall", cast, 2), {"reason": "Sent by mistake"}, follow=True)
    assert "Version 2 recalled" in first.content.decode()
    token = Report.objects.get(pk=report.pk).version_token
    again = client.post(_url("recall", cast, 2), {"reason": "Again"}, follow=True)
    assert "No change" in again.content.decode()
    version = report.versions.get(number=2)
    assert version.recall_reason == "Sent by mistake" and Report.objects.get(pk=report.pk).version_token == token
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.REPORT_RECALLED).count() == 1
    assert services.report_version_reinstate(version=report.versions.get(number=1), by=cast.isu) is False


def test_a_recall_needs_a_reason(cast):
    report = _two_versions(cast)
    with pytest.raises(ValidationError):
        _recall(report, 2, cast.isu, reason="  ")
    response = client_for(cast, "isu").post(_url("recall", cast, 2), {"reason": ""})
    assert response.status_code == 400
    assert response.context["recalling"] == 2 and "reason" in response.context["recall_form"].errors
    assert not report.versions.filter(is_recalled=True).exists()
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.REPORT_RECALLED).exists()


@pytest.mark.parametrize("role", ["delegate_a", "reader_a", "delegate_b", "member", "chair"])
def test_only_isu_staff_recall_or_reinstate(cast, role):
    report = _two_versions(cast)
    client = client_for(cast, role)
    assert client.post(_url("recall", cast, 2), {"reason": "Mine"}).status_code == 403
    _recall(report, 2, cast.isu)
    assert client.post(_url("reinstate", cast, 2)).status_code == 403
    assert report.versions.get(number=2).is_recalled


def test_isu_recalling_a_version_that_does_not_exist_gets_404(cast):
    _two_versions(cast)
    assert client_for(cast, "isu").post(_url("recall", cast, 9), {"reason": "x"}).status_code == 404


def test_a_recalled_version_is_not_public_but_the_committee_and_the_state_see_it_marked(cast):
    report = _two_versions(cast)
    _recall(report, 2, cast.isu, reason="Withdrawn by the State")
    anon = client_for(cast, "anon")
    assert anon.get(_url("version", cast, 2)).status_code == 404
    assert anon.get(_url("pdf", cast, 2)).status_code == 404
    assert anon.get(_url("print", cast, 2)).status_code == 404
    public = anon.get(_url("public", cast)).content.decode()
    assert ">77<" not in public
    listed = anon.get(_url("versions", cast))
    assert [v.number for v in listed.context["versions"]] == [1] and "recalled" not in listed.content.decode()
    for role in ("chair", "isu", "delegate_a", "reader_a"):
        page = client_for(cast, role).get(_url("version", cast, 2))
        assert page.status_code == 200, role
        assert "Recalled: this version is not public." in page.content.decode()
        assert "Withdrawn by the State" in page.content.decode()
        versions = client_for(cast, role).get(_url("versions", cast))
        assert [v.number for v in versions.context["versions"]] == [1, 2]
    isu_page = client_for(cast, "isu").get(_url("versions", cast)).content.decode()
    assert _url("reinstate", cast, 2) in isu_page and _url("recall", cast, 1) in isu_page
    chair_page = client_for(cast, "chair").get(_url("versions", cast)).content.decode()
    assert _url("reinstate", cast, 2) not in chair_page and _url("recall", cast, 1) not in chair_page


def test_the_api_and_the_public_list_never_serve_a_recalled_version(cast):
    with _at(datetime.date(2023, 4, 20)):
        report = submitted_report(cast.state_a, CycleFactory(year=YEAR), by=cast.delegate_a)
    _recall(report, 1, cast.isu)
    api = client_for(cast, "anon").get("/api/reports/?year=2022").json()
    assert api == []
    assert "Aland A" not in client_for(cast, "anon").get("/reports/?year=2022").content.decode()
    assert client_for(cast, "anon").get(_url("public", cast)).status_code == 404
    # the committee still has it, marked, from a direct link
    assert client_for(cast, "chair").get(_url("version", cast, 1)).status_code == 200


def test_a_submitted_version_changes_only_its_recall_flags(cast):
    with _at(datetime.date(2023, 4, 20)):
        report = submitted_report(cast.state_a, CycleFactory(year=YEAR), by=cast.delegate_a)
    version = report.current_version
    version.mines_destroyed = 1
    with pytest.raises(ValueError):
        version.save(allow_update=True, update_fields=["mines_destroyed", "is_recalled"])
    with pytest.raises(ValueError):
        version.save(allow_update=True)
    with pytest.raises(ValueError):
        version.save()
    assert ReportVersion.objects.get(pk=version.pk).mines_destroyed == 45


def test_the_history_and_the_overview_show_the_recall(cast):
    report = _two_versions(cast)
    _recall(report, 2, cast.isu)
    page = client_for(cast, "isu").get(_url("overview", cast))
    html = page.content.decode()
    assert "recalled" in html and "Versions: compare, recall, reinstate" in html
    assert any("version 2 recalled, current version: 1 (Web)" in h["changed"] for h in page.context["history"])
