"""Write round trips of the committee forms (see tests/roundtrip.py)."""

from committee.models import Committee, CommitteeMembership, CommitteeYear
from tests.roundtrip import CREATE, Write


def _committee(cast) -> Committee:
    return Committee.objects.get_or_create(slug="cooperation-assistance", defaults={"name_en": "C&A"})[0]


def _year(cast):
    committee = _committee(cast)
    CommitteeMembership.objects.create(committee=committee, state=cast.state_a, term_start=2022)
    CommitteeMembership.objects.create(committee=committee, state=cast.state_b, term_start=2023)
    year = CommitteeYear.objects.create(committee=committee, year=2023)
    return {"kwargs": {"slug": committee.slug}, "obj": year}


ROWS = [
    Write(
        "committee:membership_add",
        "isu",
        lambda cast: {"kwargs": {"slug": _committee(cast).slug}},
        lambda cast, ctx: {"state": cast.state_a.pk, "term_start": "2023"},
        kind=CREATE,
        created=lambda cast, ctx: CommitteeMembership.objects.latest("pk"),
    ),
    # The form asks for the year first, so it cannot show a year's chair back (shows_values=False).
    Write(
        "committee:year_set",
        "isu",
        _year,
        lambda cast, ctx: {"year": "2023", "chair": cast.state_a.pk, "gender_focal_point": cast.state_b.pk},
        shows_values=False,
    ),
]
