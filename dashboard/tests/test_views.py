import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from conftest import client_for

pytestmark = pytest.mark.django_db


def _get(world, url, role="chair"):
    return client_for(world.cast, role).get(url)


def test_chair_lands_on_the_dashboard_after_login(world):
    response = client_for(world.cast, "chair").get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:index")


def test_dashboard_shows_the_current_cycle_by_default(world):
    response = _get(world, reverse("dashboard:index"))
    assert response.status_code == 200
    assert response.context["year"] == 2022
    html = response.content.decode()
    assert "Article 7 reports on 2022" in html


def test_every_headline_figure_links_to_the_states_behind_it(world):
    html = _get(world, reverse("dashboard:index")).content.decode()
    for kind, value in [("submitted", 2), ("owed", 4), ("on_time", 1), ("late", 1), ("missing", 2)]:
        url = reverse("dashboard:drilldown", kwargs={"kind": kind})
        assert f'href="{url}?year=2022">{value}</a>' in html, kind
    for kind, value in [("ca_quantitative", 2), ("gender_info", 1), ("no_gender", 1)]:
        url = reverse("dashboard:drilldown", kwargs={"kind": kind})
        assert f'href="{url}?year=2022">{value}</a>' in html, kind


def test_outstanding_states_show_days_late_and_last_reminder(world):
    html = _get(world, reverse("dashboard:index")).content.decode()
    assert "46 days late" in html
    assert "overdue notice (1 days late)" in html
    assert "none sent" in html  # FFF has never been reminded


def test_year_picker_changes_the_cycle(world):
    response = _get(world, reverse("dashboard:index") + "?year=2021")
    assert response.context["year"] == 2021
    assert response.context["data"].reporting.counts["owed"] == 5


def test_an_impossible_year_falls_back_to_the_current_cycle_with_a_message(world):
    response = _get(world, reverse("dashboard:index") + "?year=abc")
    assert response.context["year"] == 2022
    assert "no reports on that year" in response.content.decode()


def test_trend_chart_is_inline_svg_with_a_text_alternative(world):
    html = _get(world, reverse("dashboard:index")).content.decode()
    assert '<svg class="dash-chart"' in html
    assert 'role="img"' in html
    assert "2021: 20%; 2022: 50%" in html  # <desc>
    assert "Figures behind the chart" in html


def test_chart_coordinates_are_not_localised(world):
    client = client_for(world.cast, "chair")
    client.cookies["django_language"] = "fr"
    html = client.get(reverse("dashboard:index")).content.decode()
    svg = html[html.index('<svg class="dash-chart"') : html.index("</svg>", html.index('<svg class="dash-chart"'))]
    import re

    assert not re.search(r'(?:x|y|width|height)="\d+,\d+"', svg)


def test_page_has_no_inline_script_and_no_cdn(world):
    html = _get(world, reverse("dashboard:index")).content.decode()
    assert "<script>" not in html
    assert "cdn" not in html.lower()


def test_other_apps_panels_appear_on_the_dashboard(world):
    response = _get(world, reverse("dashboard:index"))
    templates = [p.template for p in response.context["panels"]]
    assert templates[0] == "dashboard/panels/reporting.html"
    assert "dashboard/panels/cooperation.html" in templates
    assert "dashboard/panels/upcoming.html" in templates


def test_ca_totals_link_to_their_rows(world):
    html = _get(world, reverse("dashboard:index")).content.decode()
    url = reverse("dashboard:drilldown", kwargs={"kind": "ca-rows"})
    assert f"{url}?year=2022&amp;purpose=risk_education&amp;direction=received&amp;currency=USD" in html


def test_drilldown_lists_the_states_of_a_figure(world):
    response = _get(world, reverse("dashboard:drilldown", kwargs={"kind": "missing"}) + "?year=2022")
    assert response.status_code == 200
    names = [row[0].value for row in response.context["table"].rows]
    assert names == ["Chairland", "Fourthland"]


def test_drilldown_of_an_unknown_kind_is_404(world):
    assert _get(world, reverse("dashboard:drilldown", kwargs={"kind": "nope"})).status_code == 404


def test_ca_rows_drilldown_filters_and_shows_filters(world):
    url = reverse("dashboard:drilldown", kwargs={"kind": "ca-rows"}) + "?year=2022&direction=provided"
    response = _get(world, url)
    assert response.context["page"].paginator.count == 2
    assert ("Direction", "Provided") in response.context["filters"]


def test_drilldown_csv_export_has_every_state(world):
    url = reverse("dashboard:drilldown", kwargs={"kind": "owed"}) + "?year=2022&export=csv"
    response = _get(world, url)
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="owed-2022.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["State", "ISO", "Status"]
    assert sorted(r[1] for r in rows[1:]) == ["AAA", "BBB", "CCC", "FFF"]


