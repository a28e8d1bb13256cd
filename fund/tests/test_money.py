"""Balances are derived from the ledger and exact to the cent (Decimal, never float)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fund import services
from fund.money import format_money
from fund.selectors import fund_balance, fund_balances
from fund.tests.factories import application_at, fund

pytestmark = pytest.mark.django_db


def test_contributions_add_up_exactly_to_the_cent():
    for amount in ["0.10", "0.20", "1234567890.07", "0.01"]:
        fund(amount, "EUR")
    balance = fund_balance(currency="EUR")
    assert balance.received == Decimal("1234567890.38")
    assert isinstance(balance.received, Decimal)
    assert balance.available == Decimal("1234567890.38")


def test_balances_are_kept_per_currency_and_never_converted():
    fund("100.00", "EUR")
    fund("250.50", "USD")
    fund("75.25", "CHF")
    by_currency = {b.currency: b.received for b in fund_balances()}
    assert by_currency == {"CHF": Decimal("75.25"), "EUR": Decimal("100.00"), "USD": Decimal("250.50")}


def test_approval_commits_and_disbursement_moves_money_from_committed_to_paid():
    app = application_at("approved", amount="600.00")
    fund("400.00", "EUR")  # 1000 received in all
    b = fund_balance(currency="EUR")
    assert (b.received, b.disbursed, b.outstanding, b.committed, b.balance, b.available) == (
        Decimal("1000.00"),
        Decimal("0"),
        Decimal("600.00"),
        Decimal("600.00"),
        Decimal("1000.00"),
        Decimal("400.00"),
    )
    services.disbursement_record(application=app, by=None, amount=Decimal("250.33"), paid_on=datetime.date(2023, 5, 1))
    b = fund_balance(currency="EUR")
    assert b.disbursed == Decimal("250.33")
    assert b.outstanding == Decimal("349.67")
    assert b.committed == Decimal("600.00")
    assert b.balance == Decimal("749.67")
    assert b.available == Decimal("400.00")


def test_closing_releases_what_was_approved_but_not_disbursed():
    app = application_at("report_received", amount="1000.00", disburse="700.00")
    assert fund_balance(currency="EUR").available == Decimal("0.00")
    services.application_close(application=app, by=None)
    b = fund_balance(currency="EUR")
    assert b.outstanding == Decimal("0")
    assert b.available == Decimal("300.00")
    assert b.committed == Decimal("700.00")
    assert app.events.last().note.endswith("released back to the Fund.")


def test_a_currency_with_no_contribution_has_nothing_available():
    assert fund_balance(currency="JPY").available == Decimal("0")


def test_contribution_needs_exactly_one_contributor():
    with pytest.raises(ValidationError) as exc:
        services.contribution_record(amount=Decimal("1"), currency="EUR", received_on=datetime.date(2023, 1, 1))
    assert "contributor_state" in exc.value.message_dict


def test_contribution_refuses_a_code_that_is_not_iso_4217():
    with pytest.raises(ValidationError) as exc:
        fund("10.00", "EUX")
    assert "currency" in exc.value.message_dict


def test_money_is_formatted_in_the_reader_language():
    from django.utils import translation

    with translation.override("fr"):
        assert format_money(Decimal("1234.5"), "EUR").replace("\u202f", " ").replace("\xa0", " ") == "1 234,50 €"
    with translation.override("en"):
        assert format_money(Decimal("1234.5"), "USD") == "$1,234.50"


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.lists(st.decimals(min_value="0.01", max_value="99999999.99", places=2), min_size=1, max_size=6))
def test_received_is_the_exact_decimal_sum_of_any_contributions(amounts):
    from fund.models import Contribution

    Contribution.objects.all().delete()
    for amount in amounts:
        fund(amount, "EUR")
    assert fund_balance(currency="EUR").received == sum(amounts, Decimal("0"))
