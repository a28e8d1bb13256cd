"""The official forms as typed tables: every row frozen into its model, blank is not zero, computed
totals, the cover page's private contacts, "unchanged since" carrying the last content, prefill."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from conftest import client_for
from reporting import services
from reporting.models import Report
from reporting.sections import SECTION_BY_KEY, Mode, section_raw
from reporting.tables import TABLES, table_totals

from .factories import CycleFactory, complete_draft
from .roundtrip import _row_values

pytestmark = pytest.mark.django_db
YEAR = 2022


def _typed_row(table) -> dict:
    """A valid row for the table, every column filled (booleans as the editor stores them)."""
    return {name: ("yes" if value == "on" else value) for name, value in _row_values(table).items()}


def _start(cast, year=YEAR, state=None, delegate=None) -> Report:
    cycle = CycleFactory(year=year)
    return services.report_start(
        state=state or cast.state_a, cycle=cycle, by=delegate or cast.delegate_a, prefill_from_last_year=False
    )


def _save(report, draft, by):
    report.refresh_from_db()
    return services.report_save_draft(report=report, data=draft, by=by, expected_version_token=report.version_token).obj


def _submit(report, by, when="2023-04-20 10:00"):
    with time_machine.travel(datetime.datetime.fromisoformat(when).replace(tzinfo=datetime.UTC), tick=False):
        return services.report_submit(report=report, by=by)


def test_every_table_of_every_form_is_frozen_into_its_typed_model(cast):
    draft = complete_draft()
    for key, tables in TABLES.items():
        entry = draft.setdefault(key, {"mode": "filled", "fields": {"text": "x"}, "rows": []})
        entry["tables"] = {t.key: [_typed_row(t)] for t in tables}
    report = _save(_start(cast), draft, cast.delegate_a)
    assert services.report_problems(services.report_check(report=report)) == []
    version = _submit(report, cast.delegate_a)
    for tables in TABLES.values():
        for table in tables:
            row = table.model.objects.get(version=version)
            for name in table.columns:
                value = getattr(row, name)
                expected = _row_values(table)[name]
                if expected == "on":
                    assert value is True, (table.key, name)
                elif isinstance(value, datetime.date):
                    assert value.isoformat() == expected, (table.key, name)
                elif isinstance(value, Decimal):
                    assert value == Decimal(expected), (table.key, name)
                else:
                    assert str(value) == expected, (table.key, name, value)
    # the headline figures are computed from the rows, never typed
    assert version.mines_stockpiled == 7 + 7  # stockpile + previously unknown stockpile
    assert version.area_contaminated_m2 == Decimal("7.5")
    assert version.mines_destroyed == 7


def test_an_empty_figure_must_be_given_or_confirmed_not_reported_and_is_never_shown_as_zero(cast):
    draft = complete_draft()
    draft["c"]["tables"]["areas"].append(
        {"location": "Kolda", "status": "suspected", "size_m2": "5000", "estimated_quantity": ""}
    )
    report = _save(_start(cast), draft, cast.delegate_a)
    problems = services.report_problems(services.report_check(report=report))
    assert [(p.section, p.field_id) for p in problems] == [("c", "id_areas-1-estimated_quantity")]
    assert "0 if none" in problems[0].message
    # the State confirms that the empty figures are not reported: the row is kept, its figure NULL
    draft["c"]["fields"]["blanks_confirmed"] = "yes"
    report = _save(report, {"c": draft["c"]}, cast.delegate_a)
    assert services.report_problems(services.report_check(report=report)) == []
    version = _submit(report, cast.delegate_a)
    assert version.minedarearow_set.get(location="Kolda").estimated_quantity is None
    page = client_for(cast, "anon").get(reverse("reporting:public", args=[cast.state_a.iso3, YEAR])).content.decode()
    table = page[page.index('id="table-c-areas"') :]
    table = table[: table.index("</table>")]
    assert "not reported" in table and ">0<" not in table
    assert "40 (1 row(s) not reported)" in table


def test_totals_are_computed_per_group_and_say_what_is_not_reported():
    table = next(t for t in TABLES["c"] if t.key == "released")
    rows = [
        {"method": "cleared", "area_m2": Decimal("1000"), "mines_destroyed": 3},
        {"method": "cleared", "area_m2": Decimal("500.5"), "mines_destroyed": None},
        {"method": "cancelled", "area_m2": Decimal("20000"), "mines_destroyed": 0},
    ]
    lines = table_totals(table, rows)
    assert lines[0].startswith("Cancelled through non-technical survey: Area (m²): 20,000")
    assert "Cleared: Area (m²): 1,500.5; Mines found and destroyed: 3 (1 row(s) not reported)" in lines
    assert lines[-1].startswith("All rows: Area (m²): 21,500.5")


def test_contacts_are_private_unless_made_public(cast):
    draft = complete_draft()
    draft["cover"]["tables"]["contacts"].append(
        {"name": "Public Person", "organisation": "Ministry", "email": "public@example.org", "is_public": "yes"}
    )
    report = _save(_start(cast), draft, cast.delegate_a)
    _submit(report, cast.delegate_a)
    url = reverse("reporting:public", args=[cast.state_a.iso3, YEAR])
    public = client_for(cast, "anon").get(url).content.decode()
    assert "public@example.org" in public and "contact@example.org" not in public
    own = client_for(cast, "delegate_a").get(url).content.decode()
    assert "public@example.org" in own and "contact@example.org" in own
    other = client_for(cast, "delegate_b").get(url).content.decode()
    assert "contact@example.org" not in other


def test_unchanged_since_carries_what_was_reported_then_and_the_stock_figures(cast):
    first = _save(_start(cast, 2022), complete_draft(), cast.delegate_a)
    _submit(first, cast.delegate_a)
    second = _start(cast, 2023)
    draft = complete_draft()
    draft["cover"]["fields"].update(period_from="2023-01-01", period_to="2023-12-31")
    draft["c"] = {"mode": "no_change", "fields": {}, "rows": []}
    draft["g"] = {"mode": "no_change", "fields": {}, "rows": []}
    second = _save(second, draft, cast.delegate_a)
    # the editor names the year the form is unchanged since
    page = client_for(cast, "delegate_a").get(reverse("reporting:edit", args=[cast.state_a.iso3, 2023]) + "?section=c")
    assert "Unchanged since the report on 2022" in page.content.decode()
    version = _submit(second, cast.delegate_a, when="2024-04-20 10:00")
    entry = version.content["sections"]["c"]
    assert entry["mode"] == Mode.NO_CHANGE and entry["unchanged_since"] == 2022
    assert entry["carried"]["tables"]["areas"][0]["location"] == "Ziguinchor"
    assert version.area_contaminated_m2 == Decimal("1250000.50")  # a stock: still there
    assert version.area_released_m2 is None and version.mines_destroyed is None  # flows of 2022: not again
    # the typed rows too: what stands is frozen again with the new version, what happened in 2022 is not
    area = version.minedarearow_set.get()
    assert (area.location, area.size_m2) == ("Ziguinchor", Decimal("1250000.50"))
    assert not version.landreleaserow_set.exists() and not version.destroyedrow_set.exists()
    public = client_for(cast, "anon").get(reverse("reporting:public", args=[cast.state_a.iso3, 2023]))
    text = public.content.decode()
    assert "Unchanged since the report on 2022; as reported then:" in text and "Ziguinchor" in text


def test_nothing_new_marks_every_form_reported_before_unchanged(cast):
    first = _save(_start(cast, 2022), complete_draft(), cast.delegate_a)
    _submit(first, cast.delegate_a)
    second = _start(cast, 2023)
    second.refresh_from_db()
    client = client_for(cast, "delegate_a")
    url = reverse("reporting:edit", args=[cast.state_a.iso3, 2023])
    cover = second.draft_data["cover"]
    post = {
        "section": "cover",
        "token": str(second.version_token),
        "action": "nothing_new",
        **cover["fields"],
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
    }
    response = client.post(url, post, follow=True)
    assert "marked unchanged since its last report: A, B, C, D, E, F, G, H, I, J" in response.content.decode()
    second.refresh_from_db()
    assert all(section_raw(second.draft_data, k)["mode"] == Mode.NO_CHANGE for k in "abcdefghij")
    assert section_raw(second.draft_data, "ca")["mode"] == Mode.FILLED  # not one of the Convention's forms
    post["token"] = str(second.version_token)
    again = client.post(url, post, follow=True).content.decode()
    assert "No change" in again


def test_prefill_copies_every_row_of_every_table(cast):
    draft = complete_draft()
    for key, tables in TABLES.items():
        entry = draft.setdefault(key, {"mode": "filled", "fields": {"text": "x"}, "rows": []})
        entry["tables"] = {t.key: [_typed_row(t)] for t in tables}
    _submit(_save(_start(cast, 2022), draft, cast.delegate_a), cast.delegate_a)
    report = services.report_start(
        state=cast.state_a, cycle=CycleFactory(year=2023), by=cast.delegate_a, prefill_from_last_year=True
    )
    for key, tables in TABLES.items():
        for table in tables:
            rows = section_raw(report.draft_data, key)["tables"][table.key]
            assert len(rows) == 1, (key, table.key)
    assert SECTION_BY_KEY["cover"].tables[0].key in report.draft_data["cover"]["tables"]
