"""The Cooperation and Assistance Fund: terms of reference, contributions, applications, disbursements.

Balances are never stored: they are derived from contributions, approvals and disbursements
(see `selectors.fund_balances`). `FundAccount` only exists to be row-locked per currency, so that
two approvals or disbursements at the same moment cannot spend the same money twice.
"""

import datetime
from decimal import Decimal

from babel.numbers import list_currencies
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.uploads import DocumentValidator, UploadTo

MONEY = {"max_digits": 18, "decimal_places": 2}
CENT = Decimal("0.01")
DOCUMENT_EXTENSIONS = ["pdf", "doc", "docx", "odt", "rtf", "txt"]
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# The terms of reference ask for the final report within three months of the end of the activities.
FINAL_REPORT_DAYS_AFTER_END = 90


def validate_currency(value: str) -> None:
    if value not in list_currencies():
        raise ValidationError(
            _("%(value)s is not an ISO 4217 currency code (e.g. EUR, USD, CHF)."), params={"value": value}
        )


def validate_upload_size(file) -> None:  # kept for migration 0001: core.uploads checks sizes
    if file.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The file is larger than 20 MB; please send a smaller file."))


def currency_field(**kwargs) -> models.CharField:
    return models.CharField(
        _("currency"), max_length=3, validators=[validate_currency], help_text=_("ISO 4217 code, e.g. EUR."), **kwargs
    )


class FundAccount(models.Model):
    """One row per currency the Fund holds; locked with select_for_update around every spend."""

    currency = currency_field(unique=True)

    class Meta:
        ordering = ["currency"]
        verbose_name = _("fund account")
        verbose_name_plural = _("fund accounts")

    def __str__(self) -> str:
        return self.currency


class TermsOfReferenceQuerySet(models.QuerySet):
    def in_force_on(self, day: datetime.date) -> "TermsOfReference | None":
        return self.filter(in_force_from__lte=day).order_by("-in_force_from").first()


def terms_upload_to(instance, filename: str) -> str:
    # kept for migration 0001; files are stored under random names (core.uploads.UploadTo)
    return f"fund/terms/{instance.version}/{filename}"


