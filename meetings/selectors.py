"""Reads for meetings pages, a State's page and the chair's dashboard."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import days_until
from states.models import State

from .models import (
    IA_STEP_ORDER,
    BilateralSeries,
    DocumentKind,
    FollowUp,
    GenderBalance,
    IAStep,
    IndividualisedApproachRequest,
    Meeting,
    MeetingKind,
    MeetingStatus,
    PreliminaryObservations,
    PriorityAction,
    PriorityActionPeriod,
)
from .permissions import can_see_meeting_private, is_committee


def meetings_for_user(user):
    return Meeting.objects.visible_to(user).for_lists()


def upcoming_meetings(user, *, today: datetime.date | None = None, limit: int | None = None):
    qs = meetings_for_user(user).upcoming(today).order_by("start_date", "title_en")
    return qs[:limit] if limit else qs


def meeting_page(user, meeting: Meeting) -> dict:
    """Everything a meeting's page shows, filtered by what the user may see."""
    private = can_see_meeting_private(user, meeting)
    documents = meeting.documents.select_related("uploaded_by").order_by("kind", "title")
    if not is_committee(user):
        documents = documents.filter(is_published=True)
    speakers = list(meeting.speakers.select_related("affiliation_state", "affiliation_organisation"))
    followups = (
        list(meeting.followups.select_related("state", "owner_user").order_by("due_date", "pk")) if private else []
    )
    side_events = list(Meeting.objects.visible_to(user).filter(parent=meeting).for_lists())
    return {
        "meeting": meeting,
        "private": private,
        "committees": list(meeting.committees.all()),
        "states": list(meeting.states.order_by("name_en")),
        "organisations": list(meeting.organisations.all()),
        "documents": list(documents),
        "speakers": speakers,
        "balance": GenderBalance.of(speakers),
        "followups": followups,
        "side_events": side_events,
        "ia_requests": list(meeting.ia_requests.select_related("state")),
        "priority_actions": list(meeting.priority_actions.select_related("period")),
    }


def open_followups(user, *, today: datetime.date | None = None):
    return (
        FollowUp.objects.visible_to(user)
        .open()
        .select_related("meeting", "state", "owner_user", "meeting__state")
        .order_by("due_date", "pk")
    )


def followups_for_list(user, *, status: str = "open"):
    qs = FollowUp.objects.visible_to(user).select_related("meeting", "state", "owner_user", "meeting__state")
    if status == "open":
        qs = qs.open()
    elif status:
        qs = qs.filter(status=status)
    return qs.order_by("due_date", "pk")


def series_page(series: BilateralSeries) -> dict:
    meetings = list(
        series.meetings.select_related("state").annotate(
            open_followups=Count("followups", filter=Q(followups__status__in=["open", "in_progress"]))
        )
    )
    return {
        "series": series,
        "meetings": meetings,
        "held": sum(1 for m in meetings if m.status == MeetingStatus.HELD),
        "planned": sum(1 for m in meetings if m.status != MeetingStatus.CANCELLED),
        "committees": list(series.committees.all()),
    }


def ia_requests_for_list():
    return IndividualisedApproachRequest.objects.select_related("state", "meeting", "requested_at").order_by(
        "-requested_on"
    )


def priority_periods(user):
    """Periods with their actions; each action's meetings and follow-ups filtered by what the user may see."""
    actions = PriorityAction.objects.prefetch_related(
        Prefetch("meetings", queryset=Meeting.objects.visible_to(user).order_by("start_date")),
        Prefetch("followups", queryset=FollowUp.objects.visible_to(user).select_related("state")),
    ).order_by("number")
    return PriorityActionPeriod.objects.select_related("committee", "adopted_at").prefetch_related(
        Prefetch("actions", queryset=actions)
    )


@dataclass
class TimelineEntry:
    date: datetime.date
    kind: str  # "meeting", "ia", "followup", "deadline"
    label: str
    url: str = ""
    detail: str = ""
    upcoming: bool = False


