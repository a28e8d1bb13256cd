"""Access to questionnaires and responses.

- The ISU builds, edits and circulates questionnaires; the committee (chair, members) and the ISU
  read every questionnaire, its responses, summary and exports.
- A delegate sees the circulated questionnaires sent to their State and answers them for their
  State only; anything else (a draft, another State's questionnaire or response) is a 404.
- A State's read-only users read what its delegates read (the questionnaires sent to the State and
  its responses) and answer nothing: 403 for their own State, 404 for another's.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.roles import delegate_state_id, is_committee, own_state_id, require_committee, require_isu
from states.models import State

from .models import Question, Questionnaire, Recipient, Response


def get_questionnaire_for_user(user, pk: int, *, write: bool = False) -> Questionnaire:
    """The committee reads any questionnaire (the ISU writes); a delegate or a read-only user of a State
    reads those sent to its State."""
    if write:
        require_isu(user)
    questionnaire = get_object_or_404(Questionnaire.objects.select_related("committee"), pk=pk)
    if is_committee(user):
        return questionnaire
    state_id = own_state_id(user)
    if state_id is None:
        raise PermissionDenied
    if (
        not questionnaire.is_circulated
        or not Recipient.objects.filter(questionnaire=questionnaire, state_id=state_id).exists()
    ):
        raise Http404
    return questionnaire


def get_questionnaire_for_results(user, pk: int) -> Questionnaire:
    """Response rate, summary and exports: the committee and the ISU."""
    require_committee(user)
    return get_object_or_404(Questionnaire.objects.select_related("committee"), pk=pk)


def get_questionnaire_to_answer(user, pk: int) -> tuple[Questionnaire, int]:
    """(questionnaire, the delegate's State id): only a delegate of a recipient State answers (a read-only
    user of that State: PermissionDenied; of another State: 404)."""
    state_id = own_state_id(user)
    if state_id is None:
        raise PermissionDenied
    questionnaire = get_object_or_404(Questionnaire.objects.circulated(), pk=pk)
    if not Recipient.objects.filter(questionnaire=questionnaire, state_id=state_id).exists():
        raise Http404
    if delegate_state_id(user) != state_id:
        raise PermissionDenied
    return questionnaire, state_id


def get_questionnaire_to_answer_for(user, pk: int, iso3: str) -> tuple[Questionnaire, State]:
    """The ISU records a recipient State's answers (received by e-mail); other States: 404."""
    require_isu(user)
    questionnaire = get_object_or_404(Questionnaire.objects.circulated(), pk=pk)
    recipient = get_object_or_404(
        Recipient.objects.select_related("state"), questionnaire=questionnaire, state__iso3=iso3.upper()
    )
    return questionnaire, recipient.state


def get_question_for_user(user, pk: int, *, write: bool = False) -> Question:
    if write:
        require_isu(user)
    else:
        require_committee(user)
    return get_object_or_404(Question.objects.select_related("questionnaire"), pk=pk)


def get_response_for_user(user, pk: int, *, write: bool = False) -> Response:
    """The committee reads every response; a delegate or a read-only user only its own State's (another
    State's: 404); writing is for the State's delegates (a read-only user: PermissionDenied)."""
    response = get_object_or_404(Response.objects.select_related("questionnaire", "state", "submitted_by"), pk=pk)
    if is_committee(user) and not write:
        return response
    state_id = own_state_id(user)
    if state_id is None:
        raise PermissionDenied
    if response.state_id != state_id:
        raise Http404
    if write and delegate_state_id(user) != state_id:
        raise PermissionDenied
    return response
