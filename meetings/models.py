"""Meetings and committee activity: meetings, bilateral series, follow-ups, panel speakers,
the individualised approach and the committee's priority actions."""

import datetime
from collections import Counter

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.translation import TranslatedField
from core.uploads import UploadTo, validate_document


class MeetingKind(models.TextChoices):
    COMMITTEE_MEETING = "committee_meeting", _("Committee meeting")
    BILATERAL = "bilateral", _("Bilateral meeting")
    WORKSHOP = "workshop", _("Workshop")
    INTERSESSIONAL = "intersessional", _("Intersessional meetings")
    PANEL = "panel", _("Panel discussion / thematic event")
    INDIVIDUALISED_APPROACH = "individualised_approach", _("Individualised approach meeting")
    MSP = "msp", _("Meeting of the States Parties")
    REVIEW_CONFERENCE = "review_conference", _("Review Conference")


# Kinds whose meetings, published documents and speakers anyone may see. The others are for the
# committee, the ISU and (for bilateral and individualised approach meetings) the State's delegates.
PUBLIC_KINDS = frozenset(
    {
        MeetingKind.WORKSHOP,
        MeetingKind.INTERSESSIONAL,
        MeetingKind.PANEL,
        MeetingKind.MSP,
        MeetingKind.REVIEW_CONFERENCE,
    }
)
# Kinds held with one State, whose delegates see the meeting, its notes and its follow-ups.
STATE_KINDS = frozenset({MeetingKind.BILATERAL, MeetingKind.INDIVIDUALISED_APPROACH})


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("meeting", "Planned")
    HELD = "held", pgettext_lazy("meeting", "Held")
    CANCELLED = "cancelled", pgettext_lazy("meeting", "Cancelled")


class MeetingQuerySet(models.QuerySet):
    def public(self) -> "MeetingQuerySet":
        return self.filter(kind__in=PUBLIC_KINDS)

    def visible_to(self, user) -> "MeetingQuerySet":
        """Public meetings for everyone; all for the committee; a delegate's (or read-only user's) own State's too."""
        if user.is_authenticated and user.is_committee:
            return self
        q = Q(kind__in=PUBLIC_KINDS)
        if user.is_authenticated and user.is_state_user:
            q |= Q(kind__in=STATE_KINDS, state_id=user.state_id)
        return self.filter(q)

    def upcoming(self, today: datetime.date | None = None) -> "MeetingQuerySet":
        today = today or timezone.localdate()
        return self.filter(end_date__gte=today).exclude(status=MeetingStatus.CANCELLED)

    def in_year(self, year: int) -> "MeetingQuerySet":
        return self.filter(start_date__year=year)

    def with_state(self, state) -> "MeetingQuerySet":
        """Meetings the State took part in, or that were held with it."""
        participants = Meeting.states.through.objects.filter(state=state).values("meeting_id")
        return self.filter(Q(state=state) | Q(pk__in=participants))

    def for_lists(self) -> "MeetingQuerySet":
        return self.select_related("state", "series").prefetch_related("committees")


