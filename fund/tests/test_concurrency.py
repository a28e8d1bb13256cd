"""Concurrent approvals and disbursements cannot overspend: proven against PostgreSQL.

Each thread has its own database connection (Django gives one per thread) and runs the real
service; a barrier releases them together so that their transactions overlap.
"""

import datetime
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from fund import services
from fund.models import Application, Disbursement, Status
from fund.selectors import fund_balance
from fund.tests.factories import application_at, fund

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 8


def _race(calls) -> tuple[list, list]:
    barrier = threading.Barrier(len(calls))
    done, refused, errors = [], [], []

    def run(call):
        try:
            barrier.wait(timeout=10)
            done.append(call())
        except ValidationError as exc:
            refused.append(exc)
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors, errors
    return done, refused


def test_concurrent_approvals_never_commit_more_than_the_fund_holds():
    assert connection.vendor == "postgresql"
    applications = [application_at(Status.GENDER_REVIEWED, amount="300.00") for _ in range(THREADS)]
    fund("1000.00")
    done, refused = _race(
        [
            lambda a=a: services.application_decide(application=a, by=None, decision="approve", reasons="Good.")
            for a in applications
        ]
    )
    assert len(done) == 3 and len(refused) == THREADS - 3
    approved = Application.objects.filter(status=Status.APPROVED)
    assert sum(a.approved_amount for a in approved) == Decimal("900.00")
    balance = fund_balance(currency="EUR")
    assert balance.committed <= balance.received
    assert balance.available == Decimal("100.00")


def test_concurrent_disbursements_never_pay_out_more_than_approved_or_held():
    app = application_at(Status.APPROVED, amount="1000.00")
    done, refused = _race(
        [
            lambda: services.disbursement_record(
                application=app, by=None, amount=Decimal("300.00"), paid_on=datetime.date(2023, 10, 1)
            )
            for _ in range(THREADS)
        ]
    )
    assert len(done) == 3 and len(refused) == THREADS - 3
    paid = sum(d.amount for d in Disbursement.objects.all())
    assert paid == Decimal("900.00")
    balance = fund_balance(currency="EUR")
    assert balance.disbursed <= balance.received
    assert balance.balance == Decimal("100.00")


def test_concurrent_disbursements_on_different_applications_share_one_balance():
    from fund.models import Contribution

    apps = [application_at(Status.APPROVED, amount="500.00") for _ in range(4)]  # 2000 received, 2000 approved
    # The cash falls below the approvals (a contribution corrected): only the balance check stands.
    Contribution.objects.update(amount=Decimal("250.00"))  # 1000 held
    done, refused = _race(
        [
            lambda a=a: services.disbursement_record(
                application=a, by=None, amount=Decimal("400.00"), paid_on=datetime.date(2023, 10, 1)
            )
            for a in apps
        ]
    )
    assert len(done) == 2 and len(refused) == 2
    assert fund_balance(currency="EUR").balance == Decimal("200.00")
