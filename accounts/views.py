import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import require_isu
from core import ratelimit
from core.forms import add_service_errors
from core.messages import saved_or_unchanged
from core.net import client_ip
from ops.tasks import enqueue_on_commit
from states.models import State

from . import permissions, selectors, services, two_factor
from .forms import ApiTokenFilterForm, ApiTokenForm, InviteForm, ProfileForm
from .models import Role
from .selectors import active_state_users
from .tasks import password_reset_send


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        update = services.user_profile_update(user=request.user, **form.cleaned_data)
        saved_or_unchanged(request, update.changed, _("Your profile was saved."))
        response = redirect("accounts:profile")
        response.delete_cookie("django_language")
        return response
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "api_tokens": selectors.api_tokens_of(request.user), "now": timezone.now()},
    )


@login_required
def api_token_create(request):
    """Make a personal API token; its secret is shown on this answer only, never stored."""
    ask_code = two_factor.uses_two_factor(request.user) and not two_factor.second_factor_is_fresh(request)
    form = ApiTokenForm(request.POST or None, ask_code=ask_code)
    if request.method == "POST" and form.is_valid():
        if ask_code and not two_factor.verify_code(request, form.cleaned_data["code"]):
            form.add_error("code", _("This code is not valid. Wait a few seconds and try the next code."))
        else:
            try:
                token, secret = services.api_token_create(
                    user=request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"], request=request
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                # Post/redirect/get: the secret waits in the session for the one page that shows it,
                # so that reloading that page never makes a second token.
                request.session[CREATED_SECRET] = {"id": token.pk, "secret": secret, "at": time.time()}
                messages.success(request, _("Token “%(name)s” created.") % {"name": token.name})
                return redirect("accounts:api_token_created", pk=token.pk)
    return render(request, "accounts/api_token_form.html", {"form": form})


CREATED_SECRET = "api_token_created"
CREATED_SECRET_SECONDS = 300


@login_required
def api_token_created(request, pk: int):
    """The new token's secret, shown once: the session forgets it as this page is rendered."""
    token = permissions.get_own_api_token(request.user, pk)
    kept = request.session.pop(CREATED_SECRET, None) or {}  # shown once, and only soon after creation
    fresh = time.time() - kept.get("at", 0) < CREATED_SECRET_SECONDS
    secret = kept["secret"] if kept.get("id") == token.pk and fresh else None
    response = render(
        request,
        "accounts/api_token_created.html",
        {"token": token, "secret": secret, "api_url": request.build_absolute_uri("/api/")},
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def api_token_revoke(request, pk: int):
    token = permissions.get_own_api_token(request.user, pk)
    if services.api_token_revoke(token=token, by=request.user, request=request):
        messages.success(request, _("The token “%(name)s” is revoked: it no longer works.") % {"name": token.name})
    else:
        messages.info(request, _("No change: that token was already revoked."))
    return redirect("accounts:profile")


@login_required
def api_token_list(request):
    require_isu(request.user)
    filters = ApiTokenFilterForm(request.GET or None)
    status = filters.cleaned_data.get("status") if filters.is_valid() else "active"
    paginator = Paginator(selectors.api_tokens_for_isu(status=status or "active"), 100)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/api_token_list.html",
        {"filters": filters, "page": page, "status": status or "active", "now": timezone.now()},
    )


@login_required
@require_POST
def api_token_revoke_any(request, pk: int):
    token = permissions.get_api_token_for_isu(request.user, pk)
    if services.api_token_revoke(token=token, by=request.user, request=request):
        messages.success(
            request,
            _("The token “%(name)s” of %(user)s is revoked: it no longer works.")
            % {"name": token.name, "user": token.user},
        )
    else:
        messages.info(request, _("No change: that token was already revoked."))
    return redirect("accounts:api_tokens")


@login_required
def delegate_list(request):
    require_isu(request.user)
    users = active_state_users().order_by("last_name", "email")
    states = State.objects.prefetch_related(
        Prefetch("users", queryset=users.filter(role=Role.DELEGATE), to_attr="active_delegates"),
        Prefetch("users", queryset=users.filter(role=Role.READER), to_attr="active_readers"),
    ).order_by("name_en")
    iso3 = request.GET.get("state")
    if iso3:
        states = states.filter(iso3=iso3.upper())
    return render(request, "accounts/delegate_list.html", {"states": states})


@login_required
def delegate_invite(request):
    require_isu(request.user)
    initial = {}
    if request.GET.get("state"):
        initial["state"] = State.objects.filter(iso3=request.GET["state"].upper()).first()
    form = InviteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.delegate_invite(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": user.email})
            return redirect("accounts:delegates")
    return render(request, "accounts/invite.html", {"form": form})


@login_required
@require_POST
def user_deactivate(request, pk: int):
    target = permissions.get_user_for_manager(request.user, pk)
    services.user_deactivate(user=target, by=request.user)
    messages.success(request, _("%(user)s was deactivated and signed out.") % {"user": target})
    return redirect("accounts:delegates")


class AcceptInviteView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/accept_invite.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is set. You can now sign in."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's view, but the same answer, in the same time, whether or not the address has an
    account (the e-mail is looked up and sent by a task), and rate-limited per client and per address."""

    def post(self, request, *args, **kwargs):
        rate = settings.PASSWORD_RESET_RATE_PER_CLIENT
        if not ratelimit.hit("password-reset-client", client_ip(request), rate):
            return ratelimit.too_many_requests(request, rate)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        rate = settings.PASSWORD_RESET_RATE_PER_ADDRESS
        if not ratelimit.hit("password-reset-address", ratelimit.digest(email), rate):
            return ratelimit.too_many_requests(self.request, rate)
        enqueue_on_commit(password_reset_send, email, get_language() or settings.LANGUAGE_CODE)
        return HttpResponseRedirect(self.get_success_url())
