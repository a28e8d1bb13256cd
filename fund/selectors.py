"""Reads for the Fund's pages, panels and API: balances derived from the ledger, never stored."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from .models import (
    COMMITTED_STATUSES,
    Application,
    ApplicationEvent,
    Contribution,
    Disbursement,
    Status,
    TermsOfReference,
)

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class CurrencyBalance:
    """The Fund's position in one currency.

    received: contributions; disbursed: paid out; outstanding: approved but not yet paid
    (reserved); committed = disbursed + outstanding; balance = cash held; available = what a new
    approval may still use.
    """

    currency: str
    received: Decimal
    disbursed: Decimal
    outstanding: Decimal

    @property
    def committed(self) -> Decimal:
        return self.disbursed + self.outstanding

    @property
    def balance(self) -> Decimal:
        return self.received - self.disbursed

    @property
    def available(self) -> Decimal:
        return self.balance - self.outstanding

    @property
    def disbursed_percent(self) -> int:
        """Share of the committed amount already paid, for a progress bar."""
        if not self.committed:
            return 0
        return int(self.disbursed * 100 / self.committed)

    def as_dict(self) -> dict:
        return {
            "currency": self.currency,
            "received": self.received,
            "disbursed": self.disbursed,
            "outstanding": self.outstanding,
            "committed": self.committed,
            "balance": self.balance,
            "available": self.available,
        }


def fund_balances(*, currencies: list[str] | None = None) -> list[CurrencyBalance]:
    """Every currency's position in three aggregate queries, whatever the amount of data."""
    contributions = Contribution.objects.all()
    disbursements = Disbursement.objects.all()
    approvals = Application.objects.filter(status__in=COMMITTED_STATUSES, approved_amount__isnull=False)
    if currencies is not None:
        contributions = contributions.filter(currency__in=currencies)
        disbursements = disbursements.filter(currency__in=currencies)
        approvals = approvals.filter(currency__in=currencies)
    received = dict(contributions.values("currency").annotate(t=Sum("amount")).values_list("currency", "t"))
    paid = {
        row["currency"]: row
        for row in disbursements.values("currency").annotate(
            total=Sum("amount"), open=Sum("amount", filter=Q(application__status__in=COMMITTED_STATUSES))
        )
    }
    approved = dict(approvals.values("currency").annotate(t=Sum("approved_amount")).values_list("currency", "t"))
    result = []
    for currency in sorted(set(received) | set(paid) | set(approved)):
        row = paid.get(currency, {})
        disbursed = row.get("total") or ZERO
        outstanding = (approved.get(currency) or ZERO) - (row.get("open") or ZERO)
        result.append(
            CurrencyBalance(
                currency=currency,
                received=received.get(currency) or ZERO,
                disbursed=disbursed,
                outstanding=max(outstanding, ZERO),
            )
        )
    return result


def fund_balance(*, currency: str) -> CurrencyBalance:
    found = fund_balances(currencies=[currency])
    return found[0] if found else CurrencyBalance(currency=currency, received=ZERO, disbursed=ZERO, outstanding=ZERO)


def application_disbursed_total(*, application: Application) -> Decimal:
    return application.disbursements.aggregate(t=Sum("amount"))["t"] or ZERO


def applications_by_status(*, queryset: QuerySet | None = None) -> list[tuple[str, str, int]]:
    """(status, label, count) for every status, in workflow order, zero counts included."""
    qs = Application.objects.all() if queryset is None else queryset
    counts = dict(qs.order_by().values("status").annotate(n=Count("pk")).values_list("status", "n"))
    return [(value, label, counts.get(value, 0)) for value, label in Status.choices]


def application_list(*, queryset: QuerySet) -> QuerySet:
    """Applications with what a list shows, in a fixed number of queries."""
    return queryset.select_related("state", "terms").annotate(disbursed_total=Sum("disbursements__amount"))


def contribution_list() -> QuerySet:
    return Contribution.objects.select_related("contributor_state", "contributor_organisation", "recorded_by")


def application_timeline(*, application: Application) -> list[ApplicationEvent]:
    return list(application.events.select_related("by").order_by("at", "pk"))


def terms_list() -> QuerySet:
    return TermsOfReference.objects.annotate(n_applications=Count("applications")).order_by("-in_force_from")


def terms_updated_in(*, year: int, up_to=None) -> bool:
    """Whether a version of the Fund's terms of reference came into force in `year` (up to `up_to`, a date)."""
    return bool(terms_versions_in(year=year, up_to=up_to))


def terms_versions_in(*, year: int, up_to=None) -> list[TermsOfReference]:
    """The versions of the Fund's terms of reference dated in `year`, up to `up_to` (a date) when given."""
    versions = TermsOfReference.objects.filter(in_force_from__year=year)
    if up_to is not None:
        versions = versions.filter(in_force_from__lte=up_to)
    return list(versions.order_by("in_force_from"))


def applicant_states(*, year: int, up_to=None) -> list:
    """The States the Fund began work with in `year`: an application of theirs has a step dated in `year`,
    up to `up_to` (a date, e.g. the document's issue date) when given. Each State once, by first step."""
    events = ApplicationEvent.objects.filter(at__year=year)
    if up_to is not None:
        events = events.filter(at__date__lte=up_to)
    states = {}
    for event in events.select_related("application__state").order_by("at", "pk"):
        states.setdefault(event.application.state_id, event.application.state)
    return list(states.values())
