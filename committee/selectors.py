from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import MEMBERS_PER_YEAR, Committee, CommitteeMembership, CommitteeYear


@dataclass
class Composition:
    year: int
    members: list[CommitteeMembership]
    chair_id: int | None
    gender_focal_point_id: int | None

    @property
    def problems(self) -> list[str]:
        problems = []
        if len(self.members) != MEMBERS_PER_YEAR:
            problems.append(_("The committee has %(n)s members this year instead of four.") % {"n": len(self.members)})
        if self.chair_id is None:
            problems.append(_("No chair is recorded for this year."))
        return problems


def committee_composition(*, committee: Committee, year: int) -> Composition:
    members = list(
        CommitteeMembership.objects.filter(committee=committee)
        .in_year(year)
        .select_related("state")
        .order_by("state__name_en")
    )
    cy = CommitteeYear.objects.filter(committee=committee, year=year).first()
    return Composition(
        year=year,
        members=members,
        chair_id=cy.chair_id if cy else None,
        gender_focal_point_id=cy.gender_focal_point_id if cy else None,
    )
