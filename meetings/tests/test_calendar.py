import datetime

import pytest
from icalendar import Calendar

from committee.models import Committee
from meetings.models import MeetingKind, MeetingStatus
from meetings.tests.factories import BilateralFactory, MeetingFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def _events(response) -> dict[str, object]:
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    return {str(e.get("summary")): e for e in cal.walk("VEVENT")}


def test_add_to_calendar_gives_an_all_day_event_with_exclusive_end(client):
    MeetingFactory(
        code="21MSP",
        kind=MeetingKind.MSP,
        title_en="Twenty-first Meeting of the States Parties",
        start_date=D(2023, 11, 20),
        end_date=D(2023, 11, 24),
        place="Geneva",
        status=MeetingStatus.HELD,
    )
    response = client.get("/meetings/21MSP/calendar.ics")
    assert 'filename="21MSP.ics"' in response["Content-Disposition"]
    event = _events(response)["Twenty-first Meeting of the States Parties"]
    assert event.decoded("dtstart") == D(2023, 11, 20)
    assert event.decoded("dtend") == D(2023, 11, 25)  # the day after the last day
    assert str(event.get("location")) == "Geneva"
    assert str(event.get("status")) == "CONFIRMED"
    assert str(event.get("url")).endswith("/meetings/21MSP/")
    assert str(event.get("uid")).endswith("@apminebanconvention.org")


def test_committee_feed_holds_its_public_meetings_only(client, cast):
    ca = Committee.objects.create(slug="cooperation-assistance", name_en="C&A")
    other = Committee.objects.create(slug="article-5", name_en="Article 5")
    workshop = MeetingFactory(title_en="Workshop", kind=MeetingKind.WORKSHOP)
    workshop.committees.add(ca)
    bilateral = BilateralFactory(title_en="Bilateral", state=cast.state_a)
    bilateral.committees.add(ca)
    committee_meeting = MeetingFactory(title_en="Committee meeting", kind=MeetingKind.COMMITTEE_MEETING)
    committee_meeting.committees.add(ca)
    elsewhere = MeetingFactory(title_en="Other committee's workshop")
    elsewhere.committees.add(other)
    cancelled = MeetingFactory(title_en="Cancelled panel", kind=MeetingKind.PANEL, status=MeetingStatus.CANCELLED)
    cancelled.committees.add(ca)
    events = _events(client.get("/meetings/calendar/committee/cooperation-assistance.ics"))
    assert set(events) == {"Workshop", "Cancelled panel"}
    assert str(events["Cancelled panel"].get("status")) == "CANCELLED"
    cal = Calendar.from_ical(client.get("/meetings/calendar/committee/cooperation-assistance.ics").content)
    assert str(cal.get("x-wr-calname")) == "C&A"


def test_state_feed_lists_public_meetings_it_took_part_in_never_its_bilaterals(client, cast):
    panel = MeetingFactory(title_en="Panel", kind=MeetingKind.PANEL)
    panel.states.add(cast.state_a)
    BilateralFactory(title_en="Bilateral", state=cast.state_a)
    MeetingFactory(title_en="Someone else's workshop").states.add(cast.state_b)
    client.force_login(cast.delegate_a)  # even its own delegate: a feed is subscribable, hence public only
    events = _events(client.get(f"/meetings/calendar/state/{cast.state_a.iso3.lower()}.ics"))
    assert set(events) == {"Panel"}


def test_public_feed_lists_every_public_kind(client):
    for kind in MeetingKind.values:
        MeetingFactory(title_en=kind, kind=kind)
    events = _events(client.get("/meetings/calendar.ics"))
    assert set(events) == {"workshop", "intersessional", "panel", "msp", "review_conference"}
