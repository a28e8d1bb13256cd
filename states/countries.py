"""Country facts the registry derives from maintained sources: names (django-countries) and regions (tzdata)."""

import functools
from importlib import resources

from django.utils import translation
from django_countries import countries

from .models import Region

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


# Where django-countries' catalogues misspell a name (its French "Îles Marshal").
NAME_CORRECTIONS = {("MH", "fr"): "Îles Marshall"}


def country_name(iso2: str, language: str) -> str:
    if (iso2, language) in NAME_CORRECTIONS:
        return NAME_CORRECTIONS[(iso2, language)]
    with translation.override(language):
        return str(countries.name(iso2))
