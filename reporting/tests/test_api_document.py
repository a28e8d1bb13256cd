"""`/api/reports/<ISO3>/<year>/`: the whole submitted report, every form and row typed."""

import datetime
import json

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from reporting import services
from reporting.tests.factories import CycleFactory, complete_draft, contact_row

pytestmark = pytest.mark.django_db


def _url(iso3="AAA", year=2022):
    return reverse("report-document-detail", kwargs={"iso3": iso3, "year": year})


def _submit(cast, draft, year=2022):
    cycle = CycleFactory(year=year)
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    report = services.report_save_draft(
        report=report, data=draft, by=cast.delegate_a, expected_version_token=report.version_token
    ).obj
    with time_machine.travel(datetime.datetime(year + 1, 4, 20, 10, 0, tzinfo=datetime.UTC), tick=False):
        services.report_submit(report=report, by=cast.delegate_a)
    return report


@pytest.fixture
def submitted(cast):
    draft = complete_draft()
    draft["cover"]["tables"]["contacts"].append(
        contact_row(name="Public Person", email="pub@example.org", is_public="on")
    )
    draft["c"]["fields"]["blanks_confirmed"] = "on"
    draft["c"]["tables"]["areas"].append(
        {"location": "Kolda", "status": "suspected", "size_m2": "", "estimated_quantity": ""}
    )
    draft["e"] = {"mode": "not_applicable", "fields": {}}
    return _submit(cast, draft)


def test_report_document_gives_every_form_with_typed_rows(submitted):
    response = Client().get(_url())
    assert response.status_code == 200
    data = response.json()
    assert data["state"] == "AAA" and data["year"] == 2022 and data["version"] == 1
    assert data["status"] == "on_time"
    cover = data["cover"]
    assert cover["period_from"] == "2022-01-01" and cover["kind"] == "annual"
    assert cover["submitted_on"] == "2023-04-20"
    assert [c["name"] for c in cover["contacts"]] == ["Public Person"]  # the private contact is left out
    assert "is_public" not in cover["contacts"][0]
    forms = data["forms"]
    assert set(forms) == {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "ca", "gender"}
    areas = forms["c"]["tables"]["areas"]
    assert areas[0]["size_m2"] == 1250000.5 and areas[0]["estimated_quantity"] == 40  # numbers, not strings
    assert areas[1]["size_m2"] is None and areas[1]["estimated_quantity"] is None  # not reported
    assert forms["c"]["mode"] == "filled" and forms["c"]["fields"]["text"] == "Casamance"
    assert forms["c"]["tables"]["released"][0] == {
        "method": "cleared",
        "region": "",
        "area_m2": 300000,
        "mines_destroyed": 45,
        "remarks": "",
    }
    assert forms["e"]["mode"] == "not_applicable" and forms["e"]["tables"] == {"facilities": []}
    ca = forms["ca"]
    assert ca["rows"][0]["amount"] == 150000 and ca["rows"][0]["currency"] == "EUR"
    assert ca["fields"]["platform_meetings"] == 2
    assert forms["gender"]["fields"]["gender_text"] == "Mixed survey teams."
    assert "teams" in forms["gender"]["tables"]


def test_a_form_unchanged_since_an_earlier_report_carries_its_rows(cast, submitted):
    draft = complete_draft()
    draft["cover"]["fields"].update({"period_from": "2023-01-01", "period_to": "2023-12-31"})
    draft["d"] = {"mode": "no_change", "fields": {}}
    _submit(cast, draft, year=2023)
    form = Client().get(_url(year=2023)).json()["forms"]["d"]
    assert form["mode"] == "no_change" and form["unchanged_since"] == 2022
    assert form["tables"]["retained"][0]["quantity"] == 120


def test_no_submitted_report_answers_404(cast):
    CycleFactory(year=2022)
    assert Client().get(_url()).status_code == 404
    assert Client().get("/api/reports/AAA/22/").status_code == 404
    assert Client().get("/api/reports/AAB/2022/").json()["detail"]


def test_a_draft_is_not_given(cast):
    from reporting.models import Report

    Report.objects.create(state=cast.state_a, cycle=CycleFactory(year=2022), draft_data=complete_draft())
    assert Client().get(_url()).status_code == 404


def test_openapi_document_describes_the_rows(cast):
    schema = json.loads(Client().get("/api/schema/?format=json").content)
    assert "/api/reports/{iso3}/{year}/" in schema["paths"]
    components = schema["components"]["schemas"]
    area = components["MinedAreaRowSerializer" if "MinedAreaRowSerializer" in components else "MinedAreaRow"]
    assert {"location", "status", "size_m2", "estimated_quantity"} <= set(area["properties"])
    assert area["properties"]["size_m2"]["type"] == "number"
    assert "casualties" in components["FormJTables"]["properties"]
