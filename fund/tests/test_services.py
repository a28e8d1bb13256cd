"""The application workflow: every step in order, by the service, and every refusal."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from accounts.models import Role
from accounts.tests.factories import UserFactory
from fund import services
from fund.models import Status, Step
from fund.tests.factories import TermsFactory, application_at, draft, fund

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms():
    return TermsFactory(version="2023", in_force_from=datetime.date(2023, 1, 1))


@pytest.fixture
def isu():
    return UserFactory(role=Role.ISU)


@pytest.fixture
def chair():
    return UserFactory(role=Role.CHAIR)


def _message(exc) -> str:
    return " ".join(exc.value.messages)


# --- budget --------------------------------------------------------------------------------------


def test_budget_lines_that_add_up_exactly_are_accepted():
    lines = [("A", Decimal("333.33")), ("B", Decimal("333.33")), ("C", Decimal("333.34"))]
    app = draft(lines=lines, requested_amount=Decimal("1000.00"))
    assert [b.amount for b in app.budget_lines.all()] == [Decimal("333.33"), Decimal("333.33"), Decimal("333.34")]


def test_budget_lines_one_cent_short_are_refused_with_the_difference():
    with pytest.raises(ValidationError) as exc:
        draft(lines=[("A", Decimal("500.00")), ("B", Decimal("499.99"))], requested_amount=Decimal("1000.00"))
    message = " ".join(exc.value.message_dict["budget"])
    assert "€999.99" in message and "€1,000.00" in message and "€0.01" in message


def test_budget_without_lines_is_refused():
    with pytest.raises(ValidationError) as exc:
        services.check_budget(requested_amount=Decimal("10"), currency="EUR", lines=[])
    assert "budget" in exc.value.message_dict


def test_submit_rechecks_the_budget(terms):
    app = draft()
    app.budget_lines.update(amount=Decimal("1.00"))
    with pytest.raises(ValidationError):
        services.application_submit(application=app, by=None)
    app.refresh_from_db()
    assert app.status == Status.DRAFT


# --- each step, in order -------------------------------------------------------------------------


def test_draft_gets_a_reference_and_a_created_step():
    app = draft()
    assert app.reference.startswith(f"CAF-{datetime.date.today().year}-{app.state.iso3}-")
    assert list(app.events.values_list("step", flat=True)) == [Step.CREATED]


def test_submission_records_the_terms_of_reference_in_force_that_day():
    TermsFactory(version="2020", in_force_from=datetime.date(2020, 1, 1))
    TermsFactory(version="2023", in_force_from=datetime.date(2023, 3, 1))
    early, late = draft(), draft()
    with time_machine.travel(datetime.datetime(2023, 2, 28, 12, tzinfo=datetime.UTC)):
        services.application_submit(application=early, by=None)
    with time_machine.travel(datetime.datetime(2023, 3, 2, 12, tzinfo=datetime.UTC)):
        services.application_submit(application=late, by=None)
    early.refresh_from_db()
    late.refresh_from_db()
    assert early.terms.version == "2020"
    assert late.terms.version == "2023"


def test_submission_without_terms_of_reference_is_refused():
    app = draft()
    with pytest.raises(ValidationError) as exc:
        services.application_submit(application=app, by=None)
    assert "terms of reference" in _message(exc)


def test_every_step_is_logged_with_who_when_and_note(terms, isu, chair):
    delegate = UserFactory(role=Role.DELEGATE)
    app = draft(delegate.state, by=delegate)
    fund("1000.00")
    with time_machine.travel(datetime.datetime(2023, 7, 28, 9, tzinfo=datetime.UTC), tick=False):
        app = services.application_submit(application=app, by=delegate)
    app = services.application_screen(application=app, by=isu, eligible=True, note="Meets the criteria.")
    assert app.status == Status.SCREENED
    app = services.application_gender_review(application=app, by=chair, assessment="Considers women and girls.")
    assert app.status == Status.GENDER_REVIEWED
    app = services.application_decide(
        application=app, by=chair, decision="approve", reasons="Good.", approved_amount=Decimal("900.00")
    )
    assert (app.status, app.approved_amount) == (Status.APPROVED, Decimal("900.00"))
    assert app.final_report_due == app.end_date + datetime.timedelta(days=90)
    services.disbursement_record(application=app, by=isu, amount=Decimal("500.00"), paid_on=datetime.date(2023, 9, 1))
    services.disbursement_record(application=app, by=isu, amount=Decimal("400.00"), paid_on=datetime.date(2023, 11, 1))
    app.refresh_from_db()
    assert app.status == Status.DISBURSED
    app = services.application_final_report_upload(
        application=app, by=delegate, file=ContentFile(b"%PDF-1.4", name="report.pdf")
    )
    app = services.application_final_report_receive(application=app, by=isu, note="Thank you.")
    assert app.status == Status.REPORT_RECEIVED
    app = services.application_close(application=app, by=isu)
    assert app.status == Status.CLOSED

    events = list(app.events.order_by("pk"))
    assert [e.step for e in events] == [
        Step.CREATED,
        Step.SUBMITTED,
        Step.SCREENED_ELIGIBLE,
        Step.GENDER_REVIEWED,
        Step.APPROVED,
        Step.DISBURSED,
        Step.DISBURSED,
        Step.FINAL_REPORT_UPLOADED,
        Step.FINAL_REPORT_RECEIVED,
        Step.CLOSED,
    ]
    assert events[1].by == delegate and events[1].at == datetime.datetime(2023, 7, 28, 9, tzinfo=datetime.UTC)
    assert (events[1].from_status, events[1].to_status) == (Status.DRAFT, Status.SUBMITTED)
    assert events[2].by == isu and events[2].note == "Meets the criteria."
    assert events[3].by == chair and events[3].note == "Considers women and girls."
    assert "€900.00" in events[4].note


def test_not_eligible_rejects_the_application(terms, isu):
    app = application_at("submitted")
    app = services.application_screen(application=app, by=isu, eligible=False, note="Outside the purpose.")
    assert app.status == Status.REJECTED
    assert app.events.last().step == Step.SCREENED_INELIGIBLE


def test_committee_can_reject_with_reasons(chair):
    app = application_at("gender_reviewed")
    app = services.application_decide(application=app, by=chair, decision="reject", reasons="No link to the mandate.")
    assert app.status == Status.REJECTED
    assert app.decision_reasons == "No link to the mandate."


def test_revision_sends_it_back_and_resubmission_starts_the_review_again(chair):
    app = application_at("gender_reviewed")
    app = services.application_decide(application=app, by=chair, decision="revise", reasons="Detail the budget.")
    assert app.status == Status.REVISION_REQUESTED
    app = services.application_update(
        application=app,
        by=None,
        budget_lines=[("Travel", Decimal("600.00")), ("Venue", Decimal("400.00"))],
        title="Revised",
        requested_amount=Decimal("1000.00"),
        currency="EUR",
    ).obj
    app = services.application_submit(application=app, by=None)
    assert app.status == Status.SUBMITTED
    assert app.gender_assessment == "" and app.eligibility_note == ""
    with pytest.raises(ValidationError):
        services.application_decide(application=app, by=chair, decision="approve", reasons="x")


# --- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "call"),
    [
        ("draft", lambda a: services.application_screen(application=a, by=None, eligible=True, note="x")),
        ("draft", lambda a: services.application_gender_review(application=a, by=None, assessment="x")),
        ("submitted", lambda a: services.application_gender_review(application=a, by=None, assessment="x")),
        ("submitted", lambda a: services.application_submit(application=a, by=None)),
        ("screened", lambda a: services.application_screen(application=a, by=None, eligible=True, note="x")),
        ("approved", lambda a: services.application_decide(application=a, by=None, decision="approve", reasons="x")),
        (
            "gender_reviewed",
            lambda a: services.disbursement_record(
                application=a, by=None, amount=Decimal("1"), paid_on=datetime.date(2023, 1, 1)
            ),
        ),
        (
            "submitted",
            lambda a: services.application_final_report_upload(
                application=a, by=None, file=ContentFile(b"%PDF-1.4 x", name="r.pdf")
            ),
        ),
        ("screened", lambda a: services.application_final_report_receive(application=a, by=None)),
        ("disbursed", lambda a: services.application_close(application=a, by=None)),
        (
            "closed",
            lambda a: services.disbursement_record(
                application=a, by=None, amount=Decimal("1"), paid_on=datetime.date(2023, 1, 1)
            ),
        ),
        (
            "submitted",
            lambda a: services.application_update(
                application=a,
                by=None,
                budget_lines=[("x", Decimal("1000.00"))],
                requested_amount=Decimal("1000.00"),
                currency="EUR",
            ),
        ),
    ],
)
def test_a_step_out_of_order_is_refused_with_a_message_and_changes_nothing(status, call):
    app = application_at(status)
    events_before = app.events.count()
    with pytest.raises(ValidationError) as exc:
        call(app)
    assert "is not possible now" in _message(exc) and "Next step:" in _message(exc)
    app.refresh_from_db()
    assert app.status == status
    assert app.events.count() == events_before


def test_the_decision_cannot_be_taken_before_the_gender_review():
    app = application_at("screened")
    with pytest.raises(ValidationError) as exc:
        services.application_decide(application=app, by=None, decision="approve", reasons="Good.")
    assert _message(exc) == "The committee cannot decide before the gender-perspective review has been recorded."


def test_gender_review_requires_an_assessment():
    app = application_at("screened")
    with pytest.raises(ValidationError) as exc:
        services.application_gender_review(application=app, by=None, assessment="   ")
    assert "assessment" in exc.value.message_dict


def test_decision_requires_reasons():
    app = application_at("gender_reviewed")
    with pytest.raises(ValidationError) as exc:
        services.application_decide(application=app, by=None, decision="reject", reasons="")
    assert "reasons" in exc.value.message_dict


def test_approval_above_the_available_balance_is_refused():
    fund("999.99")
    app = application_at("gender_reviewed", amount="1000.00")
    with pytest.raises(ValidationError) as exc:
        services.application_decide(application=app, by=None, decision="approve", reasons="Good.")
    assert "€999.99" in " ".join(exc.value.message_dict["approved_amount"])
    app.refresh_from_db()
    assert app.status == Status.GENDER_REVIEWED


def test_approval_counts_what_other_approvals_already_reserved():
    fund("1500.00")
    first = application_at("gender_reviewed", amount="1000.00")
    second = application_at("gender_reviewed", amount="1000.00")
    services.application_decide(application=first, by=None, decision="approve", reasons="Good.")
    with pytest.raises(ValidationError) as exc:
        services.application_decide(application=second, by=None, decision="approve", reasons="Good.")
    assert "€500.00" in " ".join(exc.value.message_dict["approved_amount"])


def test_approval_above_the_request_is_refused():
    fund("5000.00")
    app = application_at("gender_reviewed", amount="1000.00")
    with pytest.raises(ValidationError) as exc:
        services.application_decide(
            application=app, by=None, decision="approve", reasons="x", approved_amount=Decimal("1000.01")
        )
    assert "approved_amount" in exc.value.message_dict


def test_approval_in_a_currency_the_fund_does_not_hold_is_refused():
    fund("5000.00", "EUR")
    app = application_at("gender_reviewed", amount="100.00", currency="USD")
    with pytest.raises(ValidationError) as exc:
        services.application_decide(application=app, by=None, decision="approve", reasons="x")
    assert "$0.00" in " ".join(exc.value.message_dict["approved_amount"])


def test_disbursement_above_what_remains_of_the_approval_is_refused():
    app = application_at("approved", amount="1000.00")
    fund("5000.00")
    services.disbursement_record(application=app, by=None, amount=Decimal("600.00"), paid_on=datetime.date(2023, 1, 1))
    with pytest.raises(ValidationError) as exc:
        services.disbursement_record(
            application=app, by=None, amount=Decimal("400.01"), paid_on=datetime.date(2023, 1, 2)
        )
    assert "€400.00" in " ".join(exc.value.message_dict["amount"])
    assert app.disbursements.count() == 1


def test_disbursement_above_the_balance_held_is_refused():
    from fund.models import Contribution

    app = application_at("approved", amount="1000.00")
    # Money taken out behind the ledger's back (e.g. a contribution corrected in the database).
    Contribution.objects.filter(currency="EUR").update(amount=Decimal("300.00"))
    with pytest.raises(ValidationError) as exc:
        services.disbursement_record(
            application=app, by=None, amount=Decimal("300.01"), paid_on=datetime.date(2023, 1, 1)
        )
    assert "The Fund holds only €300.00" in " ".join(exc.value.message_dict["amount"])
    assert app.disbursements.count() == 0


def test_final_report_receipt_needs_the_report():
    app = application_at("disbursed")
    with pytest.raises(ValidationError) as exc:
        services.application_final_report_receive(application=app, by=None)
    assert "file" in exc.value.message_dict


def test_final_report_must_be_a_document():
    app = application_at("disbursed")
    with pytest.raises(ValidationError):
        services.application_final_report_upload(application=app, by=None, file=ContentFile(b"x", name="r.exe"))


def test_last_tranche_after_the_final_report_keeps_the_status():
    app = application_at("report_received", amount="1000.00", disburse="600.00")
    services.disbursement_record(application=app, by=None, amount=Decimal("400.00"), paid_on=datetime.date(2024, 1, 1))
    app.refresh_from_db()
    assert app.status == Status.REPORT_RECEIVED
