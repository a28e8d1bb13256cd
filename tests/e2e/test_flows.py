"""End-to-end flows in a real browser (issue: hardening): a delegate's report from first save to
submission, the chair's dashboard, the ISU's conclusions PDF, another State's URL refused, French."""

import pytest
from django.core.management import call_command

from accounts.tests.factories import PASSWORD
from reporting.sections import SECTIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _open_current_cycle() -> None:
    """A report is started only in a cycle the ISU (or the yearly task) opened."""
    from reporting import selectors
    from reporting.tests.factories import CycleFactory

    CycleFactory(year=selectors.current_cycle_year())


def _fill_cover(page) -> None:
    """The cover page the editor opens on: the period is filled in (the calendar year); a contact and the
    report's language are the State's to give."""
    page.select_option("#report-form select[name=language]", "en")  # not the site's language menu
    page.fill("input[name='contacts-0-organisation']", "National mine action centre")
    page.fill("input[name='contacts-0-email']", "focal.point@example.org")
    with page.expect_navigation():
        page.click("button[name=action][value=save]")
    page.reload()
    assert page.input_value("input[name='contacts-0-organisation']") == "National mine action centre"


def _fill_report_and_submit(page, base: str, save_label: str, submit_label: str) -> None:
    for section in SECTIONS[2:]:  # the cover page and Form A are filled in by the test
        page.goto(f"{base}/edit/?section={section.key}")
        page.check("input[name=mode][value=not_applicable]")
        with page.expect_navigation():  # the save must land before the next page is opened
            page.click(f"button[name=action][value=save]:has-text('{save_label}')")
    page.goto(f"{base}/submit/")
    with page.expect_navigation():
        page.click(f"button:has-text('{submit_label}')")


def test_delegate_saves_reloads_finishes_and_submits_then_report_is_read_only(page, live_server, login, cast):
    _open_current_cycle()
    login(cast.delegate_a.email, PASSWORD)
    with page.expect_navigation():
        page.click("text=Start the report")
    with page.expect_navigation():
        page.click("button:has-text('Start the report')")
    page.wait_for_url("**/edit/**")
    assert "/edit/" in page.url
    base = page.url.split("/edit/")[0]

    _fill_cover(page)
    page.goto(f"{base}/edit/?section=a")
    page.fill("textarea[name=text]", "National law adopted in 2001; decree pending.")
    with page.expect_navigation():
        page.click("button[name=action][value=save]")
    page.reload()
    assert page.input_value("textarea[name=text]") == "National law adopted in 2001; decree pending."

    _fill_report_and_submit(page, base, "Save", "Submit the report")
    assert "Receipt" in page.content()
    page.goto(f"{base}/edit/")
    assert page.locator("textarea[name=text]").count() == 0 or page.locator("textarea[name=text]").is_disabled()


def test_delegate_typing_another_states_report_url_is_refused(page, live_server, login, cast):
    from reporting import services
    from reporting.tests.factories import CycleFactory

    services.report_start(
        state=cast.state_b, cycle=CycleFactory(year=2022), by=cast.delegate_b, prefill_from_last_year=False
    )
    login(cast.delegate_a.email, PASSWORD)
    response = page.goto(f"{live_server.url}/reports/{cast.state_b.iso3}/2022/edit/")
    assert response.status == 404
    response = page.goto(f"{live_server.url}/reports/{cast.state_b.iso3}/2022/manage/")
    assert response.status == 404


def test_chair_lands_on_the_dashboard_and_its_charts_render(page, live_server, login):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    login("chair@demo.apmbc.org", "demo-2023-cooperation")
    assert "/dashboard/" in page.url
    chart = page.locator("svg").first
    chart.wait_for()
    box = chart.bounding_box()
    assert box["width"] > 100 and box["height"] > 50
    assert page.locator("svg rect").count() > 3
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.reload()
    assert not errors


def test_isu_generates_and_downloads_the_conclusions_pdf(page, live_server, login):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    login("isu@demo.apmbc.org", "demo-2023-cooperation")
    page.goto(f"{live_server.url}/conclusions/cooperation-assistance/21MSP/?lang=fr")
    with page.expect_download() as download:
        page.click("a:has-text('Download PDF')")
    path = download.value.path()
    with open(path, "rb") as fh:
        assert fh.read(5) == b"%PDF-"


def test_french_speaking_delegate_does_the_flow_in_french(page, live_server, login, cast):
    _open_current_cycle()
    cast.delegate_a.preferred_language = "fr"
    cast.delegate_a.save()
    login(cast.delegate_a.email, PASSWORD)
    assert page.locator("html").get_attribute("lang") == "fr"
    with page.expect_navigation():
        page.click("text=Commencer le rapport")
    with page.expect_navigation():
        page.click("button:has-text('Commencer le rapport')")
    page.wait_for_url("**/edit/**")
    base = page.url.split("/edit/")[0]
    _fill_cover(page)
    page.goto(f"{base}/edit/?section=a")
    page.fill("textarea[name=text]", "Loi nationale adoptée.")
    with page.expect_navigation():
        page.click("button[name=action][value=save]")
    _fill_report_and_submit(page, base, "Enregistrer", "Présenter le rapport")
    assert "Accusé de réception" in page.content()
