"""Demo Article 7 reports: the 2022 reporting year (due 30 April 2023) for a realistic share of the
164 States Parties, including every State the seed names, some late, some missing, some with C&A rows
and no gender information; then each later year up to the current cycle, where the demo delegates
(Senegal, Colombia, Nigeria) have something to do.

The States the seed names get rows in every form that applies to them (reporting/samples.py: real
mine type designations, plausible regions); in later years their forms A, E and H are marked
"unchanged", so they carry the earlier content. The others get simpler but valid reports. Every
version is marked illustrative (`content["illustrative"]`): the public page and the PDF say so, and
the cover's remarks say it in the report's language.

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

from . import samples, selectors, services
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
    "SRB": ("on_time", True),
}
AMENDED_2022 = ["COL", "IRQ", "NOR"]
# A third version sent twice by mistake, recalled by the ISU (the versions page shows it marked).
RECALLED_2022 = "NOR"
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
REPORT_LANGUAGE = {"SEN": "fr", "COD": "fr", "TCD": "fr", "MRT": "fr", "DZA": "fr", "COL": "es"}
# The State's remarks on the cover (typed in the report's language, like any remark of the State).
ILLUSTRATIVE_REMARK = {
    "en": "Illustrative demo figures, not the State's official report.",
    "fr": "Chiffres de démonstration, à titre d’illustration\u00a0: ce n’est pas le rapport officiel de l’État.",
    "es": "Cifras ilustrativas de demostración: no es el informe oficial del Estado.",
}
# Forms a seed State marks "unchanged" after its first demo year (they carry the earlier content).
UNCHANGED_LATER = ("a", "e", "h")


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
    draft["cover"] = {
        "mode": "filled",
        "fields": {
            "period_from": f"{year}-01-01",
            "period_to": f"{year}-12-31",
            "language": "en",
            "remarks": ILLUSTRATIVE_REMARK["en"],
        },
        "tables": {
            "contacts": [
                {
                    "name": "",
                    "organisation": f"{state.name_en}: national mine action authority",
                    "function": "",
                    "email": f"article7@{state.iso3.lower()}.demo.apmbc.org",
                    "phone": "",
                    "is_public": "",
                }
            ]
        },
    }
    stockpile = rng.choice([0, 0, 0, rng.randint(100, 5000)])
    draft["b"] = {
        "mode": "filled",
        "fields": {"text": ""},
        "tables": {"stockpile": [{"mine_type": "PMN-2", "quantity": str(stockpile), "lot_numbers": ""}]},
    }
    draft["d"] = {
        "mode": "filled",
        "fields": {"text": ""},
        "tables": {
            "retained": [
                {
                    "institution": "Army engineers",
                    "mine_type": "PMN-2",
                    "quantity": str(rng.choice([0, 0, rng.randint(20, 1500)])),
                }
            ]
        },
    }
    if state.is_affected:
        area = Decimal(rng.randint(200_000, 90_000_000))
        released = (area * Decimal(rng.randint(2, 25)) / Decimal(100)).quantize(Decimal("1"))
        draft["c"] = {
            "mode": "filled",
            "fields": {"text": ""},
            "tables": {
                "areas": [
                    {
                        "location": "Suspected hazardous areas",
                        "status": "suspected",
                        "size_m2": str(area),
                        "estimated_quantity": "",
                    }
                ],
                "released": [{"method": "cleared", "area_m2": str(released), "mines_destroyed": ""}],
            },
        }
        draft["c"]["fields"]["blanks_confirmed"] = "yes"
        draft["g"] = {
            "mode": "filled",
            "fields": {"text": "Destroyed during clearance."},
            "tables": {
                "destroyed": [{"article": "art5", "mine_type": "PMN-2", "quantity": str(rng.randint(50, 25_000))}]
            },
        }
    else:
        draft["c"] = {"mode": "not_applicable", "fields": {}, "rows": []}
        draft["g"] = {
            "mode": "filled",
            "fields": {"text": ""},
            "tables": {"destroyed": [{"article": "art4", "mine_type": "PMN-2", "quantity": "0"}]},
        }
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


def _raw_value(value) -> str:
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    return str(value)


def _filled(tables: dict[str, list[dict]], **fields) -> dict:
    return {
        "mode": "filled",
        "fields": {"text": "", "remarks": "", **fields, "blanks_confirmed": "yes"},
        "rows": [],
        "tables": {key: [{n: _raw_value(v) for n, v in row.items()} for row in rows] for key, rows in tables.items()},
    }


NOT_APPLICABLE = {"mode": "not_applicable", "fields": {}, "rows": []}


def _seed_draft(rng, state: State, year: int, *, gender: bool, ca_rows: bool, pools) -> dict:
    """A seed State's report: rows in every form that applies to it."""
    draft = _draft(rng, state, year, gender=gender, ca_rows=ca_rows, pools=pools)
    joined = min((m.entry_into_force.year for m in state.memberships.all()), default=1999)
    rows = samples.form_rows(
        rng,
        iso3=state.iso3,
        name=state.name_en,
        year=year,
        first_year=FIRST_YEAR,
        affected=state.is_affected,
        joined=joined,
        article5_deadline=state.article5_deadline,
    )
    if year != FIRST_YEAR + 1:  # the previously unknown stockpile was found in that year only
        rows["discovered"] = []
        rows["destroyed"] = [r for r in rows["destroyed"] if r["article"] != "art4_discovered"]
    lang = REPORT_LANGUAGE.get(state.iso3, "en")
    start, end = selectors.reporting_period(state, ReportingCycle(year=year))
    draft["cover"] = _filled(
        {"contacts": rows["contacts"]},
        period_from=start.isoformat(),
        period_to=end.isoformat(),
        language=lang,
        remarks=ILLUSTRATIVE_REMARK[lang],
    )
    draft["cover"]["fields"].pop("text")
    draft["cover"]["fields"].pop("blanks_confirmed")
    draft["a"] = _filled(
        {"measures": rows["measures"]}, text="Administrative instructions circulated to the armed forces."
    )
    draft["b"] = _filled({"stockpile": rows["stockpile"], "discovered": rows["discovered"]})
    if state.is_affected:
        draft["c"] = _filled(
            {"areas": rows["areas"], "released": rows["released"]},
            text="Figures from the national mine action database at 31 December.",
        )
    else:
        draft["c"] = NOT_APPLICABLE
    draft["d"] = _filled(
        {"retained": rows["retained"], "transferred": rows["transferred"], "use": rows["use"]},
        intended_purpose="Training of deminers and mine detection dogs; testing of detection equipment.",
    )
    draft["e"] = _filled({"facilities": rows["facilities"]}) if rows["facilities"] else NOT_APPLICABLE
    draft["f"] = _filled(
        {"programmes": rows["programmes"]},
        text="Land release follows the national standards; the environment is assessed before clearance.",
    )
    draft["g"] = _filled({"destroyed": rows["destroyed"]})
    draft["h"] = _filled({"types": rows["types"]})
    if state.is_affected:
        draft["i"] = _filled(
            {"warnings": rows["warnings"]}, text="Risk education in schools and through community volunteers."
        )
    else:
        draft["i"] = NOT_APPLICABLE
    j_tables = {k: rows[k] for k in ("casualties", "command_detonated", "fuses", "foreign")}
    draft["j"] = _filled(
        j_tables,
        va_disability_reached=str(rng.randint(150, 4_000)) if state.is_affected else "",
        va_text="Physical rehabilitation and psychosocial support through the national referral system."
        if state.is_affected
        else "",
        text="" if any(j_tables.values()) else "No other relevant matters in the reporting period.",
    )
    if draft["ca"]["mode"] == "filled" and state.is_affected:
        draft["ca"]["fields"]["blanks_confirmed"] = "yes"
        draft["ca"]["tables"] = _filled({"national": rows["national"], "needs": rows["needs"]})["tables"]
    if draft["gender"]["mode"] == "filled":
        draft["gender"]["fields"]["disaggregation"] = ["sex", "age"] + (["disability"] if rng.random() < 0.5 else [])
        draft["gender"]["fields"]["blanks_confirmed"] = "yes"
        draft["gender"]["tables"] = _filled({"teams": rows["teams"]})["tables"] if state.is_affected else {}
    if year > FIRST_YEAR:
        for key in UNCHANGED_LATER:
            if draft[key]["mode"] == "filled":
                draft[key] = {"mode": "no_change", "fields": {}, "rows": []}
    return draft


