"""Who may see and do what in the Fund.

- A State's delegates draft, edit and submit their own State's applications and upload its final
  report; they see their own State's applications only (another State's look missing: 404).
- A State's read-only users see the same applications as its delegates and take no step (403).
- ISU staff keep the books: record contributions and disbursements, screen eligibility against the
  terms of reference, record the final report received and close the file.
- The committee reviews: chair, members and ISU read everything; the gender-perspective review is
  done by any committee member (the gender focal point is one) or the ISU; the decision is the
  committee's, recorded by its chair or by the ISU on its behalf (a single member does not decide).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.roles import delegate_state_id, is_committee, is_isu, own_state_id, require_committee, require_isu

from .models import Action, Application, TermsOfReference


def _own_delegate(user, application: Application) -> bool:
    return delegate_state_id(user) == application.state_id


def _is_chair(user) -> bool:
    return bool(user.is_authenticated and user.is_chair)


RULES = {
    Action.EDIT: _own_delegate,
    Action.SUBMIT: _own_delegate,
    Action.SCREEN: lambda user, app: is_isu(user),
    Action.GENDER_REVIEW: lambda user, app: is_committee(user),
    Action.DECIDE: lambda user, app: is_isu(user) or _is_chair(user),
    Action.DISBURSE: lambda user, app: is_isu(user),
    Action.UPLOAD_REPORT: lambda user, app: _own_delegate(user, app) or is_isu(user),
    Action.RECEIVE_REPORT: lambda user, app: is_isu(user),
    Action.CLOSE: lambda user, app: is_isu(user),
}


def can(user, action: str, application: Application) -> bool:
    return RULES[action](user, application)


def allowed_actions(user, application: Application) -> set[str]:
    return {action for action, rule in RULES.items() if rule(user, application)}


def applications_for_user(user) -> QuerySet:
    """The applications a user may read: their own State's for a delegate or a read-only user of the
    State, all for the committee."""
    if is_committee(user):
        return Application.objects.all()
    state_id = own_state_id(user)
    if state_id is not None:
        return Application.objects.for_state(state_id)
    return Application.objects.none()


def get_application_for_user(user, pk: int, *, action: str | None = None) -> Application:
    """An application the user may read (Http404 otherwise); with `action`, one they may act on
    (PermissionDenied for a role that may read but not do it)."""
    if not user.is_authenticated:
        raise Http404
    application = get_object_or_404(applications_for_user(user).select_related("state", "terms"), pk=pk)
    if action is not None and not can(user, action, application):
        raise PermissionDenied
    return application


def require_can_apply(user) -> int:
    """A delegate creating an application acts for their own State; returns its id."""
    state_id = delegate_state_id(user)
    if state_id is None:
        raise PermissionDenied
    return state_id


def require_fund_overview(user) -> None:
    require_committee(user)


def require_fund_books(user) -> None:
    """Contributions and terms of reference are recorded by ISU staff."""
    require_isu(user)


def get_terms_for_user(user, pk: int) -> TermsOfReference:
    """The terms of reference are public documents."""
    return get_object_or_404(TermsOfReference, pk=pk)
