from django.urls import reverse
from django.utils.translation import gettext as _

from core.panels import NavItem


def nav_items(request) -> list[NavItem]:
    return [NavItem(label=_("Conclusions"), url=reverse("conclusions:list"), section="main", order=80)]
