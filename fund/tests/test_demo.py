from decimal import Decimal

import pytest
from django.core.management import call_command

from fund.models import Application, ApplicationEvent, Contribution, Disbursement, Status, TermsOfReference
from fund.selectors import fund_balances


@pytest.fixture
def demo(demo_data, db):
    """The demo, loaded once for this module (conftest.demo_data)."""


def _snapshot():
    return (
        list(TermsOfReference.objects.values_list("version", "in_force_from", "summary")),
        list(Contribution.objects.values_list("currency", "amount", "received_on")),
        list(Application.objects.values_list("reference", "status", "approved_amount")),
        ApplicationEvent.objects.count(),
        list(Disbursement.objects.values_list("amount", "paid_on")),
        Contribution.history.count() + Application.history.count() + TermsOfReference.history.count(),
    )


def test_demo_has_nigeria_2023_application_under_the_2023_terms(demo):
    nga = Application.objects.get(state__iso3="NGA")
    assert nga.terms.version == "2023"
    assert nga.status == Status.DISBURSED
    assert sum(b.amount for b in nga.budget_lines.all()) == nga.requested_amount
    assert nga.events.filter(step="gender_reviewed").exists()
    assert TermsOfReference.objects.count() == 2
    balances = {b.currency: b for b in fund_balances()}
    assert set(balances) == {"EUR", "USD", "CHF"}
    assert balances["EUR"].disbursed == Decimal("29100.00")
    assert all(b.available > 0 for b in balances.values())


def test_demo_twice_changes_nothing(demo):
    before = _snapshot()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert _snapshot() == before
