import datetime
import io
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import Role
from accounts.tests.factories import UserFactory
from conftest import client_for
from reporting import services
from reporting.models import Report, ReportState
from states.models import Region

from .factories import CycleFactory, complete_draft

pytestmark = pytest.mark.django_db
YEAR = 2022


def _url(name, cast, *args):
    return reverse(f"reporting:{name}", args=[cast.state_a.iso3, YEAR, *args])


def _draft_report(cast, draft=None) -> Report:
    cycle = CycleFactory(year=YEAR)
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    if draft is not None:
        report = services.report_save_draft(report=report, data=draft, by=cast.delegate_a, expected_version_token=1).obj
    return report


def _token(response) -> str:
    return re.search(r'name="token" value="(\d+)"', response.content.decode()).group(1)


def test_draft_saves_invalid_values_and_shows_them_back_with_the_error(cast):
    _draft_report(cast)
    client = client_for(cast, "delegate_a")
    response = client.post(
        _url("edit", cast),
        {
            "section": "c",
            "token": "1",
            "mode": "filled",
            "areas-TOTAL_FORMS": "1",
            "areas-INITIAL_FORMS": "0",
            "areas-0-location": "North",
            "areas-0-size_m2": "3 km2",
            "text": "North",
        },
    )
    assert response.status_code == 302
    page = client.get(_url("edit", cast) + "?section=c").content.decode()
    assert 'value="3 km2"' in page
    assert "Type a number" in page
    assert "In progress" in page


def test_c_and_a_rows_are_saved_from_the_formset(cast):
    _draft_report(cast)
    client = client_for(cast, "delegate_a")
    data = {
        "section": "ca",
        "token": "1",
        "mode": "filled",
        "platform_exists": "yes",
        "rows-TOTAL_FORMS": "2",
        "rows-INITIAL_FORMS": "0",
        "rows-0-direction": "received",
        "rows-0-partner": f"state:{cast.state_b.iso3}",
        "rows-0-year": "2022",
        "rows-0-amount": "1000.50",
        "rows-0-currency": "EUR",
        "rows-0-purpose": "clearance",
        "rows-1-direction": "provided",
        "rows-1-amount": "99",
        "rows-1-DELETE": "on",
    }
    assert client.post(_url("edit", cast), data).status_code == 302
    rows = Report.objects.get().draft_data["ca"]["rows"]
    assert len(rows) == 1
    assert rows[0]["amount"] == "1000.50" and rows[0]["partner"] == "state:BBB"


def test_two_delegates_stale_save_is_refused_and_nothing_is_lost(cast):
    _draft_report(cast)
    colleague = UserFactory(role=Role.DELEGATE, state=cast.state_a)
    first, second = client_for(cast, "delegate_a"), client_for(cast, "delegate_a")
    second.force_login(colleague)
    token_first = _token(first.get(_url("edit", cast) + "?section=a"))
    token_second = _token(second.get(_url("edit", cast) + "?section=a"))
    assert token_first == token_second
    saved = first.post(
        _url("edit", cast), {"section": "a", "token": token_first, "mode": "filled", "text": "Law 12/2005 in force."}
    )
    assert saved.status_code == 302
    stale = second.post(
        _url("edit", cast), {"section": "a", "token": token_second, "mode": "filled", "text": "Draft law pending."}
    )
    page = stale.content.decode()
    assert stale.status_code == 409
    assert "someone else changed this section" in page
    assert "Law 12/2005 in force." in page  # what the other delegate saved
    assert "Draft law pending." in page  # what this delegate typed, still in the form
    report = Report.objects.get()
    assert report.draft_data["a"]["fields"]["text"] == "Law 12/2005 in force."
    # Saving again deliberately (with the current revision) is accepted.
    again = second.post(
        _url("edit", cast), {"section": "a", "token": _token(stale), "mode": "filled", "text": "Draft law pending."}
    )
    assert again.status_code == 302
    report.refresh_from_db()
    assert report.draft_data["a"]["fields"]["text"] == "Draft law pending."
    assert [h.history_user for h in report.history.order_by("history_id")][-2:] == [cast.delegate_a, colleague]


def test_submit_check_lists_every_problem_with_a_link_to_its_field(cast):
    draft = complete_draft(
        c={"mode": "filled", "fields": {}, "tables": {"areas": [], "released": [{"method": "cleared", "area_m2": "x"}]}}
    )
    del draft["gender"]
    _draft_report(cast, draft)
    client = client_for(cast, "delegate_a")
    page = client.get(_url("submit", cast)).content.decode()
    edit = _url("edit", cast)
    assert f"{edit}?section=c#id_released-0-area_m2" in page
    assert f"{edit}?section=c#id_released-0-mines_destroyed" in page
    assert f"{edit}?section=gender#id_mode_0" in page
    response = client.post(_url("submit", cast))
    assert response.status_code == 400
    assert Report.objects.get().workflow == ReportState.DRAFT


