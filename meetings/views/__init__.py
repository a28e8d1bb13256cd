import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accounts.roles import is_committee, require_committee, require_isu
from committee.models import Committee
from core.forms import add_service_errors
from core.messages import saved_or_unchanged
from core.uploads import serve_file
from states.models import State

from .. import permissions, selectors, services
from ..calendar import build_calendar
from ..filters import MeetingFilter
from ..forms import (
    BilateralSeriesForm,
    DocumentEditForm,
    DocumentForm,
    FollowUpForm,
    IAAdvanceForm,
    IARequestEditForm,
    IARequestForm,
    MeetingForm,
    PlannedBilateralFormSet,
    PriorityActionCreateForm,
    PriorityActionForm,
    PriorityPeriodForm,
    SpeakerForm,
)
from ..models import BilateralSeries, FollowUpStatus, IAStep, Meeting, MeetingKind, PriorityActionPeriod

CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


BACK_LABELS = {
    "meetings:list": _lazy("Meetings"),
    "meetings:followup_list": _lazy("Follow-ups"),
    "meetings:ia_list": _lazy("Individualised approach"),
    "meetings:priority_list": _lazy("Priority actions"),
}


def _form_page(request, form, *, title: str, back: str, intro: str = "", enctype: str = "", extra=None):
    context = {
        "form": form,
        "title": title,
        "back": back,
        "back_label": BACK_LABELS.get(back, _("Back")),
        "intro": intro,
        "enctype": enctype,
        **(extra or {}),
    }
    return render(request, "meetings/form.html", context)


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


# Calendar feeds: public events only, no token, so any calendar program can subscribe.


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


# Documents ----------------------------------------------------------------------------------------


@login_required
def document_add(request, code: str):
    meeting = permissions.get_meeting_for_user(request.user, code, write=True)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.document_add(meeting=meeting, by=request.user, **form.cleaned_data)
        messages.success(request, _("Document added."))
        return redirect("meetings:detail", code=meeting.code)
    return _form_page(
        request,
        form,
        title=_("Add a document to %(title)s") % {"title": meeting.title},
        back="meetings:list",
        enctype="multipart/form-data",
        extra={"meeting": meeting},
    )


@login_required
def document_update(request, pk: int):
    document = permissions.get_document_for_user(request.user, pk, write=True)
    form = DocumentEditForm(request.POST or None, instance=document)
    if request.method == "POST" and form.is_valid():
        update = services.document_update(document=document, **form.cleaned_data)
        saved_or_unchanged(request, update.changed, _("Document saved."))
        return redirect("meetings:detail", code=document.meeting.code)
    return _form_page(
        request, form, title=_("Edit document"), back="meetings:list", extra={"meeting": document.meeting}
    )


@permissions.login_for_private
def document_download(request, pk: int):
    document = permissions.get_document_for_user(request.user, pk)
    response = serve_file(document.file, download_name=slugify(f"{document.meeting.code} {document.title}")[:80])
    if not document.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


# Speakers -----------------------------------------------------------------------------------------


