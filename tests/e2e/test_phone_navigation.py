"""On a phone (390 px) the main navigation folds behind a toggler, and no main page is wider than the screen."""

import pytest

from accounts.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 900}


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_phone_navigation_is_hidden_until_the_toggler_is_clicked(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/")
    link = page.locator("#app-nav a.nav-link", has_text="States Parties")
    toggler = page.locator("button.app-nav-toggler")
    assert toggler.is_visible()
    assert toggler.get_attribute("aria-label") == "Show or hide the navigation"
    assert toggler.get_attribute("aria-expanded") == "false"
    assert not link.is_visible()
    toggler.click()
    link.wait_for(state="visible")
    assert toggler.get_attribute("aria-expanded") == "true"
    with page.expect_navigation():
        link.click()
    assert page.url.endswith("/states/")


def test_desktop_navigation_shows_its_links_without_a_toggler(page, live_server):
    page.goto(f"{live_server.url}/")  # the fixture's 1280 px window
    assert page.locator("#app-nav a.nav-link", has_text="States Parties").is_visible()
    assert not page.locator("button.app-nav-toggler").is_visible()


def test_no_main_page_is_wider_than_a_phone(page, live_server, login, cast):
    page.set_viewport_size(PHONE)
    for path in ["/", "/states/", "/reports/"]:
        page.goto(f"{live_server.url}{path}")
        assert _page_width(page) <= PHONE["width"], f"{path} (anonymous) is {_page_width(page)} px wide"
    login(cast.delegate_a.email, PASSWORD)
    for path in ["/", "/states/", "/reports/", "/reports/mine/"]:
        page.goto(f"{live_server.url}{path}")
        assert _page_width(page) <= PHONE["width"], f"{path} (delegate) is {_page_width(page)} px wide"