class BilateralSeries(models.Model):
    """A set of bilateral meetings planned at once (e.g. 16 States between February and May 2023)."""

    title = models.CharField(_("title"), max_length=300)
    committees = models.ManyToManyField(
        "committee.Committee", blank=True, related_name="bilateral_series", verbose_name=_("committees")
    )
    with_presidency = models.BooleanField(_("with the presidency"), default=False)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))
    purpose = TranslatedField(
        models.TextField,
        _("purpose"),
        required=False,
        help_text=_("What the meetings were for, as the conclusions say it after “to”: one aim per line."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("bilateral meeting series")
        verbose_name_plural = _("bilateral meeting series")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="bilateral_series_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self) -> str:
        return self.title


class Meeting(models.Model):
    code = models.SlugField(
        _("code"),
        max_length=60,
        unique=True,
        help_text=_("Short identifier used in addresses, e.g. 21MSP. Left empty, one is made from the date."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=MeetingKind.choices)
    status = models.CharField(_("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    title = TranslatedField(models.CharField, _("title"), max_length=300)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), help_text=_("Same as the start date for a one-day meeting."))
    place = models.CharField(_("place"), max_length=200, blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    committees = models.ManyToManyField(
        "committee.Committee", blank=True, related_name="meetings", verbose_name=_("organising committees")
    )
    with_presidency = models.BooleanField(_("with the presidency"), default=False)
    state = models.ForeignKey(
        "states.State",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="own_meetings",
        verbose_name=_("State concerned"),
        help_text=_("For a bilateral or individualised approach meeting: the State it is held with."),
    )
    states = models.ManyToManyField(
        "states.State", blank=True, related_name="meetings", verbose_name=_("participating States")
    )
    organisations = models.ManyToManyField(
        "states.Organisation", blank=True, related_name="meetings", verbose_name=_("participating organisations")
    )
    series = models.ForeignKey(
        BilateralSeries,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("bilateral series"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="side_events",
        verbose_name=_("held during"),
        help_text=_("E.g. a panel held during the intersessional meetings."),
    )
    purpose = TranslatedField(
        models.TextField,
        _("purpose"),
        required=False,
        help_text=_("What the meeting was for, as the conclusions say it after “to”: one aim per line."),
    )
    committee_aims = TranslatedField(
        models.TextField,
        _("what the committee used it for"),
        required=False,
        help_text=_("Completes “The Committee used the meeting to …”: one aim per line."),
    )
    topics = TranslatedField(
        models.TextField,
        _("topics discussed"),
        required=False,
        help_text=_("For a panel: what the participants discussed, one topic per line."),
    )
    outcome = models.TextField(_("outcome"), blank=True)
    notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Seen by the committee, the ISU and the State concerned only.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "title_en"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="meeting_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]
        indexes = [models.Index(fields=["kind", "start_date"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.kind in PUBLIC_KINDS

    @property
    def is_state_meeting(self) -> bool:
        return self.kind in STATE_KINDS

    @property
    def is_multi_day(self) -> bool:
        return self.end_date != self.start_date

    @property
    def place_label(self) -> str:
        if self.is_online and self.place:
            return _("%(place)s and online") % {"place": self.place}
        if self.is_online:
            return str(_("Online"))
        return self.place

    def gender_balance(self) -> "GenderBalance":
        """Speakers by gender (prefetch `speakers` on lists). A method: other apps call it as one."""
        return GenderBalance.of(self.speakers.all())


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    FINAL_REPORT = "final_report", _("Final report")
    STATEMENT = "statement", _("Statement")
    PRESENTATION = "presentation", _("Presentation")
    OBSERVATIONS = "observations", _("Preliminary observations")
    OTHER = "other", _("Other")


def _document_path(instance: "MeetingDocument", filename: str) -> str:
    # kept for migration 0001; files are stored under random names (core.uploads.UploadTo)
    return f"meetings/{instance.meeting.code}/{filename}"


class MeetingDocument(models.Model):
    """An upload kept under MEDIA_ROOT and served only through a view that checks access."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents", verbose_name=_("meeting"))
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    file = models.FileField(_("file"), upload_to=UploadTo("meetings/documents"), validators=[validate_document])
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Unpublished documents are seen by the committee and the ISU only.")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "kind", "title"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self) -> str:
        return self.title

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_FOLLOWUP_STATUSES = (FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS)


class FollowUpQuerySet(models.QuerySet):
    def open(self) -> "FollowUpQuerySet":
        return self.filter(status__in=OPEN_FOLLOWUP_STATUSES)

    def overdue(self, today: datetime.date | None = None) -> "FollowUpQuerySet":
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def visible_to(self, user) -> "FollowUpQuerySet":
        """Follow-ups are never public: the committee sees all, a delegate those of its State."""
        if user.is_authenticated and user.is_committee:
            return self
        if user.is_authenticated and user.is_state_user:
            return self.filter(Q(state_id=user.state_id) | Q(state__isnull=True, meeting__state_id=user.state_id))
        return self.none()


class FollowUp(models.Model):
    """An action arising from a meeting, with an owner, a due date and a status."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="followups", verbose_name=_("meeting"))
    state = models.ForeignKey(
        "states.State",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="followups",
        verbose_name=_("State concerned"),
    )
    action = models.CharField(_("action"), max_length=500)
    owner = models.CharField(_("owner"), max_length=200, help_text=_("Who does it, e.g. ISU, Chair, Senegal."))
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="followups",
        verbose_name=_("owner (person)"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return self.action

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_FOLLOWUP_STATUSES

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return self.is_open and self.due_date is not None and self.due_date < (today or timezone.localdate())

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    @property
    def state_concerned_id(self) -> int | None:
        return self.state_id or self.meeting.state_id


class SpeakerRole(models.TextChoices):
    MODERATOR = "moderator", _("Moderator")
    PANELLIST = "panellist", _("Panellist")
    KEYNOTE = "keynote", _("Keynote speaker")
    DISCUSSANT = "discussant", _("Discussant")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Another gender")
    UNDISCLOSED = "undisclosed", _("Not stated")


class PanelSpeaker(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("meeting"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    affiliation_state = models.ForeignKey(
        "states.State", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("State")
    )
    affiliation_organisation = models.ForeignKey(
        "states.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    affiliation_text = models.CharField(
        _("other affiliation"), max_length=200, blank=True, help_text=_("When neither a State nor an organisation.")
    )
    function = models.CharField(_("function"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=16, choices=SpeakerRole.choices, default=SpeakerRole.PANELLIST)
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("panel speaker")
        verbose_name_plural = _("panel speakers")

    def __str__(self) -> str:
        return self.name

    @property
    def affiliation(self) -> str:
        return str(self.affiliation_state or self.affiliation_organisation or self.affiliation_text)


class GenderBalance:
    """Speakers by gender; `women_share` is the figure the committee reports (None without speakers)."""

    def __init__(self, counts: Counter):
        self.counts = counts
        self.total = sum(counts.values())

    @classmethod
    def of(cls, speakers) -> "GenderBalance":
        return cls(Counter(s.gender for s in speakers))

    @property
    def women(self) -> int:
        return self.counts.get(Gender.WOMAN, 0)

    @property
    def men(self) -> int:
        return self.counts.get(Gender.MAN, 0)

    @property
    def other(self) -> int:
        return self.total - self.women - self.men

    @property
    def women_share(self) -> float | None:
        return None if not self.total else self.women / self.total

    @property
    def women_percent(self) -> int | None:
        share = self.women_share
        return None if share is None else round(share * 100)

    @property
    def is_balanced(self) -> bool:
        """Balanced: neither women nor men fewer than 40% of the speakers."""
        if not self.total:
            return False
        return min(self.women, self.men) / self.total >= 0.4


class IAStep(models.TextChoices):
    REQUESTED = "requested", pgettext_lazy("individualised approach", "Requested")
    SCHEDULED = "scheduled", pgettext_lazy("individualised approach", "Scheduled")
    HELD = "held", pgettext_lazy("individualised approach", "Held")
    REPORT_PUBLISHED = "report_published", _("Final report published")


IA_STEP_ORDER = [IAStep.REQUESTED, IAStep.SCHEDULED, IAStep.HELD, IAStep.REPORT_PUBLISHED]
IA_STEP_DATE_FIELD = {
    IAStep.REQUESTED: "requested_on",
    IAStep.SCHEDULED: "scheduled_on",
    IAStep.HELD: "held_on",
    IAStep.REPORT_PUBLISHED: "report_published_on",
}


class IndividualisedApproachRequest(models.Model):
    """A State's request for the individualised approach; it moves forward one step at a time."""

    state = models.ForeignKey(
        "states.State", on_delete=models.PROTECT, related_name="ia_requests", verbose_name=_("State")
    )
    committee = models.ForeignKey(
        "committee.Committee",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ia_requests",
        verbose_name=_("supporting committee"),
        help_text=_("The committee whose conclusions report this individualised approach."),
    )
    status = models.CharField(_("step"), max_length=20, choices=IAStep.choices, default=IAStep.REQUESTED)
    requested_on = models.DateField(_("requested on"))
    scheduled_on = models.DateField(_("scheduled on"), null=True, blank=True)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    report_published_on = models.DateField(_("final report published on"), null=True, blank=True)
    requested_at = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested in the margins of"),
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ia_requests",
        verbose_name=_("individualised approach meeting"),
    )
    final_report_url = models.URLField(_("final report address"), blank=True)
    support = TranslatedField(
        models.CharField,
        _("support given"),
        max_length=300,
        required=False,
        help_text=_(
            "Completes “The Committee supported the State in …”, e.g. “organising an individualised approach meeting”."
        ),
    )
    outcome = TranslatedField(
        models.TextField,
        _("outcome"),
        required=False,
        help_text=_("Completes “The meeting gave the State the opportunity to …”."),
    )
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("Seen by the committee, the ISU and the State's delegates only.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_on", "state__name_en"]
        verbose_name = _("individualised approach request")
        verbose_name_plural = _("individualised approach requests")

    def __str__(self) -> str:
        return _("Individualised approach: %(state)s") % {"state": self.state}

    @property
    def step_index(self) -> int:
        return IA_STEP_ORDER.index(self.status)

    @property
    def next_step(self) -> str | None:
        i = self.step_index + 1
        return IA_STEP_ORDER[i] if i < len(IA_STEP_ORDER) else None

    def steps(self) -> list[dict]:
        """Every step with its label, date and whether it is done, in order."""
        return [
            {
                "step": step,
                "label": step.label,
                "date": getattr(self, IA_STEP_DATE_FIELD[step]),
                "done": i <= self.step_index,
                "current": i == self.step_index,
            }
            for i, step in enumerate(IA_STEP_ORDER)
        ]


class PriorityActionPeriod(models.Model):
    """The period a set of priority actions covers, e.g. 2023-2024."""

    committee = models.ForeignKey(
        "committee.Committee",
        on_delete=models.PROTECT,
        related_name="priority_periods",
        verbose_name=_("committee"),
    )
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    adopted_at = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("presented at"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_year", "committee"]
        verbose_name = _("priority actions period")
        verbose_name_plural = _("priority actions periods")
        constraints = [
            models.UniqueConstraint(fields=["committee", "start_year", "end_year"], name="unique_priority_period"),
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")),
                name="priority_period_end_after_start",
                violation_error_message=_("The last year cannot be before the first year."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start_year}-{self.end_year}"

    @property
    def label(self) -> str:
        return f"{self.start_year}-{self.end_year}"


class PriorityStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("priority action", "Planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("priority action", "In progress")
    ONGOING = "ongoing", pgettext_lazy("priority action", "Ongoing")
    DONE = "done", pgettext_lazy("priority action", "Done")


class PriorityAction(models.Model):
    """A numbered commitment of the committee (the paragraph number in the conclusions)."""

    period = models.ForeignKey(
        PriorityActionPeriod, on_delete=models.CASCADE, related_name="actions", verbose_name=_("period")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = TranslatedField(models.TextField, _("text"))
    status = models.CharField(
        _("status"), max_length=16, choices=PriorityStatus.choices, default=PriorityStatus.PLANNED
    )
    carried_over_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_over_to",
        verbose_name=_("carried over from"),
        help_text=_("The previous period's action this one continues; its text is used where this one has none."),
    )
    notes = models.TextField(_("notes"), blank=True)
    meetings = models.ManyToManyField(
        Meeting, blank=True, related_name="priority_actions", verbose_name=_("meetings that served it")
    )
    followups = models.ManyToManyField(
        FollowUp, blank=True, related_name="priority_actions", verbose_name=_("follow-ups that served it")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["period", "number"]
        verbose_name = _("priority action")
        verbose_name_plural = _("priority actions")
        constraints = [models.UniqueConstraint(fields=["period", "number"], name="unique_priority_action_number")]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"


class PreliminaryObservations(models.Model):
    """The observations a committee draws from one cycle's Article 7 reports and submits to a meeting
    (the conclusions say so only when this record exists)."""

    committee = models.ForeignKey(
        "committee.Committee",
        on_delete=models.PROTECT,
        related_name="preliminary_observations",
        verbose_name=_("committee"),
    )
    cycle = models.ForeignKey(
        "reporting.ReportingCycle",
        on_delete=models.PROTECT,
        related_name="preliminary_observations",
        verbose_name=_("Article 7 reports of the cycle"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        related_name="preliminary_observations",
        verbose_name=_("submitted to"),
    )
    submitted_on = models.DateField(_("submitted on"))
    document = models.ForeignKey(
        MeetingDocument,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_on", "pk"]
        verbose_name = _("preliminary observations")
        verbose_name_plural = _("preliminary observations")
        constraints = [models.UniqueConstraint(fields=["committee", "meeting"], name="unique_observations_per_meeting")]

    def __str__(self) -> str:
        return f"{self.committee} → {self.meeting}"

    @property
    def before_meeting(self) -> bool:
        return self.submitted_on < self.meeting.start_date
