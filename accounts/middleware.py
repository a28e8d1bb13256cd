from django.conf import settings
from django.utils import translation


class UserLanguageMiddleware:
    """Signed-in users get their profile language unless they chose one with the switcher."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = user.preferred_language
        return self.get_response(request)


class SessionLifetimeMiddleware:
    """End a session SESSION_ABSOLUTE_LIFETIME seconds after login, however active it is.

    The idle timeout is Django's own (SESSION_COOKIE_AGE renewed on every request).
    """

    KEY = "_login_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        import time

        from django.contrib.auth import logout

        if request.user.is_authenticated:
            login_at = request.session.setdefault(self.KEY, int(time.time()))
            if time.time() - login_at > settings.SESSION_ABSOLUTE_LIFETIME:
                from .audit import audit_record
                from .models import AuditEvent

                audit_record(kind=AuditEvent.Kind.SESSION_EXPIRED, request=request, user=request.user)
                logout(request)
        return self.get_response(request)


class RefusedAccessAuditMiddleware:
    """Record in the audit log every 403/404 answered to a signed-in user (refused object access)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code in (403, 404) and request.user.is_authenticated:
            from .audit import audit_record
            from .models import AuditEvent

            audit_record(
                kind=AuditEvent.Kind.ACCESS_REFUSED,
                request=request,
                user=request.user,
                status_code=response.status_code,
            )
        return response


class TwoFactorMiddleware:
    """A user who turned on two-factor authentication must enter a code before anything else."""

    # The API decides for itself (accounts.authentication.VerifiedSessionAuthentication).
    ALLOWED_PREFIXES = ("/accounts/two-factor/verify/", "/accounts/logout/", "/static/", "/i18n/", "/healthz", "/api/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.shortcuts import redirect
        from django_otp import user_has_device

        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(self.ALLOWED_PREFIXES)
            and user_has_device(user, confirmed=True)
        ):
            return redirect(f"/accounts/two-factor/verify/?next={request.get_full_path()}")
        return self.get_response(request)
