"""Write round trips of the registry's ISU screen: a re-accession, a corrected accession, a withdrawal."""

import datetime

from states.models import Membership
from tests.roundtrip import CREATE, Write

from .factories import StateFactory


def _withdrawn(cast):
    """A State whose first membership ended in 2010: it accedes again."""
    state = StateFactory(iso3="RJN", iso2="RJ", party_since=datetime.date(2000, 3, 1))
    Membership.objects.filter(state=state).update(withdrawal_effective=datetime.date(2010, 1, 1))
    return {"state": state}


def _recent(cast):
    """A State in force since 1 September 2025 whose deposit date nobody recorded yet."""
    state = StateFactory(iso3="NEW", iso2="NW", party_since=datetime.date(2025, 9, 1))
    return {"obj": state.memberships.get()}


def _party(cast):
    return {"obj": cast.state_a.memberships.get()}


ROWS = [
    Write(
        "states:membership_changes",
        "isu",
        _withdrawn,
        lambda cast, ctx: {
            "acc-state": "RJN",
            "acc-instrument_deposited": "2024-02-10",
            "acc-entry_into_force": "2024-08-01",
            "acc-note": "Accession after the 2010 withdrawal",
        },
        kind=CREATE,
        form_key="accession_form",
        created=lambda cast, ctx: ctx["state"].memberships.latest("entry_into_force"),
        stored=lambda m: {"state": m.state.iso3},  # the form chooses States by ISO code
    ),
    # The page's forms are blank recording forms: the values recorded are shown in the table below
    # them, not back in the form (shows_values=False); the same POST again says "No change".
    Write(
        "states:membership_changes",
        "isu",
        _recent,
        lambda cast, ctx: {
            "acc-state": "NEW",
            "acc-instrument_deposited": "2025-03-12",
            "acc-entry_into_force": "2025-09-01",
            "acc-note": "Ratification",
        },
        form_key="accession_form",
        stored=lambda m: {"state": m.state.iso3},
        shows_values=False,
    ),
    Write(
        "states:membership_changes",
        "isu",
        _party,
        lambda cast, ctx: {
            "wd-state": str(cast.state_a.pk),
            "wd-withdrawal_notified": "2025-06-27",
            "wd-withdrawal_effective": "2025-12-27",
            "wd-note": "Instrument of withdrawal received by the Depositary",
        },
        form_key="withdrawal_form",
        shows_values=False,
    ),
]
