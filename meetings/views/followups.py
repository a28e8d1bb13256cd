"""Follow-ups of meetings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import require_committee
from core.forms import add_service_errors
from core.messages import saved_or_unchanged

from .. import permissions, selectors, services
from ..forms import (
    FollowUpForm,
)
from ..models import FollowUpStatus
from ._common import _form_page


@login_required
def followup_list(request):
    require_committee(request.user)
    status = request.GET.get("status", "open")
    if status not in ("open", "", *FollowUpStatus.values):
        status = "open"
    followups = selectors.followups_for_list(request.user, status=status)
    page = Paginator(followups, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/followup_list.html",
        {"page": page, "status": status, "statuses": FollowUpStatus.choices, "today": timezone.localdate()},
    )


@permissions.login_for_private
def followup_detail(request, pk: int):
    followup = permissions.get_followup_for_user(request.user, pk)
    return render(
        request,
        "meetings/followup_detail.html",
        {"followup": followup, "priority_actions": list(followup.priority_actions.select_related("period"))},
    )


@login_required
def followup_create(request, code: str):
    meeting = permissions.get_meeting_for_user(request.user, code, write=True)
    form = FollowUpForm(request.POST or None, initial={"state": meeting.state, "status": FollowUpStatus.OPEN})
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_create(meeting=meeting, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Follow-up added."))
            return redirect("meetings:detail", code=meeting.code)
    return _form_page(
        request,
        form,
        title=_("Add a follow-up to %(title)s") % {"title": meeting.title},
        back="meetings:followup_list",
        extra={"meeting": meeting},
    )


@login_required
def followup_update(request, pk: int):
    followup = permissions.get_followup_for_user(request.user, pk, write=True)
    form = FollowUpForm(request.POST or None, instance=followup)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.followup_update(followup=followup, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Follow-up saved."))
            return redirect("meetings:followup_detail", pk=followup.pk)
    return _form_page(
        request, form, title=_("Edit follow-up"), back="meetings:followup_list", extra={"meeting": followup.meeting}
    )
