"""Questionnaires the ISU sends to States, their questions, recipients and the States' responses.

A response keeps what the delegate typed as raw values (`Response.draft_data`, JSON keyed by question
id) so that an incomplete or invalid draft is never lost. Submitting validates every answer and
writes typed `Answer` rows, which the summaries and exports count.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.dates import days_until
from core.translation import TranslatedField


class RecipientGroup(models.TextChoices):
    AFFECTED = "affected", _("National mine action directors (mine-affected States)")
    PROVIDERS = "providers", _("Donor States (providers of assistance)")
    ALL = "all", _("All States Parties")


class QuestionnaireQuerySet(models.QuerySet):
    def circulated(self) -> "QuestionnaireQuerySet":
        return self.filter(circulated_at__isnull=False)

    def visible_to(self, user) -> "QuestionnaireQuerySet":
        """Every questionnaire for the committee; circulated ones sent to their State for a delegate."""
        if user.is_authenticated and user.is_committee:
            return self
        if user.is_authenticated and user.is_state_user:
            return self.circulated().filter(recipients__state_id=user.state_id)
        return self.none()


class Questionnaire(models.Model):
    committee = models.ForeignKey(
        "committee.Committee",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questionnaires",
        verbose_name=_("on behalf of the committee"),
    )
    title = TranslatedField(models.CharField, _("title"), max_length=300)
    introduction = TranslatedField(models.TextField, _("introduction"), required=False)
    circulation_date = models.DateField(_("circulation date"))
    circulate_automatically = models.BooleanField(
        _("circulate automatically on the circulation date"),
        default=False,
        help_text=_("The questionnaire is e-mailed on that day if it has questions and recipients."),
    )
    deadline = models.DateField(_("deadline for answers"))
    recipient_groups = models.JSONField(_("recipient groups"), default=list, blank=True)
    purpose = TranslatedField(
        models.TextField,
        _("aims"),
        required=False,
        help_text=_("What the questionnaire is for, as the conclusions say it after “to”: one aim per line."),
    )
    prepares = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("in view of"),
        help_text=_("The meeting the questionnaire prepares, e.g. the next Review Conference."),
    )
    circulated_at = models.DateTimeField(_("circulated at"), null=True, blank=True)
    circulated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        ordering = ["-circulation_date", "-pk"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("circulation_date")),
                name="questionnaire_deadline_after_circulation",
                violation_error_message=_("The deadline cannot be before the circulation date."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_circulated(self) -> bool:
        return self.circulated_at is not None

    def deadline_passed(self, today=None) -> bool:
        return (today or timezone.localdate()) > self.deadline

    def days_left(self, today=None) -> int:
        return days_until(self.deadline, today)

    @property
    def year(self) -> int:
        return self.circulation_date.year


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Free text")
    YES_NO = "yes_no", _("Yes / no")
    NUMBER = "number", _("Number")
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")


CLOSED_KINDS = (QuestionKind.YES_NO, QuestionKind.SINGLE, QuestionKind.MULTIPLE)
CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions", verbose_name=_("questionnaire")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("type"), max_length=16, choices=QuestionKind.choices)
    text = TranslatedField(models.TextField, _("question"))
    help = TranslatedField(models.CharField, _("help"), max_length=500, required=False)
    required = models.BooleanField(_("an answer is required"), default=True)
    actions = models.ManyToManyField(
        "workplan.OsloAction", blank=True, related_name="questions", verbose_name=_("Oslo Action Plan actions")
    )
    about_gender = models.BooleanField(_("about gender and diversity"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["questionnaire", "order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_closed(self) -> bool:
        return self.kind in CLOSED_KINDS

    @property
    def has_choices(self) -> bool:
        return self.kind in CHOICE_KINDS

    @property
    def field_name(self) -> str:
        return f"q{self.pk}"


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = TranslatedField(models.CharField, _("choice"), max_length=300)

    class Meta:
        ordering = ["question", "order", "pk"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self) -> str:
        return self.text


class Recipient(models.Model):
    """A State the questionnaire is sent to; `notified_at` is set once its delegates were e-mailed."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="recipients", verbose_name=_("questionnaire")
    )
    state = models.ForeignKey(
        "states.State", on_delete=models.PROTECT, related_name="questionnaire_recipients", verbose_name=_("State")
    )
    notified_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    notified_count = models.PositiveSmallIntegerField(_("delegates e-mailed"), default=0)

    class Meta:
        ordering = ["questionnaire", "state__name_en"]
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "state"], name="unique_questionnaire_recipient")
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire_id} → {self.state_id}"


class ResponseQuerySet(models.QuerySet):
    def submitted(self) -> "ResponseQuerySet":
        return self.filter(submitted_at__isnull=False)


class Response(models.Model):
    """A State's answer to a questionnaire: a working draft and, once submitted, typed answers."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="responses", verbose_name=_("questionnaire")
    )
    state = models.ForeignKey(
        "states.State", on_delete=models.PROTECT, related_name="questionnaire_responses", verbose_name=_("State")
    )
    draft_data = models.JSONField(_("draft"), default=dict, blank=True)
    draft_saved_at = models.DateTimeField(_("draft saved at"), null=True, blank=True)
    draft_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_data = models.JSONField(_("submitted answers"), default=dict, blank=True)
    first_submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("last submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveSmallIntegerField(_("version"), default=0)
    history = HistoricalRecords()

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["questionnaire", "state__name_en"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [models.UniqueConstraint(fields=["questionnaire", "state"], name="unique_questionnaire_response")]

    def __str__(self) -> str:
        return f"{self.questionnaire_id} {self.state_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def is_amended(self) -> bool:
        return self.version > 1

    @property
    def is_late(self) -> bool:
        if self.first_submitted_at is None:
            return False
        return timezone.localdate(self.first_submitted_at) > self.questionnaire.deadline

    @property
    def has_unsubmitted_changes(self) -> bool:
        return self.draft_saved_at is not None and self.draft_data != self.submitted_data


class Answer(models.Model):
    """A submitted answer to one question, typed so that it can be counted."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response"))
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question"))
    text = models.TextField(_("text"), blank=True)
    number = models.DecimalField(_("number"), max_digits=18, decimal_places=2, null=True, blank=True)
    yes_no = models.BooleanField(_("yes / no"), null=True, blank=True)
    choices = models.ManyToManyField(Choice, blank=True, related_name="answers", verbose_name=_("choices"))

    class Meta:
        ordering = ["response", "question"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="unique_answer_per_question")]

    def __str__(self) -> str:
        return f"{self.response_id} {self.question_id}"
