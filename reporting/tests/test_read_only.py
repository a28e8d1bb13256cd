"""A State's read-only user reads its drafts and private pages and writes nothing; the ISU's internal
remarks per section are for the ISU and the committee only."""

import pytest
from django.urls import reverse

from accounts.models import Role
from accounts.tests.factories import UserFactory
from conftest import client_for
from reporting import services
from reporting.models import Report, SectionReview

from .factories import CycleFactory, complete_draft

pytestmark = pytest.mark.django_db
YEAR = 2022


def _url(name, cast, *args):
    return reverse(f"reporting:{name}", args=[cast.state_a.iso3, YEAR, *args])


def _draft(cast, draft=None) -> Report:
    report = services.report_start(
        state=cast.state_a, cycle=CycleFactory(year=YEAR), by=cast.delegate_a, prefill_from_last_year=False
    )
    services.report_save_draft(
        report=report, data=draft or complete_draft(), by=cast.delegate_a, expected_version_token=1
    )
    report.refresh_from_db()
    return report


def test_the_read_only_user_reads_the_draft_in_the_editor_without_buttons(cast):
    _draft(cast)
    page = client_for(cast, "reader_a").get(_url("edit", cast) + "?section=c")
    html = page.content.decode()
    assert page.status_code == 200 and not page.context["can_write"]
    assert 'id="read-only-note"' in html and "<fieldset disabled>" in html
    assert 'value="1,250,000.50"' in html  # the draft, in the reader's way
    assert 'name="action"' not in html  # no save buttons
    delegate = client_for(cast, "delegate_a").get(_url("edit", cast) + "?section=c").content.decode()
    assert 'name="action" value="save"' in delegate and 'id="read-only-note"' not in delegate


def test_the_read_only_user_cannot_save_submit_start_or_amend(cast):
    report = _draft(cast)
    client = client_for(cast, "reader_a")
    saved = client.post(
        _url("edit", cast),
        {"section": "a", "token": str(report.version_token), "mode": "filled", "text": "Changed"},
    )
    assert saved.status_code == 403
    assert Report.objects.get(pk=report.pk).draft_data == report.draft_data
    check = client.get(_url("submit", cast))
    assert check.status_code == 200 and "Submit the report" not in check.content.decode()
    assert 'id="read-only-note"' in check.content.decode()
    assert client.post(_url("submit", cast)).status_code == 403
    assert not report.versions.exists()
    services.report_submit(report=report, by=cast.delegate_a)
    assert client.post(_url("amend", cast)).status_code == 403
    assert Report.objects.get(pk=report.pk).workflow == "submitted"


def test_a_read_only_user_of_another_state_gets_404(cast):
    _draft(cast)
    other = UserFactory(role=Role.READER, state=cast.state_b)
    client = client_for(cast, "anon")
    client.force_login(other)
    assert client.get(_url("edit", cast)).status_code == 404
    assert client.get(_url("overview", cast)).status_code == 404
    assert client.post(_url("submit", cast)).status_code == 404


def test_the_overview_and_home_page_of_the_read_only_user(cast):
    _draft(cast)
    client = client_for(cast, "reader_a")
    overview = client.get(_url("overview", cast)).content.decode()
    assert "Read the draft" in overview and "Check and submit" not in overview
    assert "Start the report" not in overview and _url("amend", cast) not in overview
    home = client.get("/")
    assert home.status_code == 200 and home.context["state"] == cast.state_a
    assert client.get(reverse("reporting:mine")).status_code == 302


def test_the_committee_does_not_open_the_editor(cast):
    _draft(cast)
    assert client_for(cast, "chair").get(_url("edit", cast)).status_code == 403


def test_isu_remarks_are_saved_with_history_and_say_no_change_the_second_time(cast):
    report = _draft(cast)
    client = client_for(cast, "isu")
    url = _url("section_remarks", cast, "c")
    first = client.post(url, {"isu_remarks": "Ask for the survey behind the area.", "next": "edit"})
    assert first.status_code == 302 and first["Location"].endswith("?section=c")
    review = SectionReview.objects.get(report=report, section_key="c")
    assert (review.isu_remarks, review.updated_by) == ("Ask for the survey behind the area.", cast.isu)
    assert review.history.count() == 1
    again = client.post(url, {"isu_remarks": "Ask for the survey behind the area."}, follow=True)
    assert "No change" in again.content.decode() and review.history.count() == 1
    assert client.get(_url("section_remarks", cast, "nope")).status_code == 404


def test_isu_remarks_are_for_the_isu_and_the_committee_never_the_state_or_the_public(cast):
    report = _draft(cast)
    services.section_review_save(report=report, section_key="c", isu_remarks="Figures look doubled.", by=cast.isu)
    for role in ("isu", "chair", "member"):
        assert "Figures look doubled." in client_for(cast, role).get(_url("overview", cast)).content.decode(), role
    assert "Figures look doubled." in client_for(cast, "isu").get(_url("edit", cast) + "?section=c").content.decode()
    for role in ("delegate_a", "reader_a"):
        client = client_for(cast, role)
        assert "Figures look doubled." not in client.get(_url("overview", cast)).content.decode(), role
        assert "Figures look doubled." not in client.get(_url("edit", cast) + "?section=c").content.decode(), role
    services.report_submit(report=report, by=cast.delegate_a)
    for name in ("public", "versions"):
        assert "Figures look doubled." not in client_for(cast, "anon").get(_url(name, cast)).content.decode()
    assert "Figures look doubled." not in client_for(cast, "anon").get(_url("print", cast, 1)).content.decode()
    assert "Figures look doubled." not in str(client_for(cast, "anon").get("/api/reports/?year=2022").json())


def test_isu_remarks_stay_editable_after_submission(cast):
    report = _draft(cast)
    services.report_submit(report=report, by=cast.delegate_a)
    update = services.section_review_save(
        report=report, section_key="ca", isu_remarks="Confirm the EUR row.", by=cast.isu
    )
    assert update.changed and update.obj.pk
    assert services.section_review_save(report=report, section_key="ca", isu_remarks="", by=cast.isu).changed
    assert SectionReview.objects.get(pk=update.obj.pk).isu_remarks == ""
