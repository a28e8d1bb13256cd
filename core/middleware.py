"""Request guards that run before any view: the size of the body (RequestSizeLimitMiddleware), and
control characters in URLs (ControlCharactersMiddleware, core.text): a path with one names nothing,
query strings lose them; without it `/states/%00/` or `?state=%00` reach a database lookup, and
PostgreSQL refuses NUL in a query (a 500).
"""

from django.conf import settings
from django.http import Http404, HttpResponse, QueryDict
from django.utils.translation import gettext as _

from .text import CONTROL_CHARACTERS, has_control_characters, strip_control_characters


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than REQUEST_MAX_BYTES (413) before anything reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES:
            limit = round(settings.REQUEST_MAX_BYTES / 1048576)
            message = _("The request is too large; the limit is %(limit)s MB.") % {"limit": limit}
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class ControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request.path_info):
            raise Http404
        query = request.META.get("QUERY_STRING", "")
        if ("%" in query or CONTROL_CHARACTERS.search(query)) and _has_control_characters(request.GET):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(strip_control_characters(key), [strip_control_characters(v) for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


def _has_control_characters(query: QueryDict) -> bool:
    return any(has_control_characters(k) or any(map(has_control_characters, vs)) for k, vs in query.lists())
