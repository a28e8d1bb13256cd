"""Numbers typed and read in a real browser: a Spanish delegate's 12.000 is twelve thousand."""

import pytest

from accounts.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
YEAR = 2022


def _report(cast):
    from reporting import services
    from reporting.tests.factories import CycleFactory, complete_draft

    report = services.report_start(
        state=cast.state_a, cycle=CycleFactory(year=YEAR), by=cast.delegate_a, prefill_from_last_year=False
    )
    draft = complete_draft()
    draft["ca"]["rows"] = []
    return services.report_save_draft(report=report, data=draft, by=cast.delegate_a, expected_version_token=1).obj


def test_spanish_delegate_types_twelve_thousand_saves_reloads_and_the_public_page_reads_it(
    page, browser, live_server, login, cast
):
    from reporting import services
    from reporting.models import Report

    _report(cast)
    cast.delegate_a.preferred_language = "es"
    cast.delegate_a.save()
    login(cast.delegate_a.email, PASSWORD)
    base = f"{live_server.url}/reports/{cast.state_a.iso3}/{YEAR}"

    page.goto(f"{base}/edit/?section=b")
    assert page.locator("html").get_attribute("lang") == "es"
    field = page.locator("input[name='stockpile-0-quantity']")
    assert field.get_attribute("type") == "text" and field.get_attribute("inputmode") == "numeric"
    field.fill("12.000")
    # "Add row" (script) in the second table of Form B: a previously unknown stockpile.
    page.click(".js-table-add[data-prefix=discovered]")
    page.locator("input[name='discovered-1-mine_type']").fill("PMA-3")
    page.locator("input[name='discovered-1-quantity']").fill("1.500")
    with page.expect_navigation():
        page.click("button[name=action][value=save]")
    page.reload()
    assert page.input_value("input[name='stockpile-0-quantity']") == "12.000"
    assert page.input_value("input[name='discovered-0-mine_type']") == "PMA-3"
    assert page.locator(".invalid-feedback").count() == 0

    # The C&A editor's running totals, read and written the Spanish way.
    page.goto(f"{base}/edit/?section=ca")
    page.click(".js-ca-add")
    row = page.locator(".js-ca-row").last
    row.locator(".js-ca-amount").fill("25.000")
    row.locator(".js-ca-currency").select_option("CHF")
    totals = page.locator(".js-ca-totals")
    assert "25.000,00" in totals.inner_text() and "CHF" in totals.inner_text()
    page.click(".js-ca-add")
    second = page.locator(".js-ca-row").last
    second.locator(".js-ca-amount").fill("1.000.000,5")
    second.locator(".js-ca-currency").select_option("CHF")
    assert "1.025.000,50" in totals.inner_text()

    report = Report.objects.get()
    services.report_submit(report=report, by=cast.delegate_a)
    report.refresh_from_db()
    assert report.current_version.mines_stockpiled == 12000 + 1500
    assert report.current_version.discoveredstockpilerow_set.get().quantity == 1500

    for lang, shown in [("es", "12.000"), ("en", "12,000")]:
        context = browser.new_context()
        context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
        reader = context.new_page()
        reader.goto(f"{base}/")
        assert reader.locator("html").get_attribute("lang") == lang
        stockpiled = reader.locator("#table-b-stockpile tbody tr").first.locator("td").nth(1)
        assert stockpiled.inner_text().strip() == shown, lang
        context.close()


def test_the_browser_reads_and_writes_amounts_like_the_server(page, live_server):
    cases = {
        "en": {"12,000.50": "1200050", "12 000": "1200000", "12.000": None, "1,5": None, "12.345": None},
        "fr": {"12\u202f000,50": "1200050", "12 000,5": "1200050", "12.000": None, "1,5": "150"},
        "es": {"12.000,50": "1200050", "12 000": "1200000", "1.5": None, "12,000.50": None},
    }
    written = {"en": "CHF\u00a01,025,000.50", "fr": "1\u202f025\u202f000,50\u00a0CHF", "es": "1.025.000,50\u00a0CHF"}
    for lang, typed in cases.items():
        page.goto(f"{live_server.url}/static/js/numbers.js")  # same origin, then a page in the language
        page.set_content(f'<html lang="{lang}"><head></head><body></body></html>')
        page.add_script_tag(url=f"{live_server.url}/static/js/numbers.js")
        for text, cents in typed.items():
            got = page.evaluate(
                "t => { const c = Numbers.parseCents(t, 2); return c === null ? null : String(c); }", text
            )
            assert got == cents, (lang, text, got)
        assert page.evaluate("() => Numbers.formatCents(102500050n, 'CHF', 2)") == written[lang]
