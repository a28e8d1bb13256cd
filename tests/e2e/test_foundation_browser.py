import pytest

from accounts.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_delegate_logs_in_and_sees_their_state_and_the_registry(page, live_server, login, cast):
    login(cast.delegate_a.email, PASSWORD)
    assert page.locator("h1").first.inner_text() == "Aland A"
    page.click("text=States Parties")
    assert page.locator("table tbody tr").count() == 3
    page.select_option("#id_is_affected", "true")
    page.click("button:has-text('Filter')")
    assert page.locator("table tbody tr").count() == 1


def test_language_switcher_changes_the_interface_without_inline_scripts(page, live_server):
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live_server.url}/states/")
    with page.expect_navigation():
        page.select_option("#lang", "fr")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert not [e for e in errors if "Content Security Policy" in e]
