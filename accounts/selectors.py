"""Reads for people's pages: their API tokens, and every token for the ISU."""

from django.db.models import QuerySet

from .models import ApiToken, User


def api_tokens_of(user: User, *, limit: int = 50) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=user).select_related("revoked_by")[:limit])


def api_tokens_for_isu(*, status: str = "active") -> QuerySet[ApiToken]:
    qs = ApiToken.objects.select_related("user", "user__state", "revoked_by").order_by("-created_at", "-pk")
    return qs.active() if status != "all" else qs
