import pytest
from django.urls import reverse

from reporting.demo import FIRST_YEAR, SEED_STATES
from reporting.models import Report, ReportVersion
from reporting.sections import SECTIONS
from reporting.tables import ROW_MODELS, TABLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_data, db):
    """The demo, loaded once for this module (conftest.demo_data)."""


def _rows(version, table) -> int:
    return getattr(version, f"{table.model.__name__.lower()}_set").count()


def test_demo_seed_states_report_rows_in_every_form_labelled_illustrative_and_unchanged_forms_carry(demo, client):
    # Serbia: affected, a former producer, mines retained and kept command-detonated: every form applies
    report = Report.objects.get(state__iso3="SRB", cycle__year=FIRST_YEAR)
    version = report.current_version
    sections = version.content["sections"]
    assert {key for key, entry in sections.items() if entry["mode"] != "filled"} == set()
    without_rows = [s.key for s in SECTIONS if s.tables and not any(_rows(version, t) for t in s.tables)]
    assert without_rows == []
    assert _rows(version, TABLES["c"][0]) and _rows(version, TABLES["c"][1])  # mined areas and land released
    assert {r.status for r in version.minedarearow_set.all()} == {"confirmed", "suspected"}
    assert {r.method for r in version.landreleaserow_set.all()} == {"cancelled", "reduced", "cleared"}
    assert version.area_contaminated_m2 == sum(r.size_m2 for r in version.minedarearow_set.all())
    assert sections["j"]["fields"]["va_disability_reached"] is not None
    assert sections["d"]["fields"]["intended_purpose"]
    assert sections["cover"]["fields"]["remarks"] == "Illustrative demo figures, not the State's official report."
    # every seed State's reports are there, every version labelled illustrative, every row model used
    seed_versions = ReportVersion.objects.filter(report__state__iso3__in=SEED_STATES)
    assert seed_versions.filter(report__cycle__year=FIRST_YEAR).count() >= len(SEED_STATES) - 1  # ETH is missing
    assert not ReportVersion.objects.exclude(content__illustrative=True).exists()
    assert [m.__name__ for m in ROW_MODELS if not m.objects.exists() and m.__name__ != "ForeignStockpileRow"] == []
    # a previously unknown stockpile (the Democratic Republic of the Congo, the year after)
    cod = Report.objects.get(state__iso3="COD", cycle__year=FIRST_YEAR + 1).current_version
    assert cod.discoveredstockpilerow_set.get().mine_type == "PMA-3"
    assert cod.mines_stockpiled == 212

    page = client.get(reverse("reporting:public", args=["SRB", FIRST_YEAR]))
    assert "Illustrative figures for the demonstration" in page.content.decode()
    printed = client.get(reverse("reporting:print", args=["SRB", FIRST_YEAR, version.number]))
    assert "Illustrative figures for the demonstration" in printed.content.decode()

    # forms marked unchanged in a later year carry the earlier content (one demo load for both checks)
    later = Report.objects.get(state__iso3="SRB", cycle__year=FIRST_YEAR + 1).current_version
    first = version
    for key in ("a", "e", "h"):
        entry = later.content["sections"][key]
        assert entry["mode"] == "no_change"
        assert entry["unchanged_since"] == FIRST_YEAR
        assert entry["carried"]["tables"] == first.content["sections"][key]["tables"]
    # a stock carries (no change in form B would keep it); a flow of the year is reported afresh
    assert later.minedarearow_set.exists() and later.area_contaminated_m2 < first.area_contaminated_m2


def test_a_contact_copied_as_no_stays_private():
    # prefill and amendment copy a submitted row as typed: False becomes "no", which must stay unticked
    from reporting.sections import SECTION_BY_KEY, bound_tables, section_raw

    raw = section_raw(
        {"cover": {"tables": {"contacts": [{"organisation": "MAC", "email": "a@b.org", "is_public": "no"}]}}},
        "cover",
    )
    formset = bound_tables(SECTION_BY_KEY["cover"], raw, strict=False)["contacts"]
    assert formset.is_valid()
    assert formset.forms[0].cleaned_data["is_public"] is False
