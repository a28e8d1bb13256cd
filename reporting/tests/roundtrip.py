"""Write round trips of the reporting forms (see tests/roundtrip.py), the Article 7 section editor
with its cooperation and assistance rows included."""

from django.core.files.uploadedfile import SimpleUploadedFile

from committee.models import Committee
from reporting.models import DeadlineExtension, Report, ReportingCycle, ReportVersion
from tests.roundtrip import CREATE, Write

from .factories import CycleFactory, ca_row, complete_draft

YEAR = 2022


def _no_report(cast):
    CycleFactory(year=YEAR)
    return {"kwargs": {"iso3": cast.state_a.iso3, "year": YEAR}}


def _draft(cast):
    cycle = CycleFactory(year=YEAR)
    report = Report.objects.create(state=cast.state_a, cycle=cycle, draft_data=complete_draft())
    return {"kwargs": {"iso3": cast.state_a.iso3, "year": YEAR}, "obj": report}


NEW_ROW = ca_row(
    direction="provided",
    partner="other_org",
    partner_name="Peer authority",
    amount="5000.00",
    currency="USD",
    purpose="victim_assistance",
    channel="bilateral",
    gender_considered="no",
    description="Study visit",
)


def _ca_data(cast, ctx):
    report = Report.objects.get(pk=ctx["obj"].pk)
    data = {
        "section": "ca",
        "token": str(report.version_token),  # as the page renders it
        "mode": "filled",
        "platform_exists": "no",
        "platform_meetings": "4",
        "resource_mobilisation_plan": "yes",
        "resource_mobilisation_text": "A plan adopted in 2022.",
        "unmet_needs": "Victim assistance services in rural areas.",
        "rows-TOTAL_FORMS": "1",
        "rows-INITIAL_FORMS": "0",
        "rows-MIN_NUM_FORMS": "0",
        "rows-MAX_NUM_FORMS": "1000",
    }
    data.update({f"rows-0-{name}": value for name, value in NEW_ROW.items()})
    return data


def _ca_rows(report: Report) -> dict:
    rows = report.draft_data["ca"]["rows"]
    assert rows == [NEW_ROW], rows
    return {}


def _cycle(cast):
    cycle = CycleFactory(year=YEAR, note="")
    return {"kwargs": {"year": YEAR}, "obj": cycle}


ROWS = [
    Write(
        "reporting:start",
        "delegate_a",
        _no_report,
        lambda cast, ctx: {"prefill": "no"},
        kind=CREATE,
        page="reporting:overview",
        pages=("reporting:state_reports",),
        form_key="start_form",
        created=lambda cast, ctx: Report.objects.get(state=cast.state_a, cycle__year=YEAR),
        stored=lambda report: {"prefill": report.prefilled_from_id is not None},
    ),
    Write("reporting:edit", "delegate_a", _draft, _ca_data, query="?section=ca", stored=_ca_rows),
    Write(
        "reporting:record_received",
        "isu",
        lambda cast: {"cycle": CycleFactory(year=YEAR)},  # only into an open cycle
        lambda cast, ctx: {
            "state": cast.state_a.pk,
            "year": str(YEAR),
            "received_on": "2023-04-20",
            "document": SimpleUploadedFile("report.pdf", b"%PDF-1.4\n% report\n", content_type="application/pdf"),
            "area_contaminated_m2": "1250000.50",
            "area_released_m2": "300000",
            "mines_destroyed": "45",
            "mines_retained": "120",
            "mines_stockpiled": "0",
        },
        kind=CREATE,
        created=lambda cast, ctx: ReportVersion.objects.latest("pk"),
        stored=lambda version: {
            "state": version.report.state,
            "year": version.report.cycle.year,
            "received_on": version.received_on,
        },
        records=lambda version: version.report.history.all(),  # a version is immutable: the report's history
    ),
    Write(
        "reporting:cycle_settings",
        "isu",
        _cycle,
        lambda cast, ctx: {
            "cycle-deadline": "2023-05-31",
            "cycle-note": "Extended for every State",
            "cycle-online_tool_promoted_by": Committee.objects.get_or_create(
                slug="cooperation-assistance", defaults={"name_en": "C&A"}
            )[0].pk,
        },
        form_key="deadline_form",
    ),
    Write(
        "reporting:cycle_settings",
        "isu",
        _cycle,
        lambda cast, ctx: {
            "ext-state": cast.state_a.pk,
            "ext-new_deadline": "2023-06-30",
            "ext-reason": "Elections in April",
        },
        kind=CREATE,
        form_key="extension_form",
        created=lambda cast, ctx: DeadlineExtension.objects.get(state=cast.state_a, cycle__year=YEAR),
        stored=lambda extension: {"state": extension.state},
    ),
    Write(
        "reporting:cycle_list",
        "isu",
        lambda cast: {},
        lambda cast, ctx: {"year": "2031", "deadline": "2032-05-31", "note": "Opened early for the demo"},
        kind=CREATE,
        created=lambda cast, ctx: ReportingCycle.objects.get(year=2031),
    ),
]

# Forms that only filter or choose what a page shows (GET): they write nothing.
NOT_WRITES = {
    "reporting:inbox": "filters the inbox (year, status, region, profile)",
    "reporting:versions": "chooses the two versions to compare",
}
