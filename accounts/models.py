from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ISU = "isu", _("ISU staff")
    CHAIR = "chair", _("Committee chair")
    MEMBER = "member", _("Committee member")
    DELEGATE = "delegate", _("State delegate")


class User(AbstractUser):
    """A person using the app. A delegate is bound to exactly one State."""

    email = models.EmailField(_("e-mail address"), unique=True)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.DELEGATE)
    state = models.ForeignKey(
        "states.State",
        verbose_name=_("State"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("The State a delegate represents (or a committee member's State)."),
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

    def __str__(self) -> str:
        return self.get_full_name() or self.email or self.username


class AuditEvent(models.Model):
    """Security log: logins, failed logins, logouts and refused object access (times in UTC)."""

    class Kind(models.TextChoices):
        LOGIN = "login", _("login")
        LOGIN_FAILED = "login_failed", _("failed login")
        LOGOUT = "logout", _("logout")
        ACCESS_REFUSED = "access_refused", _("access refused")
        SESSION_EXPIRED = "session_expired", _("session expired")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    at = models.DateTimeField(_("at (UTC)"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    username = models.CharField(_("username"), max_length=254, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    path = models.CharField(_("path"), max_length=500, blank=True)
    status_code = models.PositiveSmallIntegerField(_("status"), null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S}Z {self.kind} {self.username}"
