"""Article 7 reports: cycles and deadlines, the State's working draft, immutable submitted versions.

A report's draft is stored as the raw values the delegate typed (`Report.draft_data`, JSON, one entry
per section), so that a half-filled or invalid draft is never lost. Submitting validates the draft and
freezes it into a `ReportVersion` whose key figures, C&A rows and gender information are typed
columns the committee can count.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.uploads import UploadTo, validate_document

MONEY = {"max_digits": 18, "decimal_places": 2}


def default_deadline(year: int) -> datetime.date:
    """Reports on a calendar year are due 30 April of the following year."""
    return datetime.date(year + 1, 4, 30)


class ReportingCycle(models.Model):
    """The reporting on one calendar year (`year`), due by `deadline` (30 April of year + 1 by default)."""

    year = models.PositiveSmallIntegerField(_("calendar year reported on"), unique=True)
    deadline = models.DateField(_("deadline"), blank=True, help_text=_("Default: 30 April of the following year."))
    note = models.CharField(_("note"), max_length=300, blank=True)
    online_tool_promoted_by = models.ForeignKey(
        "committee.Committee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("online reporting tool promoted by"),
        help_text=_("The committee that promoted the online reporting tool ahead of this cycle's deadline."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("reporting cycle")
        verbose_name_plural = _("reporting cycles")

    def __str__(self) -> str:
        return str(_("Reports on %(year)s (due %(deadline)s)") % {"year": self.year, "deadline": self.deadline})

    def save(self, *args, **kwargs):
        if self.deadline is None:
            self.deadline = default_deadline(self.year)
        super().save(*args, **kwargs)

    @property
    def due_year(self) -> int:
        return self.deadline.year if self.deadline else self.year + 1


class DeadlineExtension(models.Model):
    """A later deadline granted to one State for one cycle, with the reason."""

    cycle = models.ForeignKey(
        ReportingCycle, on_delete=models.CASCADE, related_name="extensions", verbose_name=_("cycle")
    )
    state = models.ForeignKey(
        "states.State", on_delete=models.CASCADE, related_name="report_extensions", verbose_name=_("State")
    )
    new_deadline = models.DateField(_("new deadline"))
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "state__name_en"]
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        constraints = [models.UniqueConstraint(fields=["cycle", "state"], name="unique_extension_per_state_cycle")]

    def __str__(self) -> str:
        return f"{self.state_id} {self.cycle_id} → {self.new_deadline}"


class ReportState(models.TextChoices):
    """Where the report is in its workflow (stored). See `CycleStatus` for the committee's statuses."""

    DRAFT = "draft", _("Draft (never submitted)")
    SUBMITTED = "submitted", _("Submitted")
    AMENDING = "amending", _("Submitted, amendment in progress")


class CycleStatus(models.TextChoices):
    """A State's status in a cycle, as the committee, the dashboard and the compliance report use it."""

    NOT_STARTED = "not_started", _("Not started")
    DRAFT = "draft", _("Draft")
    ON_TIME = "on_time", _("Submitted on time")
    LATE = "late", _("Submitted late")
    NOT_REQUIRED = "not_required", _("Not required")


class ReportQuerySet(models.QuerySet):
    def for_cycle(self, year: int) -> "ReportQuerySet":
        return self.filter(cycle__year=year)

    def for_state(self, state) -> "ReportQuerySet":
        return self.filter(state=state)

    def submitted(self) -> "ReportQuerySet":
        """Submitted at least once (an amendment in progress still has a public submitted version)."""
        return self.filter(current_version__isnull=False)

    def drafts(self) -> "ReportQuerySet":
        return self.filter(current_version__isnull=True)

    def public(self) -> "ReportQuerySet":
        return self.submitted()

    def on_time(self) -> "ReportQuerySet":
        return self.submitted().filter(is_late=False)

    def late(self) -> "ReportQuerySet":
        return self.submitted().filter(is_late=True)

    def ca_without_gender(self) -> "ReportQuerySet":
        return self.submitted().filter(
            Q(current_version__ca_quantitative=True) | Q(current_version__ca_qualitative=True),
            current_version__gender_info=False,
        )


