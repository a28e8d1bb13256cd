"""Write round trips of the reporting forms (see tests/roundtrip.py), the Article 7 section editor
with its cooperation and assistance rows included."""

from django.core.files.uploadedfile import SimpleUploadedFile

from committee.models import Committee
from reporting import services
from reporting.models import DeadlineExtension, Report, ReportingCycle, SectionReview
from reporting.sections import SECTION_BY_KEY, SECTIONS
from reporting.tables import TABLES
from tests.roundtrip import CREATE, STEP, Write

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
        "remarks": "Figures from the national authority.",
        "blanks_confirmed": "on",
        **_table_data("ca"),
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
    _tables_stored(report, "ca")
    return {"blanks_confirmed": True}


def _value(field, name: str) -> str:
    """A value for a row column, different from anything complete_draft() holds."""
    from django.db import models

    if name == "currency":
        return "CHF"
    if field.choices:
        return str(field.choices[-1][0])
    if isinstance(field, models.BooleanField):
        return "on"
    if isinstance(field, models.EmailField):
        return "changed@example.org"
    if isinstance(field, models.DateField):
        return "2022-03-01"
    if name == "year" or name.endswith("_year"):
        return "2021"
    if isinstance(field, models.DecimalField):
        return "7.5"
    if isinstance(field, models.IntegerField):
        return "7"
    return f"Changed {name}"


def _row_values(table) -> dict:
    return {name: _value(table.model_field(name), name) for name in table.columns}


def _table_data(key: str) -> dict:
    data = {}
    for table in TABLES.get(key, ()):
        data[f"{table.key}-TOTAL_FORMS"] = "1"
        data[f"{table.key}-INITIAL_FORMS"] = "0"
        data.update({f"{table.key}-0-{name}": value for name, value in _row_values(table).items()})
    return data


def _tables_stored(report: Report, key: str) -> None:
    for table in TABLES.get(key, ()):
        expected = {n: ("yes" if v == "on" else v) for n, v in _row_values(table).items()}
        expected |= {n: "" for n in table.attachments}  # no file chosen (test_display uploads one)
        assert report.draft_data[key]["tables"][table.key] == [expected], (table.key, report.draft_data[key])


def _section_fields(key: str) -> dict:
    """Every field of a section's form with a changed value."""
    from django import forms as django_forms

    values = {}
    before = (complete_draft().get(key) or {}).get("fields") or {}
    for name, field in SECTION_BY_KEY[key].form_class.base_fields.items():
        if isinstance(field, django_forms.BooleanField):
            values[name] = "on"
        elif isinstance(field, django_forms.DateField):
            values[name] = "2022-02-01" if name.endswith("from") else "2022-11-30"
        elif isinstance(field, django_forms.MultipleChoiceField):
            values[name] = [str(field.choices[-1][0])]
        elif isinstance(field, django_forms.ChoiceField):
            values[name] = [str(c[0]) for c in field.choices if c[0] and str(c[0]) != before.get(name)][-1]
        elif hasattr(field, "is_integer"):
            values[name] = "9"
        else:
            values[name] = f"Changed {name}"
    return values


def _section_write(key: str) -> Write:
    def data(cast, ctx):
        report = Report.objects.get(pk=ctx["obj"].pk)
        post = {"section": key, "token": str(report.version_token), "mode": "filled"}
        return post | _section_fields(key) | _table_data(key)

    def stored(report: Report) -> dict:
        _tables_stored(report, key)
        fields = report.draft_data[key]["fields"]
        return {n: _typed(key, n, fields[n]) for n in fields}

    return Write("reporting:edit", "delegate_a", _draft, data, query=f"?section={key}", stored=stored)


def _typed(key: str, name: str, raw):
    """The draft's raw value as the form would show it back (read through the form's own field)."""
    field = SECTION_BY_KEY[key].form_class.base_fields[name]
    if name == "blanks_confirmed":
        return raw == "yes"
    try:
        return field.clean(raw)
    except Exception:  # noqa: BLE001 - a value the field refuses is compared as typed
        return raw


def _submitted_version(cast):
    report = _draft(cast)["obj"]
    version = services.report_submit(report=report, by=cast.delegate_a)
    kwargs = {"iso3": cast.state_a.iso3, "year": YEAR}
    return {"kwargs": kwargs | {"number": version.number}, "page_kwargs": kwargs, "obj": version}


def _review(cast):
    report = _draft(cast)["obj"]
    review = SectionReview.objects.create(report=report, section_key="c", isu_remarks="Check the area figures.")
    return {"kwargs": {"iso3": cast.state_a.iso3, "year": YEAR, "section": "c"}, "obj": review}


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
    *[_section_write(s.key) for s in SECTIONS if s.key != "ca"],
    # ISU staff submit a report received by e-mail or on paper, keyed in on behalf of the State.
    Write(
        "reporting:submit",
        "isu",
        _draft,
        lambda cast, ctx: {
            "channel": "paper",
            "received_on": "2023-04-20",
            "document": SimpleUploadedFile("report.pdf", b"%PDF-1.4\n% report\n", content_type="application/pdf"),
        },
        kind=STEP,
        form_key="received_form",
        stored=lambda report: {
            "channel": report.current_version.source,
            "received_on": report.current_version.received_on,
            "document": report.current_version.document,
        },
    ),
    Write(
        "reporting:recall",
        "isu",
        _submitted_version,
        lambda cast, ctx: {"reason": "Sent twice by mistake"},
        form_key="recall_form",
        page="reporting:versions",
        stored=lambda version: {"reason": version.recall_reason},
        records=lambda version: version.report.history.all(),  # a version keeps no history: the report's
        shows_values=False,  # the versions page shows the reason next to the version, not in a form
    ),
    Write(
        "reporting:section_remarks",
        "isu",
        _review,
        lambda cast, ctx: {"isu_remarks": "Ask for the survey reports behind the area figures."},
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
    "reporting:versions": "chooses the two versions to compare (its recall form has the reporting:recall row)",
}
