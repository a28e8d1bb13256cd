"""Synthetic but realistic data at scale, for the benchmark and for trying the dashboard on a full registry.

`python manage.py seed_scale --states 200 --years 30` uses the registry's States and adds synthetic
ones up to `--states`, then for `--years` reporting cycles: reports (on time, late, drafts, missing,
some amended), about 20 C&A rows per submitted report, a few rows in each table of the Article 7
forms per version (reporting/samples.py, the headline figures computed from them), delegates,
Article 7 reminders; plus meetings
with follow-ups, Fund contributions and applications, questionnaires and workplan items.

Everything is written with `bulk_create` (no history records) in one transaction. Each part that
needs another app's models is skipped, with a note, when that app or model is missing. The same
`--seed` gives the same data.
"""

import datetime
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from reporting import samples
from reporting.models import (
    Channel,
    CooperationRow,
    Direction,
    PartnerKind,
    Purpose,
    Report,
    ReportingCycle,
    ReportState,
    ReportVersion,
    default_deadline,
)
from reporting.selectors import current_cycle_year, is_report_required
from reporting.tables import TABLES
from states.models import Membership, Organisation, Region, State

BATCH = 2000
FLUSH_ROWS = 20_000  # form rows held in memory before they are written
TABLE_BY_KEY = {t.key: t for tables in TABLES.values() for t in tables}
FIRST_CYCLE = 1999
CURRENCIES = ["USD"] * 6 + ["EUR"] * 5 + ["GBP", "CHF", "JPY", "NOK", "CAD", "AUD", "SEK", "DKK"]
ORGANISATIONS = [
    ("United Nations Mine Action Service", "UNMAS"),
    ("United Nations Development Programme", "UNDP"),
    ("Geneva International Centre for Humanitarian Demining", "GICHD"),
    ("HALO Trust", "HALO"),
    ("Mines Advisory Group", "MAG"),
    ("Norwegian People's Aid", "NPA"),
    ("Danish Refugee Council", "DRC"),
    ("Humanity & Inclusion", "HI"),
    ("International Committee of the Red Cross", "ICRC"),
    ("European Union", "EU"),
    ("Organization of American States", "OAS"),
    ("Fondation suisse de déminage", "FSD"),
]


# Headline figures of a version: the tables and the column summed (as reporting.services.FIGURES).
FIGURES = {
    "mines_stockpiled": (("stockpile", "discovered"), "quantity"),
    "area_contaminated_m2": (("areas",), "size_m2"),
    "area_released_m2": (("released",), "area_m2"),
    "mines_retained": (("retained",), "quantity"),
    "mines_destroyed": (("destroyed",), "quantity"),
}


@dataclass
class Scale:
    states: int = 200
    years: int = 30
    rows_per_report: int = 20
    meetings: int = 5000
    applications: int = 2000
    seed: int = 1
    today: datetime.date = field(default_factory=timezone.localdate)


@dataclass
class Seeded:
    counts: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _bulk(model, objs: list, **kwargs) -> list:
    return model.objects.bulk_create(objs, batch_size=BATCH, **kwargs)


