"""Write round trips of the Fund's forms (see tests/roundtrip.py).

The workflow steps are STEP rows: each moves an application of State A one step on (as its
delegate, the ISU or the committee), and the same step again is refused.
"""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from fund.models import Application, Contribution, TermsOfReference
from states.models import Organisation
from tests.roundtrip import CREATE, STEP, UPLOAD, Write

from .factories import TermsFactory, application_at


def _at(status: str):
    def setup(cast):
        if not TermsOfReference.objects.exists():
            TermsFactory(version="2023", in_force_from=datetime.date(2023, 1, 1))
        application = application_at(status, cast.state_a, delegate=cast.delegate_a)
        return {"kwargs": {"pk": application.pk}, "obj": application}

    return setup


def _last_note(application: Application) -> str:
    return application.events.order_by("-at", "-pk").first().note


def _pdf(name: str = "final-report.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n% final report\n", content_type="application/pdf")


def _application_data(cast, ctx):
    return {
        "title": "South-South exchange on victim assistance",
        "purpose": "other",
        "purpose_other": "Peer support between national authorities",
        "activities": "Two study visits; half of the participants are women.",
        "requested_amount": "1500.00",
        "currency": "USD",
        "start_date": "2024-02-01",
        "end_date": "2024-06-30",
        "timeline": "February: first visit\nMay: second visit",
        "partners": "ICBL-CMC",
        "budget-TOTAL_FORMS": "2",
        # as the page renders it: one initial form per stored line
        "budget-INITIAL_FORMS": str(ctx["obj"].budget_lines.count() if "obj" in ctx else 0),
        "budget-MIN_NUM_FORMS": "1",
        "budget-MAX_NUM_FORMS": "1000",
        "budget-0-description": "Travel",
        "budget-0-amount": "1000.00",
        "budget-1-description": "Interpretation",
        "budget-1-amount": "500.00",
    }


def _budget(application: Application) -> dict:
    lines = list(application.budget_lines.values_list("description", "amount"))
    assert lines == [("Travel", Decimal("1000.00")), ("Interpretation", Decimal("500.00"))], lines
    return {}


def _contribution_data(cast, ctx):
    return {
        "contributor_state": "",
        "contributor_organisation": Organisation.objects.get_or_create(name="A foundation")[0].pk,
        "amount": "25000.00",
        "currency": "CHF",
        "received_on": "2023-03-15",
        "earmarking": "South-South cooperation",
        "note": "Pledged at the intersessional meetings",
    }


ROWS = [
    Write(
        "fund:contribution_add",
        "isu",
        lambda cast: {},
        _contribution_data,
        kind=CREATE,
        created=lambda cast, ctx: Contribution.objects.latest("pk"),
        unchanged=("contributor_state",),  # either a State or an organisation: the row gives an organisation
    ),
    Write(
        "fund:terms_add",
        "isu",
        lambda cast: {},
        lambda cast, ctx: {
            "version": "2024",
            "title": "Terms of reference of the Fund (2024)",
            "in_force_from": "2024-01-01",
            "summary": "The Fund supports South-South cooperation.",
            "file": _pdf("terms.pdf"),
        },
        kind=CREATE,
        created=lambda cast, ctx: TermsOfReference.objects.latest("pk"),
    ),
    Write(
        "fund:application_add",
        "delegate_a",
        lambda cast: {},
        _application_data,
        kind=CREATE,
        created=lambda cast, ctx: Application.objects.latest("pk"),
        stored=_budget,
    ),
    Write("fund:application_edit", "delegate_a", _at("draft"), _application_data, stored=_budget),
    Write(
        "fund:application_submit",
        "delegate_a",
        _at("draft"),
        lambda cast, ctx: {},
        kind=STEP,
        records=lambda app: app.history.filter(status="submitted"),
    ),
    Write(
        "fund:application_screen",
        "isu",
        _at("submitted"),
        lambda cast, ctx: {"eligible": "yes", "note": "Meets every criterion of the terms of reference."},
        kind=STEP,
        stored=lambda app: {"eligible": app.status == "screened", "note": app.eligibility_note},
    ),
    Write(
        "fund:application_gender_review",
        "chair",
        _at("screened"),
        lambda cast, ctx: {"assessment": "Women deminers take part; survivors' needs are considered."},
        kind=STEP,
        stored=lambda app: {"assessment": app.gender_assessment},
    ),
    Write(
        "fund:application_decide",
        "chair",
        lambda cast: {**_at("gender_reviewed")(cast), "money": _fund()},
        lambda cast, ctx: {
            "decision": "approve",
            "reasons": "A sound plan.",
            "approved_amount": "900.00",
            "final_report_due": "2024-03-31",
        },
        kind=STEP,
        stored=lambda app: {
            "decision": "approve" if app.status == "approved" else app.status,
            "reasons": app.decision_reasons,
        },
    ),
    Write(
        "fund:disbursement_add",
        "isu",
        _at("approved"),
        lambda cast, ctx: {"amount": "1000.00", "paid_on": "2023-10-02", "reference": "PAY-2023-7"},
        kind=STEP,
        stored=lambda app: {
            name: getattr(app.disbursements.latest("pk"), name) for name in ("amount", "paid_on", "reference")
        },
    ),
    Write(
        "fund:final_report_upload",
        "delegate_a",
        _at("disbursed"),
        lambda cast, ctx: {"file": _pdf()},
        kind=UPLOAD,
        stored=lambda app: {"file": app.final_report},
    ),
    Write(
        "fund:final_report_receive",
        "isu",
        _at("disbursed"),
        lambda cast, ctx: {"file": _pdf(), "note": "Received by e-mail on 5 March."},
        kind=STEP,
        stored=lambda app: {"file": app.final_report, "note": _last_note(app)},
    ),
    Write(
        "fund:application_close",
        "isu",
        _at("report_received"),
        lambda cast, ctx: {"note": "All activities done."},
        kind=STEP,
        stored=lambda app: {"note": _last_note(app)},
    ),
]


def _fund():
    from .factories import fund

    return fund("5000.00")
