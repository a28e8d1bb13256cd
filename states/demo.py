"""Demo registry: the 164 States Parties of 2023, their profiles, and the accessions and withdrawals
since then (data/membership_changes_since_2023.yaml, each date checked against a public source)."""

import datetime

import yaml

from core.demo import DATA_DIR, DemoContext, upsert

from . import selectors
from .models import Membership, Organisation, State
from .services import membership_accession_record, membership_withdrawal_record, states_load_registry

CHANGES = DATA_DIR / "membership_changes_since_2023.yaml"

# Entry into force for States that joined after 1999 (UN Treaty Collection).
ENTRY_INTO_FORCE = {
    "AFG": datetime.date(2003, 3, 1),
    "SOM": datetime.date(2012, 10, 1),
    "FIN": datetime.date(2012, 7, 1),
    "POL": datetime.date(2013, 6, 1),
    "OMN": datetime.date(2015, 2, 1),
    "PSE": datetime.date(2018, 6, 1),
    "LKA": datetime.date(2018, 6, 1),
    "SSD": datetime.date(2011, 7, 9),
    "TUV": datetime.date(2011, 3, 1),
    "IRQ": datetime.date(2008, 2, 1),
    "UKR": datetime.date(2006, 6, 1),
    "TUR": datetime.date(2004, 3, 1),
    "SRB": datetime.date(2004, 3, 1),
    "ETH": datetime.date(2005, 6, 1),
    "EST": datetime.date(2005, 6, 1),
    "LVA": datetime.date(2006, 1, 1),
    "LTU": datetime.date(2003, 11, 1),
}
# Mine-affected States with Article 5 deadlines in force in 2023.
AFFECTED = {
    "AFG": "2025-03-01",
    "AGO": "2025-12-31",
    "BIH": "2027-03-01",
    "KHM": "2025-12-31",
    "TCD": "2025-01-01",
    "COL": "2025-12-31",
    "COD": "2025-12-31",
    "CYP": "2025-07-01",
    "ECU": "2025-12-31",
    "ERI": "2025-12-31",
    "ETH": "2025-12-31",
    "GNB": "2024-12-31",
    "IRQ": "2028-02-01",
    "MRT": "2026-12-31",
    "NER": "2024-12-31",
    "NGA": "2025-12-31",
    "OMN": "2026-02-01",
    "PSE": "2028-06-01",
    "PER": "2024-12-31",
    "SEN": "2026-03-01",
    "SRB": "2024-03-01",
    "SOM": "2027-10-01",
    "LKA": "2028-06-01",
    "SDN": "2027-04-01",
    "SSD": "2026-07-09",
    "TJK": "2025-12-31",
    "THA": "2026-10-31",
    "TUR": "2025-12-31",
    "UKR": "2025-12-01",
    "YEM": "2028-03-01",
    "ZWE": "2025-12-31",
    "ARG": "2026-03-01",
    "CMR": "2026-12-31",
    "BFA": "2026-12-31",
    "MLI": "2026-12-31",
}
PROVIDERS = [
    "AUS",
    "AUT",
    "BEL",
    "CAN",
    "DNK",
    "FIN",
    "FRA",
    "DEU",
    "IRL",
    "ITA",
    "JPN",
    "LUX",
    "NLD",
    "NZL",
    "NOR",
    "ESP",
    "SWE",
    "CHE",
    "GBR",
    "CZE",
    "SVN",
    "EST",
    "LTU",
    "POL",
    "KOR",
    "THA",
    "TUR",
]
ORGANISATIONS = [
    ("Geneva International Centre for Humanitarian Demining", "GICHD"),
    ("United Nations Mine Action Service", "UNMAS"),
    ("United Nations Development Programme", "UNDP"),
    ("International Committee of the Red Cross", "ICRC"),
    ("International Campaign to Ban Landmines - Cluster Munition Coalition", "ICBL-CMC"),
    ("European Union", "EU"),
    ("HALO Trust", "HALO"),
    ("Mines Advisory Group", "MAG"),
    ("Norwegian People's Aid", "NPA"),
    ("Humanity & Inclusion", "HI"),
]


def load_changes(ctx: DemoContext) -> int:
    """Accessions, withdrawals and other notices since 2023, through the ISU's services (idempotent:
    recording the same again writes nothing). Returns how many were written this time."""
    with open(CHANGES, encoding="utf-8") as fh:
        changes = yaml.safe_load(fh)
    written = 0
    for entry in changes["accessions"]:
        update = membership_accession_record(
            state=selectors.state_for_accession(entry["iso3"]),
            deposited=entry["deposited"],
            entry_into_force=entry["entry_into_force"],
            note=entry["note"],
        )
        written += bool(update)
    for entry in changes["withdrawals"]:
        state = State.objects.get(iso3=entry["iso3"])
        update = membership_withdrawal_record(
            state=state, notified=entry["notified"], effective=entry["effective"], note=entry["note"]
        )
        written += bool(update)
    for entry in changes["notices"]:
        membership = Membership.objects.filter(state__iso3=entry["iso3"]).order_by("-entry_into_force").first()
        if membership is not None and membership.note != entry["note"]:
            membership.note = entry["note"]
            membership.save(update_fields=["note"])
            written += 1
    return written


def load(ctx: DemoContext) -> None:
    count = states_load_registry(csv_path=DATA_DIR / "states_parties_2023.csv", entry_into_force=ENTRY_INTO_FORCE)
    written = load_changes(ctx)
    State.objects.filter(iso3__in=AFFECTED).update(is_affected=True)
    for iso3, deadline in AFFECTED.items():
        State.objects.filter(iso3=iso3).update(article5_deadline=deadline)
    State.objects.filter(iso3__in=PROVIDERS).update(is_provider=True)
    for name, acronym in ORGANISATIONS:
        upsert(Organisation, name=name, defaults={"acronym": acronym})
    ctx.log(f"  registry: {count} States Parties of 2023, {written} accessions and withdrawals since then written")
