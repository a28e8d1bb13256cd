from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import require_isu
from core.messages import saved_or_unchanged
from states.models import State

from . import permissions, services
from .forms import InviteForm, ProfileForm
from .models import Role, User


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        update = services.user_profile_update(user=request.user, **form.cleaned_data)
        saved_or_unchanged(request, update.changed, _("Your profile was saved."))
        response = redirect("accounts:profile")
        response.delete_cookie("django_language")
        return response
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def delegate_list(request):
    require_isu(request.user)
    delegates = User.objects.filter(role=Role.DELEGATE, is_active=True).order_by("last_name", "email")
    states = State.objects.prefetch_related(Prefetch("users", queryset=delegates, to_attr="active_delegates")).order_by(
        "name_en"
    )
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
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
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
