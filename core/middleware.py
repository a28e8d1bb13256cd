"""Control characters in URLs (core.text): a path with one names nothing, query strings lose them.

Without this, `/states/%00/` or `?state=%00` reach a database lookup, and PostgreSQL refuses NUL
in a query (a 500).
"""

from django.http import Http404, QueryDict

from .text import CONTROL_CHARACTERS, has_control_characters, strip_control_characters


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
