"""Access to the workplan: the committee (chair, members) and the ISU read and edit it; delegates do not.

The gender focal point is a committee member State, so its chair/member users edit through the same
rule. Published statements and public panels are also listed for everyone (`outputs` page).
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.roles import require_committee
from committee.models import Committee

from .models import Contact, Statement, WorkplanItem

# Workplans exist from the Oslo Review Conference onwards; other years in an address are not found.
MIN_YEAR, MAX_YEAR = 1999, 2100


def require_workplan_access(user) -> None:
    require_committee(user)


def get_committee_for_workplan(user, slug: str, *, write: bool = False, year: int | None = None) -> Committee:
    require_workplan_access(user)
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    return get_object_or_404(Committee, slug=slug)


def get_item_for_user(user, pk: int, *, write: bool = False) -> WorkplanItem:
    require_workplan_access(user)
    return get_object_or_404(WorkplanItem.objects.select_related("committee"), pk=pk)


def get_statement_for_user(user, pk: int, *, write: bool = False) -> Statement:
    require_workplan_access(user)
    return get_object_or_404(Statement.objects.select_related("item__committee"), pk=pk)


def get_contact_for_user(user, pk: int, *, write: bool = False) -> Contact:
    require_workplan_access(user)
    return get_object_or_404(Contact.objects.select_related("item__committee", "state"), pk=pk)
