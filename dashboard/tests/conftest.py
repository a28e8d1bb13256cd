"""A small world whose every dashboard figure is computed by hand in the docstring of `world`."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
import time_machine

from reminders.tests.factories import SentReminderFactory
from reporting.tests.factories import CycleFactory
from states.models import Membership, Organisation
from states.tests.factories import StateFactory

from .factories import draft_report, submitted_report

TODAY = datetime.date(2023, 6, 15)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Figures are cached per process under the reports' stamp; ids are reused from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()  # the 2022 cycle (due 30 April 2023) is the current one


@pytest.fixture
def frozen():
    with time_machine.travel(datetime.datetime(2023, 6, 15, 10, 0, tzinfo=datetime.UTC), tick=False):
        yield TODAY


@dataclass
class World:
    cast: object
    ddd: object
    eee: object
    fff: object
    unmas: object
    reminder: object


@pytest.fixture
def world(cast, frozen) -> World:
    """Cycles 2021 and 2022 (due 30 April 2023; today 15 June 2023).

    Parties in 2022: AAA, BBB, CCC (since 1999), DDD (withdrawal effective 1 January 2023, before the
    deadline: not required), FFF. EEE joins in 2023 (not a Party in 2022).

    2022: AAA on time (quantitative + qualitative + gender; amended once, only version 2 counts),
    BBB late (quantitative + qualitative, no gender), CCC not started (reminded), FFF draft.
      owed 4, submitted 2 (50%), on time 1, late 1, missing 2 (draft 1, not started 1), not required 1;
      quantitative 2, qualitative 2, gender 1, no gender 1, C&A without gender 1.
    2021: AAA on time only: owed 5 (DDD still bound at the 30 April 2022 deadline), rate 20%.

    C&A rows, 2022 (current versions): AAA received clearance 100,000 EUR (from BBB), risk education
    50,000 USD (Demining NGO), clearance without amount (UNMAS); BBB provided clearance 100,000 EUR and
    victim assistance 20,000 EUR (to AAA). 2021: AAA received clearance 10,000 EUR (Demining NGO).
    """
    a, b, c = cast.state_a, cast.state_b, StateFactory(iso3="CCC")
    ddd = StateFactory(iso3="DDD", iso2="DD", name_en="Dropland")
    Membership.objects.filter(state=ddd).update(withdrawal_effective=datetime.date(2023, 1, 1))
    eee = StateFactory(iso3="EEE", iso2="EE", name_en="Enterland", party_since=datetime.date(2023, 2, 1))
    fff = StateFactory(iso3="FFF", iso2="FF", name_en="Fourthland")
    unmas = Organisation.objects.create(name="United Nations Mine Action Service", acronym="UNMAS")
    CycleFactory(year=2021)
    CycleFactory(year=2022)

    submitted_report(
        a,
        2022,
        quantitative=True,
        qualitative=True,
        gender=True,
        versions=2,
        rows=[
            {"partner_kind": "state_party", "partner_state": b, "partner_name": "", "amount": Decimal("100000")},
            {"purpose": "risk_education", "amount": Decimal("50000"), "currency": "USD"},
            {"partner_organisation": unmas, "partner_name": "", "amount": None, "currency": ""},
        ],
    )
    submitted_report(
        b,
        2022,
        late=True,
        quantitative=True,
        qualitative=True,
        rows=[
            {
                "direction": "provided",
                "partner_kind": "state_party",
                "partner_state": a,
                "partner_name": "",
                "amount": Decimal("100000"),
            },
            {
                "direction": "provided",
                "partner_kind": "state_party",
                "partner_state": a,
                "partner_name": "",
                "purpose": "victim_assistance",
                "amount": Decimal("20000"),
            },
        ],
    )
    draft_report(fff, 2022)
    submitted_report(a, 2021, quantitative=True, rows=[{"amount": Decimal("10000"), "year": 2021}])
    earlier = SentReminderFactory(  # claimed first: not the last one
        source="article7",
        cycle="2023",
        state=c,
        kind="before-14",
        deadline=datetime.date(2023, 4, 30),
        due_on=datetime.date(2023, 4, 16),
    )
    reminder = SentReminderFactory(
        source="article7",
        cycle="2023",
        state=c,
        recipient=earlier.recipient,
        kind="overdue-1",
        deadline=datetime.date(2023, 4, 30),
        due_on=datetime.date(2023, 5, 1),
        sent_at=datetime.datetime(2023, 5, 1, 6, 0, tzinfo=datetime.UTC),
    )
    return World(cast=cast, ddd=ddd, eee=eee, fff=fff, unmas=unmas, reminder=reminder)
