from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.translation import TranslatedField

MEMBERS_PER_YEAR = 4


class Committee(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = TranslatedField(models.CharField, _("name"), max_length=200)
    topic = TranslatedField(
        models.CharField,
        _("theme"),
        max_length=200,
        required=False,
        help_text=_("The theme its conclusions are titled by, e.g. “Cooperation and assistance”."),
    )
    is_coordinating = models.BooleanField(_("coordinating committee"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name_en"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self) -> str:
        return self.name


class CommitteeMembershipQuerySet(models.QuerySet):
    def in_year(self, year: int) -> "CommitteeMembershipQuerySet":
        return self.filter(term_start__lte=year, term_start__gte=year - 1)


class CommitteeMembership(models.Model):
    """A State's two-year term on a committee: it serves in term_start and term_start + 1."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("committee")
    )
    state = models.ForeignKey(
        "states.State", on_delete=models.PROTECT, related_name="committee_memberships", verbose_name=_("State")
    )
    term_start = models.PositiveSmallIntegerField(_("first year of the term"))
    history = HistoricalRecords()

    objects = CommitteeMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["committee", "term_start", "state__name_en"]
        verbose_name = _("committee membership")
        verbose_name_plural = _("committee memberships")
        constraints = [
            models.UniqueConstraint(fields=["committee", "state", "term_start"], name="unique_committee_term"),
        ]

    def __str__(self) -> str:
        return f"{self.committee.slug} {self.state.iso3} {self.term_start}-{self.term_end}"

    @property
    def term_end(self) -> int:
        return self.term_start + 1

    def year_of_term(self, year: int) -> int:
        return year - self.term_start + 1


class CommitteeYear(models.Model):
    """Who chairs a committee in a year and who is its gender focal point."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="years", verbose_name=_("committee")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    chair = models.ForeignKey(
        "states.State", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("chair")
    )
    gender_focal_point = models.ForeignKey(
        "states.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gender focal point"),
    )
    gender_focal_point_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gender focal point (person)"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["committee", "-year"]
        verbose_name = _("committee year")
        verbose_name_plural = _("committee years")
        constraints = [models.UniqueConstraint(fields=["committee", "year"], name="unique_committee_year")]

    def __str__(self) -> str:
        return f"{self.committee.slug} {self.year}"
