"""Every reporting URL × every role. Reports belong to State A, so State B's delegate gets 404."""

import datetime

from django.core.files.base import ContentFile

from reporting import services
from reporting.models import Report
from reporting.tests.factories import CycleFactory, complete_draft, submitted_report
from states.models import Membership
from tests.matrix import LOGIN, Row, committee_only, everyone, isu_only, own_state, own_state_write, public

YEAR = 2022


def _state(cast):
    return {"iso3": cast.state_a.iso3}


def _cycle(cast):
    CycleFactory(year=YEAR)
    return {"year": YEAR}


def _no_report(cast):
    CycleFactory(year=YEAR)
    return {"iso3": cast.state_a.iso3, "year": YEAR}


def _draft(cast, *, complete: bool = False):
    cycle = CycleFactory(year=YEAR)
    report, _created = Report.objects.get_or_create(state=cast.state_a, cycle=cycle)
    if complete:
        report.draft_data = complete_draft()
        report.save()
    return {"iso3": cast.state_a.iso3, "year": YEAR}


def _complete_draft(cast):
    return _draft(cast, complete=True)


def _submitted(cast):
    """State A's report, received by e-mail and keyed in by the ISU, with the document received."""
    submitted_report(
        cast.state_a,
        CycleFactory(year=YEAR),
        by=cast.isu,
        channel="email",
        received_on=datetime.date(2023, 4, 20),
        document=ContentFile(b"%PDF-1.4 test", name="report.pdf"),
    )
    return {"iso3": cast.state_a.iso3, "year": YEAR}


def _unopened(cast):
    """A year whose cycle nobody opened: starting a report there answers 404 (the cycle is not created)."""
    return {"iso3": cast.state_a.iso3, "year": 2031}


def _not_owed(cast):
    """An open cycle State A does not owe (its withdrawal took effect before the year)."""
    CycleFactory(year=YEAR)
    Membership.objects.filter(state=cast.state_a).update(withdrawal_effective=datetime.date(YEAR - 1, 6, 1))
    return {"iso3": cast.state_a.iso3, "year": YEAR}


def _version(cast):
    return _submitted(cast) | {"number": 1}


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS"
    b"\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00"
    b"\x00IEND\xaeB`\x82"
)


def _two_versions(cast):
    kwargs = _submitted(cast)
    report = Report.objects.get(state=cast.state_a, cycle__year=YEAR)
    services.report_amend(report=report, by=cast.isu)
    report.refresh_from_db()
    draft = dict(report.draft_data)
    draft["a"] = {"mode": "filled", "fields": {"text": "Amended measures."}, "rows": []}
    services.report_save_draft(report=report, data=draft, by=cast.isu, expected_version_token=report.version_token)
    services.report_submit(report=report, by=cast.isu)
    return kwargs


def photo_of(report, by) -> int:
    attachment = services.report_attachment_add(report=report, upload=ContentFile(PNG, name="pmn2.png"), by=by)
    return attachment.pk


def _draft_photo(cast):
    _draft(cast)
    report = Report.objects.get(state=cast.state_a, cycle__year=YEAR)
    return {"iso3": cast.state_a.iso3, "pk": photo_of(report, cast.delegate_a)}


def _published_photo(cast):
    cycle = CycleFactory(year=YEAR)
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    pk = photo_of(report, cast.delegate_a)
    draft = complete_draft()
    draft["h"] = {
        "mode": "filled",
        "fields": {"text": ""},
        "tables": {
            "types": [
                {
                    "designation": "PMN-2",
                    "dimensions": "121 x 54 mm",
                    "fusing": "pressure",
                    "explosive_type": "TG-40",
                    "explosive_g": "100",
                    "metallic_content": "striker",
                    "photo": str(pk),
                }
            ]
        },
    }
    report = services.report_save_draft(report=report, data=draft, by=cast.delegate_a, expected_version_token=1).obj
    services.report_submit(report=report, by=cast.delegate_a)
    return {"iso3": cast.state_a.iso3, "pk": pk}


def _report_kwargs(kwargs: dict) -> dict:
    return {"iso3": kwargs["iso3"], "year": kwargs["year"]}


def _recalled(cast):
    """Version 2 of State A's report, recalled by the ISU (version 1 is current again)."""
    kwargs = _submitted(cast)
    report = Report.objects.get(state=cast.state_a, cycle__year=YEAR)
    services.report_amend(report=report, by=cast.delegate_a)
    version = services.report_submit(report=report, by=cast.delegate_a)
    services.report_version_recall(version=version, by=cast.isu, reason="Sent by mistake")
    return kwargs | {"number": 2}


