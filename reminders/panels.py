from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_isu
from core.panels import NavItem


def nav_items(request) -> list[NavItem]:
    if not is_isu(request.user):
        return []
    return [NavItem(label=_("Reminders"), url=reverse("reminders:index"), section="isu", order=40)]
