from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import require_isu
from core.forms import add_service_errors
from core.messages import saved_or_unchanged
from states.models import State

from . import permissions, registry, selectors, services
from .forms import PauseForm, SentFilterForm
from .models import ReminderPause, SentReminder, Status
from .policy import ReminderPolicy, geneva_today


@login_required
def index(request):
    require_isu(request.user)
    today = geneva_today()
    rows = selectors.upcoming(today=today)
    policy = ReminderPolicy.from_settings()
    offsets = [str(d) for d in sorted(policy.offsets_days, reverse=True)]
    return render(
        request,
        "reminders/index.html",
        {
            "today": today,
            "rows": [r for r in rows if not r.paused and not r.no_contact],
            "no_contact": [r for r in rows if r.no_contact],
            "pauses": selectors.active_pauses(),
            "failed_count": SentReminder.objects.filter(status=Status.FAILED).count(),
            "policy": policy,
            "offsets": get_text_list(offsets, _("and")),
            "sources": [registry.source_label(s) for s in registry.sources()],
        },
    )


@login_required
def sent(request):
    require_isu(request.user)
    form = SentFilterForm(request.GET or None)
    state, status, source = None, "", ""
    if form.is_valid():
        iso3 = form.cleaned_data["state"].strip().upper()
        state = State.objects.filter(iso3=iso3).first() if iso3 else None
        if iso3 and state is None:
            form.add_error("state", _("No State has the code %(code)s.") % {"code": iso3})
        status, source = form.cleaned_data["status"], form.cleaned_data["source"]
    qs = selectors.sent_reminders(state=state, status=status, source=source)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "reminders/sent.html", {"form": form, "page": page, "query": query.urlencode()})


@login_required
def state_detail(request, iso3: str):
    state = permissions.get_state_for_user(request.user, iso3)
    reminders = selectors.sent_reminders(state=state)[:200]
    pauses = ReminderPause.objects.filter(state=state).select_related("by", "resumed_by")
    today = geneva_today()
    open_rows = [r for r in selectors.upcoming(today=today) if r.state.pk == state.pk]
    return render(
        request,
        "reminders/state_detail.html",
        {"state": state, "reminders": reminders, "pauses": pauses, "form": PauseForm(), "open_rows": open_rows},
    )


@login_required
def pause(request, iso3: str):
    state = permissions.get_state_for_user(request.user, iso3)
    form = PauseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reminder_pause(state=state, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Reminders paused for %(state)s.") % {"state": state})
            return redirect("reminders:state", iso3=state.iso3)
    return render(request, "reminders/pause.html", {"state": state, "form": form})


@login_required
@require_POST
def resume(request, pk: int):
    pause = permissions.get_pause_for_user(request.user, pk, write=True)
    already = pause.resumed_at is not None  # resuming twice changes nothing
    services.reminder_resume(pause=pause, by=request.user)
    saved_or_unchanged(request, not already, _("Reminders resumed for %(state)s.") % {"state": pause.state})
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("reminders:state", iso3=pause.state.iso3)


@login_required
@require_POST
def retry(request, pk: int):
    record = permissions.get_sent_reminder_for_user(request.user, pk, write=True)
    try:
        services.sent_reminder_retry(record=record, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The reminder to %(email)s is being sent again.") % {"email": record.email})
    return redirect("reminders:state", iso3=record.state.iso3)
