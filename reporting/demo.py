"""Demo Article 7 reports: the 2022 reporting year (due 30 April 2023) for a realistic share of the
164 States Parties, including every State the seed names, some late, some missing, some with C&A rows
and no gender information; then each later year up to the current cycle, where the demo delegates
(Senegal, Colombia, Nigeria) have something to do.

Deterministic (fixed random seed) and idempotent: a State's report on a year is created once and
never touched again.
"""

import datetime
import io
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import Role, User
from committee.models import Committee
from core.demo import DemoContext
from states.models import Organisation, State

from . import selectors, services
from .models import DeadlineExtension, Report, ReportingCycle, VersionSource

SEED = 2023
FIRST_YEAR = 2022
# The States the seed names: bilateral meetings, individualised approach, Fund, committee members.
SEED_STATES = [
    "BIH", "KHM", "COL", "ETH", "GNB", "IRQ", "MRT", "COD", "SEN", "SRB", "SOM", "LKA", "TJK", "TCD", "TUR", "ZWE",
    "NGA", "DZA", "JPN", "NLD", "THA",
]  # fmt: skip
# 2022 outcomes fixed for the States the story needs.
FIXED_2022 = {
    "SEN": ("on_time", True),  # (outcome, gender information)
    "COL": ("on_time", True),
    "NGA": ("late", False),
    "SOM": ("late", False),
    "TJK": ("late", True),
    "THA": ("on_time", True),
    "NLD": ("on_time", True),
    "JPN": ("on_time", True),
    "DZA": ("on_time", False),
    "TUR": ("on_time", False),
    "ETH": ("missing", False),
    "GNB": ("late", False),
}
AMENDED_2022 = ["COL", "IRQ", "NOR"]
EXTENSIONS_2022 = {
    "TJK": (datetime.date(2023, 5, 31), "Request of 18 April 2023: national validation of mine action data.")
}
DEMO_DELEGATE_STATES = ["SEN", "COL", "NGA"]
CURRENCIES = ["USD", "USD", "USD", "EUR", "EUR", "GBP", "JPY", "NOK", "CHF", "AUD", "CAD"]
ORGS_FOR_ROWS = ["UNMAS", "UNDP", "GICHD", "HALO", "MAG", "NPA", "HI", "ICRC", "EU"]
PURPOSES = [
    "clearance",
    "clearance",
    "risk_education",
    "victim_assistance",
    "capacity_building",
    "stockpile_destruction",
]
CHANNELS = ["bilateral", "multilateral", "ngo", "south_south", "in_kind"]


def _pdf_bytes(title: str) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _text(rng: random.Random, state: State, topic: str) -> dict:
    return {"mode": "filled", "fields": {"text": f"{state.name_en}: {topic}."}, "rows": []}


def _rows(rng: random.Random, state: State, year: int, providers: list[State], affected: list[State], orgs) -> list:
    rows = []
    if state.is_affected:
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.55 and providers:
                partner = f"state:{rng.choice(providers).iso3}"
            else:
                partner = f"org:{rng.choice(orgs).pk}"
            rows.append(_row(rng, "received", partner, year))
    if state.is_provider:
        for _ in range(rng.randint(2, 6)):
            partner = f"state:{rng.choice(affected).iso3}" if rng.random() < 0.7 else f"org:{rng.choice(orgs).pk}"
            rows.append(_row(rng, "provided", partner, year))
    if not rows:  # a State neither affected nor provider: South-South exchange of expertise, no amount
        rows.append(
            _row(rng, "provided", f"state:{rng.choice(affected).iso3}", year, amount=False, channel="south_south")
        )
    return rows


def _row(rng, direction, partner, year, *, amount=True, channel=None) -> dict:
    currency = rng.choice(CURRENCIES)
    value = Decimal(rng.randint(5, 400) * (100000 if currency == "JPY" else 5000))
    in_kind = not amount or rng.random() < 0.1
    return {
        "direction": direction,
        "partner": partner,
        "partner_name": "",
        "year": str(year),
        "amount": "" if in_kind else str(value),
        "currency": "" if in_kind else currency,
        "purpose": rng.choice(PURPOSES),
        "channel": channel or rng.choice(CHANNELS),
        "gender_considered": rng.choice(["yes", "yes", "no", ""]),
        "description": "Exchange of experts and training." if in_kind else "",
    }


