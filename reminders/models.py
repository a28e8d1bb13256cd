"""Reminders claimed and sent, pauses, and weekly digests.

A `SentReminder` row is inserted (claimed) before the e-mail is sent: its unique constraint is what
guarantees a reminder goes out once even when two passes or two workers race.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .policy import kind_label


class Status(models.TextChoices):
    CLAIMED = "claimed", _("Queued")
    RETRYING = "retrying", _("Failed, will retry")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Not sent (submitted, paused or no longer a delegate)")


OPEN_STATUSES = (Status.CLAIMED, Status.RETRYING)
FINAL_STATUSES = (Status.SENT, Status.FAILED, Status.CANCELLED)


class SentReminderQuerySet(models.QuerySet):
    def open(self) -> "SentReminderQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def for_list(self) -> "SentReminderQuerySet":
        return self.select_related("state", "recipient")


class SentReminder(models.Model):
    """One reminder (source, cycle, State, kind, deadline) to one recipient: claimed, then sent once."""

    source = models.CharField(_("deadline source"), max_length=32)
    cycle = models.CharField(_("cycle"), max_length=32)
    state = models.ForeignKey("states.State", on_delete=models.CASCADE, related_name="+", verbose_name=_("State"))
    kind = models.CharField(_("reminder"), max_length=32)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("recipient")
    )
    email = models.EmailField(_("e-mail address"))
    deadline = models.DateField(_("deadline"))
    due_on = models.DateField(_("scheduled for"))
    title = models.CharField(_("obligation"), max_length=300)
    path = models.CharField(_("link"), max_length=300)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CLAIMED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = SentReminderQuerySet.as_manager()

    class Meta:
        ordering = ["-claimed_at", "-pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            # The deadline is part of the key so that a State granted an extension is reminded
            # again before its new deadline.
            models.UniqueConstraint(
                fields=["source", "cycle", "state", "kind", "recipient", "deadline"], name="reminder_sent_once"
            )
        ]
        indexes = [
            models.Index(fields=["source", "cycle", "state"], name="reminder_by_obligation"),
            models.Index(fields=["status", "updated_at"], name="reminder_by_status"),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.cycle} {self.state_id} {self.kind} → {self.email}"

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def is_overdue_notice(self) -> bool:
        return self.kind.startswith("overdue-")


class ReminderPauseQuerySet(models.QuerySet):
    def active(self) -> "ReminderPauseQuerySet":
        return self.filter(resumed_at__isnull=True)

    def for_source(self, source: str) -> "ReminderPauseQuerySet":
        return self.filter(Q(source="") | Q(source=source))


class ReminderPause(models.Model):
    """While active, the State gets no reminders (for one deadline source, or all when `source` is blank)."""

    state = models.ForeignKey(
        "states.State", on_delete=models.CASCADE, related_name="reminder_pauses", verbose_name=_("State")
    )
    source = models.CharField(
        _("deadlines"), max_length=32, blank=True, help_text=_("Leave empty to pause every kind of reminder.")
    )
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("paused by")
    )
    since = models.DateTimeField(_("paused since"), auto_now_add=True)
    resumed_at = models.DateTimeField(_("resumed at"), null=True, blank=True)
    resumed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resumed by"),
    )
    history = HistoricalRecords()

    objects = ReminderPauseQuerySet.as_manager()

    class Meta:
        ordering = ["-since", "-pk"]
        verbose_name = _("reminder pause")
        verbose_name_plural = _("reminder pauses")
        constraints = [
            models.UniqueConstraint(
                fields=["state", "source"],
                condition=Q(resumed_at__isnull=True),
                name="one_active_pause_per_state_source",
                violation_error_message=_("Reminders are already paused for this State."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.state_id} {self.source or '*'} since {self.since:%Y-%m-%d}"

    @property
    def is_active(self) -> bool:
        return self.resumed_at is None

    @property
    def source_display(self) -> str:
        from . import registry

        if not self.source:
            return str(_("All reminders"))
        source = registry.get_source(self.source)
        return registry.source_label(source) if source else self.source


class SentDigest(models.Model):
    """The weekly digest to one chair or ISU member for one week: claimed, then sent once."""

    week = models.DateField(_("week starting"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("recipient")
    )
    email = models.EmailField(_("e-mail address"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CLAIMED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-week", "email"]
        verbose_name = _("weekly digest")
        verbose_name_plural = _("weekly digests")
        constraints = [models.UniqueConstraint(fields=["week", "recipient"], name="digest_sent_once")]

    def __str__(self) -> str:
        return f"digest {self.week} → {self.email}"
