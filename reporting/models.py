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

from core.uploads import DocumentValidator, UploadTo, validate_document

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
    """The channel a version reached the ISU by: the web editor, or e-mail and paper, keyed in by the ISU."""

    ONLINE = "online", _("Web")
    EMAIL = "email", _("E-mail")
    PAPER = "paper", _("Paper")


# The only columns of a submitted version that may change: the ISU's recall and reinstatement.
RECALL_FIELDS = frozenset(
    {"is_recalled", "recalled_at", "recalled_by", "recall_reason", "reinstated_at", "reinstated_by"}
)


class ReportVersion(models.Model):
    """A submitted version of a report: frozen, public, with typed figures for counting. The ISU may
    recall it (sent by mistake, withdrawn by the State): it stays in the history, marked, and is no
    longer public; reinstating it makes it public again."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions", verbose_name=_("report"))
    number = models.PositiveSmallIntegerField(_("version"))
    source = models.CharField(_("channel"), max_length=8, choices=VersionSource.choices, default=VersionSource.ONLINE)
    keyed_in_by_isu = models.BooleanField(
        _("keyed in by the ISU on behalf of the State"),
        default=False,
        help_text=_("The ISU typed in a report the State sent by e-mail or on paper."),
    )
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

    # The ISU's recall (RECALL_FIELDS: the only columns written after submission).
    is_recalled = models.BooleanField(_("recalled"), default=False)
    recalled_at = models.DateTimeField(_("recalled at"), null=True, blank=True)
    recalled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recalled by"),
    )
    recall_reason = models.TextField(_("reason for the recall"), blank=True)
    reinstated_at = models.DateTimeField(_("reinstated at"), null=True, blank=True)
    reinstated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reinstated by"),
    )

    class Meta:
        ordering = ["report", "number"]
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="unique_version_number")]

    def __str__(self) -> str:
        return f"{self.report_id} v{self.number}"

    def save(self, *args, **kwargs):
        # Submitted versions are a record: never rewritten, but for the recall flags.
        if self.pk is not None:
            if not kwargs.pop("allow_update", False):
                raise ValueError("A submitted report version is immutable.")
            if not set(kwargs.get("update_fields") or ()) or not set(kwargs["update_fields"]) <= RECALL_FIELDS:
                raise ValueError("Only the recall flags of a submitted report version may change.")
        super().save(*args, **kwargs)

    @property
    def channel_label(self) -> str:
        """The channel, and who typed it in: "E-mail, keyed in by the ISU on behalf of the State"."""
        if self.keyed_in_by_isu:
            return str(
                _("%(channel)s, keyed in by the ISU on behalf of the State") % {"channel": self.get_source_display()}
            )
        return self.get_source_display()


class SectionReview(models.Model):
    """The ISU's internal remarks on one section of a report: kept outside the submitted versions,
    editable at any time by ISU staff, read by the committee; never public, never shown to the State."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="section_reviews", verbose_name=_("report")
    )
    section_key = models.CharField(_("section"), max_length=16)
    isu_remarks = models.TextField(_("ISU remarks (internal)"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "section_key"]
        verbose_name = _("ISU section review")
        verbose_name_plural = _("ISU section reviews")
        constraints = [
            models.UniqueConstraint(fields=["report", "section_key"], name="unique_review_per_report_section")
        ]

    def __str__(self) -> str:
        return f"{self.report_id} {self.section_key}"


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


# --- the official forms' rows (typed, frozen with their version) -----------------------------------
#
# Every row model hangs off a submitted `ReportVersion` and is written once, at submission, from the
# draft's tables (see reporting/tables.py, which declares which form shows which model). A figure left
# empty is stored as NULL: "not reported", never 0.

QUANTITY = {"null": True, "blank": True}
AREA = {"null": True, "blank": True, "max_digits": 18, "decimal_places": 2}


class MeasureKind(models.TextChoices):
    LEGISLATION = "legislation", _("Legislation")
    REGULATION = "regulation", _("Regulation or decree")
    ADMINISTRATIVE = "administrative", _("Administrative measure")
    PENAL = "penal_sanction", _("Penal sanctions")
    MILITARY = "military", _("Military doctrine or instruction")
    OTHER = "other", _("Other")


class AreaStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Known to contain mines")
    SUSPECTED = "suspected", _("Suspected to contain mines")


class ReleaseMethod(models.TextChoices):
    CANCELLED = "cancelled", _("Cancelled through non-technical survey")
    REDUCED = "reduced", _("Reduced through technical survey")
    CLEARED = "cleared", _("Cleared")


class TransferPurpose(models.TextChoices):
    TRAINING = "training", _("Development and training (Article 3.1)")
    DESTRUCTION = "destruction", _("Destruction (Article 3.2)")


class UseActivity(models.TextChoices):
    DETECTION = "detection_training", _("Training in mine detection")
    CLEARANCE = "clearance_training", _("Training in mine clearance")
    DESTRUCTION = "destruction_training", _("Training in mine destruction")
    TESTING = "equipment_testing", _("Testing of equipment")
    RESEARCH = "research", _("Research and development")
    OTHER = "other", _("Other")


class FacilityAction(models.TextChoices):
    CONVERSION = "conversion", _("Conversion")
    DECOMMISSIONING = "decommissioning", _("Decommissioning")


class FacilityStatus(models.TextChoices):
    IN_PROCESS = "in_process", _("In process")
    COMPLETED = "completed", _("Completed")


class ProgrammeArticle(models.TextChoices):
    STOCKPILE = "art4", _("Stockpile destruction (Article 4)")
    MINED_AREAS = "art5", _("Mine clearance (Article 5)")


class ProgrammeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    SUSPENDED = "suspended", _("Suspended")


class DestroyedUnder(models.TextChoices):
    STOCKPILE = "art4", _("Article 4: stockpiled mines")
    DISCOVERED = "art4_discovered", _("Article 4: previously unknown stockpiles")
    MINED_AREAS = "art5", _("Article 5: mines in mined areas")


class WarningKind(models.TextChoices):
    MARKING = "marking", _("Marking")
    FENCING = "fencing", _("Fencing")
    RISK_EDUCATION = "risk_education", _("Risk education")
    COMMUNITY_LIAISON = "community_liaison", _("Community liaison")
    MEDIA = "media", _("Media campaign")
    OTHER = "other", _("Other")


class Outcome(models.TextChoices):
    KILLED = "killed", _("Killed")
    INJURED = "injured", _("Injured")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    UNKNOWN = "unknown", _("Not known")


class AgeGroup(models.TextChoices):
    CHILD = "child", _("Under 18")
    ADULT = "adult", _("18 and over")
    UNKNOWN = "unknown", _("Not known")


class NeedStatus(models.TextChoices):
    UNMET = "unmet", _("Unmet")
    PARTIAL = "partially_met", _("Partially met")
    MET = "met", _("Met")


class TeamKind(models.TextChoices):
    NTS = "nts", _("Non-technical survey")
    TS = "ts", _("Technical survey")
    CLEARANCE = "clearance", _("Clearance")
    RISK_EDUCATION = "risk_education", _("Risk education")
    VICTIM_ASSISTANCE = "victim_assistance", _("Victim assistance")
    MANAGEMENT = "management", _("Management")


class FormRow(models.Model):
    """A row of one of the report's tables, in a submitted version."""

    version = models.ForeignKey(ReportVersion, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    remarks = models.CharField(_("remarks"), max_length=500, blank=True)

    class Meta:
        abstract = True
        ordering = ["version", "position"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.position + 1}"


def _mine_type():
    return models.CharField(_("type"), max_length=100, blank=True)


def _lots():
    return models.CharField(_("lot numbers"), max_length=300, blank=True)


class ContactRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    function = models.CharField(_("function"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    is_public = models.BooleanField(_("may be made public"), default=False)

    class Meta(FormRow.Meta):
        verbose_name = _("point of contact")
        verbose_name_plural = _("points of contact")


class MeasureRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    kind = models.CharField(_("kind of measure"), max_length=16, choices=MeasureKind.choices, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    date_adopted = models.DateField(_("date adopted"), null=True, blank=True)
    reference = models.CharField(_("reference or link"), max_length=300, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("national implementation measure")
        verbose_name_plural = _("national implementation measures")


class StockpileRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    mine_type = _mine_type()
    quantity = models.PositiveBigIntegerField(_("quantity"), **QUANTITY)
    lot_numbers = _lots()

    class Meta(FormRow.Meta):
        verbose_name = _("stockpiled anti-personnel mines")
        verbose_name_plural = _("stockpiled anti-personnel mines")


class DiscoveredStockpileRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    mine_type = _mine_type()
    quantity = models.PositiveBigIntegerField(_("quantity"), **QUANTITY)
    lot_numbers = _lots()
    date_found = models.DateField(_("date found"), null=True, blank=True)
    destruction_plan = models.CharField(_("destruction plan"), max_length=1000, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("previously unknown stockpile")
        verbose_name_plural = _("previously unknown stockpiles")


class MinedAreaRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    location = models.CharField(_("location"), max_length=300, blank=True)
    region = models.CharField(_("administrative region"), max_length=150, blank=True)
    status = models.CharField(_("known or suspected"), max_length=16, choices=AreaStatus.choices, blank=True)
    size_m2 = models.DecimalField(_("size (m²)"), **AREA)
    mine_types = models.CharField(_("mine types"), max_length=300, blank=True)
    estimated_quantity = models.PositiveBigIntegerField(_("estimated quantity"), **QUANTITY)
    emplaced = models.CharField(_("when emplaced"), max_length=100, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("mined area")
        verbose_name_plural = _("mined areas")


class LandReleaseRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    method = models.CharField(_("method"), max_length=16, choices=ReleaseMethod.choices, blank=True)
    region = models.CharField(_("administrative region"), max_length=150, blank=True)
    area_m2 = models.DecimalField(_("area (m²)"), **AREA)
    mines_destroyed = models.PositiveBigIntegerField(_("mines found and destroyed"), **QUANTITY)

    class Meta(FormRow.Meta):
        verbose_name = _("land released")
        verbose_name_plural = _("land released")


class RetainedRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    institution = models.CharField(_("institution authorised"), max_length=200, blank=True)
    mine_type = _mine_type()
    quantity = models.PositiveBigIntegerField(_("quantity"), **QUANTITY)
    lot_numbers = _lots()

    class Meta(FormRow.Meta):
        verbose_name = _("mines retained")
        verbose_name_plural = _("mines retained")


class TransferRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    recipient = models.CharField(_("transferred to"), max_length=200, blank=True)
    mine_type = _mine_type()
    quantity = models.PositiveBigIntegerField(_("quantity"), **QUANTITY)
    purpose = models.CharField(_("purpose"), max_length=16, choices=TransferPurpose.choices, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("mines transferred")
        verbose_name_plural = _("mines transferred")


class RetainedUseRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    mine_type = _mine_type()
    quantity = models.PositiveBigIntegerField(_("quantity consumed"), **QUANTITY)
    activity = models.CharField(_("used for"), max_length=24, choices=UseActivity.choices, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("actual use of retained mines")
        verbose_name_plural = _("actual use of retained mines")


class FacilityRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    facility = models.CharField(_("facility"), max_length=200, blank=True)
    action = models.CharField(
        _("conversion or decommissioning"), max_length=16, choices=FacilityAction.choices, blank=True
    )
    status = models.CharField(_("status"), max_length=16, choices=FacilityStatus.choices, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("production facility")
        verbose_name_plural = _("production facilities")


class ProgrammeRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    article = models.CharField(_("programme"), max_length=8, choices=ProgrammeArticle.choices, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ProgrammeStatus.choices, blank=True)
    methods = models.CharField(_("methods"), max_length=500, blank=True)
    sites = models.CharField(_("destruction sites"), max_length=500, blank=True)
    standards = models.CharField(_("safety and environmental standards"), max_length=500, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("destruction programme")
        verbose_name_plural = _("destruction programmes")


class DestroyedRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    article = models.CharField(_("destroyed under"), max_length=16, choices=DestroyedUnder.choices, blank=True)
    mine_type = _mine_type()
    quantity = models.PositiveBigIntegerField(_("quantity"), **QUANTITY)
    lot_numbers = _lots()

    class Meta(FormRow.Meta):
        verbose_name = _("mines destroyed")
        verbose_name_plural = _("mines destroyed")


class MineTypeRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    designation = models.CharField(_("type or model"), max_length=100, blank=True)
    producer = models.CharField(_("producer"), max_length=200, blank=True)
    dimensions = models.CharField(_("dimensions"), max_length=200, blank=True)
    fusing = models.CharField(_("fusing"), max_length=200, blank=True)
    explosive_type = models.CharField(_("explosive type"), max_length=100, blank=True)
    explosive_g = models.DecimalField(
        _("explosive content (g)"), null=True, blank=True, max_digits=12, decimal_places=2
    )
    metallic_content = models.CharField(_("metallic content"), max_length=200, blank=True)
    colour = models.CharField(_("colour"), max_length=100, blank=True)
    photo = models.ForeignKey(
        "ReportAttachment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photograph"),
    )

    class Meta(FormRow.Meta):
        verbose_name = _("technical characteristics")
        verbose_name_plural = _("technical characteristics")


class WarningRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    kind = models.CharField(_("measure"), max_length=24, choices=WarningKind.choices, blank=True)
    area = models.CharField(_("area"), max_length=300, blank=True)
    women = models.PositiveIntegerField(_("women reached"), **QUANTITY)
    men = models.PositiveIntegerField(_("men reached"), **QUANTITY)
    girls = models.PositiveIntegerField(_("girls reached"), **QUANTITY)
    boys = models.PositiveIntegerField(_("boys reached"), **QUANTITY)

    class Meta(FormRow.Meta):
        verbose_name = _("warning measure")
        verbose_name_plural = _("warning measures")


class CasualtyRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    outcome = models.CharField(_("outcome"), max_length=8, choices=Outcome.choices, blank=True)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices, blank=True)
    age_group = models.CharField(_("age group"), max_length=8, choices=AgeGroup.choices, blank=True)
    count = models.PositiveIntegerField(_("number of casualties"), **QUANTITY)

    class Meta(FormRow.Meta):
        verbose_name = _("casualties")
        verbose_name_plural = _("casualties")


class CommandDetonatedRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    mine_type = _mine_type()
    quantity = models.PositiveBigIntegerField(_("quantity"), **QUANTITY)
    measures = models.CharField(_("measures to keep them command-detonated only"), max_length=500, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("command-detonated mines")
        verbose_name_plural = _("command-detonated mines")


class FuseRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    fuse_type = models.CharField(_("fuse type"), max_length=100, blank=True)
    quantity = models.PositiveBigIntegerField(_("quantity"), **QUANTITY)
    action = models.CharField(_("action taken"), max_length=300, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("anti-vehicle mine fuses")
        verbose_name_plural = _("anti-vehicle mine fuses")


class ForeignStockpileRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    holder = models.CharField(_("State holding them"), max_length=200, blank=True)
    mine_type = _mine_type()
    quantity = models.PositiveBigIntegerField(_("quantity"), **QUANTITY)
    location = models.CharField(_("location"), max_length=300, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("foreign stockpiles on the territory")
        verbose_name_plural = _("foreign stockpiles on the territory")


class NationalResourceRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    amount = models.DecimalField(_("amount"), null=True, blank=True, **MONEY)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    purpose = models.CharField(_("purpose"), max_length=24, choices=Purpose.choices, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("national resources")
        verbose_name_plural = _("national resources")


class NeedRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    purpose = models.CharField(_("purpose"), max_length=24, choices=Purpose.choices, blank=True)
    region = models.CharField(_("region"), max_length=150, blank=True)
    amount = models.DecimalField(_("amount needed"), null=True, blank=True, **MONEY)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    from_year = models.PositiveSmallIntegerField(_("from (year)"), null=True, blank=True)
    to_year = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=NeedStatus.choices, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("need for assistance")
        verbose_name_plural = _("needs for assistance")


class TeamRow(FormRow):  # noqa: DJ008 (FormRow.__str__)
    kind = models.CharField(_("team"), max_length=24, choices=TeamKind.choices, blank=True)
    women = models.PositiveIntegerField(_("women"), **QUANTITY)
    men = models.PositiveIntegerField(_("men"), **QUANTITY)

    class Meta(FormRow.Meta):
        verbose_name = _("team composition")
        verbose_name_plural = _("team composition")


class ReportAttachment(models.Model):
    """A file uploaded with a report's draft (Form H's colour photographs). Public once a submitted,
    current version's row refers to it; until then only the State and the committee see it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("file"),
        upload_to=UploadTo("reporting/attachments"),
        validators=[DocumentValidator([".png", ".jpg", ".jpeg"])],
    )
    name = models.CharField(_("file name"), max_length=200)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("report attachment")
        verbose_name_plural = _("report attachments")

    def __str__(self) -> str:
        return self.name
