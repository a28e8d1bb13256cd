"""Access to States: the registry and each State's public profile are public; the ISU records its changes."""

from django.shortcuts import get_object_or_404

from accounts.roles import require_isu

from .models import State


def get_state_for_user(user, iso3: str) -> State:
    return get_object_or_404(State.objects.prefetch_related("memberships"), iso3=iso3.upper())


def can_see_private(user, state: State) -> bool:
    """Non-public data of a State: its own delegates and read-only users, the committee and the ISU."""
    if not user.is_authenticated:
        return False
    return user.is_committee or (user.is_state_user and user.state_id == state.pk)


def require_registry_editor(user) -> None:
    """Accessions and withdrawals are recorded by the ISU only (PermissionDenied otherwise)."""
    require_isu(user)