ROWS = [
    Row("reporting:public_list", public()),
    Row("reporting:public_list", public(), query="?year=2022"),
    Row("reporting:mine", {**everyone(302), "anon": LOGIN}),
    Row("reporting:inbox", committee_only()),
    Row("reporting:inbox", committee_only(), query="?year=2022&status=late&region=africa&profile=affected"),
    Row("reporting:ca_without_gender", committee_only()),
    Row("reporting:compliance_csv", committee_only(), query="?year=2022"),
    Row("reporting:cycle_list", isu_only()),
    Row("reporting:cycle_list", isu_only(302), query="?post", method="post", data={"year": "2024", "note": "x"}),
    Row("reporting:cycle_settings", isu_only(), kwargs=_cycle),
    Row(
        "reporting:cycle_settings",
        isu_only(302),
        kwargs=_cycle,
        query="?post",
        method="post",
        data={"cycle-deadline": "2023-05-15", "cycle-note": "Moved"},
    ),
    Row("reporting:state_reports", own_state(), kwargs=_state),
    Row("reporting:public", public(), kwargs=_submitted),
    Row("reporting:public", everyone(404), kwargs=_draft, query="?draft"),
    Row("reporting:overview", own_state(), kwargs=_draft),
    Row("reporting:overview", own_state(), kwargs=_submitted, query="?submitted"),
    Row("reporting:overview", own_state(), kwargs=_no_report, query="?none"),
    Row("reporting:start", own_state_write(302), kwargs=_no_report, method="post", data={"prefill": "no"}),
    Row("reporting:start", own_state_write(404), kwargs=_unopened, query="?unopened", method="post"),
    Row("reporting:start", own_state_write(404), kwargs=_not_owed, query="?not-owed", method="post"),
    # State A's read-only user reads the editor and the check (no buttons, fields disabled), and writes nothing.
    Row("reporting:edit", own_state_write(reader_a=200), kwargs=_draft, query="?section=ca"),
    Row(
        "reporting:edit",
        own_state_write(302),
        kwargs=_draft,
        query="?post",
        method="post",
        data={"section": "a", "token": "1", "mode": "filled", "text": "Measures"},
    ),
    Row("reporting:submit", own_state_write(reader_a=200), kwargs=_draft),
    Row(
        "reporting:submit",
        own_state_write(302),
        kwargs=_complete_draft,
        query="?post",
        method="post",
        data={"channel": "email", "received_on": "2023-04-20"},  # the ISU says how and when; a delegate does not
    ),
    Row("reporting:amend", own_state_write(302), kwargs=_submitted, method="post"),
    Row("reporting:amend_discard", own_state_write(302), kwargs=_submitted, method="post"),
    Row("reporting:versions", public(), kwargs=_submitted),
    Row("reporting:versions_pdf", public(), kwargs=_two_versions),
    Row("reporting:versions_pdf", everyone(404), kwargs=_submitted, query="?one-version"),
    Row("reporting:photo", public(), kwargs=_published_photo),
    Row("reporting:photo", own_state(anon=404), kwargs=_draft_photo, query="?draft"),
    Row("reporting:versions", public(), kwargs=lambda cast: _report_kwargs(_recalled(cast)), query="?recalled"),
    Row("reporting:version", public(), kwargs=_version),
    # A recalled version is not public: the committee and State A's own users see it, marked.
    Row("reporting:version", everyone(200, anon=404, delegate_b=404), kwargs=_recalled, query="?recalled"),
    Row("reporting:print", public(), kwargs=_version),
    Row("reporting:print", everyone(404), kwargs=_recalled, query="?recalled"),
    Row("reporting:pdf", public(), kwargs=_version),
    Row("reporting:pdf", everyone(404), kwargs=_recalled, query="?recalled"),
    Row("reporting:document", public(), kwargs=_version),
    # Recall and reinstate: ISU staff only, POST only (confirmed on the versions page).
    Row("reporting:recall", everyone(405, anon=LOGIN), kwargs=_version),
    Row("reporting:recall", isu_only(302), kwargs=_version, query="?post", method="post", data={"reason": "Twice"}),
    Row("reporting:reinstate", everyone(405, anon=LOGIN), kwargs=_recalled),
    Row("reporting:reinstate", isu_only(302), kwargs=_recalled, query="?post", method="post"),
    # The ISU's internal remarks: written and read by the ISU here (the committee reads them on the overview).
    Row("reporting:section_remarks", isu_only(), kwargs=lambda cast: _draft(cast) | {"section": "c"}),
    Row(
        "reporting:section_remarks",
        isu_only(302),
        kwargs=lambda cast: _draft(cast) | {"section": "c"},
        query="?post",
        method="post",
        data={"isu_remarks": "Ask about the figures"},
    ),
    Row("reporting:section_remarks", isu_only(404), kwargs=lambda cast: _draft(cast) | {"section": "zz"}, query="?bad"),
    Row("report-list", public(), query="?year=2022"),
    Row("report-document-detail", public(), kwargs=_submitted),
    Row(
        "report-document-detail",
        everyone(404),
        kwargs=_complete_draft,
    ),
]
