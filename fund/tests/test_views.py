"""Every step through the UI by the right role; errors next to their field; constant query counts."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import client_for
from fund.models import Application, Status
from fund.tests.factories import ContributionFactory, TermsFactory, application_at, draft, fund, new_state

pytestmark = pytest.mark.django_db


def _application_post(**overrides) -> dict:
    data = {
        "title": "Study visit on land release",
        "purpose": "south_south",
        "purpose_other": "",
        "activities": "A visit to a peer State.",
        "requested_amount": "1000.00",
        "currency": "EUR",
        "start_date": "2023-09-01",
        "end_date": "2023-12-31",
        "timeline": "",
        "partners": "",
        "budget-TOTAL_FORMS": "2",
        "budget-INITIAL_FORMS": "0",
        "budget-MIN_NUM_FORMS": "1",
        "budget-MAX_NUM_FORMS": "1000",
        "budget-0-description": "Travel",
        "budget-0-amount": "600.00",
        "budget-1-description": "Venue",
        "budget-1-amount": "400.00",
    }
    data.update(overrides)
    return data


def test_delegate_creates_a_draft_with_budget_lines(cast):
    response = client_for(cast, "delegate_a").post(reverse("fund:application_add"), _application_post())
    app = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("fund:application_detail", args=[app.pk])
    assert app.state == cast.state_a and app.status == Status.DRAFT
    assert [(b.description, b.amount) for b in app.budget_lines.all()] == [
        ("Travel", Decimal("600.00")),
        ("Venue", Decimal("400.00")),
    ]


def test_budget_that_does_not_add_up_is_shown_next_to_the_budget_and_keeps_what_was_typed(cast):
    response = client_for(cast, "delegate_a").post(
        reverse("fund:application_add"), _application_post(**{"budget-1-amount": "399.99"})
    )
    assert response.status_code == 200
    assert not Application.objects.exists()
    html = response.content.decode()
    assert 'id="budget-errors"' in html
    assert html.count("The budget lines add up to €999.99 but the requested amount is €1,000.00") == 1
    assert 'value="Study visit on land release"' in html and 'value="399.99"' in html


def test_other_purpose_needs_a_description(cast):
    response = client_for(cast, "delegate_a").post(reverse("fund:application_add"), _application_post(purpose="other"))
    assert response.status_code == 200
    assert "purpose_other" in response.context["form"].errors


def test_the_whole_workflow_through_the_ui_by_the_right_roles(cast, django_capture_on_commit_callbacks):
    TermsFactory(version="2023", in_force_from=datetime.date(2023, 1, 1))
    fund("5000.00")
    delegate, isu = client_for(cast, "delegate_a"), client_for(cast, "isu")
    member, chair = client_for(cast, "member"), client_for(cast, "chair")
    with django_capture_on_commit_callbacks(execute=True):
        delegate.post(reverse("fund:application_add"), _application_post())
        app = Application.objects.get()
        steps = [
            (delegate, "fund:application_submit", {}),
            (isu, "fund:application_screen", {"eligible": "yes", "note": "Fits the 2023 terms."}),
            (member, "fund:application_gender_review", {"assessment": "Women and survivors take part."}),
            (chair, "fund:application_decide", {"decision": "approve", "reasons": "Sound.", "approved_amount": ""}),
            (isu, "fund:disbursement_add", {"amount": "1000.00", "paid_on": "2023-10-01", "reference": "T1"}),
            (delegate, "fund:final_report_upload", {"file": SimpleUploadedFile("report.pdf", b"%PDF-1.4")}),
            (isu, "fund:final_report_receive", {"note": "Thanks."}),
            (isu, "fund:application_close", {"note": ""}),
        ]
        for client, name, data in steps:
            response = client.post(reverse(name, args=[app.pk]), data)
            assert response.status_code == 302, (name, response.context and response.context["form"].errors)
            assert response["Location"] == reverse("fund:application_detail", args=[app.pk])
    app.refresh_from_db()
    assert app.status == Status.CLOSED
    assert app.approved_amount == Decimal("1000.00")
    assert app.events.count() == 9
    assert len(mail.outbox) == 7  # submitted, screened, reviewed, decided, disbursed, report received, closed
    detail = delegate.get(reverse("fund:application_detail", args=[app.pk])).content.decode()
    for text in ["Women and survivors take part.", "Fits the 2023 terms.", "Sound.", "T1"]:
        assert text in detail


def test_disbursement_larger_than_the_balance_is_refused_next_to_the_amount(cast):
    app = application_at(Status.APPROVED, cast.state_a, amount="1000.00")
    Application.objects.filter(pk=app.pk)  # approved 1000, the Fund holds exactly 1000
    response = client_for(cast, "isu").post(
        reverse("fund:disbursement_add", args=[app.pk]), {"amount": "1000.01", "paid_on": "2023-10-01"}
    )
    assert response.status_code == 200
    assert "Only €1,000.00 of the €1,000.00 approved remains" in response.context["form"].errors["amount"][0]
    assert 'value="1000.01"' in response.content.decode()
    assert not app.disbursements.exists()


def test_approving_more_than_available_is_refused_next_to_the_amount(cast):
    app = application_at(Status.GENDER_REVIEWED, cast.state_a, amount="1000.00")
    fund("10.00")
    response = client_for(cast, "chair").post(
        reverse("fund:application_decide", args=[app.pk]), {"decision": "approve", "reasons": "Good."}
    )
    assert response.status_code == 200
    assert "Only €10.00 is available" in response.context["form"].errors["approved_amount"][0]


def test_the_decision_page_before_the_gender_review_says_why_and_sends_back(cast):
    app = application_at(Status.SCREENED, cast.state_a)
    response = client_for(cast, "chair").get(reverse("fund:application_decide", args=[app.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("fund:application_detail", args=[app.pk])
    assert "cannot decide before the gender-perspective review" in response.content.decode()


def test_gender_review_without_assessment_is_refused_next_to_the_field(cast):
    app = application_at(Status.SCREENED, cast.state_a)
    response = client_for(cast, "member").post(
        reverse("fund:application_gender_review", args=[app.pk]), {"assessment": ""}
    )
    assert response.status_code == 200 and "assessment" in response.context["form"].errors


def test_editing_a_submitted_application_is_refused(cast):
    app = application_at(Status.SUBMITTED, cast.state_a)
    response = client_for(cast, "delegate_a").get(reverse("fund:application_edit", args=[app.pk]))
    assert response.status_code == 302


def test_delegate_of_another_state_cannot_see_or_download(cast):
    app = application_at(Status.REPORT_RECEIVED, cast.state_a)
    client = client_for(cast, "delegate_b")
    assert client.get(reverse("fund:application_detail", args=[app.pk])).status_code == 404
    assert client.get(reverse("fund:final_report_download", args=[app.pk])).status_code == 404
    assert app.reference not in client.get(reverse("fund:application_list")).content.decode()


def test_delegate_list_shows_only_their_state(cast):
    mine = application_at(Status.DRAFT, cast.state_a)
    theirs = application_at(Status.DRAFT, cast.state_b)
    html = client_for(cast, "delegate_a").get(reverse("fund:application_list")).content.decode()
    assert mine.reference in html and theirs.reference not in html
    html = client_for(cast, "member").get(reverse("fund:application_list")).content.decode()
    assert mine.reference in html and theirs.reference in html


def test_overview_shows_balances_committed_and_disbursed(cast):
    application_at(Status.DISBURSED, cast.state_a, amount="1000.00", disburse="400.00")
    fund("250.00", "CHF")
    html = client_for(cast, "member").get(reverse("fund:overview")).content.decode()
    assert "€400.00 of €1,000.00 committed" in html
    assert "CHF" in html and "CHF\xa0250.00" in html.replace("CHF250.00", "CHF\xa0250.00")


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _more_data(n: int) -> None:
    for _ in range(n):
        state = new_state()
        draft(state)
        ContributionFactory(contributor_state=state)
    application_at(Status.DISBURSED, amount="100.00")


@pytest.mark.parametrize("url_name", ["fund:overview", "fund:application_list"])
def test_query_count_does_not_grow_with_data(cast, url_name):
    client = client_for(cast, "isu")
    url = reverse(url_name)
    _more_data(1)
    small = _queries(client, url)
    _more_data(8)
    assert _queries(client, url) == small


def test_isu_records_a_contribution_and_the_balance_follows(cast):
    response = client_for(cast, "isu").post(
        reverse("fund:contribution_add"),
        {"contributor_state": cast.state_b.pk, "amount": "12500.55", "currency": "CHF", "received_on": "2023-05-04"},
    )
    assert response.status_code == 302
    html = client_for(cast, "isu").get(reverse("fund:overview")).content.decode()
    assert "CHF12,500.55" in html and "Borduria B" in html


def test_contribution_form_wants_one_contributor_and_an_iso_currency(cast):
    response = client_for(cast, "isu").post(
        reverse("fund:contribution_add"),
        {"amount": "10", "currency": "XXY", "received_on": "2023-05-04"},
    )
    errors = response.context["form"].errors
    assert "contributor_state" in errors and "currency" in errors


def test_isu_records_a_terms_of_reference_version_with_its_document(cast):
    upload = SimpleUploadedFile("tor-2024.pdf", b"%PDF-1.4 terms", content_type="application/pdf")
    response = client_for(cast, "isu").post(
        reverse("fund:terms_add"),
        {"version": "2024", "title": "Terms 2024", "in_force_from": "2024-01-01", "summary": "", "file": upload},
    )
    assert response.status_code == 302
    html = client_for(cast, "anon").get(reverse("fund:terms_list")).content.decode()
    assert "Terms 2024" in html and "current version" in html
    from fund.models import TermsOfReference

    terms = TermsOfReference.objects.get(version="2024")
    document = client_for(cast, "anon").get(reverse("fund:terms_file", args=[terms.pk]))
    assert b"".join(document.streaming_content) == b"%PDF-1.4 terms"


def test_terms_of_reference_need_a_text_or_a_document(cast):
    response = client_for(cast, "isu").post(
        reverse("fund:terms_add"), {"version": "2024", "title": "Terms 2024", "in_force_from": "2024-01-01"}
    )
    assert response.status_code == 200 and "summary" in response.context["form"].errors
