"""iCalendar (.ics) output: meetings as all-day events that calendar programs can subscribe to."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Meeting, MeetingStatus

PRODID = "-//APMBC ISU//Cooperation and Assistance meetings//EN"
UID_DOMAIN = "apminebanconvention.org"


def meeting_event(meeting: Meeting, *, stamp: datetime.datetime, base_url: str = "") -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}-{meeting.code}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", meeting.title)
    event.add("dtstart", meeting.start_date)
    # DTEND of an all-day event is exclusive: the day after the last day.
    event.add("dtend", meeting.end_date + datetime.timedelta(days=1))
    if meeting.place_label:
        event.add("location", str(meeting.place_label))
    description = "\n\n".join(p for p in (meeting.get_kind_display(), meeting.purpose) if p)
    if description:
        event.add("description", description)
    event.add("url", (base_url or settings.SITE_URL).rstrip("/") + reverse("meetings:detail", args=[meeting.code]))
    event.add("categories", [meeting.get_kind_display()])
    event.add(
        "status",
        {MeetingStatus.CANCELLED: "CANCELLED", MeetingStatus.PLANNED: "TENTATIVE"}.get(meeting.status, "CONFIRMED"),
    )
    event.add("last-modified", meeting.updated_at)
    return event


def build_calendar(meetings: Iterable[Meeting], *, name: str, base_url: str = "") -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-published-ttl", "PT12H")
    stamp = timezone.now()
    for meeting in meetings:
        cal.add_component(meeting_event(meeting, stamp=stamp, base_url=base_url))
    return cal.to_ical()
