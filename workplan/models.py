"""The gender and diversity workplan of a committee (Annex I of the conclusions): items per year,
with their timing, owner, Oslo Action Plan actions, status and outputs (statements, panels, contacts)."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.translation import TranslatedField


class OsloAction(models.Model):
    """A numbered action of the Oslo Action Plan 2020-2024 (#42-#47: cooperation and assistance)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = TranslatedField(models.CharField, _("title"), max_length=300)

    class Meta:
        ordering = ["number"]
        verbose_name = _("Oslo Action Plan action")
        verbose_name_plural = _("Oslo Action Plan actions")

    def __str__(self) -> str:
        return f"#{self.number} {self.title}"

    @property
    def label(self) -> str:
        return f"#{self.number}"


class Timing(models.TextChoices):
    BEFORE_INTERSESSIONAL = "before_intersessional", _("Before the intersessional meetings")
    AT_INTERSESSIONAL = "at_intersessional", _("At the intersessional meetings")
    ON_DATE = "on_date", _("On a date")
    AT_MSP = "at_msp", _("At the Meeting of the States Parties")
    ONGOING = "ongoing", _("Ongoing, throughout the year")


# The order in which the workplan list shows its groups: the year's calendar.
TIMING_ORDER = [
    Timing.BEFORE_INTERSESSIONAL,
    Timing.AT_INTERSESSIONAL,
    Timing.ON_DATE,
    Timing.AT_MSP,
    Timing.ONGOING,
]


class Owner(models.TextChoices):
    CHAIR = "chair", _("The chair")
    GENDER_FOCAL_POINT = "gender_focal_point", _("The gender focal point")
    CHAIR_OR_FOCAL_POINT = "chair_or_focal_point", _("The chair or the gender focal point")
    COMMITTEE = "committee", _("The committee")
    COMMITTEE_MEMBERS = "committee_members", _("The committee members")
    GENDER_FOCAL_POINTS = "gender_focal_points", _("The gender focal points of all committees")


class ItemStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_DONE = "not_done", _("Not done")


class ItemKind(models.TextChoices):
    STANDARD = "standard", _("Standard item")
    CONTACT_CA_NO_GENDER = (
        "contact_ca_no_gender",
        _("Contact States that report on cooperation and assistance but give no information on gender and diversity"),
    )


class WorkplanItemQuerySet(models.QuerySet):
    def for_year(self, committee, year: int) -> "WorkplanItemQuerySet":
        return self.filter(committee=committee, year=year)

    def for_lists(self) -> "WorkplanItemQuerySet":
        return self.select_related("committee").prefetch_related(
            "actions",
            models.Prefetch("statements", queryset=Statement.objects.select_related("meeting", "state")),
            models.Prefetch(
                "panels",
                queryset=_meeting_model().objects.prefetch_related("speakers").order_by("start_date"),
            ),
            models.Prefetch("contacts", queryset=Contact.objects.select_related("state")),
        )


def _meeting_model():
    from meetings.models import Meeting

    return Meeting


class WorkplanItem(models.Model):
    """One thing the committee will do on gender and diversity in a year."""

    committee = models.ForeignKey(
        "committee.Committee", on_delete=models.PROTECT, related_name="workplan_items", verbose_name=_("committee")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=32, choices=ItemKind.choices, default=ItemKind.STANDARD)
    description = TranslatedField(models.TextField, _("what will be done"))
    timing = models.CharField(_("when"), max_length=32, choices=Timing.choices)
    due_date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("Required when the timing is a date; optional otherwise.")
    )
    owner = models.CharField(_("owner"), max_length=32, choices=Owner.choices)
    actions = models.ManyToManyField(
        OsloAction, blank=True, related_name="workplan_items", verbose_name=_("Oslo Action Plan actions")
    )
    status = models.CharField(_("status"), max_length=16, choices=ItemStatus.choices, default=ItemStatus.PLANNED)
    notes = models.TextField(_("internal notes"), blank=True)
    panels = models.ManyToManyField(
        "meetings.Meeting", blank=True, related_name="workplan_items", verbose_name=_("panels")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = WorkplanItemQuerySet.as_manager()

    class Meta:
        ordering = ["committee", "year", "order", "pk"]
        verbose_name = _("workplan item")
        verbose_name_plural = _("workplan items")
        constraints = [
            models.CheckConstraint(
                condition=~Q(timing="on_date") | Q(due_date__isnull=False),
                name="workplan_item_date_when_timing_is_date",
                violation_error_message=_("Give the date."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} #{self.order}: {self.description[:80]}"

    @property
    def is_contact_item(self) -> bool:
        return self.kind == ItemKind.CONTACT_CA_NO_GENDER

    @property
    def report_year(self) -> int:
        """The calendar year whose Article 7 reports (due 30 April of the item's year) the item looks at."""
        return self.year - 1

    @property
    def is_done(self) -> bool:
        return self.status == ItemStatus.DONE

    def timing_label(self) -> str:
        if self.timing == Timing.ON_DATE and self.due_date:
            from django.utils.formats import date_format

            return date_format(self.due_date)
        return str(self.get_timing_display())

    def sort_key(self) -> tuple:
        return (TIMING_ORDER.index(self.timing), self.due_date or datetime.date.min, self.order, self.pk or 0)


class Statement(models.Model):
    """A statement a workplan item led to, delivered at a meeting."""

    item = models.ForeignKey(
        WorkplanItem, on_delete=models.CASCADE, related_name="statements", verbose_name=_("workplan item")
    )
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    delivered_by = models.CharField(
        _("delivered by"), max_length=200, blank=True, help_text=_("E.g. the chair, or the gender focal point.")
    )
    state = models.ForeignKey(
        "states.State",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("on behalf of (State)"),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workplan_statements",
        verbose_name=_("meeting"),
    )
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    is_joint = models.BooleanField(_("joint statement of all the committees' gender focal points"), default=False)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Published statements are shown to everyone.")
    )
    url = models.URLField(_("address of the published text"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "delivered_on", "pk"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return self.title


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    MEETING = "meeting", _("Meeting")
    PHONE = "phone", _("Phone or video call")
    LETTER = "letter", _("Letter or note verbale")
    OTHER = "other", _("Other")


class Contact(models.Model):
    """A contact the committee made with a State for a workplan item, and the State's answer."""

    item = models.ForeignKey(
        WorkplanItem, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("workplan item")
    )
    state = models.ForeignKey(
        "states.State", on_delete=models.PROTECT, related_name="workplan_contacts", verbose_name=_("State")
    )
    contacted_on = models.DateField(_("contacted on"))
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices, default=Channel.EMAIL)
    person = models.CharField(_("person contacted"), max_length=200, blank=True)
    answer = models.TextField(_("answer"), blank=True, help_text=_("Leave empty while no answer has come."))
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "contacted_on", "pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return f"{self.state_id} {self.contacted_on}"

    @property
    def has_answer(self) -> bool:
        return bool(self.answer.strip())
