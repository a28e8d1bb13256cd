"""Calendar feeds: public events only, no token, so any calendar program can subscribe."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from committee.models import Committee
from states.models import State

from ..calendar import build_calendar
from ..models import Meeting
from ._common import CALENDAR_CONTENT_TYPE


def _feed(request, meetings, name: str, filename: str) -> HttpResponse:
    ics = build_calendar(meetings, name=name, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(ics, content_type=CALENDAR_CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _feed_meetings():
    return Meeting.objects.public().order_by("start_date")


def calendar_public(request):
    return _feed(request, _feed_meetings(), _("APMBC meetings"), "apmbc-meetings.ics")


def calendar_committee(request, slug: str):
    committee = get_object_or_404(Committee, slug=slug)
    return _feed(request, _feed_meetings().filter(committees=committee), committee.name, f"{committee.slug}.ics")


def calendar_state(request, iso3: str):
    state = get_object_or_404(State, iso3=iso3.upper())
    return _feed(request, _feed_meetings().with_state(state), state.name, f"{state.iso3.lower()}.ics")
