"""The individualised approach: requests and their steps."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import require_committee, require_isu
from core.forms import add_service_errors
from core.messages import saved_or_unchanged

from .. import permissions, selectors, services
from ..forms import (
    IAAdvanceForm,
    IARequestEditForm,
    IARequestForm,
)
from ..models import IAStep, MeetingKind
from ._common import _form_page


@login_required
def ia_list(request):
    require_committee(request.user)
    return render(
        request,
        "meetings/ia_list.html",
        {"requests": selectors.ia_requests_for_list(), "steps": IAStep.choices},
    )


@login_required
def ia_create(request):
    require_isu(request.user)
    form = IARequestForm(request.POST or None, initial={"requested_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        ia = services.ia_request_create(**form.cleaned_data)
        messages.success(request, _("Request of %(state)s recorded.") % {"state": ia.state})
        return redirect("meetings:ia_detail", pk=ia.pk)
    return _form_page(request, form, title=_("Record an individualised approach request"), back="meetings:ia_list")


@permissions.login_for_private
def ia_detail(request, pk: int):
    ia = permissions.get_ia_request_for_user(request.user, pk)
    return render(request, "meetings/ia_detail.html", {"ia": ia, "steps": ia.steps()})


@login_required
def ia_update(request, pk: int):
    ia = permissions.get_ia_request_for_user(request.user, pk, write=True)
    form = IARequestEditForm(request.POST or None, instance=ia)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.ia_request_update(request=ia, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Request saved."))
            return redirect("meetings:ia_detail", pk=ia.pk)
    return _form_page(
        request, form, title=_("Edit the request of %(state)s") % {"state": ia.state}, back="meetings:ia_list"
    )


@login_required
def ia_advance(request, pk: int):
    ia = permissions.get_ia_request_for_user(request.user, pk, write=True)
    form = IAAdvanceForm(request.POST or None, ia_request=ia, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.ia_request_advance(request=ia, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Step recorded."))
            return redirect("meetings:ia_detail", pk=ia.pk)
    return _form_page(
        request,
        form,
        title=_("Next step for %(state)s") % {"state": ia.state},
        back="meetings:ia_list",
        intro=_("Steps go in order: requested, scheduled, held, final report published."),
        extra={"new_meeting_url_kind": MeetingKind.INDIVIDUALISED_APPROACH, "ia": ia},
    )
