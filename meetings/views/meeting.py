"""Meetings: the list, a meeting, creating and editing one, its .ics; series of bilateral meetings."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import is_committee, require_isu
from committee.models import Committee
from core.forms import add_service_errors
from core.messages import saved_or_unchanged
from states.models import State

from .. import permissions, selectors, services
from ..calendar import build_calendar
from ..filters import MeetingFilter
from ..forms import (
    BilateralSeriesForm,
    MeetingForm,
    PlannedBilateralFormSet,
)
from ..models import BilateralSeries
from ._common import CALENDAR_CONTENT_TYPE, _form_page

# Meetings -----------------------------------------------------------------------------------------


def meeting_list(request):
    today = timezone.localdate()
    base = selectors.meetings_for_user(request.user)
    meeting_filter = MeetingFilter(request.GET or None, queryset=base)
    filtered = meeting_filter.is_bound and meeting_filter.is_valid()
    meetings = meeting_filter.qs if filtered else base
    upcoming = list(meetings.upcoming(today).order_by("start_date", "title_en")[:50])
    past = Paginator(meetings.filter(end_date__lt=today).order_by("-start_date", "title_en"), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "filter": meeting_filter,
            "filtered": filtered,
            "upcoming": upcoming,
            "past": past,
            "committees": Committee.objects.all(),
            "today": today,
            "series_list": BilateralSeries.objects.order_by("-start_date")[:5] if is_committee(request.user) else [],
        },
    )


@permissions.login_for_private
def meeting_detail(request, code: str):
    meeting = permissions.get_meeting_for_user(request.user, code)
    return render(request, "meetings/meeting_detail.html", selectors.meeting_page(request.user, meeting))


def _meeting_relations(data: dict) -> dict:
    return {k: data.pop(k) for k in ("committees", "states", "organisations")}


@login_required
def meeting_create(request):
    require_isu(request.user)
    initial = {"kind": request.GET.get("kind", ""), "status": "planned"}
    if request.GET.get("state"):
        initial["state"] = State.objects.filter(iso3=request.GET["state"].upper()).first()
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        relations = _meeting_relations(data)
        try:
            meeting = services.meeting_create(by=request.user, **data, **relations)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Meeting “%(title)s” recorded.") % {"title": meeting.title})
            return redirect("meetings:detail", code=meeting.code)
    return _form_page(request, form, title=_("Record a meeting"), back="meetings:list")


@login_required
def meeting_update(request, code: str):
    meeting = permissions.get_meeting_for_user(request.user, code, write=True)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        relations = _meeting_relations(data)
        try:
            update = services.meeting_update(meeting=meeting, **data, **relations)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            meeting = update.obj
            saved_or_unchanged(request, update.changed, _("Meeting saved."))
            return redirect("meetings:detail", code=meeting.code)
    return _form_page(request, form, title=_("Edit %(title)s") % {"title": meeting.title}, back="meetings:list")


@permissions.login_for_private
def meeting_ics(request, code: str):
    """ "Add to calendar": one meeting as an .ics file."""
    meeting = permissions.get_meeting_for_user(request.user, code)
    ics = build_calendar([meeting], name=meeting.title, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(ics, content_type=CALENDAR_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{meeting.code}.ics"'
    return response


# Bilateral series ---------------------------------------------------------------------------------


def _mark_planned_rows(formset, start: datetime.date, end: datetime.date) -> None:
    """Put the series' errors next to the rows they concern as well."""
    seen = set()
    for row in formset.forms:
        data = getattr(row, "cleaned_data", None) or {}
        if data.get("state") is None:
            continue
        if data["state"].pk in seen:
            row.add_error("state", _("This State is already in the series."))
        seen.add(data["state"].pk)
        if not (start <= data["date"] <= end):
            row.add_error("date", _("Outside the series' dates."))


@login_required
def series_plan(request):
    require_isu(request.user)
    form = BilateralSeriesForm(request.POST or None)
    formset = PlannedBilateralFormSet(request.POST or None, prefix="m")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        planned = [
            services.PlannedBilateral(**row) for row in formset.cleaned_data if row and row.get("state") is not None
        ]
        try:
            series = services.bilateral_series_plan(meetings=planned, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)  # "meetings" is no field of the form: at the top
            _mark_planned_rows(formset, form.cleaned_data["start_date"], form.cleaned_data["end_date"])
        else:
            messages.success(request, _("%(n)s bilateral meetings planned.") % {"n": series.meetings.count()})
            return redirect("meetings:series_detail", pk=series.pk)
    return render(request, "meetings/series_plan.html", {"form": form, "formset": formset})


@login_required
def series_detail(request, pk: int):
    series = permissions.get_series_for_user(request.user, pk)
    return render(request, "meetings/series_detail.html", selectors.series_page(series))