class Report(models.Model):
    """One State's Article 7 report on one calendar year: the working draft plus its submitted versions."""

    state = models.ForeignKey("states.State", on_delete=models.PROTECT, related_name="reports", verbose_name=_("State"))
    cycle = models.ForeignKey(ReportingCycle, on_delete=models.PROTECT, related_name="reports", verbose_name=_("cycle"))
    workflow = models.CharField(
        _("workflow state"), max_length=16, choices=ReportState.choices, default=ReportState.DRAFT
    )
    draft_data = models.JSONField(_("draft"), default=dict, blank=True)
    version_token = models.PositiveIntegerField(
        _("draft revision"), default=1, help_text=_("Incremented on every save; a form based on an older one is stale.")
    )
    draft_saved_at = models.DateTimeField(_("draft saved at"), null=True, blank=True)
    draft_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    prefilled_from = models.ForeignKey(
        "ReportVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pre-filled from"),
    )
    current_version = models.ForeignKey(
        "ReportVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current submitted version"),
    )
    # First submission: the cycle status (on time / late) keeps these even after amendments.
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    deadline_at_submission = models.DateField(_("deadline at submission"), null=True, blank=True)
    is_late = models.BooleanField(_("late"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-cycle__year", "state__name_en"]
        verbose_name = _("Article 7 report")
        verbose_name_plural = _("Article 7 reports")
        constraints = [models.UniqueConstraint(fields=["state", "cycle"], name="unique_report_per_state_cycle")]

    def __str__(self) -> str:
        return f"{self.state} {self.cycle.year}"

    @property
    def year(self) -> int:
        return self.cycle.year

    @property
    def is_submitted(self) -> bool:
        return self.current_version_id is not None

    @property
    def is_editable(self) -> bool:
        return self.workflow in (ReportState.DRAFT, ReportState.AMENDING)

    @property
    def amended(self) -> bool:
        return self.current_version is not None and self.current_version.number > 1

    @property
    def status(self) -> str:
        """The cycle status (see `CycleStatus`): draft, on_time or late; amendments keep the first one."""
        return self.cycle_status

    @property
    def cycle_status(self) -> str:
        if not self.is_submitted:
            return CycleStatus.DRAFT
        return CycleStatus.LATE if self.is_late else CycleStatus.ON_TIME

    def get_cycle_status_display(self) -> str:
        return CycleStatus(self.cycle_status).label


class VersionSource(models.TextChoices):
    ONLINE = "online", _("Submitted online")
    EMAIL = "email", _("Received by e-mail, recorded by the ISU")


class ReportVersion(models.Model):
    """A submitted version of a report: frozen, public, with typed figures for counting."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions", verbose_name=_("report"))
    number = models.PositiveSmallIntegerField(_("version"))
    source = models.CharField(_("source"), max_length=8, choices=VersionSource.choices, default=VersionSource.ONLINE)
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    received_on = models.DateField(_("received on"))
    document = models.FileField(
        _("document"), upload_to=UploadTo("reporting/received"), blank=True, validators=[validate_document]
    )
    content = models.JSONField(_("content"), default=dict)

    # Key figures (forms C, D, G, B).
    area_contaminated_m2 = models.DecimalField(
        _("area suspected or confirmed to contain mines (m²)"), null=True, blank=True, **MONEY
    )
    area_released_m2 = models.DecimalField(_("area released in the year (m²)"), null=True, blank=True, **MONEY)
    mines_destroyed = models.PositiveBigIntegerField(_("mines destroyed"), null=True, blank=True)
    mines_retained = models.PositiveBigIntegerField(_("mines retained"), null=True, blank=True)
    mines_stockpiled = models.PositiveBigIntegerField(_("mines stockpiled"), null=True, blank=True)

    # Cooperation and assistance (besides the rows).
    platform_exists = models.BooleanField(_("national mine action platform exists"), null=True, blank=True)
    platform_meetings = models.PositiveSmallIntegerField(_("platform meetings in the year"), null=True, blank=True)
    resource_mobilisation_plan = models.BooleanField(_("resource mobilisation plan"), null=True, blank=True)
    resource_mobilisation_text = models.TextField(_("resource mobilisation plan (details)"), blank=True)
    unmet_needs = models.TextField(_("assistance needs still unmet"), blank=True)

    # Gender and diversity.
    gender_in_mine_action = models.BooleanField(_("gender integrated in mine action"), null=True, blank=True)
    diverse_needs_in_mine_action = models.BooleanField(
        _("diverse needs of affected communities integrated"), null=True, blank=True
    )
    gender_in_cooperation = models.BooleanField(
        _("gender and diversity integrated in cooperation and assistance"), null=True, blank=True
    )
    gender_disaggregated_data = models.BooleanField(_("sex- and age-disaggregated data"), null=True, blank=True)
    gender_text = models.TextField(_("gender and diversity (details)"), blank=True)
    oap_actions = models.JSONField(_("Oslo Action Plan actions"), default=list, blank=True)

    # Flags the committee uses for its preliminary observations (computed at submission).
    ca_quantitative = models.BooleanField(_("quantitative C&A information"), default=False)
    ca_qualitative = models.BooleanField(_("qualitative C&A information"), default=False)
    gender_info = models.BooleanField(_("gender and diversity information"), default=False)

    class Meta:
        ordering = ["report", "number"]
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="unique_version_number")]

    def __str__(self) -> str:
        return f"{self.report_id} v{self.number}"

    def save(self, *args, **kwargs):
        # Submitted versions are a record: never rewritten.
        if self.pk is not None and not kwargs.pop("allow_update", False):
            raise ValueError("A submitted report version is immutable.")
        super().save(*args, **kwargs)


class Direction(models.TextChoices):
    RECEIVED = "received", _("Received")
    PROVIDED = "provided", _("Provided")


class PartnerKind(models.TextChoices):
    STATE_PARTY = "state_party", _("State Party")
    OTHER_STATE = "other_state", _("Other State")
    ORGANISATION = "organisation", _("Organisation")


class Purpose(models.TextChoices):
    CLEARANCE = "clearance", _("Clearance")
    RISK_EDUCATION = "risk_education", _("Risk education")
    VICTIM_ASSISTANCE = "victim_assistance", _("Victim assistance")
    STOCKPILE_DESTRUCTION = "stockpile_destruction", _("Stockpile destruction")
    CAPACITY_BUILDING = "capacity_building", _("Capacity building")
    OTHER = "other", _("Other")


class Channel(models.TextChoices):
    BILATERAL = "bilateral", _("Bilateral")
    MULTILATERAL = "multilateral", _("Multilateral (UN, EU, trust fund)")
    NGO = "ngo", _("Through an NGO")
    SOUTH_SOUTH = "south_south", _("South-South or triangular")
    IN_KIND = "in_kind", _("In kind (equipment, experts)")
    OTHER = "other", _("Other")


class CooperationRow(models.Model):
    """One line of cooperation and assistance received or provided, in a submitted version."""

    version = models.ForeignKey(ReportVersion, on_delete=models.CASCADE, related_name="ca_rows")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    partner_kind = models.CharField(_("partner kind"), max_length=16, choices=PartnerKind.choices)
    partner_state = models.ForeignKey(
        "states.State", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("partner")
    )
    partner_organisation = models.ForeignKey(
        "states.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner organisation"),
    )
    partner_name = models.CharField(_("partner (other)"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount"), null=True, blank=True, **MONEY)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    purpose = models.CharField(_("purpose"), max_length=24, choices=Purpose.choices)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices, blank=True)
    gender_considered = models.BooleanField(_("gender and diversity considered"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("cooperation and assistance row")
        verbose_name_plural = _("cooperation and assistance rows")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | ~Q(currency=""),
                name="ca_row_amount_has_currency",
                violation_error_message=_("An amount needs a currency."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} {self.partner_label} {self.amount or ''} {self.currency}"

    @property
    def partner_label(self) -> str:
        if self.partner_state_id:
            return str(self.partner_state)
        if self.partner_organisation_id:
            return str(self.partner_organisation)
        return self.partner_name