def test_drilldown_xlsx_export_keeps_numbers_as_numbers(world):
    url = reverse("dashboard:drilldown", kwargs={"kind": "ca-rows"}) + "?year=2022&currency=USD&export=xlsx"
    response = _get(world, url)
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.values)
    assert rows[0][6] == "Amount"
    assert rows[1][6] == 50000 and rows[1][7] == "USD"
    assert len(rows) == 2


def test_each_dashboard_table_exports_as_csv_and_xlsx(world):
    from dashboard.build import TABLE_KEYS

    client = client_for(world.cast, "isu")
    for key in TABLE_KEYS:
        for fmt in ("csv", "xlsx"):
            url = reverse("dashboard:export", kwargs={"table": key, "fmt": fmt}) + "?year=2022"
            response = client.get(url)
            assert response.status_code == 200, (key, fmt)
            assert f"dashboard-{key}-2022.{fmt}" in response["Content-Disposition"]


def test_reporting_table_export_matches_the_figures(world):
    url = reverse("dashboard:export", kwargs={"table": "reporting", "fmt": "csv"}) + "?year=2022"
    rows = list(csv.reader(io.StringIO(_get(world, url).content.decode("utf-8-sig"))))
    got = {r[0]: (r[1], r[2]) for r in rows[1:]}
    assert got["States owing a report"] == ("4", "")
    assert got["Reports received"] == ("2", "50")
    assert got["C&A information but nothing on gender"] == ("1", "50")


def test_french_table_export_splits_on_semicolons_with_a_bom(world):
    world.cast.chair.preferred_language = "fr"
    world.cast.chair.save(update_fields=["preferred_language"])
    url = reverse("dashboard:export", kwargs={"table": "reporting", "fmt": "csv"}) + "?year=2022"
    data = _get(world, url).content
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert all(len(r) == len(rows[0]) > 1 for r in rows)
    assert ("2", "50") in {(r[1], r[2]) for r in rows[1:]}
    assert "," not in data.decode("utf-8-sig").splitlines()[0]


def test_csv_export_neutralises_formulas(world):
    from dashboard.exports import table_csv
    from dashboard.tables import Cell, Table

    table = Table(key="t", title="t", columns=["a"], rows=[[Cell("=HYPERLINK(1)")], [Cell(-5, kind="int")]])
    text = table_csv(table).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text
    assert "\r\n-5\r\n" in text


def test_unknown_export_table_is_404(world):
    url = reverse("dashboard:export", kwargs={"table": "nope", "fmt": "csv"})
    assert _get(world, url).status_code == 404
    url = reverse("dashboard:export", kwargs={"table": "trend", "fmt": "pdf"})
    assert _get(world, url).status_code == 404


@pytest.mark.parametrize("role, status", [("delegate_a", 403), ("delegate_b", 403), ("member", 200), ("isu", 200)])
def test_only_the_committee_and_isu_see_the_dashboard(world, role, status):
    assert _get(world, reverse("dashboard:index"), role).status_code == status


def test_anonymous_visitor_is_sent_to_log_in(world):
    response = client_for(world.cast, "anon").get(reverse("dashboard:index"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_obligations_drilldown_lists_states_owing_a_deadline(world):
    url = reverse("dashboard:drilldown", kwargs={"kind": "obligations"}) + "?source=article7&cycle=2023"
    response = _get(world, url)
    assert [row[1].value for row in response.context["table"].rows] == ["CCC", "FFF"]


def test_obligations_drilldown_without_source_is_404(world):
    url = reverse("dashboard:drilldown", kwargs={"kind": "obligations"})
    assert _get(world, url).status_code == 404


def test_rows_without_amount_and_outstanding_count_are_links(world):
    html = _get(world, reverse("dashboard:index")).content.decode()
    ca = reverse("dashboard:drilldown", kwargs={"kind": "ca-rows"})
    assert f'<a href="{ca}?year=2022&amp;direction=received&amp;amount=none">and 1 row without' in html
    missing = reverse("dashboard:drilldown", kwargs={"kind": "missing"})
    assert f'<a href="{missing}?year=2022">2 States have not submitted their report</a>' in html


def test_ca_rows_without_amount_filter(world):
    url = reverse("dashboard:drilldown", kwargs={"kind": "ca-rows"}) + "?year=2022&amount=none"
    response = _get(world, url)
    assert response.context["page"].paginator.count == 1
    assert ("Qualitative C&A", "") in response.context["filters"]