@login_required
def speaker_add(request, code: str):
    meeting = permissions.get_meeting_for_user(request.user, code, write=True)
    form = SpeakerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.speaker_add(meeting=meeting, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Speaker added."))
            if "another" in request.POST:
                return redirect("meetings:speaker_add", code=meeting.code)
            return redirect("meetings:detail", code=meeting.code)
    return _form_page(
        request,
        form,
        title=_("Add a speaker to %(title)s") % {"title": meeting.title},
        back="meetings:list",
        extra={"meeting": meeting, "save_another": True},
    )


@login_required
def speaker_update(request, pk: int):
    speaker = permissions.get_speaker_for_user(request.user, pk, write=True)
    form = SpeakerForm(request.POST or None, instance=speaker)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if data.get("order") is None:
            data["order"] = speaker.order
        try:
            update = services.speaker_update(speaker=speaker, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Speaker saved."))
            return redirect("meetings:detail", code=speaker.meeting.code)
    return _form_page(request, form, title=_("Edit speaker"), back="meetings:list", extra={"meeting": speaker.meeting})


@login_required
def speaker_delete(request, pk: int):
    speaker = permissions.get_speaker_for_user(request.user, pk, write=True)
    if request.method == "POST":
        code = speaker.meeting.code
        services.speaker_remove(speaker=speaker)
        messages.success(request, _("Speaker removed."))
        return redirect("meetings:detail", code=code)
    return render(request, "meetings/confirm_delete.html", {"object": speaker, "meeting": speaker.meeting})


# Follow-ups ---------------------------------------------------------------------------------------


@login_required
def followup_list(request):
    require_committee(request.user)
    status = request.GET.get("status", "open")
    if status not in ("open", "", *FollowUpStatus.values):
        status = "open"
    followups = selectors.followups_for_list(request.user, status=status)
    page = Paginator(followups, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/followup_list.html",
        {"page": page, "status": status, "statuses": FollowUpStatus.choices, "today": timezone.localdate()},
    )


@permissions.login_for_private
def followup_detail(request, pk: int):
    followup = permissions.get_followup_for_user(request.user, pk)
    return render(
        request,
        "meetings/followup_detail.html",
        {"followup": followup, "priority_actions": list(followup.priority_actions.select_related("period"))},
    )


@login_required
def followup_create(request, code: str):
    meeting = permissions.get_meeting_for_user(request.user, code, write=True)
    form = FollowUpForm(request.POST or None, initial={"state": meeting.state, "status": FollowUpStatus.OPEN})
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_create(meeting=meeting, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Follow-up added."))
            return redirect("meetings:detail", code=meeting.code)
    return _form_page(
        request,
        form,
        title=_("Add a follow-up to %(title)s") % {"title": meeting.title},
        back="meetings:followup_list",
        extra={"meeting": meeting},
    )


@login_required
def followup_update(request, pk: int):
    followup = permissions.get_followup_for_user(request.user, pk, write=True)
    form = FollowUpForm(request.POST or None, instance=followup)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.followup_update(followup=followup, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Follow-up saved."))
            return redirect("meetings:followup_detail", pk=followup.pk)
    return _form_page(
        request, form, title=_("Edit follow-up"), back="meetings:followup_list", extra={"meeting": followup.meeting}
    )


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


# Individualised approach --------------------------------------------------------------------------


@login_required
def ia_list(request):
    require_committee(request.user)
    return render(
        request,
        "meetings/ia_list.html",
        {"requests": selectors.ia_requests_for_list(), "steps": IAStep.choices},
    )


@login_required
def ia_create(request):
    require_isu(request.user)
    form = IARequestForm(request.POST or None, initial={"requested_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        ia = services.ia_request_create(**form.cleaned_data)
        messages.success(request, _("Request of %(state)s recorded.") % {"state": ia.state})
        return redirect("meetings:ia_detail", pk=ia.pk)
    return _form_page(request, form, title=_("Record an individualised approach request"), back="meetings:ia_list")


@permissions.login_for_private
def ia_detail(request, pk: int):
    ia = permissions.get_ia_request_for_user(request.user, pk)
    return render(request, "meetings/ia_detail.html", {"ia": ia, "steps": ia.steps()})


@login_required
def ia_update(request, pk: int):
    ia = permissions.get_ia_request_for_user(request.user, pk, write=True)
    form = IARequestEditForm(request.POST or None, instance=ia)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.ia_request_update(request=ia, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Request saved."))
            return redirect("meetings:ia_detail", pk=ia.pk)
    return _form_page(
        request, form, title=_("Edit the request of %(state)s") % {"state": ia.state}, back="meetings:ia_list"
    )


@login_required
def ia_advance(request, pk: int):
    ia = permissions.get_ia_request_for_user(request.user, pk, write=True)
    form = IAAdvanceForm(request.POST or None, ia_request=ia, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.ia_request_advance(request=ia, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Step recorded."))
            return redirect("meetings:ia_detail", pk=ia.pk)
    return _form_page(
        request,
        form,
        title=_("Next step for %(state)s") % {"state": ia.state},
        back="meetings:ia_list",
        intro=_("Steps go in order: requested, scheduled, held, final report published."),
        extra={"new_meeting_url_kind": MeetingKind.INDIVIDUALISED_APPROACH, "ia": ia},
    )


# Priority actions ---------------------------------------------------------------------------------


def priority_list(request):
    periods = list(selectors.priority_periods(request.user))
    return render(request, "meetings/priority_list.html", {"periods": periods})


@login_required
def priority_create(request):
    require_isu(request.user)
    initial = {"period": PriorityActionPeriod.objects.order_by("-start_year").first()}
    form = PriorityActionCreateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.priority_action_create(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Priority action added."))
            return redirect("meetings:priority_list")
    return _form_page(request, form, title=_("Add a priority action"), back="meetings:priority_list")


@login_required
def priority_update(request, pk: int):
    action = permissions.get_priority_action_for_user(request.user, pk, write=True)
    form = PriorityActionForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.priority_action_update(action=action, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Priority action saved."))
            return redirect("meetings:priority_list")
    return _form_page(
        request, form, title=_("Priority action %(n)s") % {"n": action.number}, back="meetings:priority_list"
    )


@login_required
def period_create(request):
    require_isu(request.user)
    form = PriorityPeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.priority_period_create(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Period added."))
            return redirect("meetings:priority_list")
    return _form_page(request, form, title=_("Add a period of priority actions"), back="meetings:priority_list")