def test_submitted_report_is_read_only_with_a_receipt(cast):
    _draft_report(cast, complete_draft())
    client = client_for(cast, "delegate_a")
    with time_machine.travel(datetime.datetime(2023, 5, 2, 9, tzinfo=datetime.UTC), tick=False):
        response = client.post(_url("submit", cast))
    assert response.status_code == 302
    client = client_for(cast, "delegate_a")  # a new session: the old one's clock was set in frozen time
    overview = client.get(_url("overview", cast)).content.decode()
    assert "Receipt" in overview and "Late by 2 days" in overview
    assert str(cast.delegate_a) in overview
    assert client.get(_url("edit", cast)).status_code == 302
    client.post(_url("edit", cast), {"section": "a", "token": "99", "mode": "filled", "text": "changed"})
    assert Report.objects.get().draft_data["a"]["fields"]["text"] == "Information for this form."


def test_on_time_submission_through_the_view_is_on_time(cast):
    _draft_report(cast, complete_draft())
    with time_machine.travel(datetime.datetime(2023, 4, 30, 20, tzinfo=datetime.UTC), tick=False):
        client_for(cast, "delegate_a").post(_url("submit", cast))
    report = Report.objects.get()
    assert report.is_late is False and report.submitted_on == datetime.date(2023, 4, 30)


def test_drafts_are_never_public_and_an_amendment_in_progress_stays_private(cast):
    report = _draft_report(cast, complete_draft())
    anon = client_for(cast, "anon")
    assert anon.get(_url("public", cast)).status_code == 404
    services.report_submit(report=report, by=cast.delegate_a)
    services.report_amend(report=report, by=cast.delegate_a)
    report.refresh_from_db()
    draft = dict(report.draft_data)
    draft["a"] = {"mode": "filled", "fields": {"text": "SECRET AMENDMENT TEXT"}, "rows": []}
    services.report_save_draft(
        report=report, data={"a": draft["a"]}, by=cast.delegate_a, expected_version_token=report.version_token
    )
    page = anon.get(_url("public", cast)).content.decode()
    assert "Information for this form." in page
    assert "SECRET AMENDMENT TEXT" not in page


def test_versions_page_shows_what_changed_between_two_versions(cast):
    report = _draft_report(cast, complete_draft())
    services.report_submit(report=report, by=cast.delegate_a)
    services.report_amend(report=report, by=cast.delegate_a)
    report.refresh_from_db()
    g = {
        "mode": "filled",
        "fields": {"text": ""},
        "tables": {"destroyed": [{"article": "art5", "mine_type": "PMN-2", "quantity": "77"}]},
    }
    services.report_save_draft(
        report=report, data={"g": g}, by=cast.delegate_a, expected_version_token=report.version_token
    )
    services.report_submit(report=report, by=cast.delegate_a)
    page = client_for(cast, "anon").get(_url("versions", cast) + "?a=1&b=2").content.decode()
    assert "Form G · Mines destroyed" in page
    assert "PMN-2 · 45 ·" in page and "PMN-2 · 77 ·" in page and "row 1" in page
    assert "Form A · " not in page  # unchanged sections are left out
    first = client_for(cast, "anon").get(_url("version", cast, 1)).content.decode()
    assert "45" in first and "Version 1" in first and "an earlier version" in first


def test_pdf_of_a_submitted_report(cast):
    report = _draft_report(cast, complete_draft())
    services.report_submit(report=report, by=cast.delegate_a)
    response = client_for(cast, "anon").get(_url("pdf", cast, 1))
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Article 7 report of Aland A on calendar year 2022" in text
    assert "Demining NGO" in text


def test_start_prefilled_from_last_year(cast):
    previous_cycle = CycleFactory(year=YEAR - 1)
    old = services.report_start(state=cast.state_a, cycle=previous_cycle, by=None, prefill_from_last_year=False)
    services.report_save_draft(report=old, data=complete_draft(), by=None, expected_version_token=1)
    services.report_submit(report=old, by=cast.delegate_a)
    CycleFactory(year=YEAR)
    client = client_for(cast, "delegate_a")
    response = client.post(_url("start", cast), {"prefill": "yes"})
    assert response.status_code == 302 and response["Location"].startswith(_url("edit", cast))
    report = Report.objects.get(cycle__year=YEAR)
    assert report.prefilled_from == old.versions.get()
    assert report.draft_data["c"]["tables"]["areas"][0]["size_m2"] == "1250000.50"


