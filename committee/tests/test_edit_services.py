"""Setting a year's chair says when nothing changed."""

import pytest

from committee.models import Committee, CommitteeMembership, CommitteeYear
from committee.services import committee_year_set

pytestmark = pytest.mark.django_db


def test_setting_the_same_chair_again_changes_nothing(cast):
    committee = Committee.objects.create(slug="c", name_en="C")
    CommitteeMembership.objects.create(committee=committee, state=cast.state_a, term_start=2022)
    first = committee_year_set(committee=committee, year=2023, chair=cast.state_a)
    assert first.changed
    history = CommitteeYear.history.count()
    assert not committee_year_set(committee=committee, year=2023, chair=cast.state_a)
    assert CommitteeYear.history.count() == history
    assert committee_year_set(committee=committee, year=2023, chair=None).changed == ("chair",)