class Seeder:
    def __init__(self, scale: Scale, log: Callable[[str], None] = print):
        self.scale = scale
        self.rng = random.Random(scale.seed)
        self.log = log
        self.out = Seeded()
        self.last_year = current_cycle_year(scale.today)
        # No cycle before the Convention's entry into force (1 March 1999).
        self.first_year = max(FIRST_CYCLE, self.last_year - scale.years + 1)
        self.password = make_password("scale-data-not-a-login")

    # --- helpers -------------------------------------------------------------------------------------

    def count(self, key: str, n: int) -> None:
        self.out.counts[key] = self.out.counts.get(key, 0) + n

    def note(self, message: str) -> None:
        self.out.notes.append(message)
        self.log(f"note: {message}")

    def has_model(self, app_label: str, model: str) -> bool:
        if not apps.is_installed(app_label):
            self.note(f"the {app_label} app is not installed: its part is skipped")
            return False
        try:
            apps.get_model(app_label, model)
        except LookupError:
            self.note(f"{app_label}.{model} does not exist yet: its part is skipped")
            return False
        return True

    # --- registry and people -------------------------------------------------------------------------

    def states(self) -> list[State]:
        existing = list(State.objects.prefetch_related("memberships").order_by("pk"))
        missing = self.scale.states - len(existing)
        if missing > 0:
            iso3_used = {s.iso3 for s in existing}
            iso2_used = {s.iso2 for s in existing}
            iso3_pool = (f"Z{a}{b}" for a, b in itertools.product("ABCDEFGHIJKLMNOPQRSTUVWXYZ", repeat=2))
            iso2_pool = (f"{d}{c}" for d, c in itertools.product("0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
            new = []
            for _i in range(missing):
                iso3 = next(c for c in iso3_pool if c not in iso3_used)
                iso2 = next(c for c in iso2_pool if c not in iso2_used)
                affected = self.rng.random() < 0.4
                new.append(
                    State(
                        iso3=iso3,
                        iso2=iso2,
                        name_en=f"Synthetic State {iso3}",
                        name_fr=f"État synthétique {iso3}",
                        name_es=f"Estado sintético {iso3}",
                        region=self.rng.choice(Region.values),
                        is_affected=affected,
                        is_provider=not affected and self.rng.random() < 0.5,
                        article5_deadline=datetime.date(self.rng.randint(2025, 2035), 12, 31) if affected else None,
                    )
                )
            created = _bulk(State, new)
            memberships = []
            for state in created:
                start = datetime.date(self.rng.randint(1999, self.first_year + self.scale.years // 2), 3, 1)
                withdrawn = start.replace(year=start.year + 12) if self.rng.random() < 0.02 else None
                memberships.append(Membership(state=state, entry_into_force=start, withdrawal_effective=withdrawn))
            _bulk(Membership, memberships)
            self.count("states", len(created))
            existing = list(State.objects.prefetch_related("memberships").order_by("pk"))
        return existing

    def delegates(self, states: list[State]) -> dict[int, list[User]]:
        have = set(User.objects.filter(role=Role.DELEGATE).values_list("state_id", flat=True))
        new = []
        for state in states:
            if state.pk in have:
                continue
            for n in range(1, self.rng.randint(1, 3) + 1):
                email = f"delegate{n}.{state.iso3.lower()}@scale.example.org"
                new.append(
                    User(
                        username=email,
                        email=email,
                        role=Role.DELEGATE,
                        state=state,
                        first_name=f"Delegate {n}",
                        last_name=state.iso3,
                        password=self.password,
                        preferred_language=self.rng.choice(["en", "en", "fr", "es"]),
                    )
                )
        _bulk(User, new)
        self.count("delegates", len(new))
        out: dict[int, list[User]] = {}
        for user in User.objects.filter(role=Role.DELEGATE, state__isnull=False).order_by("pk"):
            out.setdefault(user.state_id, []).append(user)
        return out

    def organisations(self) -> list[Organisation]:
        have = set(Organisation.objects.values_list("name", flat=True))
        _bulk(Organisation, [Organisation(name=n, acronym=a) for n, a in ORGANISATIONS if n not in have])
        return list(Organisation.objects.all())

    # --- Article 7 -----------------------------------------------------------------------------------

    def cycles(self) -> dict[int, ReportingCycle]:
        have = set(ReportingCycle.objects.values_list("year", flat=True))
        _bulk(
            ReportingCycle,
            [
                ReportingCycle(year=y, deadline=default_deadline(y), note="seed_scale")
                for y in range(self.first_year, self.last_year + 1)
                if y not in have
            ],
        )
        return {c.year: c for c in ReportingCycle.objects.filter(year__range=(self.first_year, self.last_year))}

    def _outcome(self, cycle: ReportingCycle) -> str:
        """on_time, late, draft or none; the cycle in progress has fewer reports in."""
        r = self.rng.random()
        if cycle.deadline >= self.scale.today:
            return "on_time" if r < 0.35 else "draft" if r < 0.6 else "none"
        return "on_time" if r < 0.68 else "late" if r < 0.85 else "draft" if r < 0.9 else "none"

    def reports(self, states, cycles, orgs, delegates) -> list[tuple[Report, str]]:
        existing = set(Report.objects.values_list("state_id", "cycle_id"))
        planned: list[tuple[Report, str]] = []
        for year, cycle in sorted(cycles.items()):
            for state in states:
                if (state.pk, cycle.pk) in existing or not is_report_required(state, cycle):
                    continue
                outcome = self._outcome(cycle)
                if outcome == "none":
                    planned.append((None, f"none:{state.pk}:{year}"))
                    continue
                report = Report(
                    state=state,
                    cycle=cycle,
                    workflow=ReportState.DRAFT if outcome == "draft" else ReportState.SUBMITTED,
                    draft_data={},
                    created_by=(delegates.get(state.pk) or [None])[0],
                )
                if outcome != "draft":
                    days = self.rng.randint(1, 60)
                    on = cycle.deadline + datetime.timedelta(days=days if outcome == "late" else -days)
                    on = min(on, self.scale.today)
                    report.submitted_on = on
                    report.submitted_at = timezone.make_aware(datetime.datetime.combine(on, datetime.time(10)))
                    report.deadline_at_submission = cycle.deadline
                    report.is_late = on > cycle.deadline
                    report.submitted_by = report.created_by
                planned.append((report, outcome))
        created = _bulk(Report, [r for r, _o in planned if r is not None])
        self.count("reports", len(created))
        self._versions([(r, o) for r, o in planned if r is not None and o != "draft"], states, orgs)
        return planned

    def _versions(self, submitted: list[tuple[Report, str]], states, orgs) -> None:
        versions, current = [], []
        for report, _outcome in submitted:
            amended = self.rng.random() < 0.1
            numbers = [1, 2] if amended else [1]
            gender = self.rng.random() < 0.6
            for number in numbers:
                on = report.submitted_on + datetime.timedelta(days=30 * (number - 1))
                v = ReportVersion(
                    report=report,
                    number=number,
                    submitted_at=timezone.make_aware(datetime.datetime.combine(on, datetime.time(10))),
                    submitted_by=report.submitted_by,
                    received_on=on,
                    content={"sections": {}},
                    platform_exists=self.rng.random() < 0.5,
                    gender_in_mine_action=gender or None,
                    gender_text="Mixed survey teams; data disaggregated by sex and age." if gender else "",
                    gender_info=gender,
                )
                versions.append(v)
                if number == numbers[-1]:
                    current.append(v)
        _bulk(ReportVersion, versions)
        self.count("report versions", len(versions))
        rows = []
        for v in versions:
            v_rows = [self._row(v, i, states, orgs) for i in range(self._row_count())]
            v.ca_quantitative = any(r.amount is not None for r in v_rows)
            v.ca_qualitative = bool(v_rows)
            rows.extend(v_rows)
        _bulk(CooperationRow, rows)
        self.count("C&A rows", len(rows))
        self._form_rows(versions)
        ReportVersion.objects.bulk_update(versions, ["ca_quantitative", "ca_qualitative", *FIGURES], batch_size=BATCH)
        by_report = {v.report_id: v for v in current}
        reports = [r for r, _o in submitted]
        for r in reports:
            r.current_version = by_report[r.pk]
        Report.objects.bulk_update(reports, ["current_version"], batch_size=BATCH)

    def _form_rows(self, versions: list[ReportVersion]) -> None:
        """A few rows in each table of the forms, per version (bulk inserts), and the version's
        headline figures computed from them as a submission would."""
        pending: dict[str, list] = {key: [] for key in TABLE_BY_KEY}
        held = 0
        states = sorted({v.report.state.pk: v.report.state for v in versions}.values(), key=lambda s: s.pk)
        few = min(len(states), max(2, len(states) // 20))
        hosts = {s.pk for s in self.rng.sample(states, few)}
        finders = {s.pk for s in self.rng.sample(states, few)}  # found a forgotten stockpile (once)
        for v in versions:
            state, year = v.report.state, v.report.cycle.year
            rows = samples.form_rows(
                self.rng,
                iso3=state.iso3,
                name=state.name_en,
                year=year,
                first_year=self.first_year,
                affected=state.is_affected,
                article5_deadline=state.article5_deadline,
            )
            # Synthetic States get the profiles the registry's States have by name.
            if not rows["facilities"] and self.rng.random() < 0.1:
                rows["facilities"] = samples.facilities(state.iso3)
            if not rows["command_detonated"] and self.rng.random() < 0.15:
                rows["command_detonated"] = samples.command_detonated(
                    state.iso3, self.rng.choice(samples.COMMAND_TYPES)
                )
            if not rows["fuses"] and self.rng.random() < 0.1:
                rows["fuses"] = samples.fuses(state.iso3, held=True)
            if not rows["discovered"] and state.pk in finders:
                finders.discard(state.pk)
                found = ("PMN-2", self.rng.randint(5, 400), "a depot")
                rows["discovered"] = samples.discovered(state.iso3, year, found)
            if state.pk in hosts:  # a few States have foreign stockpiles on their territory
                rows["foreign"] = samples.foreign(self.rng, state.iso3)
            for name, (table_keys, column) in FIGURES.items():
                values = [r[column] for key in table_keys for r in rows[key] if r[column] is not None]
                setattr(v, name, sum(values) if values else None)
            for key, table_rows in rows.items():
                model = TABLE_BY_KEY[key].model
                pending[key].extend(model(version=v, position=i, **r) for i, r in enumerate(table_rows))
                held += len(table_rows)
            if held >= FLUSH_ROWS:
                self._flush(pending)
                held = 0
        self._flush(pending)

    def _flush(self, pending: dict[str, list]) -> None:
        for key, objs in pending.items():
            if objs:
                _bulk(TABLE_BY_KEY[key].model, objs)
                self.count("form rows", len(objs))
                objs.clear()

    def _row_count(self) -> int:
        if self.rng.random() < 0.08:
            return 0  # a report silent on cooperation and assistance
        avg = self.scale.rows_per_report
        return max(1, int(self.rng.gauss(avg, avg / 3)))

    def _row(self, version: ReportVersion, position: int, states, orgs) -> CooperationRow:
        report = version.report
        state = report.state
        if state.is_affected and not state.is_provider:
            direction = Direction.RECEIVED if self.rng.random() < 0.9 else Direction.PROVIDED
        elif state.is_provider and not state.is_affected:
            direction = Direction.PROVIDED if self.rng.random() < 0.9 else Direction.RECEIVED
        else:
            direction = self.rng.choice(Direction.values)
        r = self.rng.random()
        partner = {"partner_kind": PartnerKind.ORGANISATION, "partner_name": ""}
        if r < 0.5:
            partner = {"partner_kind": PartnerKind.STATE_PARTY, "partner_state": self.rng.choice(states)}
        elif r < 0.85 and orgs:
            partner["partner_organisation"] = self.rng.choice(orgs)
        else:
            partner["partner_name"] = f"Local partner {self.rng.randint(1, 300)}"
        with_amount = self.rng.random() < 0.8
        currency = self.rng.choice(CURRENCIES) if with_amount else ""
        amount = None
        if with_amount:
            amount = Decimal(self.rng.randint(5, 5000) * 1000)
            if currency == "JPY":
                amount *= 100
        return CooperationRow(
            version=version,
            position=position,
            direction=direction,
            year=report.cycle.year - (1 if self.rng.random() < 0.1 else 0),
            amount=amount,
            currency=currency,
            purpose=self.rng.choice(Purpose.values),
            channel=self.rng.choice(Channel.values),
            gender_considered=self.rng.choice([True, False, None]),
            description="",
            **partner,
        )

    # --- reminders -----------------------------------------------------------------------------------

    def reminders(self, planned, cycles, delegates) -> None:
        if not self.has_model("reminders", "SentReminder"):
            return
        from reminders.models import SentReminder, Status

        by_year = {y: c for y, c in cycles.items()}
        rows = []
        for report, outcome in planned:
            if report is None:
                _none, state_id, year = outcome.split(":")
                state_id, year = int(state_id), int(year)
            else:
                state_id, year = report.state_id, report.cycle.year
            people = delegates.get(state_id) or []
            if not people:
                continue
            cycle = by_year[year]
            kinds = ["before-30"] if outcome == "on_time" else ["before-30", "before-7"]
            if outcome in ("late", "draft") or outcome.startswith("none"):
                after = (self.scale.today - cycle.deadline).days
                kinds += [f"overdue-{d}" for d in (1, 15, 29) if d <= after]
            for kind in kinds:
                if kind.startswith("before"):
                    due = cycle.deadline - datetime.timedelta(days=int(kind.split("-")[1]))
                else:
                    due = cycle.deadline + datetime.timedelta(days=int(kind.split("-")[1]))
                if due > self.scale.today:
                    continue
                sent_at = timezone.make_aware(datetime.datetime.combine(due, datetime.time(8)))
                rows.append(
                    SentReminder(
                        source="article7",
                        cycle=str(year + 1),
                        state_id=state_id,
                        kind=kind,
                        recipient=people[0],
                        email=people[0].email,
                        deadline=cycle.deadline,
                        due_on=due,
                        title=f"Article 7 report on calendar year {year}",
                        path=f"/reports/{year}/",
                        status=Status.SENT,
                        attempts=1,
                        sent_at=sent_at,
                    )
                )
        _bulk(SentReminder, rows, ignore_conflicts=True)
        self.count("reminders", len(rows))

    # --- meetings --------------------------------------------------------------------------------------

    def meetings(self, states) -> None:
        if not self.has_model("meetings", "Meeting"):
            return
        from committee.models import Committee
        from meetings.models import FollowUp, FollowUpStatus, Meeting, MeetingKind, MeetingStatus

        committees = list(Committee.objects.all())
        kinds = (
            [MeetingKind.BILATERAL] * 60
            + [MeetingKind.COMMITTEE_MEETING] * 12
            + [MeetingKind.WORKSHOP] * 8
            + [MeetingKind.PANEL] * 8
            + [MeetingKind.INDIVIDUALISED_APPROACH] * 6
            + [MeetingKind.INTERSESSIONAL] * 3
            + [MeetingKind.MSP] * 3
        )
        start_span = (self.scale.today - datetime.date(self.first_year, 1, 1)).days + 365
        meetings = []
        for n in range(self.scale.meetings):
            kind = self.rng.choice(kinds)
            start = datetime.date(self.first_year, 1, 1) + datetime.timedelta(days=self.rng.randint(0, start_span))
            end = start + datetime.timedelta(days=self.rng.choice([0, 0, 0, 1, 2, 4]))
            state = (
                self.rng.choice(states)
                if kind in (MeetingKind.BILATERAL, MeetingKind.INDIVIDUALISED_APPROACH)
                else None
            )
            if end < self.scale.today:
                status = MeetingStatus.HELD if self.rng.random() < 0.92 else MeetingStatus.CANCELLED
            else:
                status = MeetingStatus.PLANNED
            title = f"{MeetingKind(kind).label} with {state.name_en}" if state else f"{MeetingKind(kind).label} {n}"
            meetings.append(
                Meeting(
                    code=f"scale-{self.scale.seed}-{n}",
                    kind=kind,
                    status=status,
                    title_en=str(title),
                    start_date=start,
                    end_date=end,
                    place=self.rng.choice(["Geneva", "Geneva", "Online", "Bangkok", "Bogotá", "Dakar"]),
                    is_online=self.rng.random() < 0.2,
                    state=state,
                    purpose_en="Progress and challenges in implementing the Convention.",
                )
            )
        _bulk(Meeting, meetings)
        self.count("meetings", len(meetings))
        through_states = Meeting.states.through
        through_committees = Meeting.committees.through
        links, committee_links, followups = [], [], []
        for m in meetings:
            if m.state_id:
                links.append(through_states(meeting_id=m.pk, state_id=m.state_id))
            if committees:
                committee_links.append(through_committees(meeting_id=m.pk, committee_id=self.rng.choice(committees).pk))
            if m.kind == MeetingKind.BILATERAL and m.status == MeetingStatus.HELD and self.rng.random() < 0.4:
                for _i in range(self.rng.randint(1, 2)):
                    due = m.end_date + datetime.timedelta(days=self.rng.randint(14, 120))
                    done = due < self.scale.today and self.rng.random() < 0.8
                    followups.append(
                        FollowUp(
                            meeting=m,
                            state_id=m.state_id,
                            action="Share the list of partners and funding gaps for Article 5 clearance",
                            owner=self.rng.choice(["ISU", "Chair", "State"]),
                            due_date=due,
                            status=FollowUpStatus.DONE if done else FollowUpStatus.OPEN,
                            completed_on=due if done else None,
                        )
                    )
        _bulk(through_states, links, ignore_conflicts=True)
        _bulk(through_committees, committee_links, ignore_conflicts=True)
        _bulk(FollowUp, followups)
        self.count("follow-ups", len(followups))

    # --- Fund ------------------------------------------------------------------------------------------

    def fund(self, states, delegates) -> None:
        if not self.has_model("fund", "Application"):
            return
        from fund.models import (
            Application,
            BudgetLine,
            Contribution,
            Disbursement,
            FundAccount,
            Status,
            TermsOfReference,
        )
        from fund.models import Purpose as FundPurpose

        currencies = ["EUR", "USD", "CHF"]
        for c in currencies:
            FundAccount.objects.get_or_create(currency=c)
        terms = TermsOfReference.objects.order_by("in_force_from").first()
        if terms is None:
            terms = TermsOfReference.objects.create(
                version="scale",
                title="Terms of reference (synthetic)",
                in_force_from=datetime.date(self.first_year, 1, 1),
                summary="Supports exchanges of good practices and South-South cooperation.",
            )
        providers = [s for s in states if s.is_provider] or states
        contributions = [
            Contribution(
                contributor_state=self.rng.choice(providers),
                amount=Decimal(self.rng.randint(20, 400) * 1000),
                currency=self.rng.choice(currencies),
                received_on=self.scale.today - datetime.timedelta(days=self.rng.randint(0, 365 * self.scale.years)),
            )
            for _i in range(max(30, self.scale.applications // 6))
        ]
        _bulk(Contribution, contributions)
        self.count("Fund contributions", len(contributions))
        statuses = (
            [Status.DRAFT] * 10
            + [Status.SUBMITTED] * 6
            + [Status.SCREENED] * 3
            + [Status.GENDER_REVIEWED] * 3
            + [Status.REVISION_REQUESTED] * 3
            + [Status.REJECTED] * 15
            + [Status.APPROVED] * 6
            + [Status.DISBURSED] * 10
            + [Status.REPORT_RECEIVED] * 6
            + [Status.CLOSED] * 38
        )
        applicants = [s for s in states if s.is_affected] or states
        serial: dict[str, int] = {}
        apps_ = []
        settled = [Status.CLOSED] * 8 + [Status.REJECTED] * 3 + [Status.REPORT_RECEIVED]
        for _n in range(self.scale.applications):
            state = self.rng.choice(applicants)
            created = self.scale.today - datetime.timedelta(days=self.rng.randint(0, 365 * min(self.scale.years, 15)))
            # Files still in progress are recent ones; older ones have been closed or rejected.
            recent = (self.scale.today - created).days < 540
            status = self.rng.choice(statuses if recent else settled)
            start = created + datetime.timedelta(days=self.rng.randint(30, 120))
            end = start + datetime.timedelta(days=self.rng.randint(30, 240))
            amount = Decimal(self.rng.randint(5, 80) * 1000)
            prefix = f"CAF-{created.year}-{state.iso3}-S"
            serial[prefix] = serial.get(prefix, 0) + 1
            decided = status in (Status.APPROVED, Status.DISBURSED, Status.REPORT_RECEIVED, Status.CLOSED)
            apps_.append(
                Application(
                    reference=f"{prefix}{serial[prefix]}",
                    state=state,
                    title=self.rng.choice(
                        [
                            "Exchange of good practices on land release",
                            "South-South study visit on victim assistance",
                            "Regional workshop on information management",
                        ]
                    ),
                    purpose=self.rng.choice([FundPurpose.GOOD_PRACTICES, FundPurpose.SOUTH_SOUTH]),
                    activities="A study visit of the national mine action authority to a peer State.",
                    requested_amount=amount,
                    currency=self.rng.choice(currencies),
                    start_date=start,
                    end_date=end,
                    status=status,
                    terms=None if status == Status.DRAFT else terms,
                    submitted_at=None
                    if status == Status.DRAFT
                    else timezone.make_aware(datetime.datetime.combine(created, datetime.time(9))),
                    approved_amount=amount if decided else None,
                    decided_at=timezone.make_aware(datetime.datetime.combine(created, datetime.time(15)))
                    if decided or status == Status.REJECTED
                    else None,
                    final_report_due=end + datetime.timedelta(days=90) if decided else None,
                    created_by=(delegates.get(state.pk) or [None])[0],
                    created_at=timezone.make_aware(datetime.datetime.combine(created, datetime.time(9))),
                )
            )
        _bulk(Application, apps_)
        self.count("Fund applications", len(apps_))
        _bulk(
            BudgetLine,
            [BudgetLine(application=a, description="Travel and subsistence", amount=a.requested_amount) for a in apps_],
        )
        paid = [
            Disbursement(
                application=a,
                amount=a.approved_amount,
                currency=a.currency,
                paid_on=min(a.start_date, self.scale.today),
            )
            for a in apps_
            if a.status in (Status.DISBURSED, Status.REPORT_RECEIVED, Status.CLOSED)
        ]
        _bulk(Disbursement, paid)
        self.count("Fund disbursements", len(paid))

    # --- questionnaires and workplan --------------------------------------------------------------------

    def questionnaires(self, states) -> None:
        if not self.has_model("questionnaires", "Questionnaire"):
            return
        from questionnaires.models import Question, QuestionKind, Questionnaire, Recipient, Response

        years = range(max(self.first_year, self.last_year - 9), self.last_year + 1)
        qs = []
        for year in years:
            circulated = datetime.date(year + 1, 5, 1)
            qs.append(
                Questionnaire(
                    title_en=f"Cooperation and assistance questionnaire {year + 1}",
                    circulation_date=circulated,
                    deadline=circulated + datetime.timedelta(days=45),
                    circulated_at=timezone.make_aware(datetime.datetime.combine(circulated, datetime.time(9))),
                )
            )
        _bulk(Questionnaire, qs)
        questions, recipients, responses = [], [], []
        for q in qs:
            for order, (kind, text) in enumerate(
                [
                    (QuestionKind.YES_NO, "Does a national mine action platform exist?"),
                    (QuestionKind.TEXT, "How is gender integrated in cooperation and assistance?"),
                    (QuestionKind.NUMBER, "How many partners supported clearance last year?"),
                ],
                start=1,
            ):
                questions.append(Question(questionnaire=q, order=order, kind=kind, text_en=text))
            for state in states:
                recipients.append(Recipient(questionnaire=q, state=state))
                if q.deadline < self.scale.today and self.rng.random() < 0.55:
                    at = timezone.make_aware(datetime.datetime.combine(q.deadline, datetime.time(12)))
                    responses.append(
                        Response(questionnaire=q, state=state, submitted_at=at, first_submitted_at=at, version=1)
                    )
        _bulk(Question, questions)
        _bulk(Recipient, recipients)
        _bulk(Response, responses)
        self.count("questionnaires", len(qs))
        self.count("questionnaire responses", len(responses))

    def workplan(self) -> None:
        if not self.has_model("workplan", "WorkplanItem"):
            return
        from committee.models import Committee
        from workplan.models import ItemStatus, Owner, Timing, WorkplanItem

        committee = Committee.objects.filter(slug="cooperation-assistance").first() or Committee.objects.first()
        if committee is None:
            self.note("no committee in the registry: workplan items skipped")
            return
        have = set(WorkplanItem.objects.filter(committee=committee).values_list("year", flat=True))
        items = []
        for year in range(max(self.first_year, self.last_year - 9), self.last_year + 2):
            if year in have:
                continue
            for order in range(1, 11):
                items.append(
                    WorkplanItem(
                        committee=committee,
                        year=year,
                        order=order,
                        description_en=f"Gender and diversity workplan item {order} for {year}",
                        timing=self.rng.choice([Timing.BEFORE_INTERSESSIONAL, Timing.AT_INTERSESSIONAL, Timing.AT_MSP]),
                        owner=self.rng.choice([Owner.CHAIR, Owner.GENDER_FOCAL_POINT]),
                        status=self.rng.choice(ItemStatus.values)
                        if year < self.scale.today.year
                        else ItemStatus.PLANNED,
                    )
                )
        _bulk(WorkplanItem, items)
        self.count("workplan items", len(items))

    # --- all -------------------------------------------------------------------------------------------

    @transaction.atomic
    def run(self) -> Seeded:
        states = self.states()
        delegates = self.delegates(states)
        orgs = self.organisations()
        cycles = self.cycles()
        self.log(f"{len(states)} States, cycles {self.first_year}-{self.last_year}")
        if self.last_year - self.first_year + 1 < self.scale.years:
            self.note(f"cycles start in {FIRST_CYCLE}, when the Convention entered into force")
        planned = self.reports(states, cycles, orgs, delegates)
        self.reminders(planned, cycles, delegates)
        self.meetings(states)
        self.fund(states, delegates)
        self.questionnaires(states)
        self.workplan()
        return self.out
