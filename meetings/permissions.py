"""Access to meetings and committee activity.

- Meetings of a public kind (workshop, intersessional, panel, MSP, Review Conference) are public.
- Bilateral and individualised approach meetings, their notes and follow-ups: the committee, the
  ISU and the delegates of the State concerned. Committee meetings: the committee and the ISU.
- Unpublished documents: the committee and the ISU only.
- Every write: ISU staff only. A State's read-only users see what its delegates see.

Another State's object raises Http404 (missing and forbidden look the same); an anonymous visitor
asking for a non-public object is sent to log in; a read-only role asking to write gets 403.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.roles import is_committee, require_committee, require_isu

from .models import (
    BilateralSeries,
    FollowUp,
    IndividualisedApproachRequest,
    Meeting,
    MeetingDocument,
    PanelSpeaker,
    PriorityAction,
)


class LoginNeeded(Exception):
    """Raised for an anonymous visitor asking for a non-public object."""


def login_for_private(view):
    """Send anonymous visitors to the login page when the object they asked for is not public."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LoginNeeded:
            return redirect_to_login(request.get_full_path())

    return wrapper


def _hidden(user) -> Exception:
    return LoginNeeded() if not user.is_authenticated else Http404()


def is_own_state(user, state_id: int | None) -> bool:
    return bool(state_id and user.is_authenticated and user.is_state_user and user.state_id == state_id)


def can_see_meeting(user, meeting: Meeting) -> bool:
    if meeting.is_public or is_committee(user):
        return True
    return meeting.is_state_meeting and is_own_state(user, meeting.state_id)


def can_see_meeting_private(user, meeting: Meeting) -> bool:
    """Notes and follow-ups of a meeting: the committee, and the delegates of the State it was held with."""
    return is_committee(user) or (meeting.is_state_meeting and is_own_state(user, meeting.state_id))


def get_meeting_for_user(user, code: str, *, write: bool = False) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("state", "series", "parent"), code=code)
    if write:
        require_isu(user)
    if not can_see_meeting(user, meeting):
        raise _hidden(user)
    return meeting


def get_document_for_user(user, pk: int, *, write: bool = False) -> MeetingDocument:
    document = get_object_or_404(MeetingDocument.objects.select_related("meeting"), pk=pk)
    if write:
        require_isu(user)
    if not can_see_meeting(user, document.meeting):
        raise _hidden(user)
    if not document.is_published and not is_committee(user):
        raise _hidden(user)
    return document


def get_speaker_for_user(user, pk: int, *, write: bool = False) -> PanelSpeaker:
    speaker = get_object_or_404(PanelSpeaker.objects.select_related("meeting"), pk=pk)
    if write:
        require_isu(user)
    if not can_see_meeting(user, speaker.meeting):
        raise _hidden(user)
    return speaker


def can_see_followup(user, followup: FollowUp) -> bool:
    return is_committee(user) or is_own_state(user, followup.state_concerned_id)


def get_followup_for_user(user, pk: int, *, write: bool = False) -> FollowUp:
    followup = get_object_or_404(FollowUp.objects.select_related("meeting", "state", "owner_user"), pk=pk)
    if write:
        require_isu(user)
    if not can_see_followup(user, followup):
        raise _hidden(user)
    return followup


def get_series_for_user(user, pk: int, *, write: bool = False) -> BilateralSeries:
    """A series lists every State met: the committee's working document."""
    if write:
        require_isu(user)
    require_committee(user)
    return get_object_or_404(BilateralSeries, pk=pk)


def get_ia_request_for_user(user, pk: int, *, write: bool = False) -> IndividualisedApproachRequest:
    ia = get_object_or_404(
        IndividualisedApproachRequest.objects.select_related("state", "meeting", "requested_at"), pk=pk
    )
    if write:
        require_isu(user)
    if not (is_committee(user) or is_own_state(user, ia.state_id)):
        raise _hidden(user)
    return ia


def get_priority_action_for_user(user, pk: int, *, write: bool = False) -> PriorityAction:
    action = get_object_or_404(PriorityAction.objects.select_related("period__committee"), pk=pk)
    if write:
        require_isu(user)
    return action
