import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from committee.models import Committee
from meetings import panels
from meetings.models import FollowUp, IAStep, Meeting, MeetingDocument, MeetingKind
from meetings.tests.factories import (
    BilateralFactory,
    FollowUpFactory,
    IARequestFactory,
    MeetingDocumentFactory,
    MeetingFactory,
    PanelSpeakerFactory,
)
from states.tests.factories import StateFactory

pytestmark = pytest.mark.django_db
D = datetime.date


# ISU forms ----------------------------------------------------------------------------------------


def test_isu_records_a_meeting_through_the_form(client, cast):
    ca = Committee.objects.create(slug="cooperation-assistance", name_en="C&A")
    client.force_login(cast.isu)
    response = client.post(
        "/meetings/new/",
        {
            "kind": "msp",
            "status": "planned",
            "code": "21MSP",
            "title_en": "Twenty-first Meeting of the States Parties",
            "start_date": "2023-11-20",
            "end_date": "2023-11-24",
            "place": "Geneva",
            "committees": [ca.pk],
            "states": [cast.state_a.pk, cast.state_b.pk],
        },
    )
    assert response.status_code == 302 and response["Location"] == "/meetings/21MSP/"
    m = Meeting.objects.get(code="21MSP")
    assert (m.start_date, m.end_date, list(m.committees.all()), m.states.count()) == (
        D(2023, 11, 20),
        D(2023, 11, 24),
        [ca],
        2,
    )


