from django import template
from django.utils.http import url_has_allowed_host_and_scheme

register = template.Library()


@register.simple_tag
def previous_page_url(request):
    """The page the reader came from, if it is on this site and is not the page itself; else ""."""
    if request is None:
        return ""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        host = request.get_host()
    except Exception:  # noqa: BLE001 - a disallowed Host (the 400 page) has no safe previous page
        return ""
    if not referer or not url_has_allowed_host_and_scheme(referer, {host}, require_https=request.is_secure()):
        return ""
    if referer == request.build_absolute_uri():
        return ""
    return referer