@dataclass
class StateStory:
    state: State
    private: bool
    meetings: list[Meeting]
    ia_requests: list[IndividualisedApproachRequest]
    followups: list[FollowUp]
    today: datetime.date
    timeline: list[TimelineEntry] = field(default_factory=list)

    @property
    def article5_days_left(self) -> int | None:
        return days_until(self.state.article5_deadline, self.today)

    @property
    def article5_years_left(self) -> float | None:
        days = self.article5_days_left
        return None if days is None else round(days / 365.25, 1)

    @property
    def open_followups(self) -> list[FollowUp]:
        return [f for f in self.followups if f.is_open]

    @property
    def overdue_followups(self) -> list[FollowUp]:
        return [f for f in self.followups if f.is_overdue(self.today)]

    @property
    def is_empty(self) -> bool:
        return not (self.meetings or self.ia_requests or self.followups or self.state.article5_deadline)


def state_story(*, state: State, user, private: bool, today: datetime.date | None = None) -> StateStory:
    """A State's story with the committee: meetings it took part in, its individualised approach,
    its follow-ups and its Article 5 deadline, as a timeline (a chair reads it before a bilateral).
    Without `private`, only public meetings and the steps of the individualised approach."""
    today = today or timezone.localdate()
    meetings_qs = Meeting.objects.with_state(state).select_related("state").prefetch_related("committees")
    meetings_qs = meetings_qs.visible_to(user) if private else meetings_qs.public()
    meetings = list(meetings_qs.order_by("-start_date"))
    ia_requests = list(
        IndividualisedApproachRequest.objects.filter(state=state)
        .select_related("meeting", "requested_at")
        .order_by("-requested_on")
    )
    followups = (
        list(
            FollowUp.objects.filter(Q(state=state) | Q(state__isnull=True, meeting__state=state))
            .select_related("meeting", "owner_user")
            .order_by("due_date", "pk")
        )
        if private
        else []
    )
    story = StateStory(
        state=state, private=private, meetings=meetings, ia_requests=ia_requests, followups=followups, today=today
    )
    timeline: list[TimelineEntry] = []
    for m in meetings:
        timeline.append(
            TimelineEntry(
                date=m.start_date,
                kind="meeting",
                label=m.title,
                url=reverse("meetings:detail", args=[m.code]),
                detail=m.get_kind_display(),
                upcoming=m.end_date >= today,
            )
        )
    for ia in ia_requests:
        for step in ia.steps():
            if step["date"]:
                timeline.append(
                    TimelineEntry(
                        date=step["date"],
                        kind="ia",
                        label=_("Individualised approach: %(step)s") % {"step": step["label"]},
                        url=reverse("meetings:ia_detail", args=[ia.pk]) if private else "",
                        upcoming=step["date"] > today,
                    )
                )
    for f in followups:
        if f.due_date:
            timeline.append(
                TimelineEntry(
                    date=f.due_date,
                    kind="followup",
                    label=_("Follow-up due: %(action)s") % {"action": f.action},
                    url=reverse("meetings:followup_detail", args=[f.pk]),
                    detail=f.get_status_display(),
                    upcoming=f.due_date >= today,
                )
            )
    if state.article5_deadline:
        timeline.append(
            TimelineEntry(
                date=state.article5_deadline,
                kind="deadline",
                label=_("Article 5 clearance deadline"),
                upcoming=state.article5_deadline >= today,
            )
        )
    story.timeline = sorted(timeline, key=lambda e: e.date, reverse=True)
    return story


@dataclass
class DashboardFigures:
    year: int
    bilateral_planned: int
    bilateral_held: int
    ia_by_step: list[tuple[str, int]]
    open_followups: int
    overdue_followups: list[FollowUp]
    upcoming: list[Meeting]


