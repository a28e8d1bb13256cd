"""Writes for the States Parties registry."""

import csv
import datetime
import functools
from importlib import resources
from pathlib import Path

from django.db import transaction
from django.utils import translation
from django_countries import countries

from core.demo import upsert
from core.translation import other_languages

from .models import Membership, Region, State

# Convention in force for its first Parties on 1 March 1999 (Article 17).
CONVENTION_ENTRY_INTO_FORCE = datetime.date(1999, 3, 1)

_ZONE_REGION = {
    "Africa": Region.AFRICA,
    "America": Region.AMERICAS,
    "Asia": Region.ASIA,
    "Europe": Region.EUROPE,
    "Pacific": Region.OCEANIA,
    "Australia": Region.OCEANIA,
}
# Island States whose only time zones are named after an ocean.
_OCEAN_REGION = {
    "CV": Region.AFRICA,
    "KM": Region.AFRICA,
    "MG": Region.AFRICA,
    "MU": Region.AFRICA,
    "SC": Region.AFRICA,
    "IS": Region.EUROPE,
    "MV": Region.ASIA,
}


@functools.cache
def _first_zones() -> dict[str, str]:
    """Each country's first zone in the IANA tz database's zone.tab (its mainland or most populous)."""
    first: dict[str, str] = {}
    text = resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, _coords, zone = line.split("\t")[:3]
            first.setdefault(code, zone)
    return first


def region_for(iso2: str) -> str:
    """A continental region from the IANA time-zone database, for the registry's filters."""
    zone = _first_zones().get(iso2, "")
    return _ZONE_REGION.get(zone.split("/")[0]) or _OCEAN_REGION.get(iso2, "")


def country_name(iso2: str, language: str) -> str:
    with translation.override(language):
        return str(countries.name(iso2))


@transaction.atomic
def states_load_registry(*, csv_path: Path, entry_into_force: dict[str, datetime.date] | None = None) -> int:
    """Create or update the States of the CSV (iso3, iso2, name_en); idempotent. Returns the count."""
    entry_into_force = entry_into_force or {}
    count = 0
    with open(csv_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            state, _created = upsert(
                State,
                iso3=row["iso3"],
                defaults={
                    "iso2": row["iso2"],
                    "name_en": row["name_en"],
                    **{f"name_{code}": country_name(row["iso2"], code) for code in other_languages()},
                    "region": region_for(row["iso2"]),
                },
            )
            if not state.memberships.exists():
                Membership.objects.create(
                    state=state, entry_into_force=entry_into_force.get(state.iso3, CONVENTION_ENTRY_INTO_FORCE)
                )
            count += 1
    return count


@transaction.atomic
def membership_withdraw(*, state: State, effective: datetime.date) -> Membership:
    """Record that a withdrawal takes effect on a date (Article 20: six months after notification)."""
    membership = (
        state.memberships.select_for_update().filter(withdrawal_effective__isnull=True).latest("entry_into_force")
    )
    membership.withdrawal_effective = effective
    membership.full_clean()
    membership.save(update_fields=["withdrawal_effective"])
    return membership
