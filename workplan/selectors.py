"""Reads for the workplan pages, the dashboard and the API."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from committee.models import Committee, CommitteeYear
from states.models import State

from .models import TIMING_ORDER, Contact, ItemStatus, Statement, Timing, WorkplanItem


@dataclass
class ContactTarget:
    """A State on the list of the contact item, with its delegates and the contacts made so far."""

    state: State
    delegates: list = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    on_list: bool = True

    @property
    def contacted(self) -> bool:
        return bool(self.contacts)

    @property
    def answered(self) -> bool:
        return any(c.has_answer for c in self.contacts)

    @property
    def last_contact(self) -> Contact | None:
        return self.contacts[-1] if self.contacts else None


@dataclass
class ContactList:
    """The States that report on C&A without gender information (from `reporting`), and contacts made."""

    report_year: int
    targets: list[ContactTarget]
    others: list[ContactTarget]  # contacted States no longer (or never) on the list
    available: bool = True  # False when the reporting app cannot compute the list

    @property
    def total(self) -> int:
        return len(self.targets)

    @property
    def contacted(self) -> int:
        return sum(1 for t in self.targets if t.contacted)

    @property
    def answered(self) -> int:
        return sum(1 for t in self.targets if t.answered)

    @property
    def percent(self) -> int:
        return round(100 * self.contacted / self.total) if self.total else 0


def _states_without_gender(report_year: int) -> tuple[list, bool]:
    """Rows (state, delegates) from the reporting app; ([], False) when it is not available."""
    try:
        from reporting.selectors import states_with_ca_but_no_gender
    except ImportError:
        return [], False
    return list(states_with_ca_but_no_gender(year=report_year)), True


def contact_list(
    item: WorkplanItem, *, contacts: list[Contact] | None = None, cache: dict | None = None
) -> ContactList:
    """The item's list of States to contact and its contacts (pass prefetched `contacts` to save a query)."""
    if cache is not None and item.report_year in cache:
        rows, available = cache[item.report_year]
    else:
        rows, available = _states_without_gender(item.report_year)
        if cache is not None:
            cache[item.report_year] = (rows, available)
    if contacts is None:
        contacts = list(item.contacts.select_related("state").order_by("contacted_on", "pk"))
    by_state: dict[int, list[Contact]] = {}
    for c in sorted(contacts, key=lambda c: (c.contacted_on, c.pk)):
        by_state.setdefault(c.state_id, []).append(c)
    targets = [
        ContactTarget(state=r.state, delegates=list(r.delegates), contacts=by_state.pop(r.state.pk, [])) for r in rows
    ]
    others = sorted(
        (ContactTarget(state=cs[0].state, contacts=cs, on_list=False) for cs in by_state.values()),
        key=lambda t: t.state.name_en,
    )
    return ContactList(report_year=item.report_year, targets=targets, others=others, available=available)


@dataclass
class PanelRow:
    meeting: object
    balance: object


@dataclass
class ItemRow:
    item: WorkplanItem
    statements: list[Statement]
    panels: list[PanelRow]
    contacts: ContactList | None = None

    @property
    def progress_percent(self) -> int:
        if self.contacts is not None and self.item.status != ItemStatus.DONE:
            return self.contacts.percent
        return {ItemStatus.PLANNED: 0, ItemStatus.IN_PROGRESS: 50, ItemStatus.DONE: 100}.get(self.item.status, 0)

    @property
    def outputs_count(self) -> int:
        return len(self.statements) + len(self.panels) + (self.contacts.contacted if self.contacts else 0)


def _row(item: WorkplanItem, cache: dict) -> ItemRow:
    panels = [PanelRow(meeting=m, balance=m.gender_balance()) for m in item.panels.all()]
    contacts = contact_list(item, contacts=list(item.contacts.all()), cache=cache) if item.is_contact_item else None
    return ItemRow(item=item, statements=list(item.statements.all()), panels=panels, contacts=contacts)


def item_row(item: WorkplanItem) -> ItemRow:
    item = WorkplanItem.objects.for_lists().get(pk=item.pk)
    return _row(item, {})


@dataclass
class TimingGroup:
    timing: str
    label: str
    rows: list[ItemRow]

    @property
    def done(self) -> int:
        return sum(1 for r in self.rows if r.item.status == ItemStatus.DONE)


