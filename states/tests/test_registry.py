import datetime

import pytest
from django.core.management import call_command

from accounts.models import User
from committee.models import CommitteeMembership
from states.models import Membership, State
from states.services import region_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_data, db):
    """The demo, loaded once for this module (conftest.demo_data)."""


def test_demo_registry_holds_the_164_states_parties_of_2023_with_translated_names(demo):
    assert State.objects.parties_in(2023).count() == 164
    nld = State.objects.get(iso3="NLD")
    assert (nld.iso2, nld.name_fr, nld.name_es) == ("NL", "Pays-Bas", "Países Bajos")
    assert State.objects.get(iso3="SEN").name_fr == "Sénégal"


def test_demo_registry_holds_the_accessions_and_withdrawals_since_2023(demo):
    # the Marshall Islands and Tonga joined in 2025 (added to the registry with their names)
    assert State.objects.count() == 166
    assert State.objects.parties_in(2025).count() == 166
    mhl = State.objects.get(iso3="MHL")
    assert (mhl.name_fr, mhl.name_es, mhl.region) == ("Îles Marshall", "Islas Marshall", "oceania")
    (m,) = mhl.memberships.all()
    assert (m.instrument_deposited, m.entry_into_force) == (datetime.date(2025, 3, 12), datetime.date(2025, 9, 1))
    assert State.objects.get(iso3="TON").memberships.get().entry_into_force == datetime.date(2025, 12, 1)
    # the Baltic withdrawals took effect on 27 December 2025; Finland's and Poland's in 2026
    assert State.objects.parties_in(2026).count() == 163
    assert State.objects.parties_in(2027).count() == 161
    pol = State.objects.get(iso3="POL").memberships.get()
    assert (pol.withdrawal_notified, pol.withdrawal_effective) == (
        datetime.date(2025, 8, 20),
        datetime.date(2026, 2, 20),
    )
    # Ukraine's notice of July 2025 is a "suspension", not a withdrawal: it is still a Party
    ukr = State.objects.get(iso3="UKR").memberships.get()
    assert ukr.withdrawal_effective is None and "suspends" in ukr.note


def test_load_demo_twice_changes_nothing(demo):
    from simple_history.models import registered_models  # noqa: F401

    from reporting.models import Report, ReportVersion
    from reporting.tables import ROW_MODELS

    def counts():
        return (
            State.objects.count(),
            State.history.count(),
            Membership.history.count(),
            User.objects.count(),
            CommitteeMembership.objects.count(),
            Report.history.count(),
            ReportVersion.objects.count(),
            [m.objects.count() for m in ROW_MODELS],
        )

    before = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert counts() == before


def test_api_lists_164_states_for_2023(demo, client):
    response = client.get("/api/states/?year=2023")
    assert response.status_code == 200
    assert len(response.json()) == 164
    assert client.get("/api/states/?year=2026").json().__len__() == 163


def test_state_list_filters_by_profile_and_region(demo, client):
    response = client.get("/states/?is_affected=true&region=africa")
    names = [s.iso3 for s in response.context["page"]]
    assert "SEN" in names and "NLD" not in names and "COL" not in names
    assert all(State.objects.get(iso3=n).is_affected for n in names)


def test_region_comes_from_time_zone_data_with_ocean_islands_mapped():
    assert region_for("SN") == "africa"
    assert region_for("CV") == "africa"
    assert region_for("IS") == "europe"
    assert region_for("FJ") == "oceania"
    assert region_for("EC") == "americas"  # not Oceania because of the Galápagos
    assert region_for("AU") == "oceania"


def test_api_schema_is_openapi_3(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert b"openapi" in response.content and b"/api/states/" in response.content


def test_impossible_years_are_refused_with_a_message_not_an_error(demo, client):
    assert client.get("/api/states/?year=0").status_code == 400
    response = client.get("/states/?year=0")
    assert response.status_code == 200
    assert "year" in response.context["filter"].errors
