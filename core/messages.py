"""The one way a view tells the user whether a write changed anything."""

from django.contrib import messages
from django.utils.translation import gettext as _


def saved_or_unchanged(request, changed, saved: str) -> None:
    """`saved` (a success message) when something was written, "No change." otherwise."""
    if changed:
        messages.success(request, saved)
    else:
        messages.info(request, no_change_message())


def no_change_message() -> str:
    return _("No change: what you sent is what was already saved.")
