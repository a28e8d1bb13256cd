"""Access to committees: composition is public; changing it is for ISU staff."""

from django.shortcuts import get_object_or_404

from accounts.roles import require_isu

from .models import Committee


def get_committee_for_user(user, slug: str, *, write: bool = False) -> Committee:
    committee = get_object_or_404(Committee, slug=slug)
    if write:
        require_isu(user)
    return committee
