import pytest
from django.core.exceptions import ValidationError

from committee.models import Committee
from committee.selectors import committee_composition
from committee.services import committee_membership_add, committee_year_set
from states.tests.factories import StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee():
    return Committee.objects.create(slug="cooperation-assistance", name_en="C&A")


@pytest.fixture
def states():
    return [StateFactory(iso3=f"S{c}{c}", iso2=f"{c}{c}") for c in "KLMNO"]


def test_a_fifth_member_in_a_year_is_refused(committee, states):
    for s in states[:2]:
        committee_membership_add(committee=committee, state=s, term_start=2022)
    for s in states[2:4]:
        committee_membership_add(committee=committee, state=s, term_start=2023)
    with pytest.raises(ValidationError) as exc:
        committee_membership_add(committee=committee, state=states[4], term_start=2023)
    assert "four members in 2023" in str(exc.value)
    assert len(committee_composition(committee=committee, year=2023).members) == 4
    assert committee_composition(committee=committee, year=2023).problems == ["No chair is recorded for this year."]


def test_chair_must_be_in_second_year_of_its_term(committee, states):
    committee_membership_add(committee=committee, state=states[0], term_start=2022)
    committee_membership_add(committee=committee, state=states[1], term_start=2023)
    with pytest.raises(ValidationError) as exc:
        committee_year_set(committee=committee, year=2023, chair=states[1])
    assert "second year" in str(exc.value)
    cy = committee_year_set(committee=committee, year=2023, chair=states[0], gender_focal_point=states[1]).obj
    assert cy.chair == states[0]


def test_chair_and_focal_point_must_be_members(committee, states):
    with pytest.raises(ValidationError) as exc:
        committee_year_set(committee=committee, year=2023, chair=states[0], gender_focal_point=states[1])
    assert set(exc.value.message_dict) == {"chair", "gender_focal_point"}


def test_composition_with_three_members_is_flagged(committee, states):
    for s in states[:3]:
        committee_membership_add(committee=committee, state=s, term_start=2023)
    assert "3 members" in committee_composition(committee=committee, year=2023).problems[0]


def test_isu_form_shows_rule_error_next_to_field_and_keeps_input(client, cast, committee, states):
    committee_membership_add(committee=committee, state=states[0], term_start=2023)
    client.force_login(cast.isu)
    response = client.post(
        "/committees/cooperation-assistance/year/", {"year": 2023, "chair": states[0].pk, "gender_focal_point": ""}
    )
    assert response.status_code == 200
    assert "second year" in str(response.context["form"].errors["chair"])
    assert response.context["form"]["year"].value() == "2023"