def test_meeting_form_shows_the_date_error_next_to_the_field_and_keeps_the_input(client, cast):
    client.force_login(cast.isu)
    response = client.post(
        "/meetings/new/",
        {
            "kind": "intersessional",
            "status": "planned",
            "title_en": "IM",
            "start_date": "2023-06-21",
            "end_date": "2023-06-19",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "before the start date" in str(form.errors["end_date"])
    assert form["title_en"].value() == "IM" and form["start_date"].value() == "2023-06-21"
    assert not Meeting.objects.exists()


def test_isu_plans_a_bilateral_series_through_the_form(client, cast):
    client.force_login(cast.isu)
    data = {
        "title": "2023 bilaterals",
        "start_date": "2023-02-01",
        "end_date": "2023-05-31",
        "m-TOTAL_FORMS": "3",
        "m-INITIAL_FORMS": "0",
        "m-MIN_NUM_FORMS": "1",
        "m-MAX_NUM_FORMS": "1000",
        "m-0-state": cast.state_a.pk,
        "m-0-date": "2023-02-06",
        "m-0-notes": "Clearance funding gaps",
        "m-1-state": cast.state_b.pk,
        "m-1-date": "2023-03-14",
        "m-2-state": "",
        "m-2-date": "",
    }
    response = client.post("/meetings/bilaterals/plan/", data)
    assert response.status_code == 302
    meetings = Meeting.objects.filter(kind=MeetingKind.BILATERAL).order_by("start_date")
    assert [(m.state, m.start_date, m.notes) for m in meetings] == [
        (cast.state_a, D(2023, 2, 6), "Clearance funding gaps"),
        (cast.state_b, D(2023, 3, 14), ""),
    ]
    data["m-1-date"] = "2023-07-01"
    response = client.post("/meetings/bilaterals/plan/", data)
    assert response.status_code == 200
    assert "is outside the series' dates" in " ".join(response.context["form"].non_field_errors())
    assert response.context["formset"].forms[1].errors["date"] == ["Outside the series' dates."]


def test_ia_advance_form_explains_a_step_out_of_order(client, cast):
    ia = IARequestFactory(state=cast.state_a)
    client.force_login(cast.isu)
    response = client.post(f"/meetings/individualised-approach/{ia.pk}/advance/", {"to": "held", "on": "2023-06-21"})
    assert response.status_code == 200
    assert "next step is “Scheduled”" in str(response.context["form"].errors["to"])
    response = client.post(
        f"/meetings/individualised-approach/{ia.pk}/advance/", {"to": "scheduled", "on": "2023-10-01"}
    )
    assert response.status_code == 302
    ia.refresh_from_db()
    assert ia.status == IAStep.SCHEDULED and ia.scheduled_on == D(2023, 10, 1)


def test_isu_adds_speakers_and_follow_ups_and_uploads_a_document(client, cast):
    panel = MeetingFactory(code="panel", kind=MeetingKind.PANEL)
    client.force_login(cast.isu)
    r = client.post(
        "/meetings/panel/speakers/add/",
        {"name": "A. Speaker", "gender": "woman", "role": "panellist", "affiliation_state": cast.state_a.pk},
    )
    assert r.status_code == 302 and panel.speakers.get().affiliation_state == cast.state_a
    r = client.post(
        "/meetings/panel/follow-ups/add/",
        {"action": "Circulate the summary", "owner": "ISU", "status": "open", "due_date": "2023-04-01"},
    )
    assert r.status_code == 302 and FollowUp.objects.get().action == "Circulate the summary"
    upload = SimpleUploadedFile("agenda.pdf", b"%PDF-1.4 agenda", content_type="application/pdf")
    r = client.post(
        "/meetings/panel/documents/add/", {"title": "Agenda", "kind": "agenda", "language": "en", "file": upload}
    )
    assert r.status_code == 302 and MeetingDocument.objects.get().is_published is False
    fake = SimpleUploadedFile("agenda.pdf", b"MZ not a pdf", content_type="application/pdf")
    r = client.post(
        "/meetings/panel/documents/add/", {"title": "Bad", "kind": "agenda", "language": "en", "file": fake}
    )
    assert r.status_code == 200 and "does not match" in str(r.context["form"].errors["file"])


# Access beyond the matrix -------------------------------------------------------------------------


def test_another_states_bilateral_notes_and_follow_ups_are_not_found_for_delegate_b(client, cast):
    bilateral = BilateralFactory(code="bil-a", state=cast.state_a, notes="Secret negotiating position")
    followup = FollowUpFactory(meeting=bilateral)
    client.force_login(cast.delegate_b)
    assert client.get("/meetings/bil-a/").status_code == 404
    assert client.get(f"/meetings/follow-ups/{followup.pk}/").status_code == 404
    assert client.get("/meetings/bil-a/calendar.ics").status_code == 404
    assert "bil-a" not in client.get("/meetings/").content.decode()
    client.force_login(cast.delegate_a)
    page = client.get("/meetings/bil-a/").content.decode()
    assert "Secret negotiating position" in page and followup.action in page


def test_public_meeting_notes_and_unpublished_documents_stay_with_the_committee(client, cast):
    workshop = MeetingFactory(code="w", notes="Internal remark")
    MeetingDocumentFactory(meeting=workshop, title="Draft statement", is_published=False)
    MeetingDocumentFactory(meeting=workshop, title="Agenda", is_published=True)
    page = client.get("/meetings/w/").content.decode()
    assert "Internal remark" not in page and "Draft statement" not in page and "Agenda" in page
    client.force_login(cast.member)
    page = client.get("/meetings/w/").content.decode()
    assert "Internal remark" in page and "Draft statement" in page


def test_document_is_served_with_its_content_only_through_the_checked_view(client, cast):
    doc = MeetingDocumentFactory(meeting=MeetingFactory(code="w"))
    response = client.get(f"/meetings/documents/{doc.pk}/download/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 agenda"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_state_page_shows_bilaterals_and_follow_ups_to_its_delegates_and_only_public_meetings_to_others(client, cast):
    bilateral = BilateralFactory(code="bil-a", state=cast.state_a, title_en="Bilateral with A")
    FollowUpFactory(meeting=bilateral, action="Send the partner list", due_date=D(2023, 6, 1))
    panel = MeetingFactory(code="p", kind=MeetingKind.PANEL, title_en="Funding trends panel")
    panel.states.add(cast.state_a)
    url = f"/states/{cast.state_a.iso3}/"
    for role, sees_private in [("delegate_a", True), ("chair", True), ("delegate_b", False), (None, False)]:
        client.logout()
        if role:
            client.force_login(getattr(cast, role))
        page = client.get(url).content.decode()
        assert "Funding trends panel" in page, role
        assert ("Bilateral with A" in page) is sees_private, role
        assert ("Send the partner list" in page) is sees_private, role


def test_dashboard_panel_counts_bilaterals_held_against_planned_and_overdue_follow_ups(cast):
    for i, status in enumerate(["held", "held", "planned", "cancelled"]):
        BilateralFactory(code=f"b{i}", state=cast.state_a, start_date=D(2023, 2, 6 + i), status=status)
    FollowUpFactory(meeting=Meeting.objects.get(code="b0"), due_date=D(2023, 3, 1))
    IARequestFactory(state=cast.state_a, requested_on=D(2023, 9, 1))
    request = RequestFactory().get("/dashboard/")
    request.user = cast.chair
    figures = panels.dashboard(request, 2023).context["figures"]
    assert (figures.bilateral_held, figures.bilateral_planned) == (2, 3)
    assert figures.open_followups == 1 and len(figures.overdue_followups) == 1
    assert dict(figures.ia_by_step)["Requested"] == 1
    request.user = cast.delegate_a
    assert panels.dashboard(request, 2023) is None


# Query counts -------------------------------------------------------------------------------------


def _make_meetings(cast, n: int, offset: int = 0):
    ca, _ = Committee.objects.get_or_create(slug="cooperation-assistance", defaults={"name_en": "C&A"})
    for i in range(offset, offset + n):
        m = MeetingFactory(code=f"m{i}", kind=MeetingKind.PANEL, start_date=D(2023, 1, 1) + datetime.timedelta(days=i))
        m.committees.add(ca)
        m.states.add(cast.state_a)
        PanelSpeakerFactory(meeting=m)
        b = BilateralFactory(code=f"b{i}", state=cast.state_a, start_date=D(2023, 1, 1) + datetime.timedelta(days=i))
        b.committees.add(ca)
        FollowUpFactory(meeting=b)
        IARequestFactory(state=cast.state_a, requested_on=D(2023, 1, 1) + datetime.timedelta(days=i))


def _count(func) -> int:
    with CaptureQueriesContext(connection) as ctx:
        func()
    return len(ctx.captured_queries)


def test_meetings_list_runs_a_constant_number_of_queries(client, cast):
    client.force_login(cast.isu)
    _make_meetings(cast, 2)
    small = _count(lambda: client.get("/meetings/"))
    _make_meetings(cast, 10, offset=2)
    large = _count(lambda: client.get("/meetings/"))
    assert small == large


def test_state_meetings_panel_runs_a_constant_number_of_queries(cast):
    request = RequestFactory().get("/")
    request.user = cast.chair

    def render_panel():
        panel = panels.state_page(request, cast.state_a, private=True)
        render_to_string(panel.template, {"panel": panel.context}, request=request)

    _make_meetings(cast, 2)
    small = _count(render_panel)
    _make_meetings(cast, 10, offset=2)
    large = _count(render_panel)
    assert small == large


def test_followup_list_runs_a_constant_number_of_queries(client, cast):
    client.force_login(cast.chair)
    _make_meetings(cast, 2)
    small = _count(lambda: client.get("/meetings/follow-ups/"))
    _make_meetings(cast, 10, offset=2)
    assert _count(lambda: client.get("/meetings/follow-ups/")) == small


def test_public_feed_is_served_to_anyone_without_a_token(client, cast):
    StateFactory(iso3="SEN", iso2="SN")
    assert client.get("/meetings/calendar/state/SEN.ics").status_code == 200
    assert client.get("/meetings/calendar/state/XXX.ics").status_code == 404
