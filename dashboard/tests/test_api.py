import pytest
from django.urls import reverse

from conftest import client_for

pytestmark = pytest.mark.django_db

URL = "/api/dashboard/"


def test_api_url_is_registered_under_api_dashboard():
    assert reverse("dashboard-list") == URL


def test_api_returns_the_same_figures_as_the_page(world):
    data = client_for(world.cast, "member").get(URL, {"year": 2022}).json()
    assert data["year"] == 2022
    r = data["reporting"]
    assert r["deadline"] == "2023-04-30"
    assert r["rate"] == 50
    assert r["counts"]["owed"] == 4
    assert r["counts"]["submitted"] == 2
    assert r["counts"]["ca_no_gender"] == 1
    assert r["trend"] == [
        {"year": 2021, "owed": 5, "on_time": 1, "late": 0, "missing": 4, "rate": 20},
        {"year": 2022, "owed": 4, "on_time": 1, "late": 1, "missing": 2, "rate": 50},
    ]
    ccc = next(o for o in r["outstanding"] if o["state"] == "CCC")
    assert ccc["days_left"] == -46
    assert ccc["last_reminder"]["kind"] == "overdue-1"


def test_api_money_is_per_currency_as_decimal_strings(world):
    data = client_for(world.cast, "isu").get(URL, {"year": 2022}).json()
    received = [m for m in data["cooperation"]["by_purpose"] if m["direction"] == "received"]
    assert {(m["purpose"], m["currency"], m["total"]) for m in received} == {
        ("clearance", "EUR", "100000.00"),
        ("risk_education", "USD", "50000.00"),
    }
    assert data["cooperation"]["rows_without_amount"] == {"received": 1}
    assert data["cooperation"]["top_partners"][0]["totals"] == {"EUR": "120000.00"}


def test_api_defaults_to_the_current_cycle(world):
    assert client_for(world.cast, "chair").get(URL).json()["year"] == 2022


@pytest.mark.parametrize("year", ["abc", "1990", "2100"])
def test_api_rejects_an_impossible_year(world, year):
    response = client_for(world.cast, "chair").get(URL, {"year": year})
    assert response.status_code == 400
    assert "year" in response.json()


def test_api_includes_other_apps_panels_as_plain_values(world):
    data = client_for(world.cast, "chair").get(URL, {"year": 2022}).json()
    assert isinstance(data["panels"], dict)


@pytest.mark.parametrize("role", ["anon", "delegate_a", "delegate_b"])
def test_api_is_refused_outside_the_committee(world, role):
    assert client_for(world.cast, role).get(URL).status_code in (401, 403)
