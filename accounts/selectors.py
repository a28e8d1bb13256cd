"""Reads of users: who acts for a State (for every app), people's API tokens, and every token for the ISU."""

from collections.abc import Iterable

from django.db.models import QuerySet

from .models import STATE_ROLES, ApiToken, Role, User


def active_delegates(state_ids: Iterable[int] | None = None) -> QuerySet[User]:
    """The delegates who act for a State: active and not deactivated. The one definition every app uses."""
    users = User.objects.filter(role=Role.DELEGATE, is_active=True, deactivated_at__isnull=True, state__isnull=False)
    if state_ids is not None:
        users = users.filter(state_id__in=set(state_ids))
    return users


def active_state_users(state_ids: Iterable[int] | None = None) -> QuerySet[User]:
    """The active delegates and read-only users of States (the ISU's list of people by State)."""
    users = User.objects.filter(role__in=STATE_ROLES, is_active=True, deactivated_at__isnull=True, state__isnull=False)
    if state_ids is not None:
        users = users.filter(state_id__in=set(state_ids))
    return users


def active_delegates_by_state(
    state_ids: Iterable[int], *, order_by: tuple[str, ...] = ("email",)
) -> dict[int, list[User]]:
    """The active delegates of each State, in one query."""
    found: dict[int, list[User]] = {}
    for user in active_delegates(state_ids).order_by(*order_by):
        found.setdefault(user.state_id, []).append(user)
    return found


def delegates_to_email(state_id: int) -> list[User]:
    """The active delegates of a State who have an e-mail address, in a stable order."""
    return list(active_delegates([state_id]).exclude(email="").order_by("pk"))


def api_tokens_of(user: User, *, limit: int = 50) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=user).select_related("revoked_by")[:limit])


def api_tokens_for_isu(*, status: str = "active") -> QuerySet[ApiToken]:
    qs = ApiToken.objects.select_related("user", "user__state", "revoked_by").order_by("-created_at", "-pk")
    return qs.active() if status != "all" else qs
