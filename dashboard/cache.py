"""Figures that change only when a report version is submitted, cached in each process.

C&A rows and the committee's flags belong to report versions, which are immutable; which version
counts for a report changes only when a new version is created. So the latest version's id and the
number of versions identify the data those figures are computed from: any submission, amendment or
deletion changes the stamp and the figures are recomputed. A short expiry covers what the stamp does
not see (a State or organisation renamed, a membership or a cycle deadline corrected in the registry).
"""

from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import translation

from reporting.models import ReportVersion

EXPIRY_SECONDS = 600


def reports_stamp() -> str:
    """One cheap query: the latest report version and how many there are."""
    agg = ReportVersion.objects.aggregate(last=Max("pk"), n=Count("pk"))
    return f"{agg['last'] or 0}-{agg['n']}"


def cached(name: str, stamp: str | None, compute: Callable, *parts) -> object:
    """`compute()`, or its value cached under `name`, `parts`, the language and the stamp (None: no cache)."""
    if stamp is None:
        return compute()
    key = ":".join(["dashboard", name, translation.get_language() or "", stamp, *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, EXPIRY_SECONDS)
    return value