def _submit_on(report: Report, *, draft: dict, by, when: datetime.date, form_kwargs, source=VersionSource.ONLINE):
    if by.is_isu and source == VersionSource.ONLINE:  # no delegate on file: the State sent it by e-mail
        source = VersionSource.EMAIL
    report.draft_data = draft
    report._history_user = by
    report.save(update_fields=["draft_data"])
    content, columns, rows, table_rows = services._clean_content(report, form_kwargs)
    content["illustrative"] = True  # the public page and the PDF say the figures are illustrative
    submitted_at = timezone.make_aware(datetime.datetime.combine(when, datetime.time(10, 30)))
    document = None
    if source != VersionSource.ONLINE:
        document = ContentFile(_pdf_bytes(f"Article 7 report {report.state.iso3} {report.cycle.year}"))
        document.name = f"article7-{report.state.iso3}-{report.cycle.year}.pdf"
    return services._freeze(
        report,
        content=content,
        columns=columns,
        rows=rows,
        table_rows=table_rows,
        by=by,
        source=source,
        received_on=when,
        submitted_at=submitted_at,
        document=document,
        keyed_in_by_isu=by.is_isu,
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
            build = _seed_draft if state.iso3 in SEED_STATES else _draft
            draft = build(rng, state, year, gender=gender, ca_rows=ca_rows, pools=pools)
            if not gender:  # nothing on gender anywhere, rows included
                for ca_row in draft["ca"]["rows"]:
                    ca_row["gender_considered"] = ""
            if outcome == "draft":
                if state.iso3 == "SEN":
                    keep = ["a", "b", "c", "d", "e", "f", "ca"]
                    draft = {k: v for k, v in draft.items() if k in keep}
                    draft["ca"]["rows"] = draft["ca"]["rows"][:2]
                    draft["g"] = {"mode": "filled", "fields": {"text": "Casamance: "}, "tables": {"destroyed": []}}
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
            source = VersionSource.ONLINE
            if email and state.iso3 not in DEMO_DELEGATE_STATES:
                source = VersionSource.PAPER if delay_late % 4 == 0 else VersionSource.EMAIL
            by = isu if source != VersionSource.ONLINE else author
            _submit_on(report, draft=draft, by=by, when=when, form_kwargs=form_kwargs, source=source)
            if year == FIRST_YEAR and state.iso3 in AMENDED_2022:
                report.refresh_from_db()
                services.report_amend(report=report, by=author)
                report.refresh_from_db()
                amended = dict(report.draft_data)
                destroyed = (amended.get("g") or {}).get("tables", {}).get("destroyed") or []
                corrected = next((r for r in destroyed if r.get("article") == "art5" and r.get("quantity")), None)
                if corrected is not None:  # a corrected figure for mines destroyed in mined areas
                    corrected["quantity"] = str(int(corrected["quantity"]) + 120)
                    corrected["remarks"] = "Corrected figure."
                amended["j"] = {
                    **amended.get("j", {}),
                    "mode": "filled",
                    "fields": {
                        **(amended.get("j") or {}).get("fields", {}),
                        "text": f"{state.name_en}: corrected figures for mines destroyed.",
                    },
                }
                _submit_on(
                    report, draft=amended, by=author, when=when + datetime.timedelta(days=40), form_kwargs=form_kwargs
                )
                if state.iso3 == RECALLED_2022:
                    report.refresh_from_db()
                    services.report_amend(report=report, by=author)
                    report.refresh_from_db()
                    twice = _submit_on(
                        report,
                        draft=report.draft_data,
                        by=author,
                        when=when + datetime.timedelta(days=41),
                        form_kwargs=form_kwargs,
                    )
                    services.report_version_recall(
                        version=twice, by=isu, reason="Sent twice by mistake; version 2 stands (demo)."
                    )
    ctx.log(f"  reporting: {ReportingCycle.objects.count()} cycles, {created} new reports")
