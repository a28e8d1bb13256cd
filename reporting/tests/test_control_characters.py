"""NUL and other control characters typed (or pasted) into a report section or a C&A row: saved
without them, with a message; never a server error (PostgreSQL refuses NUL in JSON)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from conftest import client_for
from reporting import services
from reporting.models import Report

from .factories import CycleFactory

pytestmark = pytest.mark.django_db
YEAR = 2022


def _edit(cast) -> str:
    cycle = CycleFactory(year=YEAR)
    services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    return reverse("reporting:edit", args=[cast.state_a.iso3, YEAR])


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_nul_in_a_section_text_is_removed_with_a_message_and_the_rest_is_saved(cast):
    url = _edit(cast)
    client = client_for(cast, "delegate_a")
    response = client.post(
        url, {"section": "a", "token": "1", "mode": "filled", "text": "Law 12/2005\x00 in force.\x0c\nDecree 3."}
    )
    assert response.status_code == 302
    assert Report.objects.get().draft_data["a"]["fields"]["text"] == "Law 12/2005 in force.\nDecree 3."
    assert _messages(response)[1] == (
        "Invisible control characters (for example from a copy and paste) were removed from: "
        "Measures: supplementary information."
    )
    page = client.get(url + "?section=a").content.decode()
    assert "Law 12/2005 in force." in page


def test_nul_in_a_c_and_a_row_description_is_removed_with_a_message_and_the_row_is_kept(cast):
    url = _edit(cast)
    response = client_for(cast, "delegate_a").post(
        url,
        {
            "section": "ca",
            "token": "1",
            "mode": "filled",
            "platform_exists": "yes",
            "rows-TOTAL_FORMS": "2",
            "rows-INITIAL_FORMS": "0",
            "rows-0-direction": "received",
            "rows-0-partner": f"state:{cast.state_b.iso3}",
            "rows-0-year": "2022",
            "rows-0-amount": "1000.50",
            "rows-0-currency": "EUR",
            "rows-0-purpose": "clearance",
            "rows-0-description": "Clearance\x00 of the northern border",
            "rows-1-direction": "provided",
            "rows-1-amount": "99",
            "rows-1-description": "Risk\x1b education",
        },
    )
    assert response.status_code == 302
    rows = Report.objects.get().draft_data["ca"]["rows"]
    assert [(r["description"], r["amount"]) for r in rows] == [
        ("Clearance of the northern border", "1000.50"),
        ("Risk education", "99"),
    ]
    assert _messages(response)[1].endswith("were removed from: row 1: Description, row 2: Description.")


def test_the_draft_service_never_stores_a_control_character(cast):
    _edit(cast)
    report = Report.objects.get()
    services.report_save_draft(
        report=report,
        data={"a": {"mode": "filled", "fields": {"text": "a\x00b"}, "rows": []}},
        by=cast.delegate_a,
        expected_version_token=1,
    )
    assert Report.objects.get().draft_data["a"]["fields"]["text"] == "ab"


def test_a_clean_save_says_nothing_about_control_characters(cast):
    url = _edit(cast)
    response = client_for(cast, "delegate_a").post(
        url, {"section": "a", "token": "1", "mode": "filled", "text": "Law 12/2005\tin force."}
    )
    assert [m for m in _messages(response) if "control characters" in m] == []