def test_isu_keys_in_a_report_received_by_email_in_the_editor(cast):
    _draft_report(cast, complete_draft())
    client = client_for(cast, "isu")
    page = client.get(_url("submit", cast))
    assert page.status_code == 200 and "received_form" in page.context
    assert 'enctype="multipart/form-data"' in page.content.decode()
    response = client.post(
        _url("submit", cast),
        {
            "channel": "email",
            "received_on": "2023-05-05",
            "document": SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.is_late is True and report.submitted_on == datetime.date(2023, 5, 5)
    assert report.current_version.document and report.current_version.keyed_in_by_isu
    download = client_for(cast, "anon").get(_url("document", cast, 1))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    for name in ("versions", "public"):
        assert (
            "E-mail, keyed in by the ISU on behalf of the State"
            in client_for(cast, "anon").get(_url(name, cast)).content.decode()
        )


def test_keying_in_refuses_a_file_whose_content_lies_and_a_date_in_the_future(cast):
    _draft_report(cast, complete_draft())
    response = client_for(cast, "isu").post(
        _url("submit", cast),
        {
            "channel": "paper",
            "received_on": "2999-05-05",
            "document": SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "does not match its extension" in html and "cannot be in the future" in html
    assert 'value="2999-05-05"' in html  # what was typed stays
    assert not Report.objects.get().versions.exists()


def test_a_delegate_sees_no_channel_or_date_on_the_submit_page(cast):
    _draft_report(cast, complete_draft())
    page = client_for(cast, "delegate_a").get(_url("submit", cast))
    assert page.context["received_form"] is None and "Date received" not in page.content.decode()


def test_inbox_filters_by_status_region_and_profile(cast):
    cast.state_b.region = Region.EUROPE
    cast.state_b.save()
    _draft_report(cast)
    client = client_for(cast, "chair")
    page = client.get(reverse("reporting:inbox") + f"?year={YEAR}&status=draft").content.decode()
    assert "Aland A" in page and "Borduria B" not in page
    page = client.get(reverse("reporting:inbox") + f"?year={YEAR}&region=europe").content.decode()
    assert "Borduria B" in page and "Aland A" not in page
    page = client.get(reverse("reporting:inbox") + f"?year={YEAR}&profile=provider").content.decode()
    assert "Borduria B" in page and "Aland A" not in page and "Chairland" in page


def test_ca_without_gender_list_gives_delegates_contacts(cast):
    no_gender = complete_draft(gender={"mode": "not_applicable", "fields": {}, "rows": []})
    no_gender["ca"]["rows"][0]["gender_considered"] = ""
    report = _draft_report(cast, no_gender)
    services.report_submit(report=report, by=cast.delegate_a)
    page = client_for(cast, "member").get(reverse("reporting:ca_without_gender") + f"?year={YEAR}").content.decode()
    assert "Aland A" in page
    assert "mailto:delegate.a@example.org" in page


def test_isu_sees_the_history_on_the_report_page_and_delegates_do_not(cast):
    _draft_report(cast, complete_draft())
    assert "History of changes" in client_for(cast, "isu").get(_url("overview", cast)).content.decode()
    assert "History of changes" not in client_for(cast, "delegate_a").get(_url("overview", cast)).content.decode()


def test_isu_sets_the_cycle_deadline_and_grants_an_extension_with_a_reason(cast):
    CycleFactory(year=YEAR)
    client = client_for(cast, "isu")
    url = reverse("reporting:cycle_settings", args=[YEAR])
    client.post(url, {"cycle-deadline": "2023-05-15", "cycle-note": "Moved"})
    missing_reason = client.post(
        url, {"ext-state": cast.state_a.pk, "ext-new_deadline": "2023-06-30", "ext-reason": ""}
    )
    assert missing_reason.status_code == 200
    client.post(url, {"ext-state": cast.state_a.pk, "ext-new_deadline": "2023-06-30", "ext-reason": "Floods"})
    report = _draft_report(cast, complete_draft())
    assert report.cycle.deadline == datetime.date(2023, 5, 15)
    with time_machine.travel(datetime.datetime(2023, 6, 20, 9, tzinfo=datetime.UTC), tick=False):
        services.report_submit(report=report, by=cast.delegate_a)
    report.refresh_from_db()
    assert report.is_late is False and report.deadline_at_submission == datetime.date(2023, 6, 30)


def test_delegate_home_shows_this_years_report_with_days_left_and_sections_done(cast):
    with time_machine.travel(datetime.datetime(2023, 4, 16, 9, tzinfo=datetime.UTC), tick=False):
        _draft_report(cast, {"a": complete_draft()["a"], "b": complete_draft()["b"]})
        page = client_for(cast, "delegate_a").get(reverse("home")).content.decode()
    assert "Article 7 report on 2022" in page
    assert "14 days left" in page
    assert "2 of 13 sections done" in page
    assert _url("edit", cast) in page


def test_state_page_lists_drafts_only_for_those_who_may_see_them(cast):
    _draft_report(cast)
    url = reverse("states:detail", args=[cast.state_a.iso3])
    assert "Draft" in client_for(cast, "delegate_a").get(url).content.decode()
    public = client_for(cast, "anon").get(url).content.decode()
    assert "Article 7 reports" in public and "Draft" not in public