class TermsOfReference(models.Model):
    """A version of the Fund's terms of reference and guidelines."""

    version = models.CharField(_("version"), max_length=40, unique=True, help_text=_("e.g. 2023"))
    title = models.CharField(_("title"), max_length=300)
    in_force_from = models.DateField(_("in force from"), unique=True)
    summary = models.TextField(_("text"), blank=True)
    file = models.FileField(
        _("document"),
        upload_to=UploadTo("fund/terms"),
        blank=True,
        validators=[DocumentValidator(DOCUMENT_EXTENSIONS)],
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    history = HistoricalRecords()

    objects = TermsOfReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["-in_force_from"]
        verbose_name = _("terms of reference")
        verbose_name_plural = _("terms of reference")
        constraints = [
            models.CheckConstraint(
                condition=~Q(summary="") | ~Q(file=""),
                name="fund_terms_text_or_file",
                violation_error_message=_("Give the text, a document, or both."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"


class Contribution(models.Model):
    """Money received by the Fund from a State or an organisation."""

    contributor_state = models.ForeignKey(
        "states.State",
        verbose_name=_("contributing State"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="fund_contributions",
    )
    contributor_organisation = models.ForeignKey(
        "states.Organisation",
        verbose_name=_("contributing organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="fund_contributions",
    )
    amount = models.DecimalField(_("amount"), **MONEY, validators=[MinValueValidator(CENT)])
    currency = currency_field()
    received_on = models.DateField(_("date received"))
    earmarking = models.CharField(
        _("earmarking"), max_length=300, blank=True, help_text=_("Leave empty when the contribution is not earmarked.")
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        constraints = [
            models.CheckConstraint(
                condition=Q(contributor_state__isnull=False, contributor_organisation__isnull=True)
                | Q(contributor_state__isnull=True, contributor_organisation__isnull=False),
                name="fund_contribution_one_contributor",
                violation_error_message=_("Choose either a State or an organisation as the contributor."),
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="fund_contribution_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.contributor} {self.amount} {self.currency}"

    @property
    def contributor(self):
        return self.contributor_state or self.contributor_organisation


class Purpose(models.TextChoices):
    GOOD_PRACTICES = "good_practices", _("Exchange of good practices")
    SOUTH_SOUTH = "south_south", _("South-South cooperation")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("fund application", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("fund application", "Submitted")
    SCREENED = "screened", _("Eligible, awaiting gender-perspective review")
    GENDER_REVIEWED = "gender_reviewed", _("Gender review done, awaiting decision")
    REVISION_REQUESTED = "revision_requested", _("Revision requested")
    APPROVED = "approved", pgettext_lazy("fund application", "Approved")
    REJECTED = "rejected", pgettext_lazy("fund application", "Rejected")
    DISBURSED = "disbursed", pgettext_lazy("fund application", "Disbursed")
    REPORT_RECEIVED = "report_received", _("Final report received")
    CLOSED = "closed", pgettext_lazy("fund application", "Closed")


# Approved applications whose unspent approved amount is still reserved (committed) for them.
COMMITTED_STATUSES = (Status.APPROVED, Status.DISBURSED, Status.REPORT_RECEIVED)
# Applications the State still owes a final report for.
REPORT_OWED_STATUSES = (Status.APPROVED, Status.DISBURSED)
# Applications the applicant may still edit.
EDITABLE_STATUSES = (Status.DRAFT, Status.REVISION_REQUESTED)


class Action:
    """What can be done to an application; permissions.py says who, services.py says when."""

    EDIT = "edit"
    SUBMIT = "submit"
    SCREEN = "screen"
    GENDER_REVIEW = "gender_review"
    DECIDE = "decide"
    DISBURSE = "disburse"
    UPLOAD_REPORT = "upload_report"
    RECEIVE_REPORT = "receive_report"
    CLOSE = "close"


# The statuses in which each action is possible: the workflow's order.
ACTION_STATUSES = {
    Action.EDIT: EDITABLE_STATUSES,
    Action.SUBMIT: EDITABLE_STATUSES,
    Action.SCREEN: (Status.SUBMITTED,),
    Action.GENDER_REVIEW: (Status.SCREENED,),
    Action.DECIDE: (Status.GENDER_REVIEWED,),
    Action.DISBURSE: COMMITTED_STATUSES,
    Action.UPLOAD_REPORT: REPORT_OWED_STATUSES,
    Action.RECEIVE_REPORT: REPORT_OWED_STATUSES,
    Action.CLOSE: (Status.REPORT_RECEIVED,),
}


class ApplicationQuerySet(models.QuerySet):
    def for_state(self, state_id: int) -> "ApplicationQuerySet":
        return self.filter(state_id=state_id)

    def report_owed(self) -> "ApplicationQuerySet":
        """Applications whose final report the State owes (the SQL twin of `Application.report_owed`)."""
        return self.filter(status__in=REPORT_OWED_STATUSES, final_report_due__isnull=False, final_report="")


def final_report_upload_to(instance, filename: str) -> str:
    # kept for migration 0001; files are stored under random names (core.uploads.UploadTo)
    return f"fund/final-reports/{instance.reference}/{filename}"


class Application(models.Model):
    """A State's application to the Fund, from draft to closure."""

    reference = models.CharField(_("reference"), max_length=40, unique=True, editable=False)
    state = models.ForeignKey(
        "states.State", on_delete=models.PROTECT, related_name="fund_applications", verbose_name=_("State")
    )
    title = models.CharField(_("title"), max_length=300)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    purpose_other = models.CharField(
        _("other purpose"), max_length=300, blank=True, help_text=_("Describe the purpose when it is “Other”.")
    )
    activities = models.TextField(_("activities"))
    requested_amount = models.DecimalField(_("requested amount"), **MONEY, validators=[MinValueValidator(CENT)])
    currency = currency_field()
    start_date = models.DateField(_("activities start"))
    end_date = models.DateField(_("activities end"))
    timeline = models.TextField(_("timeline"), blank=True, help_text=_("Milestones, one per line."))
    partners = models.TextField(_("partners"), blank=True, help_text=_("Organisations and States involved."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    terms = models.ForeignKey(
        TermsOfReference,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("terms of reference applied"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    eligibility_note = models.TextField(_("eligibility screening"), blank=True)
    gender_assessment = models.TextField(_("gender-perspective assessment"), blank=True)
    decision_reasons = models.TextField(_("reasons for the decision"), blank=True)
    approved_amount = models.DecimalField(_("approved amount"), **MONEY, null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    final_report_due = models.DateField(_("final report due"), null=True, blank=True)
    final_report = models.FileField(
        _("final report"),
        upload_to=UploadTo("fund/final-reports"),
        blank=True,
        validators=[DocumentValidator(DOCUMENT_EXTENSIONS)],
    )
    final_report_uploaded_at = models.DateTimeField(_("final report uploaded at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    history = HistoricalRecords()

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Fund application")
        verbose_name_plural = _("Fund applications")
        constraints = [
            models.CheckConstraint(condition=Q(requested_amount__gt=0), name="fund_application_positive"),
            models.CheckConstraint(
                condition=Q(approved_amount__isnull=True) | Q(approved_amount__gt=0),
                name="fund_application_approved_positive",
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="fund_application_dates_in_order",
                violation_error_message=_("The activities must end after they start."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def report_owed(self) -> bool:
        """The State owes the final report: approved or disbursed, a due date set, no report in yet."""
        return self.status in REPORT_OWED_STATUSES and self.final_report_due is not None and not self.final_report

    @property
    def purpose_label(self) -> str:
        if self.purpose == Purpose.OTHER and self.purpose_other:
            return self.purpose_other
        return self.get_purpose_display()

    def default_final_report_due(self) -> datetime.date:
        return self.end_date + datetime.timedelta(days=FINAL_REPORT_DAYS_AFTER_END)


class BudgetLine(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="budget_lines", verbose_name=_("application")
    )
    description = models.CharField(_("item"), max_length=300)
    amount = models.DecimalField(_("amount"), **MONEY, validators=[MinValueValidator(CENT)])
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="fund_budget_line_positive")]

    def __str__(self) -> str:
        return f"{self.description}: {self.amount}"


class Step(models.TextChoices):
    CREATED = "created", _("Draft created")
    SUBMITTED = "submitted", pgettext_lazy("fund application", "Submitted")
    SCREENED_ELIGIBLE = "screened_eligible", _("Found eligible")
    SCREENED_INELIGIBLE = "screened_ineligible", _("Found not eligible")
    GENDER_REVIEWED = "gender_reviewed", _("Gender-perspective review")
    APPROVED = "approved", pgettext_lazy("fund application", "Approved")
    REJECTED = "rejected", pgettext_lazy("fund application", "Rejected")
    REVISION_REQUESTED = "revision_requested", _("Revision requested")
    DISBURSED = "disbursed", _("Disbursement")
    FINAL_REPORT_UPLOADED = "final_report_uploaded", _("Final report uploaded")
    FINAL_REPORT_RECEIVED = "final_report_received", _("Final report received")
    CLOSED = "closed", pgettext_lazy("fund application", "Closed")


class ApplicationEvent(models.Model):
    """One dated step of an application's workflow: who did what, when, with what note."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="events", verbose_name=_("application")
    )
    step = models.CharField(_("step"), max_length=32, choices=Step.choices)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("application step")
        verbose_name_plural = _("application steps")

    def __str__(self) -> str:
        return f"{self.application_id} {self.step} {self.at:%Y-%m-%d}"


class Disbursement(models.Model):
    """Money paid out of the Fund for an approved application (one or more per application)."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="disbursements", verbose_name=_("application")
    )
    amount = models.DecimalField(_("amount"), **MONEY, validators=[MinValueValidator(CENT)])
    currency = currency_field()
    paid_on = models.DateField(_("paid on"))
    reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["paid_on", "pk"]
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="fund_disbursement_positive")]

    def __str__(self) -> str:
        return f"{self.application_id} {self.amount} {self.currency}"