def _draft(rng, state: State, year: int, *, gender: bool, ca_rows: bool, pools) -> dict:
    providers, affected, orgs = pools
    draft = {
        "a": _text(rng, state, "national implementation legislation in force; no change to penal provisions"),
        "e": {"mode": "not_applicable", "fields": {}, "rows": []},
        "f": {"mode": "no_change", "fields": {}, "rows": []},
        "h": {"mode": "no_change", "fields": {}, "rows": []},
        "i": _text(rng, state, "marking and fencing of suspected hazardous areas; community liaison"),
        "j": _text(rng, state, "victim assistance services and referral mechanisms"),
    }
    stockpile = rng.choice([0, 0, 0, rng.randint(100, 5000)])
    draft["b"] = {"mode": "filled", "fields": {"mines_stockpiled": str(stockpile), "text": ""}, "rows": []}
    draft["d"] = {
        "mode": "filled",
        "fields": {"mines_retained": str(rng.choice([0, 0, rng.randint(20, 1500)])), "text": ""},
        "rows": [],
    }
    if state.is_affected:
        area = Decimal(rng.randint(200_000, 90_000_000))
        released = (area * Decimal(rng.randint(2, 25)) / Decimal(100)).quantize(Decimal("1"))
        draft["c"] = {
            "mode": "filled",
            "fields": {"area_contaminated_m2": str(area), "area_released_m2": str(released), "text": ""},
            "rows": [],
        }
        draft["g"] = {
            "mode": "filled",
            "fields": {"mines_destroyed": str(rng.randint(50, 25_000)), "text": "Destroyed during clearance."},
            "rows": [],
        }
    else:
        draft["c"] = {"mode": "not_applicable", "fields": {}, "rows": []}
        draft["g"] = {"mode": "filled", "fields": {"mines_destroyed": "0", "text": ""}, "rows": []}
    if ca_rows:
        platform = rng.random() < 0.7
        plan = rng.random() < 0.5
        draft["ca"] = {
            "mode": "filled",
            "fields": {
                "platform_exists": "yes" if platform else "no",
                "platform_meetings": str(rng.randint(1, 4)) if platform else "",
                "resource_mobilisation_plan": "yes" if plan else "no",
                "resource_mobilisation_text": "Multi-year plan presented to partners." if plan else "",
                "unmet_needs": "Survey and clearance capacity; victim assistance." if state.is_affected else "",
            },
            "rows": _rows(rng, state, year, providers, affected, orgs),
        }
    else:
        draft["ca"] = {"mode": "not_applicable", "fields": {}, "rows": []}
    if gender:
        draft["gender"] = {
            "mode": "filled",
            "fields": {
                "gender_in_mine_action": "yes",
                "diverse_needs_in_mine_action": rng.choice(["yes", "no"]),
                "gender_in_cooperation": rng.choice(["yes", "yes", "no"]),
                "gender_disaggregated_data": rng.choice(["yes", "no"]),
                "gender_text": "Mixed survey and clearance teams; consultation of women, girls, boys and men.",
                "oap_actions": sorted(rng.sample(["3", "25", "32", "45", "47"], k=rng.randint(1, 3)) + ["45"]),
            },
            "rows": [],
        }
        draft["gender"]["fields"]["oap_actions"] = sorted(set(draft["gender"]["fields"]["oap_actions"]), key=int)
    else:
        draft["gender"] = {"mode": "not_applicable", "fields": {}, "rows": []}
    return draft


def _submit_on(report: Report, *, draft: dict, by, when: datetime.date, form_kwargs, source=VersionSource.ONLINE):
    report.draft_data = draft
    report._history_user = by
    report.save(update_fields=["draft_data"])
    content, columns, rows = services._clean_content(report, form_kwargs)
    submitted_at = timezone.make_aware(datetime.datetime.combine(when, datetime.time(10, 30)))
    document = None
    if source == VersionSource.EMAIL:
        document = ContentFile(_pdf_bytes(f"Article 7 report {report.state.iso3} {report.cycle.year}"))
        document.name = f"article7-{report.state.iso3}-{report.cycle.year}.pdf"
    return services._freeze(
        report,
        content=content,
        columns=columns,
        rows=rows,
        by=by,
        source=source,
        received_on=when,
        submitted_at=submitted_at,
        document=document,
    )


def _outcome(rng: random.Random, year: int, current: int) -> str:
    roll = rng.random()
    on_time, late, draft = (0.60, 0.20, 0.04) if year < current else (0.55, 0.15, 0.08)
    if roll < on_time:
        return "on_time"
    if roll < on_time + late:
        return "late"
    if roll < on_time + late + draft:
        return "draft"
    return "missing"


def _author(delegates: dict, isu, state: State):
    return delegates.get(state.pk) or isu