# Where each group sits in the year (month, day): the intersessional meetings are held in June and the
# Meeting of the States Parties in November; items on a date go where their earliest date falls.
GROUP_POSITION = {
    Timing.BEFORE_INTERSESSIONAL: (5, 1),
    Timing.AT_INTERSESSIONAL: (6, 15),
    Timing.AT_MSP: (11, 15),
    Timing.ONGOING: (13, 0),
}


def _group_position(group: "TimingGroup") -> tuple[int, int]:
    if group.timing == Timing.ON_DATE:
        first = min(r.item.due_date for r in group.rows if r.item.due_date)
        return (first.month, first.day) if first.year == group.rows[0].item.year else (12, 31)
    return GROUP_POSITION[group.timing]


@dataclass
class Workplan:
    committee: Committee
    year: int
    groups: list[TimingGroup]
    chair: State | None
    focal_point: State | None
    status_counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.status_counts.values())

    @property
    def done(self) -> int:
        return self.status_counts.get(ItemStatus.DONE, 0)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def statuses(self) -> list[tuple[str, str, int]]:
        return [(s.value, s.label, self.status_counts.get(s.value, 0)) for s in ItemStatus]


def workplan_for(*, committee: Committee, year: int) -> Workplan:
    """The committee's workplan for `year`, grouped by timing (a constant number of queries)."""
    items = sorted(WorkplanItem.objects.for_year(committee, year).for_lists(), key=lambda i: i.sort_key())
    cache: dict = {}
    rows = [_row(i, cache) for i in items]
    groups = []
    for timing in TIMING_ORDER:
        in_group = [r for r in rows if r.item.timing == timing]
        if in_group:
            groups.append(TimingGroup(timing=timing, label=Timing(timing).label, rows=in_group))
    groups.sort(key=_group_position)
    cy = (
        CommitteeYear.objects.filter(committee=committee, year=year)
        .select_related("chair", "gender_focal_point")
        .first()
    )
    return Workplan(
        committee=committee,
        year=year,
        groups=groups,
        chair=cy.chair if cy else None,
        focal_point=cy.gender_focal_point if cy else None,
        status_counts=dict(Counter(i.status for i in items)),
    )


def workplans_index() -> list[dict]:
    """Every (committee, year) that has a workplan, latest first, with its progress."""
    rows = (
        WorkplanItem.objects.values("committee", "year")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=ItemStatus.DONE)))
        .order_by("-year", "committee__order")
    )
    committees = Committee.objects.in_bulk([r["committee"] for r in rows])
    return [
        {
            **r,
            "committee": committees[r["committee"]],
            "percent": round(100 * r["done"] / r["total"]) if r["total"] else 0,
        }
        for r in rows
    ]


def status_counts_for_year(*, year: int) -> list[dict]:
    """Items by status for every committee with a workplan in `year` (the chair's dashboard)."""
    rows = WorkplanItem.objects.filter(year=year).values("committee", "status").annotate(n=Count("pk"))
    by_committee: dict[int, Counter] = {}
    for r in rows:
        by_committee.setdefault(r["committee"], Counter())[r["status"]] = r["n"]
    committees = Committee.objects.in_bulk(list(by_committee))
    out = []
    for pk, counts in by_committee.items():
        total = sum(counts.values())
        out.append(
            {
                "committee": committees[pk],
                "total": total,
                "done": counts.get(ItemStatus.DONE, 0),
                "statuses": [(s.value, s.label, counts.get(s.value, 0)) for s in ItemStatus],
            }
        )
    return sorted(out, key=lambda r: r["committee"].order)


def published_outputs(*, committee: Committee, year: int) -> dict:
    """What anyone may see of a workplan: published statements and public panels."""
    from meetings.models import PUBLIC_KINDS, Meeting

    items = WorkplanItem.objects.for_year(committee, year)
    statements = list(
        Statement.objects.filter(item__in=items, is_published=True)
        .select_related("meeting", "state", "item")
        .order_by("delivered_on", "pk")
    )
    panels = list(
        Meeting.objects.filter(workplan_items__in=items, kind__in=PUBLIC_KINDS)
        .distinct()
        .prefetch_related(Prefetch("speakers"))
        .order_by("start_date")
    )
    return {
        "statements": statements,
        "panels": [PanelRow(meeting=m, balance=m.gender_balance()) for m in panels],
    }


def items_for(*, committee, year: int) -> list:
    """The committee's workplan items of a year, in the workplan's order."""
    return list(WorkplanItem.objects.filter(committee=committee, year=year).order_by("order", "pk"))
