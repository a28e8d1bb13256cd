"""What the Fund contributes to shared pages, the API summary, and the final-report deadline source."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.urls import reverse

from conftest import client_for
from fund import panels, services
from fund.deadlines import SOURCES, FinalReportSource
from fund.models import Status
from fund.tests.factories import application_at, fund

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_state_page_lists_the_state_applications_for_its_delegates_and_the_committee(cast):
    app = application_at(Status.DISBURSED, cast.state_a)
    url = reverse("states:detail", args=[cast.state_a.iso3])
    for role in ("delegate_a", "member", "isu"):
        assert app.reference in client_for(cast, role).get(url).content.decode(), role
    for role in ("anon", "delegate_b"):
        assert app.reference not in client_for(cast, role).get(url).content.decode(), role


def test_my_state_shows_what_waits_for_the_delegate_most_urgent_first(cast):
    draft_app = application_at(Status.DRAFT, cast.state_a, title="Draft one")
    report_app = application_at(Status.DISBURSED, cast.state_a, title="Report one")
    application_at(Status.SUBMITTED, cast.state_a, title="Waiting for the ISU")
    with time_machine.travel(report_app.final_report_due + datetime.timedelta(days=5)):
        panel = panels.my_state(_request(cast.delegate_a), cast.state_a)
    kinds = {w["application"].pk: w for w in panel.context["waiting"]}
    assert set(kinds) == {draft_app.pk, report_app.pk}
    assert kinds[report_app.pk]["late"] and kinds[report_app.pk]["late_days"] == 5
    assert panel.order == 20
    response = client_for(cast, "delegate_a").get(reverse("home"))
    assert "Fund applications waiting for you" in response.content.decode()


def test_my_state_has_no_fund_panel_when_nothing_waits(cast):
    application_at(Status.SUBMITTED, cast.state_a)
    assert panels.my_state(_request(cast.delegate_a), cast.state_a) is None


def test_dashboard_panel_gives_balances_and_applications_by_status_to_the_committee(cast):
    application_at(Status.DISBURSED, cast.state_a, amount="1000.00", disburse="250.00")
    year = datetime.date.today().year
    panel = panels.dashboard(_request(cast.chair), year)
    (balance,) = panel.context["balances"]
    assert (balance.currency, balance.committed, balance.disbursed) == ("EUR", Decimal("1000.00"), Decimal("250.00"))
    assert panel.context["by_status"] == [("disbursed", "Disbursed", 1)]
    assert panels.dashboard(_request(cast.delegate_a), year) is None


def test_nav_items_by_role(cast):
    assert [i.url for i in panels.nav_items(_request(cast.member))] == [reverse("fund:overview")]
    assert reverse("fund:contribution_add") in [i.url for i in panels.nav_items(_request(cast.isu))]
    assert [i.url for i in panels.nav_items(_request(cast.delegate_a))] == [reverse("fund:application_list")]


def test_api_summary_gives_exact_balances_and_counts_to_isu(cast):
    application_at(Status.DISBURSED, cast.state_a, amount="1000.00", disburse="400.10")
    fund("0.30", "EUR")
    data = client_for(cast, "isu").get("/api/fund/summary/").json()
    assert data["balances"] == [
        {
            "currency": "EUR",
            "received": "1000.30",
            "disbursed": "400.10",
            "outstanding": "599.90",
            "committed": "1000.00",
            "balance": "600.20",
            "available": "0.30",
        }
    ]
    assert data["applications"] == 1 and data["applications_by_status"]["disbursed"] == 1
    assert data["contributions"] == 2


@pytest.mark.parametrize("role", ["anon", "delegate_a", "member", "chair"])
def test_api_summary_is_refused_to_everyone_but_isu(cast, role):
    assert client_for(cast, role).get("/api/fund/summary/").status_code in (401, 403)


def test_final_report_source_is_registered_and_lists_approved_and_disbursed_applications(cast):
    from reminders.registry import sources

    assert any(isinstance(s, FinalReportSource) for s in sources())
    source = SOURCES[0]
    approved = application_at(Status.APPROVED, cast.state_a)
    disbursed = application_at(Status.DISBURSED, cast.state_a)
    application_at(Status.GENDER_REVIEWED, cast.state_a)
    application_at(Status.REPORT_RECEIVED, cast.state_a)
    obligations = source.obligations(today=datetime.date(2024, 1, 1))
    assert {o.object_id for o in obligations} == {approved.pk, disbursed.pk}
    ob = next(o for o in obligations if o.object_id == disbursed.pk)
    assert ob.deadline == disbursed.final_report_due
    assert ob.state_id == cast.state_a.pk
    assert ob.path == reverse("fund:final_report_upload", args=[disbursed.pk])
    assert disbursed.reference in ob.title
    assert source.recipients(ob) == [cast.delegate_a]
    assert not source.is_fulfilled(ob)
    services.application_final_report_upload(application=disbursed, by=None, file=ContentFile(b"%PDF-1", name="r.pdf"))
    assert source.is_fulfilled(ob)
    assert disbursed.pk not in {o.object_id for o in source.obligations(today=datetime.date(2024, 1, 1))}


def test_final_report_title_follows_the_language(cast):
    from django.utils import translation

    app = application_at(Status.DISBURSED, cast.state_a)
    (ob,) = SOURCES[0].obligations(today=datetime.date(2024, 1, 1))
    with translation.override("en"):
        assert SOURCES[0].describe(ob).startswith(f"Final report on Fund application {app.reference}")


def test_the_final_report_is_owed_until_uploaded_on_every_page_and_in_the_reminders(cast):
    """One rule (Application.report_owed and its queryset twin): the State page, the delegate's
    panel, the application page and the reminders stop saying "due" once the report is in."""
    app = application_at(Status.DISBURSED, cast.state_a)
    state_page = reverse("states:detail", args=[cast.state_a.iso3])
    detail = reverse("fund:application_detail", args=[app.pk])
    client = client_for(cast, "delegate_a")
    assert app.report_owed and "final report due" in client.get(state_page).content.decode()
    assert "Not received yet" in client.get(detail).content.decode()
    assert [o.object_id for o in FinalReportSource().obligations(today=app.final_report_due)] == [app.pk]

    services.application_final_report_upload(
        application=app, by=cast.delegate_a, file=ContentFile(b"%PDF-1.4 report", name="final-report.pdf")
    )
    app.refresh_from_db()
    assert not app.report_owed
    assert "final report due" not in client.get(state_page).content.decode()
    assert "Not received yet" not in client.get(detail).content.decode()
    assert panels.my_state(_request(cast.delegate_a), cast.state_a) is None
    assert FinalReportSource().obligations(today=app.final_report_due) == []
