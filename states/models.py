import calendar
import datetime

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.translation import TranslatedField

# Article 17(1): the Convention entered into force for its first Parties on 1 March 1999.
CONVENTION_ENTRY_INTO_FORCE = datetime.date(1999, 3, 1)
INITIAL_REPORT_DAYS = 180  # Article 7(1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it is shorter (31 August + 6 = 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def article17_entry_into_force(deposited: datetime.date) -> datetime.date:
    """Article 17(2): the Convention enters into force for a State on the first day of the sixth month
    after the month it deposited its instrument (12 March 2025 -> 1 September 2025); never before
    1 March 1999, the Convention's own entry into force (Article 17(1))."""
    return max(add_months(deposited.replace(day=1), 6), CONVENTION_ENTRY_INTO_FORCE)


def article20_withdrawal_effective(notified: datetime.date) -> datetime.date:
    """Article 20(2): a withdrawal takes effect six months after the Depositary receives the instrument
    (27 June 2025 -> 27 December 2025). Article 20(3) may delay it: not during an armed conflict."""
    return add_months(notified, 6)


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")


class StateQuerySet(models.QuerySet):
    def parties_in(self, year: int) -> "StateQuerySet":
        """States that were a Party to the Convention at some point in the calendar year."""
        return self.filter(Exists(Membership.objects.filter(state=OuterRef("pk")).active_in(year)))

    def affected(self) -> "StateQuerySet":
        return self.filter(is_affected=True)

    def providers(self) -> "StateQuerySet":
        return self.filter(is_provider=True)


class State(models.Model):
    iso3 = models.CharField(_("ISO alpha-3"), max_length=3, unique=True)
    iso2 = models.CharField(_("ISO alpha-2"), max_length=2, unique=True)
    name = TranslatedField(models.CharField, _("name"), max_length=200)
    region = models.CharField(_("region"), max_length=16, choices=Region.choices, blank=True)
    is_affected = models.BooleanField(
        _("mine-affected"), default=False, help_text=_("Has clearance obligations under Article 5.")
    )
    article5_deadline = models.DateField(_("Article 5 deadline"), null=True, blank=True)
    is_provider = models.BooleanField(_("provider of assistance"), default=False)
    history = HistoricalRecords()

    objects = StateQuerySet.as_manager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("State")
        verbose_name_plural = _("States")

    def __str__(self) -> str:
        return self.name

    def is_party_in(self, year: int) -> bool:
        return any(m.is_active_in(year) for m in self.memberships.all())

    @property
    def profile_label(self) -> str:
        if self.is_affected and self.is_provider:
            return _("Affected State and provider of assistance")
        if self.is_affected:
            return _("Affected State")
        if self.is_provider:
            return _("Provider of assistance")
        return ""


class MembershipQuerySet(models.QuerySet):
    def active_in(self, year: int) -> "MembershipQuerySet":
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return self.filter(entry_into_force__lte=end).filter(
            Q(withdrawal_effective__isnull=True) | Q(withdrawal_effective__gt=start)
        )


class Membership(models.Model):
    """A period during which the Convention is in force for a State."""

    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("State"))
    instrument_deposited = models.DateField(
        _("instrument deposited"),
        null=True,
        blank=True,
        help_text=_("Date the instrument of ratification, acceptance, approval or accession was deposited."),
    )
    entry_into_force = models.DateField(_("entry into force"))
    withdrawal_notified = models.DateField(
        _("withdrawal notified"),
        null=True,
        blank=True,
        help_text=_("Date the Depositary received the instrument of withdrawal (Article 20)."),
    )
    withdrawal_effective = models.DateField(_("withdrawal effective"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["state", "entry_into_force"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawal_effective__isnull=True)
                | Q(withdrawal_effective__gt=models.F("entry_into_force")),
                name="membership_withdrawal_after_entry",
                violation_error_message=_("A withdrawal must take effect after entry into force."),
            ),
            models.CheckConstraint(
                condition=Q(instrument_deposited__isnull=True)
                | Q(instrument_deposited__lt=models.F("entry_into_force")),
                name="membership_deposit_before_entry",
                violation_error_message=_("The Convention enters into force after the instrument is deposited."),
            ),
            models.CheckConstraint(
                condition=Q(withdrawal_notified__isnull=True)
                | Q(withdrawal_effective__isnull=True)
                | Q(withdrawal_notified__lt=models.F("withdrawal_effective")),
                name="membership_notice_before_withdrawal",
                violation_error_message=_("A withdrawal takes effect after it is notified."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state.iso3} {self.entry_into_force}"

    def is_active_in(self, year: int) -> bool:
        if self.entry_into_force > datetime.date(year, 12, 31):
            return False
        return self.withdrawal_effective is None or self.withdrawal_effective > datetime.date(year, 1, 1)

    @property
    def initial_report_due(self) -> datetime.date:
        """Article 7.1: the initial report is due 180 days after entry into force."""
        return self.entry_into_force + datetime.timedelta(days=INITIAL_REPORT_DAYS)


class Organisation(models.Model):
    """An organisation that takes part in meetings, provides assistance or contributes to the Fund."""

    name = models.CharField(_("name"), max_length=300, unique=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name