def load(ctx: DemoContext) -> None:
    current = selectors.current_cycle_year()
    isu = User.objects.filter(role=Role.ISU).order_by("pk").first()
    delegates = {}
    for user in User.objects.filter(role=Role.DELEGATE).order_by("pk"):
        delegates.setdefault(user.state_id, user)
    form_kwargs = selectors.editor_form_kwargs()
    orgs = [o for o in Organisation.objects.filter(acronym__in=ORGS_FOR_ROWS).order_by("acronym")]
    if not orgs:
        orgs = list(Organisation.objects.order_by("name")[:5])
    all_states = list(State.objects.prefetch_related("memberships").order_by("iso3"))
    providers = [s for s in all_states if s.is_provider]
    affected = [s for s in all_states if s.is_affected] or all_states
    pools = (providers, affected, orgs)
    created = 0
    for year in range(FIRST_YEAR, current + 1):
        cycle, _created = services.cycle_create(year=year, by=isu)
        if year == FIRST_YEAR:
            # The cooperation and assistance committee promoted the online tool ahead of 30 April 2023.
            promoter = Committee.objects.filter(slug="cooperation-assistance").first()
            if promoter is not None and cycle.online_tool_promoted_by_id != promoter.pk:
                services.cycle_update(
                    cycle=cycle, deadline=cycle.deadline, note=cycle.note, online_tool_promoted_by=promoter, by=isu
                )
            for iso3, (deadline, reason) in EXTENSIONS_2022.items():
                state = next((s for s in all_states if s.iso3 == iso3), None)
                if state and not DeadlineExtension.objects.filter(cycle=cycle, state=state).exists():
                    services.deadline_extension_grant(
                        cycle=cycle, state=state, new_deadline=deadline, reason=reason, by=isu
                    )
        existing = set(Report.objects.filter(cycle=cycle).values_list("state_id", flat=True))
        rows = {r.state.pk: r for r in selectors.cycle_statuses(year=year, states=all_states)}
        for state in all_states:
            # One generator per State and year: a State's story does not depend on which reports already exist.
            rng = random.Random(f"{SEED}-{year}-{state.iso3}")
            outcome = _outcome(rng, year, current)
            gender = rng.random() < 0.62
            ca_rows = rng.random() < 0.85
            email = rng.random() < 0.12
            delay_on_time, delay_late = rng.randint(2, 100), rng.randint(1, 75)
            row = rows[state.pk]
            if row.status == "not_required" or state.pk in existing:
                continue
            if year == FIRST_YEAR and state.iso3 in FIXED_2022:
                outcome, gender = FIXED_2022[state.iso3]
                ca_rows, email = True, False
            elif state.iso3 in SEED_STATES and outcome == "missing" and year < current:
                outcome = "late"
            if state.iso3 in DEMO_DELEGATE_STATES and year == current:
                outcome = "draft" if state.iso3 == "SEN" else "missing"
            elif state.iso3 in DEMO_DELEGATE_STATES and year > FIRST_YEAR:
                outcome = "on_time"
            if state.iso3 == "TUR" and year == FIRST_YEAR:
                gender = False
            if outcome == "missing":
                continue
            author = _author(delegates, isu, state)
            report = Report(state=state, cycle=cycle, created_by=author, draft_saved_by=author)
            report._history_user = author
            report.save()
            created += 1
            draft = _draft(rng, state, year, gender=gender, ca_rows=ca_rows, pools=pools)
            if not gender:  # nothing on gender anywhere, rows included
                for ca_row in draft["ca"]["rows"]:
                    ca_row["gender_considered"] = ""
            if outcome == "draft":
                if state.iso3 == "SEN":
                    keep = ["a", "b", "c", "d", "e", "f", "ca"]
                    draft = {k: v for k, v in draft.items() if k in keep}
                    draft["ca"]["rows"] = draft["ca"]["rows"][:2]
                    draft["g"] = {
                        "mode": "filled",
                        "fields": {"mines_destroyed": "", "text": "Casamance: "},
                        "rows": [],
                    }
                report.draft_data = draft
                report.draft_saved_at = timezone.now()
                report._history_user = author
                report.save(update_fields=["draft_data", "draft_saved_at"])
                continue
            deadline = row.deadline
            if outcome == "on_time":
                when = deadline - datetime.timedelta(days=delay_on_time)
            else:
                when = deadline + datetime.timedelta(days=delay_late)
            when = min(when, timezone.localdate())
            source = VersionSource.EMAIL if email and state.iso3 not in DEMO_DELEGATE_STATES else VersionSource.ONLINE
            by = isu if source == VersionSource.EMAIL else author
            _submit_on(report, draft=draft, by=by, when=when, form_kwargs=form_kwargs, source=source)
            if year == FIRST_YEAR and state.iso3 in AMENDED_2022:
                report.refresh_from_db()
                services.report_amend(report=report, by=author)
                report.refresh_from_db()
                amended = dict(report.draft_data)
                if "g" in amended and amended["g"].get("fields", {}).get("mines_destroyed"):
                    figure = int(amended["g"]["fields"]["mines_destroyed"]) + 120
                    amended["g"] = {
                        **amended["g"],
                        "fields": {**amended["g"]["fields"], "mines_destroyed": str(figure)},
                    }
                amended["j"] = _text(rng, state, "victim assistance services; corrected figures for mines destroyed")
                _submit_on(
                    report, draft=amended, by=author, when=when + datetime.timedelta(days=40), form_kwargs=form_kwargs
                )
    ctx.log(f"  reporting: {ReportingCycle.objects.count()} cycles, {created} new reports")
