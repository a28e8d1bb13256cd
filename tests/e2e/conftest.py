"""Browser tests: Playwright for Python driving Debian's Chromium (never a Playwright download)."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# live_server tests touch the database from the test body while Playwright runs an event loop (tests only).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"CI needs Chromium at {CHROMIUM} (Debian package chromium)")
        pytest.skip("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(45000)  # generous: CI machines are shared
    page.on("dialog", lambda dialog: dialog.accept())  # "Submit the report?" confirmations
    yield page
    context.close()


@pytest.fixture
def login(page, live_server):
    def _login(email: str, password: str):
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", email)
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.click("button[type=submit]")

    return _login
