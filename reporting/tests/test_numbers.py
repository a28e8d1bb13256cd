"""Numbers in Article 7 reports as people type and read them: 12.000 is twelve thousand in Spanish."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from conftest import client_for
from reporting import services
from reporting.models import Report
from reporting.sections import SECTION_BY_KEY, bound_tables, section_raw

from .factories import CycleFactory, ca_row, complete_draft

pytestmark = pytest.mark.django_db
YEAR = 2022
NNBSP = "\u202f"


def _url(name, cast, *args):
    return reverse(f"reporting:{name}", args=[cast.state_a.iso3, YEAR, *args])


def _speaks(user, lang):
    user.preferred_language = lang
    user.save(update_fields=["preferred_language"])


def _report(cast, draft=None) -> Report:
    cycle = CycleFactory(year=YEAR)
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    if draft is not None:
        report = services.report_save_draft(report=report, data=draft, by=cast.delegate_a, expected_version_token=1).obj
    return report


def _post_b(client, cast, typed, lang, token):
    return client.post(
        _url("edit", cast),
        {
            "section": "b",
            "token": str(token),
            "lang": lang,
            "mode": "filled",
            "text": "",
            "stockpile-TOTAL_FORMS": "1",
            "stockpile-INITIAL_FORMS": "0",
            "stockpile-0-mine_type": "PMN-2",
            "stockpile-0-quantity": typed,
            "discovered-TOTAL_FORMS": "0",
            "discovered-INITIAL_FORMS": "0",
        },
    )


def _stockpile_row(report):
    tables = bound_tables(SECTION_BY_KEY["b"], section_raw(report.draft_data, "b"), strict=True)
    return tables["stockpile"].forms[0]


def test_a_spanish_delegates_twelve_thousand_is_kept_as_typed_and_submitted_as_twelve_thousand(cast):
    report = _report(cast, complete_draft())
    _speaks(cast.delegate_a, "es")
    client = client_for(cast, "delegate_a")
    assert _post_b(client, cast, "12.000", "es", report.version_token + 0).status_code == 302
    report.refresh_from_db()
    assert report.draft_data["b"]["tables"]["stockpile"][0]["quantity"] == "12.000"
    assert report.draft_data["b"]["lang"] == "es"
    page = client.get(_url("edit", cast) + "?section=b").content.decode()
    assert 'value="12.000"' in page and "is-invalid" not in page
    with time_machine.travel(datetime.datetime(2023, 4, 20, 10, tzinfo=datetime.UTC), tick=False):
        services.report_submit(report=report, by=cast.delegate_a)
    report.refresh_from_db()
    assert report.current_version.mines_stockpiled == 12000
    assert report.current_version.content["sections"]["b"]["tables"]["stockpile"][0]["quantity"] == 12000
    assert report.current_version.stockpilerow_set.get().quantity == 12000


def test_a_spanish_draft_reads_the_same_on_an_english_page_and_is_shown_the_english_way(cast):
    report = _report(cast)
    _speaks(cast.delegate_a, "es")
    _post_b(client_for(cast, "delegate_a"), cast, "12.000", "es", report.version_token)
    _speaks(cast.delegate_a, "en")
    page = client_for(cast, "delegate_a").get(_url("edit", cast) + "?section=b").content.decode()
    assert 'value="12,000"' in page
    report.refresh_from_db()
    row = _stockpile_row(report)
    assert row.is_valid() and row.cleaned_data["quantity"] == 12000


def test_twelve_dot_zero_zero_zero_on_an_english_page_is_kept_and_refused_saying_how_it_reads(cast):
    report = _report(cast)
    client = client_for(cast, "delegate_a")
    assert _post_b(client, cast, "12.000", "en", report.version_token).status_code == 302
    page = client.get(_url("edit", cast) + "?section=b").content.decode()
    assert 'value="12.000"' in page
    assert "would be read as 12 in English" in page and "12,000" in page
    report.refresh_from_db()
    with translation.override("en"):
        problems = services.report_problems(services.report_check(report=report))
    assert any("would be read as 12" in p.message for p in problems if p.section == "b")


def test_a_french_delegate_types_spaces_of_any_kind_and_decimal_commas(cast):
    report = _report(cast)
    _speaks(cast.delegate_a, "fr")
    client = client_for(cast, "delegate_a")
    response = client.post(
        _url("edit", cast),
        {
            "section": "c",
            "token": str(report.version_token),
            "lang": "fr",
            "mode": "filled",
            "areas-TOTAL_FORMS": "1",
            "areas-INITIAL_FORMS": "0",
            "areas-0-location": "Ziguinchor",
            "areas-0-status": "confirmed",
            "areas-0-size_m2": "1\u00a0250\u00a0000,50",
            "areas-0-estimated_quantity": "40",
            "released-TOTAL_FORMS": "1",
            "released-INITIAL_FORMS": "0",
            "released-0-method": "cleared",
            "released-0-area_m2": f"300{NNBSP}000",
            "released-0-mines_destroyed": "0",
            "text": "Casamance",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    tables = bound_tables(SECTION_BY_KEY["c"], section_raw(report.draft_data, "c"), strict=True)
    area, released = tables["areas"].forms[0], tables["released"].forms[0]
    assert area.is_valid() and released.is_valid(), (area.errors, released.errors)
    assert str(area.cleaned_data["size_m2"]) == "1250000.50"
    assert released.cleaned_data["area_m2"] == 300000


def test_older_drafts_and_prefilled_values_in_plain_digits_still_read_right(cast):
    draft = complete_draft()
    draft["b"] = {
        "mode": "filled",
        "fields": {"text": ""},
        "tables": {"stockpile": [{"mine_type": "X", "quantity": "12000"}]},
    }
    draft["ca"]["rows"] = [ca_row(amount="25000.50", year="2022")]
    report = _report(cast, draft)
    assert "lang" not in report.draft_data["b"]
    assert services.report_problems(services.report_check(report=report)) == []
    _speaks(cast.delegate_a, "es")
    page = client_for(cast, "delegate_a").get(_url("edit", cast) + "?section=ca").content.decode()
    assert 'value="25.000,50"' in page and 'value="2022"' in page


def test_an_older_draft_with_a_dotted_count_is_not_guessed(cast):
    draft = complete_draft()
    draft["g"] = {
        "mode": "filled",
        "fields": {"text": ""},
        "tables": {"destroyed": [{"article": "art5", "mine_type": "X", "quantity": "12.000"}]},
    }
    report = _report(cast, draft)
    with translation.override("en"):
        problems = services.report_problems(services.report_check(report=report))
    assert [p.section for p in problems] == ["g"]
    assert "12.000" in problems[0].message and "12,000" in problems[0].message


def _isu_keys_in_section_g(cast, typed: str, lang: str):
    """ISU staff key in the State's report in the editor, typing form G's figure in `lang`."""
    report = _report(cast, complete_draft())
    _speaks(cast.isu, lang)
    client = client_for(cast, "isu")
    saved = client.post(
        _url("edit", cast),
        {
            "section": "g",
            "token": str(report.version_token),
            "lang": lang,
            "mode": "filled",
            "destroyed-TOTAL_FORMS": "1",
            "destroyed-INITIAL_FORMS": "0",
            "destroyed-0-article": "art5",
            "destroyed-0-mine_type": "PMN-2",
            "destroyed-0-quantity": typed,
            "text": "",
        },
    )
    assert saved.status_code == 302
    return client


def test_isu_keys_in_spanish_figures_received_by_email(cast):
    client = _isu_keys_in_section_g(cast, "12.000", "es")
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    response = client.post(_url("submit", cast), {"channel": "email", "received_on": "2023-05-05", "document": upload})
    assert response.status_code == 302
    version = Report.objects.get().current_version
    assert version.mines_destroyed == 12000 and version.keyed_in_by_isu and version.source == "email"


def test_isu_typing_twelve_dot_zero_zero_zero_in_english_submits_nothing(cast):
    client = _isu_keys_in_section_g(cast, "12.000", "en")
    response = client.post(_url("submit", cast), {"channel": "paper", "received_on": "2023-05-05"})
    assert response.status_code == 400
    assert "12.000" in response.content.decode() and "12,000" in response.content.decode()
    assert not Report.objects.get().versions.exists()


def _submitted_with_twelve_thousand(cast) -> Report:
    draft = complete_draft()
    draft["g"] = {
        "mode": "filled",
        "fields": {"text": ""},
        "tables": {"destroyed": [{"article": "art5", "mine_type": "X", "quantity": "12.000"}]},
        "lang": "es",
    }
    draft["ca"]["rows"] = [ca_row(amount="25000", currency="CHF")]
    report = _report(cast, draft)
    with time_machine.travel(datetime.datetime(2023, 4, 20, 10, tzinfo=datetime.UTC), tick=False):
        services.report_submit(report=report, by=cast.delegate_a)
    return report


@pytest.mark.parametrize(
    ("lang", "shown", "amount"),
    [("es", "12.000", "25.000"), ("en", "12,000", "25,000"), ("fr", f"12{NNBSP}000", f"25{NNBSP}000")],
)
def test_the_public_report_and_its_print_view_show_figures_the_readers_way(cast, lang, shown, amount):
    _submitted_with_twelve_thousand(cast)
    client = client_for(cast, "anon")
    client.cookies["django_language"] = lang
    page = client.get(_url("public", cast)).content.decode()
    assert f">{shown}<" in page
    assert amount in page
    printed = client.get(_url("print", cast, 1)).content.decode()
    assert f">{shown}<" in printed
