"""Reads of the registry for pages: the changes of membership, the States that may accede."""

import csv
import datetime
import functools

from django.db.models import Q
from django.utils.translation import get_language

from core.demo import DATA_DIR
from core.translation import other_languages

from .countries import country_name, region_for
from .models import Membership, State

# UN Member States that were not Party in 2023 (data/README: how the 2023 list was derived).
CANDIDATES_CSV = DATA_DIR / "un_members_not_party_2023.csv"
CHANGES_SINCE = datetime.date(2023, 1, 1)


@functools.cache
def _candidates() -> tuple[tuple[str, str, str], ...]:
    with open(CANDIDATES_CSV, newline="", encoding="utf-8") as fh:
        return tuple((row["iso3"], row["iso2"], row["name_en"]) for row in csv.DictReader(fh))


def accession_candidates() -> list[tuple[str, str]]:
    """(ISO alpha-3, name in the active language) of the States that may accede and are not in the
    registry yet, by name (one query)."""
    known = set(State.objects.values_list("iso3", flat=True))
    language = get_language() or "en"
    found = [
        (iso3, name if language == "en" else country_name(iso2, language) or name)  # English: as the registry stores it
        for iso3, iso2, name in _candidates()
        if iso3 not in known
    ]
    return sorted(found, key=lambda choice: choice[1])


def state_for_accession(iso3: str) -> State | None:
    """The registry's State, or a new unsaved one (names and region from the maintained sources) for a
    State not in the registry yet; None for a code that is neither."""
    state = State.objects.filter(iso3=iso3).first()
    if state is not None:
        return state
    row = next((row for row in _candidates() if row[0] == iso3), None)
    if row is None:
        return None
    iso3, iso2, name_en = row
    names = {f"name_{code}": country_name(iso2, code) for code in other_languages()}
    return State(iso3=iso3, iso2=iso2, name_en=name_en, region=region_for(iso2), **names)


def membership_changes(*, since: datetime.date = CHANGES_SINCE) -> list[Membership]:
    """Memberships that began or ended (or whose withdrawal was notified) since `since`, the latest
    event first (one query)."""
    found = Membership.objects.filter(
        Q(entry_into_force__gte=since)
        | Q(instrument_deposited__gte=since)
        | Q(withdrawal_notified__gte=since)
        | Q(withdrawal_effective__gte=since)
    ).select_related("state")

    def latest_event(m: Membership) -> datetime.date:
        dates = [m.instrument_deposited, m.entry_into_force, m.withdrawal_notified, m.withdrawal_effective]
        return max(d for d in dates if d is not None)

    return sorted(found, key=lambda m: (-latest_event(m).toordinal(), m.state.name_en))