def dashboard_figures(*, year: int, today: datetime.date | None = None) -> DashboardFigures:
    today = today or timezone.localdate()
    bilaterals = Meeting.objects.filter(kind=MeetingKind.BILATERAL, start_date__year=year).aggregate(
        planned=Count("pk", filter=~Q(status=MeetingStatus.CANCELLED)),
        held=Count("pk", filter=Q(status=MeetingStatus.HELD)),
    )
    steps = dict(
        IndividualisedApproachRequest.objects.filter(
            Q(requested_on__year=year)
            | Q(scheduled_on__year=year)
            | Q(held_on__year=year)
            | Q(report_published_on__year=year)
        )
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    overdue = list(
        FollowUp.objects.overdue(today).select_related("meeting", "state", "meeting__state").order_by("due_date")[:10]
    )
    return DashboardFigures(
        year=year,
        bilateral_planned=bilaterals["planned"],
        bilateral_held=bilaterals["held"],
        ia_by_step=[(IAStep(s).label, steps.get(s, 0)) for s in IA_STEP_ORDER],
        open_followups=FollowUp.objects.open().count(),
        overdue_followups=overdue,
        upcoming=list(Meeting.objects.upcoming(today).for_lists().order_by("start_date")[:5]),
    )


# --- reads for the conclusions document -------------------------------------------------------


def committee_meetings_in_year(*, committee, year: int, up_to: datetime.date | None = None) -> list:
    """The committee's meetings in a year (starting up to `up_to` when given), not cancelled, in date order."""
    meetings = Meeting.objects.filter(committees=committee, start_date__year=year)
    if up_to is not None:
        meetings = meetings.filter(start_date__lte=up_to)
    return list(
        meetings.exclude(status="cancelled")
        .select_related("state", "parent")
        .prefetch_related("committees")
        .order_by("start_date", "pk")
    )


def preliminary_observations_in_year(*, committee, year: int) -> list:
    """The committee's preliminary observations submitted to a meeting held in `year`, in date order."""
    return list(
        PreliminaryObservations.objects.filter(committee=committee, meeting__start_date__year=year)
        .select_related("meeting", "cycle")
        .order_by("meeting__start_date", "pk")
    )


def first_intersessional(*, year: int):
    """The year's intersessional meetings (the first, when several are recorded), or None."""
    return (
        Meeting.objects.filter(kind="intersessional", start_date__year=year)
        .exclude(status="cancelled")
        .order_by("start_date")
        .first()
    )


def bilateral_series_in_year(*, committee, year: int):
    return (
        BilateralSeries.objects.filter(committees=committee, start_date__year=year)
        .prefetch_related("committees", "meetings__state")
        .order_by("start_date")
    )


def individualised_requests_up_to(*, year: int, committee=None, up_to: datetime.date | None = None) -> list:
    """Requests for the individualised approach made in `year` or before (and up to `up_to`), oldest first;
    only those the committee supports when one is given. Each IA meeting's documents are prefetched."""
    requests = IndividualisedApproachRequest.objects.filter(requested_on__year__lte=year)
    if committee is not None:
        requests = requests.filter(committee=committee)
    if up_to is not None:
        requests = requests.filter(requested_on__lte=up_to)
    return list(
        requests.select_related("state", "meeting__parent", "requested_at")
        .prefetch_related("meeting__documents")
        .order_by("requested_on", "pk")
    )


def has_final_report(request: IndividualisedApproachRequest) -> bool:
    """Whether the final report of the request's meeting is written: published, or uploaded to the meeting."""
    if request.report_published_on:
        return True
    meeting = request.meeting
    return meeting is not None and any(d.kind == DocumentKind.FINAL_REPORT for d in meeting.documents.all())


def priority_period(*, committee, start_year: int):
    """The committee's priority actions adopted for the period starting in `start_year`, or None; each action
    with the one it carries over."""
    return (
        PriorityActionPeriod.objects.filter(committee=committee, start_year=start_year)
        .prefetch_related("actions__carried_over_from")
        .first()
    )


def priority_actions_left_behind(*, committee, before_year: int) -> list:
    """Actions of the committee's previous period (the last one starting before `before_year`) that are not
    done and that no later action carries over: the ISU decides whether they continue."""
    previous = (
        PriorityActionPeriod.objects.filter(committee=committee, start_year__lt=before_year)
        .order_by("-start_year")
        .first()
    )
    if previous is None:
        return []
    return list(previous.actions.exclude(status="done").filter(carried_over_to__isnull=True).order_by("number"))


def meeting_by_code(code: str) -> Meeting | None:
    return Meeting.objects.filter(code__iexact=code).first()
