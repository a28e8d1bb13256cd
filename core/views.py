"""Error pages: the CSRF failure view and a 500 handler that must never fail itself."""

import logging

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

logger = logging.getLogger(__name__)

PLAIN_500 = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Server error</title></head>"
    "<body><h1>Server error</h1><p>Something went wrong on our side. Please try again in a few minutes.</p>"
    "<p><a href='/'>Home page</a></p></body></html>"
)


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token (expired page, cookies off): say so and how to go on."""
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    """The 500 page in the reader's language (LocaleMiddleware already chose it) and in the site's layout.

    It renders without context processors (they query the database, which may be what failed), with a flag
    that makes the layout skip the navigation built from the database; if even that fails, a plain page.
    """
    try:
        template = loader.get_template("500.html")
        body = template.render({"request": request, "minimal_layout": True})
    except Exception:  # noqa: BLE001 - the error page must answer whatever broke
        logger.exception("The 500 page could not be rendered")
        body = PLAIN_500
    return HttpResponseServerError(body)
