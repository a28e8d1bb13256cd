"""Error pages (400, 403, 404, 500, CSRF failure): the right status, the site's layout, the reader's language,
a way home."""

import pytest
from django.test import Client

from conftest import client_for
from tests.i18n_support import ensure_compiled

pytestmark = [pytest.mark.django_db, pytest.mark.urls("core.tests.urls_errors")]

HEADINGS = {
    400: {"en": "Bad request", "fr": "Requête incorrecte", "es": "Solicitud incorrecta"},
    403: {"en": "Access refused", "fr": "Accès refusé", "es": "Acceso denegado"},
    404: {"en": "Page not found", "fr": "Page introuvable", "es": "Página no encontrada"},
    500: {"en": "Server error", "fr": "Erreur du serveur", "es": "Error del servidor"},
}
HOME_LINK = {"en": "Go to the home page", "fr": "Aller à la page d’accueil", "es": "Ir a la página de inicio"}
URLS = {400: "/test-errors/400/", 403: "/test-errors/403/", 404: "/no-such-page/", 500: "/test-errors/500/"}


@pytest.fixture(autouse=True)
def _production(settings):
    ensure_compiled()
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]


def _assert_error_page(response, status, language):
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}"' in html
    assert 'class="navbar app-navbar' in html  # the site's layout
    assert f'<h1 class="h2">{HEADINGS[status][language]}</h1>' in html
    assert 'href="/"' in html and HOME_LINK[language] in html


@pytest.mark.parametrize("status", [400, 403, 404, 500])
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_error_page_answers_in_the_layout_and_the_browsers_language(status, language):
    client = Client(raise_request_exception=False)
    response = client.get(URLS[status], HTTP_ACCEPT_LANGUAGE=language)
    _assert_error_page(response, status, language)


@pytest.mark.parametrize("status", [400, 403, 404, 500])
def test_error_page_follows_the_language_cookie(status):
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "es"
    response = client.get(URLS[status], HTTP_ACCEPT_LANGUAGE="fr")
    _assert_error_page(response, status, "es")


@pytest.mark.parametrize("status", [400, 403, 404, 500])
def test_error_page_works_for_a_signed_in_user(cast, status):
    cast.isu.preferred_language = "fr"  # the profile's language, over the browser's
    cast.isu.save()
    client = client_for(cast, "isu")
    client.raise_request_exception = False
    response = client.get(URLS[status], HTTP_ACCEPT_LANGUAGE="es")
    _assert_error_page(response, status, "fr")
    html = response.content.decode()
    if status == 500:  # the 500 page never reads the database: no account menu, no navigation
        assert "app-subnav" not in html and "dropdown-toggle" not in html
    else:  # the other pages keep the whole layout, account menu and navigation
        assert "app-subnav" in html and str(cast.isu) in html


def test_500_page_reads_nothing_from_the_database(cast, django_assert_num_queries):
    client = client_for(cast, "isu")
    client.raise_request_exception = False
    response = client.get("/no-such-page/")  # warm up: the session and user are loaded by the middleware
    assert response.status_code == 404
    from django.test import RequestFactory

    from core.views import server_error

    request = RequestFactory().get("/test-errors/500/", HTTP_ACCEPT_LANGUAGE="fr")
    request.user = cast.isu
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500 and "<main" in response.content.decode()


def test_500_page_falls_back_to_a_plain_page_when_its_template_fails(settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [], "APP_DIRS": False}]  # no 500.html to be found
    response = Client(raise_request_exception=False).get(URLS[500])
    assert response.status_code == 500
    assert "Server error" in response.content.decode() and "href='/'" in response.content.decode()


def test_previous_page_link_only_for_a_page_of_this_site():
    client = Client(raise_request_exception=False)
    html = client.get("/no-such-page/", HTTP_REFERER="http://testserver/states/").content.decode()
    assert 'href="http://testserver/states/"' in html and "Back to the previous page" in html
    html = client.get("/no-such-page/", HTTP_REFERER="https://evil.example/").content.decode()
    assert "evil.example" not in html and "Back to the previous page" not in html


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "The form could not be sent"),
        ("fr", "Le formulaire n’a pas pu être envoyé"),
        ("es", "No se pudo enviar el formulario"),
    ],
)
def test_csrf_failure_page_for_a_post_without_a_token(language, heading):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en"}, HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{language}"' in html and 'class="navbar app-navbar' in html
    assert f'<h1 class="h2">{heading}</h1>' in html
    assert HOME_LINK[language] in html


def test_csrf_failure_page_for_a_signed_in_user(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.delegate_a)
    response = client.post("/accounts/logout/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    html = response.content.decode()
    assert "The form could not be sent" in html and str(cast.delegate_a) in html


def test_unknown_host_answers_the_400_page():
    response = Client(raise_request_exception=False).get(
        "/states/", HTTP_HOST="evil.example", HTTP_ACCEPT_LANGUAGE="en"
    )
    _assert_error_page(response, 400, "en")
