"""The registry's entries in the menus."""

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.roles import is_isu
from core.panels import NavItem


def nav_items(request) -> list[NavItem]:
    if not is_isu(request.user):
        return []
    url = reverse("states:membership_changes")
    return [NavItem(label=_("Accessions and withdrawals"), url=url, section="isu", order=10)]
