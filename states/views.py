from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.forms import add_service_errors
from core.messages import saved_or_unchanged
from core.panels import collect

from . import permissions, selectors, services
from .filters import StateFilter
from .forms import AccessionForm, WithdrawalForm
from .models import State


def state_list(request):
    qs = State.objects.prefetch_related("memberships").order_by("name_en")
    state_filter = StateFilter(request.GET or None, queryset=qs)
    states = state_filter.qs if state_filter.is_bound and state_filter.is_valid() else qs
    page = Paginator(states, 200).get_page(request.GET.get("page"))
    return render(
        request, "states/state_list.html", {"filter": state_filter, "page": page, "count": page.paginator.count}
    )


def state_detail(request, iso3: str):
    state = permissions.get_state_for_user(request.user, iso3)
    can_see_private = permissions.can_see_private(request.user, state)
    panels = collect("state_page", request=request, state=state, private=can_see_private)
    return render(
        request,
        "states/state_detail.html",
        {"state": state, "can_see_private": can_see_private, "panels": panels},
    )


@login_required
def _record(request, form, write, saved) -> bool:
    """Run the service `write(cleaned_data)` for a valid form: its errors go next to the fields; on
    success the message (`saved(membership)`) or "no change". True when the page should redirect."""
    if not form.is_valid():
        return False
    try:
        update = write(form.cleaned_data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return False
    saved_or_unchanged(request, update.changed, saved(update.obj))
    return True


def membership_changes(request):
    """ISU: record a ratification or accession, or a withdrawal, and see the changes since 2023."""
    permissions.require_registry_editor(request.user)
    accession_form = AccessionForm(prefix="acc")
    withdrawal_form = WithdrawalForm(prefix="wd")
    if request.method == "POST" and any(key.startswith("acc-") for key in request.POST):
        accession_form = AccessionForm(request.POST, prefix="acc")
        recorded = _record(
            request,
            accession_form,
            lambda d: services.membership_accession_record(
                state=d["state"],
                deposited=d["instrument_deposited"],
                entry_into_force=d["entry_into_force"],
                note=d["note"],
                by=request.user,
            ),
            lambda m: (
                _("%(state)s: instrument deposited on %(deposited)s, in force from %(date)s.")
                % {
                    "state": m.state,
                    "deposited": date_format(m.instrument_deposited, "DATE_FORMAT"),
                    "date": date_format(m.entry_into_force, "DATE_FORMAT"),
                }
            ),
        )
        if recorded:
            return redirect("states:membership_changes")
    elif request.method == "POST":
        withdrawal_form = WithdrawalForm(request.POST, prefix="wd")
        recorded = _record(
            request,
            withdrawal_form,
            lambda d: services.membership_withdrawal_record(
                state=d["state"],
                notified=d["withdrawal_notified"],
                effective=d["withdrawal_effective"],
                note=d["note"],
                by=request.user,
            ),
            lambda m: (
                _("%(state)s: withdrawal notified on %(notified)s, effective on %(date)s.")
                % {
                    "state": m.state,
                    "notified": date_format(m.withdrawal_notified, "DATE_FORMAT"),
                    "date": date_format(m.withdrawal_effective, "DATE_FORMAT"),
                }
            ),
        )
        if recorded:
            return redirect("states:membership_changes")
    return render(
        request,
        "states/membership_changes.html",
        {
            "accession_form": accession_form,
            "withdrawal_form": withdrawal_form,
            "changes": selectors.membership_changes(),
            "since": selectors.CHANGES_SINCE,
        },
    )
