"""Writes for committees: memberships, chairs and gender focal points, with the Convention's rules."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.services import Update
from states.models import State

from .models import MEMBERS_PER_YEAR, Committee, CommitteeMembership, CommitteeYear


@transaction.atomic
def committee_membership_add(*, committee: Committee, state: State, term_start: int) -> CommitteeMembership:
    """Add a two-year term; a committee never has more than four members in a year."""
    Committee.objects.select_for_update().get(pk=committee.pk)
    for year in (term_start, term_start + 1):
        current = CommitteeMembership.objects.filter(committee=committee).in_year(year)
        if current.filter(state=state).exists():
            raise ValidationError(
                {
                    "state": _("%(state)s is already a member of this committee in %(year)s.")
                    % {"state": state, "year": year}
                }
            )
        if current.count() >= MEMBERS_PER_YEAR:
            raise ValidationError(
                {"term_start": _("The committee already has four members in %(year)s.") % {"year": year}}
            )
    return CommitteeMembership.objects.create(committee=committee, state=state, term_start=term_start)


def _member_in_year(committee: Committee, state: State, year: int) -> CommitteeMembership | None:
    return CommitteeMembership.objects.filter(committee=committee, state=state).in_year(year).first()


@transaction.atomic
def committee_year_set(
    *, committee: Committee, year: int, chair: State | None, gender_focal_point: State | None = None
) -> Update[CommitteeYear]:
    """Set the chair and gender focal point; the chair must be in the second year of its term."""
    errors = {}
    if chair is not None:
        membership = _member_in_year(committee, chair, year)
        if membership is None:
            errors["chair"] = _("%(state)s is not a member of this committee in %(year)s.") % {
                "state": chair,
                "year": year,
            }
        elif membership.year_of_term(year) != 2:
            errors["chair"] = _(
                "The chair must be a member in the second year of its term; %(state)s is in its first year in %(year)s."
            ) % {"state": chair, "year": year}
    if gender_focal_point is not None and _member_in_year(committee, gender_focal_point, year) is None:
        errors["gender_focal_point"] = _("The gender focal point must be a member of the committee in %(year)s.") % {
            "year": year
        }
    if errors:
        raise ValidationError(errors)
    wanted = {"chair": chair, "gender_focal_point": gender_focal_point}
    obj = CommitteeYear.objects.select_for_update().filter(committee=committee, year=year).first()
    if obj is None:
        return Update(CommitteeYear.objects.create(committee=committee, year=year, **wanted), tuple(wanted))
    changed = [name for name, value in wanted.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, wanted[name])
    if changed:
        obj.save(update_fields=changed)
    return Update(obj, tuple(changed))
