"""Optional TOTP two-factor authentication (django-otp), offered to ISU staff and committee chairs."""

import io
import time

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.fields import CharField

from .models import Role


class TokenForm(forms.Form):
    token = CharField(
        label=gettext_lazy("Six-digit code from your authenticator app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def may_use_two_factor(user) -> bool:
    return user.is_authenticated and (user.role in (Role.ISU, Role.CHAIR) or user.is_superuser)


VERIFIED_AT = "_otp_verified_at"  # session key: when the code was last entered (epoch seconds)


def second_factor_login(request, device) -> None:
    otp_login(request, device)
    request.session[VERIFIED_AT] = int(time.time())


def uses_two_factor(user) -> bool:
    return user.is_authenticated and user_has_device(user, confirmed=True)


def second_factor_is_fresh(request) -> bool:
    """The code was entered in this session less than API_TOKEN_OTP_FRESH_MINUTES ago."""
    at = request.session.get(VERIFIED_AT)
    return at is not None and time.time() - at < settings.API_TOKEN_OTP_FRESH_MINUTES * 60


def verify_code(request, code: str) -> bool:
    """Check a code against the user's confirmed devices; a right one refreshes the verification."""
    for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
        if device.verify_token(code):
            second_factor_login(request, device)
            return True
    return False


def _qr_svg(uri: str) -> str:
    buffer = io.BytesIO()
    qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    return buffer.getvalue().decode()


@login_required
def setup(request):
    if not may_use_two_factor(request.user):
        raise PermissionDenied
    confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if confirmed is not None:
        if request.method == "POST" and request.POST.get("action") == "disable":
            TOTPDevice.objects.filter(user=request.user).delete()
            messages.success(request, _("Two-factor authentication is off."))
            return redirect("accounts:profile")
        return render(request, "accounts/two_factor_setup.html", {"enabled": True})
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            second_factor_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect("accounts:profile")
        form.add_error(
            "token", _("This code is not valid. Wait a few seconds, check the time on your phone and try again.")
        )
    return render(
        request,
        "accounts/two_factor_setup.html",
        {"form": form, "qr": mark_safe(_qr_svg(device.config_url)), "secret": device.bin_key.hex()},
    )


@login_required
def verify(request):
    form = TokenForm(request.POST or None)
    next_url = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    if request.method == "POST" and form.is_valid():
        if verify_code(request, form.cleaned_data["token"]):
            return redirect(next_url)
        form.add_error("token", _("This code is not valid. Wait a few seconds and try the next code."))
    return render(request, "accounts/two_factor_verify.html", {"form": form})
