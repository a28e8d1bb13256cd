from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_isu
from core.panels import NavItem


def nav_items(request) -> list[NavItem]:
    if not is_isu(request.user):
        return []
    return [NavItem(label=_("API tokens"), url=reverse("accounts:api_tokens"), section="isu", order=90)]
