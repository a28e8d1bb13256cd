"""Priority actions and their periods."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.roles import require_isu
from core.forms import add_service_errors
from core.messages import saved_or_unchanged

from .. import permissions, selectors, services
from ..forms import (
    PriorityActionCreateForm,
    PriorityActionForm,
    PriorityPeriodForm,
)
from ..models import PriorityActionPeriod
from ._common import _form_page


def priority_list(request):
    periods = list(selectors.priority_periods(request.user))
    return render(request, "meetings/priority_list.html", {"periods": periods})


@login_required
def priority_create(request):
    require_isu(request.user)
    initial = {"period": PriorityActionPeriod.objects.order_by("-start_year").first()}
    form = PriorityActionCreateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.priority_action_create(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Priority action added."))
            return redirect("meetings:priority_list")
    return _form_page(request, form, title=_("Add a priority action"), back="meetings:priority_list")


@login_required
def priority_update(request, pk: int):
    action = permissions.get_priority_action_for_user(request.user, pk, write=True)
    form = PriorityActionForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.priority_action_update(action=action, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Priority action saved."))
            return redirect("meetings:priority_list")
    return _form_page(
        request, form, title=_("Priority action %(n)s") % {"n": action.number}, back="meetings:priority_list"
    )


@login_required
def period_create(request):
    require_isu(request.user)
    form = PriorityPeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.priority_period_create(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Period added."))
            return redirect("meetings:priority_list")
    return _form_page(request, form, title=_("Add a period of priority actions"), back="meetings:priority_list")
