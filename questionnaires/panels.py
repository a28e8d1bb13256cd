"""Questionnaires on shared pages: a delegate's home, a State's page, the chair's dashboard, the navigation."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import is_committee, is_isu
from core.panels import NavItem, Panel

from . import selectors
from .models import Questionnaire


def my_state(request, state) -> Panel | None:
    """Questionnaires waiting for the State's answer, nearest deadline first."""
    waiting = selectors.open_for_state(state=state)
    if not waiting:
        return None
    days = min(w["days_left"] for w in waiting)
    return Panel(
        template="questionnaires/panels/my_state.html",
        context={"waiting": waiting, "can_answer": request.user.is_delegate},
        order=max(days, 0) + 10,
    )


def state_page(request, state, private: bool) -> Panel | None:
    if not private:
        return None
    responses = selectors.state_responses(state=state)
    if not responses:
        return None
    return Panel(
        template="questionnaires/panels/state_page.html",
        context={"responses": responses, "state": state},
        order=70,
    )


def dashboard(request, year: int) -> Panel | None:
    if not is_committee(request.user):
        return None
    questionnaires = list(Questionnaire.objects.circulated().filter(circulation_date__year=year))
    rates = selectors.response_rates(questionnaires)
    return Panel(
        template="questionnaires/panels/dashboard.html",
        context={
            "year": year,
            "rows": [(q, rates[q.pk]) for q in questionnaires],
            "today": timezone.localdate(),
        },
        order=65,
    )


def nav_items(request) -> list[NavItem]:
    user = request.user
    if not user.is_authenticated or not (is_committee(user) or user.is_state_user):
        return []
    items = [NavItem(label=_("Questionnaires"), url=reverse("questionnaires:list"), order=65)]
    if is_isu(user):
        items.append(
            NavItem(label=_("New questionnaire"), url=reverse("questionnaires:create"), section="isu", order=65)
        )
    return items
