from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ISU = "isu", _("ISU staff")
    CHAIR = "chair", _("Committee chair")
    MEMBER = "member", _("Committee member")
    DELEGATE = "delegate", _("State delegate")
    READER = "reader", _("Read-only user of a State")


# The roles bound to one State (the invitation flow gives either).
STATE_ROLES = (Role.DELEGATE, Role.READER)


class User(AbstractUser):
    """A person using the app. A delegate, or a read-only user of a State, is bound to exactly one State."""

    email = models.EmailField(_("e-mail address"), unique=True)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.DELEGATE)
    state = models.ForeignKey(
        "states.State",
        verbose_name=_("State"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("The State a delegate or a read-only user belongs to (or a committee member's State)."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    title = models.CharField(_("title or function"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    deactivated_at = models.DateTimeField(_("deactivated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def is_isu(self) -> bool:
        return self.is_active and (self.role == Role.ISU or self.is_superuser)

    @property
    def is_chair(self) -> bool:
        return self.is_active and self.role == Role.CHAIR

    @property
    def is_committee(self) -> bool:
        """Chair, member or ISU: may read every State's non-public data."""
        return self.is_active and (self.role in (Role.CHAIR, Role.MEMBER) or self.is_isu)

    @property
    def is_delegate(self) -> bool:
        return self.is_active and self.role == Role.DELEGATE and self.state_id is not None

    @property
    def is_reader(self) -> bool:
        """A read-only user of one State (e.g. a colleague at the mission): sees what the State's
        delegates see, writes nothing."""
        return self.is_active and self.role == Role.READER and self.state_id is not None

    @property
    def is_state_user(self) -> bool:
        """A delegate or a read-only user: may read their own State's non-public data."""
        return self.is_delegate or self.is_reader

    def __str__(self) -> str:
        return self.get_full_name() or self.email or self.username


class AuditEvent(models.Model):
    """Security log: logins, failed logins, logouts, refused object access, API tokens, and the ISU's
    recalls and reinstatements of submitted report versions (times in UTC)."""

    class Kind(models.TextChoices):
        LOGIN = "login", _("login")
        LOGIN_FAILED = "login_failed", _("failed login")
        LOGOUT = "logout", _("logout")
        ACCESS_REFUSED = "access_refused", _("access refused")
        SESSION_EXPIRED = "session_expired", _("session expired")
        TOKEN_CREATED = "token_created", _("API token created")
        TOKEN_REVOKED = "token_revoked", _("API token revoked")
        TOKEN_USED = "token_used", _("API token used")
        TOKEN_REFUSED = "token_refused", _("API token refused")
        REPORT_RECALLED = "report_recalled", _("report version recalled")
        REPORT_REINSTATED = "report_reinstated", _("report version reinstated")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    at = models.DateTimeField(_("at (UTC)"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    username = models.CharField(_("username"), max_length=254, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    path = models.CharField(_("path"), max_length=500, blank=True)
    status_code = models.PositiveSmallIntegerField(_("status"), null=True, blank=True)
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S}Z {self.kind} {self.username}"


class ApiTokenQuerySet(models.QuerySet):
    def active(self, now=None):
        from django.utils import timezone

        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class ApiToken(models.Model):
    """A personal, read-only API token. Only a SHA-256 digest of the secret is kept: the secret
    is shown once, when the token is created (see accounts/tokens.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for, e.g. the script using it."))
    prefix = models.CharField(_("prefix"), max_length=16, help_text=_("The token's first characters, to recognise it."))
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    last_used_ip = models.GenericIPAddressField(_("last used from"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"

    def is_active(self, now=None) -> bool:
        from django.utils import timezone

        return self.revoked_at is None and self.expires_at > (now or timezone.now())

    @property
    def status(self) -> str:
        """ "active", "expired" or "revoked" (shown with templates/accounts/_api_token_status.html)."""
        if self.revoked_at is not None:
            return "revoked"
        return "active" if self.is_active() else "expired"
