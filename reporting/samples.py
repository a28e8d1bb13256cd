"""Illustrative rows for every table of the report's forms (reporting/tables.py), shared by the demo
(reporting/demo.py) and the scale data (dashboard/scale.py).

Real mine type designations with their published characteristics (approximate), plausible
administrative regions per State, figures that follow a State from year to year (contamination
shrinks as land is released; retained mines are consumed). Every value is typed (int, Decimal, date,
bool, str) and every row names all the columns of its table; `None` is "not reported". Nothing here is
a State's official figure.
"""

import datetime
import random
from decimal import Decimal

# designation: (producer, dimensions, fusing, explosive type, explosive in g, metallic content, colour)
MINE_TYPES: dict[str, tuple] = {
    "PMN-2": ("USSR (former)", "Ø 121 × 54 mm", "Pressure, blast", "TG-40 (TNT/RDX)", 100, "Metal fuse parts", "Black"),
    "PMA-3": ("Yugoslavia (former)", "Ø 103 × 40 mm", "Pressure, tilt", "Tetryl", 35, "Detonator only", "Olive"),
    "PROM-1": (
        "Yugoslavia (former)",
        "Ø 75 × 260 mm with fuse",
        "Bounding; pressure or tripwire",
        "TNT",
        425,
        "Steel body",
        "Olive green",
    ),
    "Type 72": ("China", "Ø 78 × 37 mm", "Pressure", "TNT", 51, "Firing pin only", "Green"),
    "M14": ("United States (former)", "Ø 56 × 40 mm", "Pressure", "Tetryl", 29, "Firing pin only", "Olive drab"),
    "VS-50": ("Italy (former)", "Ø 90 × 45 mm", "Pressure, pneumatic", "RDX", 43, "Detonator only", "Sand"),
    "POMZ-2": (
        "USSR (former)",
        "Ø 60 × 130 mm (body)",
        "Tripwire (MUV fuse)",
        "TNT",
        75,
        "Cast iron fragmentation body",
        "Olive green",
    ),
    "OZM-72": ("USSR (former)", "Ø 108 × 172 mm", "Bounding; tripwire or command", "TNT", 660, "Steel", "Olive"),
    "MON-50": (
        "USSR (former)",
        "226 × 66 × 155 mm",
        "Directional; command or tripwire",
        "PVV-5A",
        700,
        "Steel balls in a plastic case",
        "Olive",
    ),
    "Claymore M18A1": (
        "United States",
        "216 × 35 × 83 mm",
        "Directional; command (M57 firing device)",
        "C-4",
        680,
        "Steel balls in a plastic case",
        "Olive drab",
    ),
}
IMPROVISED = "Improvised (victim-activated)"
COMMAND_TYPES = ("MON-50", "Claymore M18A1", "OZM-72")

# Administrative regions where the demo places mined areas, and the types found there.
REGIONS: dict[str, list[str]] = {
    "BIH": ["Herzegovina-Neretva Canton", "Central Bosnia Canton", "Republika Srpska", "Brčko District"],
    "KHM": ["Battambang", "Banteay Meanchey", "Pailin", "Oddar Meanchey", "Preah Vihear"],
    "COL": ["Antioquia", "Meta", "Caquetá", "Nariño", "Norte de Santander"],
    "ETH": ["Somali Region", "Tigray", "Afar"],
    "GNB": ["Oio", "Cacheu", "Bafatá"],
    "IRQ": ["Basrah", "Nineveh", "Anbar", "Diyala", "Erbil (Kurdistan Region)"],
    "MRT": ["Tiris Zemmour", "Adrar", "Dakhlet Nouadhibou"],
    "COD": ["Ituri", "Nord-Kivu", "Tshopo", "Équateur"],
    "SEN": ["Ziguinchor", "Sédhiou", "Kolda"],
    "SRB": ["Pčinja District", "Jablanica District"],
    "SOM": ["Galmudug", "Hirshabelle", "South West State", "Puntland"],
    "LKA": ["Jaffna", "Kilinochchi", "Mullaitivu", "Vavuniya", "Trincomalee"],
    "TJK": ["Rasht Valley", "Gorno-Badakhshan", "Khatlon"],
    "TCD": ["Borkou", "Ennedi Ouest", "Tibesti"],
    "TUR": ["Şırnak", "Hakkari", "Van", "Ağrı", "Kars"],
    "ZWE": ["Mashonaland East", "Manicaland", "Masvingo", "Matabeleland South"],
    "NGA": ["Borno", "Adamawa", "Yobe"],
    "THA": ["Sa Kaeo", "Surin", "Si Sa Ket", "Buri Ram", "Trat", "Chanthaburi"],
}
DEFAULT_REGIONS = ["Northern province", "Eastern province", "Border districts"]
TYPES_FOUND: dict[str, list[str]] = {
    "BIH": ["PMA-3", "PROM-1", "MON-50"],
    "SRB": ["PMA-3", "PROM-1"],
    "KHM": ["PMN-2", "Type 72", "POMZ-2"],
    "THA": ["PMN-2", "Type 72", "M14"],
    "COL": [IMPROVISED],
    "NGA": [IMPROVISED],
    "IRQ": ["VS-50", "PMN-2", "Type 72", IMPROVISED],
    "TJK": ["POMZ-2", "PMN-2", "OZM-72"],
    "ZWE": ["VS-50", "M14"],
    "TCD": ["VS-50", "M14", "PMN-2"],
    "MRT": ["M14", "PMN-2"],
    "SOM": ["PMN-2", "VS-50", IMPROVISED],
    "ETH": ["PMN-2", "POMZ-2", "VS-50"],
    "LKA": ["Type 72", "M14", IMPROVISED],
    "TUR": ["M14", "POMZ-2"],
    "SEN": ["PMN-2", "M14"],
    "GNB": ["PMN-2"],
    "COD": ["PMA-3", "PMN-2", "POMZ-2"],
}
DEFAULT_TYPES = ["PMN-2", "POMZ-2", "Type 72"]
AUTHORITY: dict[str, str] = {
    "BIH": "Mine Action Centre of Bosnia and Herzegovina (BHMAC)",
    "KHM": "Cambodian Mine Action and Victim Assistance Authority (CMAA)",
    "COL": "Descontamina Colombia, Office of the High Commissioner for Peace",
    "ETH": "Ethiopian Mine Action Office",
    "GNB": "Centre national de coordination de l'action antimines (CAAMI)",
    "IRQ": "Directorate of Mine Action",
    "MRT": "Programme national de déminage humanitaire pour le développement",
    "COD": "Centre congolais de lutte antimines (CCLAM)",
    "SEN": "Centre national d'action antimines du Sénégal (CNAMS)",
    "SRB": "Mine Action Centre of the Republic of Serbia",
    "SOM": "Explosive Hazards Management Authority",
    "LKA": "National Mine Action Centre",
    "TJK": "Tajikistan National Mine Action Centre",
    "TCD": "Haut-commissariat national au déminage",
    "TUR": "Turkish Mine Action Centre (TURMAC)",
    "ZWE": "Zimbabwe Mine Action Centre (ZIMAC)",
    "NGA": "Ministry of Foreign Affairs, Humanitarian Mine Action",
    "THA": "Thailand Mine Action Centre (TMAC)",
}
# Former producers of anti-personnel mines (Form E), and the types they keep in command-detonated mode only.
FORMER_PRODUCERS = {"SRB", "BIH", "TUR", "JPN", "ZWE"}
COMMAND_DETONATED = {
    "SRB": "MON-50",
    "BIH": "MON-50",
    "TJK": "OZM-72",
    "TUR": "Claymore M18A1",
    "JPN": "Claymore M18A1",
    "NLD": "Claymore M18A1",
    "THA": "Claymore M18A1",
}
# A stockpile still held, and previously unknown stockpiles discovered after the deadline.
STOCKPILES = {"LKA": [("Type 72", 1_420), ("M14", 310)]}
DISCOVERED = {"COD": ("PMA-3", 212, "Ituri")}


def _types(iso3: str) -> list[str]:
    return TYPES_FOUND.get(iso3, DEFAULT_TYPES)


def _regions(iso3: str) -> list[str]:
    return REGIONS.get(iso3, DEFAULT_REGIONS)


def _row(**values) -> dict:
    values.setdefault("remarks", "")
    return values


def _base(iso3: str) -> random.Random:
    """The State's stable figures (sizes of its areas, its retained mines): the same every year."""
    return random.Random(f"samples-{iso3}")


def contacts(iso3: str, name: str) -> list[dict]:
    domain = f"{iso3.lower()}.demo.apmbc.org"
    return [
        _row(
            name="",
            organisation=AUTHORITY.get(iso3, f"{name}: Ministry of Foreign Affairs"),
            function="Article 7 reporting focal point",
            email=f"article7@{domain}",
            phone="",
            is_public=True,
        ),
        _row(
            name="",
            organisation=f"Permanent Mission of {name} in Geneva",
            function="Disarmament affairs",
            email=f"geneva.mission@{domain}",
            phone="",
            is_public=False,
        ),
    ]


def measures(iso3: str, joined: int) -> list[dict]:
    adopted = datetime.date(min(joined + 2, 2021), 6, 15)
    return [
        _row(
            kind="legislation",
            title="Law on the prohibition of anti-personnel mines",
            date_adopted=adopted,
            reference=f"Official Gazette No. {adopted.year}/{(len(iso3) * 17) % 90 + 10}",
        ),
        _row(
            kind="penal_sanction",
            title="Penal code: offences under the Convention",
            date_adopted=adopted,
            reference="Articles on prohibited weapons",
        ),
        _row(
            kind="military",
            title="Armed forces instruction on the Convention",
            date_adopted=None,
            reference="Ministry of Defence",
            remarks="Date not recorded.",
        ),
    ]


def stockpile(iso3: str, year: int, first_year: int) -> list[dict]:
    held = STOCKPILES.get(iso3)
    if held:
        factor = max(0, 1 - 0.3 * (year - first_year))
        return [
            _row(mine_type=t, quantity=int(q * factor), lot_numbers=f"Lots {t[:3].upper()}-{80 + i}")
            for i, (t, q) in enumerate(held)
        ]
    return [
        _row(
            mine_type=_types(iso3)[0] if _types(iso3)[0] != IMPROVISED else "PMN-2",
            quantity=0,
            lot_numbers="",
            remarks="No stockpiled anti-personnel mines: destruction completed.",
        )
    ]


def discovered(iso3: str, year: int, found: tuple | None = None) -> list[dict]:
    """A previously unknown stockpile found in the year: (type, quantity, region), by default the demo's."""
    found = found or DISCOVERED.get(iso3)
    if not found:
        return []
    mine_type, quantity, region = found
    return [
        _row(
            mine_type=mine_type,
            quantity=quantity,
            lot_numbers="Not marked",
            date_found=datetime.date(year, 8, 14),
            destruction_plan=f"Cache found in {region}; destruction by the national authority within six months.",
        )
    ]


def areas(iso3: str, year: int, first_year: int) -> list[dict]:
    base = _base(iso3)
    rows = []
    shrink = Decimal(str(max(0.2, 1 - 0.09 * (year - first_year))))
    for i, region in enumerate(_regions(iso3)):
        for status in ("confirmed", "suspected"):
            size = Decimal(base.randint(40, 4_000) * 1_000)
            if base.random() < 0.25:
                continue
            types = [t for t in _types(iso3) if base.random() < 0.7] or _types(iso3)[:1]
            rows.append(
                _row(
                    location=f"{region}: {'confirmed' if status == 'confirmed' else 'suspected'} hazardous areas",
                    region=region,
                    status=status,
                    size_m2=(size * shrink).quantize(Decimal("1")),
                    mine_types=", ".join(types),
                    estimated_quantity=base.randint(20, 3_000) if status == "confirmed" else None,
                    emplaced=base.choice(["1990s", "1980s", "2014–2016", "Not known"]),
                    remarks="" if i else "Estimate from the national database.",
                )
            )
    return rows or [
        _row(
            location="Border area",
            region=_regions(iso3)[0],
            status="suspected",
            size_m2=Decimal(250_000),
            mine_types=_types(iso3)[0],
            estimated_quantity=None,
            emplaced="Not known",
        )
    ]


def released(rng: random.Random, iso3: str) -> list[dict]:
    regions = _regions(iso3)
    rows = []
    for method, low, high in (("cancelled", 200, 9_000), ("reduced", 50, 2_500), ("cleared", 20, 1_500)):
        region = rng.choice(regions)
        rows.append(
            _row(
                method=method,
                region=region,
                area_m2=Decimal(rng.randint(low, high) * 100),
                mines_destroyed=0 if method == "cancelled" else rng.randint(0, 900),
            )
        )
    return rows


def retained(iso3: str, year: int, first_year: int) -> list[dict]:
    base = _base(iso3)
    types = [t for t in _types(iso3) if t != IMPROVISED] or ["PMN-2"]
    rows = []
    for i, t in enumerate(types[:2]):
        start = base.randint(200, 2_000)
        rows.append(
            _row(
                institution="Army engineer school" if i == 0 else "National mine action centre",
                mine_type=t,
                quantity=max(0, start - 40 * (year - first_year)),
                lot_numbers=f"{t[:3].upper()}-{1980 + base.randint(0, 15)}",
            )
        )
    return rows


def transferred(iso3: str, year: int) -> list[dict]:
    types = [t for t in _types(iso3) if t != IMPROVISED] or ["PMN-2"]
    return [
        _row(
            recipient="Regional demining training centre",
            mine_type=types[0],
            quantity=40,
            purpose="training",
            date=datetime.date(year, 3, 1),
        )
    ]


def retained_use(rng: random.Random, iso3: str) -> list[dict]:
    types = [t for t in _types(iso3) if t != IMPROVISED] or ["PMN-2"]
    return [
        _row(mine_type=types[0], quantity=rng.randint(10, 30), activity="detection_training"),
        _row(mine_type=types[0], quantity=rng.randint(5, 15), activity="equipment_testing"),
    ]


def facilities(iso3: str) -> list[dict]:
    return [
        _row(
            facility="Former anti-personnel mine production line (state arsenal)",
            action="decommissioning",
            status="completed",
            date=datetime.date(2004, 11, 30),
            remarks="Tooling destroyed; the site produces commercial explosives.",
        ),
        _row(
            facility="Former fuse assembly workshop",
            action="conversion",
            status="completed",
            date=datetime.date(2009, 5, 20),
        ),
    ]


def programmes(iso3: str, affected: bool, year: int, article5_deadline) -> list[dict]:
    rows = [
        _row(
            article="art4",
            status="ongoing" if iso3 in STOCKPILES else "completed",
            methods="Open burning and detonation",
            sites="Military demolition range",
            standards="National standards in line with IMAS 11.20",
        )
    ]
    if affected:
        deadline = f" (deadline {article5_deadline:%Y})" if article5_deadline else ""
        rows.append(
            _row(
                article="art5",
                status="ongoing",
                methods="Non-technical and technical survey, manual and mechanical clearance, mine detection dogs",
                sites=", ".join(_regions(iso3)[:3]),
                standards=f"National mine action standards based on IMAS{deadline}",
            )
        )
    return rows


def destroyed(rng: random.Random, iso3: str, affected: bool, released_rows: list[dict], use_rows: list[dict]):
    rows = []
    for t, q in STOCKPILES.get(iso3, []):
        rows.append(_row(article="art4", mine_type=t, quantity=int(q * 0.3), lot_numbers=f"Lots {t[:3].upper()}"))
    if iso3 in DISCOVERED:
        t, q, _region = DISCOVERED[iso3]
        rows.append(_row(article="art4_discovered", mine_type=t, quantity=q, lot_numbers="Not marked"))
    if affected:
        found = sum(r["mines_destroyed"] or 0 for r in released_rows)
        types = _types(iso3)
        shares = [rng.random() + 0.2 for _t in types]
        for t, share in zip(types, shares, strict=True):
            rows.append(_row(article="art5", mine_type=t, quantity=int(found * share / sum(shares)), lot_numbers=""))
    if not rows:  # mines retained and consumed in training
        used = sum(r["quantity"] or 0 for r in use_rows)
        rows.append(
            _row(
                article="art4",
                mine_type=use_rows[0]["mine_type"] if use_rows else "PMN-2",
                quantity=used,
                lot_numbers="",
                remarks="Retained mines consumed in training.",
            )
        )
    return rows


def mine_types(iso3: str) -> list[dict]:
    types = [t for t in _types(iso3) if t in MINE_TYPES]
    if iso3 in COMMAND_DETONATED:
        types.append(COMMAND_DETONATED[iso3])
    rows = []
    for t in dict.fromkeys(types or ["PMN-2"]):
        producer, dimensions, fusing, explosive, grams, metal, colour = MINE_TYPES[t]
        rows.append(
            _row(
                designation=t,
                producer=producer,
                dimensions=dimensions,
                fusing=fusing,
                explosive_type=explosive,
                explosive_g=Decimal(grams),
                metallic_content=metal,
                colour=colour,
            )
        )
    if IMPROVISED in _types(iso3):
        rows.append(
            _row(
                designation=IMPROVISED,
                producer="Non-State armed groups",
                dimensions="Varies",
                fusing="Pressure plate or tripwire",
                explosive_type="Varies (often ammonium nitrate mixtures)",
                explosive_g=None,
                metallic_content="Varies",
                colour="Varies",
                remarks="Characteristics vary from one device to another.",
            )
        )
    return rows


def warnings(rng: random.Random, iso3: str) -> list[dict]:
    regions = _regions(iso3)
    rows = []
    for kind in ("risk_education", "marking", "community_liaison"):
        reached = kind != "marking"
        rows.append(
            _row(
                kind=kind,
                area=", ".join(rng.sample(regions, k=min(2, len(regions)))),
                women=rng.randint(800, 12_000) if reached else None,
                men=rng.randint(700, 11_000) if reached else None,
                girls=rng.randint(900, 15_000) if reached else None,
                boys=rng.randint(900, 16_000) if reached else None,
                remarks="" if reached else "Signs and fences: no count of people reached.",
            )
        )
    return rows


def casualties(rng: random.Random) -> list[dict]:
    rows = []
    for outcome, low, high in (("killed", 0, 12), ("injured", 1, 30)):
        for sex in ("male", "female"):
            for age in ("adult", "child"):
                rows.append(_row(outcome=outcome, sex=sex, age_group=age, count=rng.randint(low, high)))
    if rng.random() < 0.5:
        rows.append(_row(outcome="injured", sex="unknown", age_group="unknown", count=rng.randint(1, 5)))
    return rows


def command_detonated(iso3: str, mine_type: str = "") -> list[dict]:
    t = mine_type or COMMAND_DETONATED.get(iso3)
    if not t:
        return []
    return [
        _row(
            mine_type=t,
            quantity=_base(iso3).randint(300, 4_000),
            measures="Tripwire fuses removed and destroyed; kept with command firing devices only.",
        )
    ]


def fuses(iso3: str, *, held: bool | None = None) -> list[dict]:
    if not (iso3 in FORMER_PRODUCERS if held is None else held):
        return []
    return [
        _row(
            fuse_type="Anti-vehicle mine tilt-rod fuse",
            quantity=_base(iso3).randint(100, 1_500),
            action="Withdrawn from service; destruction planned",
        )
    ]


def foreign(rng: random.Random, iso3: str) -> list[dict]:
    return [
        _row(
            holder="Forces of another State stationed on the territory",
            mine_type=rng.choice(COMMAND_TYPES),
            quantity=rng.randint(50, 600),
            location=_regions(iso3)[0],
            remarks="Kept in command-detonated mode only, as declared by the holder.",
        )
    ]


def national_resources(rng: random.Random, year: int) -> list[dict]:
    return [
        _row(year=year, amount=Decimal(rng.randint(4, 60) * 50_000), currency="USD", purpose="clearance"),
        _row(year=year, amount=Decimal(rng.randint(2, 20) * 25_000), currency="USD", purpose="victim_assistance"),
    ]


def needs(rng: random.Random, iso3: str, year: int) -> list[dict]:
    regions = _regions(iso3)
    return [
        _row(
            purpose="clearance",
            region=regions[0],
            amount=Decimal(rng.randint(10, 120) * 100_000),
            currency="USD",
            from_year=year + 1,
            to_year=year + 3,
            status="unmet",
        ),
        _row(
            purpose="risk_education",
            region=regions[-1],
            amount=Decimal(rng.randint(2, 30) * 50_000),
            currency="USD",
            from_year=year + 1,
            to_year=year + 1,
            status="partially_met",
        ),
        _row(
            purpose="victim_assistance",
            region="",
            amount=None,
            currency="",
            from_year=year + 1,
            to_year=year + 2,
            status="unmet",
            remarks="Amount being costed.",
        ),
    ]


def teams(rng: random.Random) -> list[dict]:
    return [
        _row(kind=kind, women=rng.randint(low, high), men=rng.randint(high, high * 3))
        for kind, low, high in (("nts", 4, 20), ("clearance", 10, 60), ("risk_education", 6, 25))
    ]


def form_rows(
    rng: random.Random,
    *,
    iso3: str,
    name: str,
    year: int,
    first_year: int,
    affected: bool,
    joined: int = 1999,
    article5_deadline=None,
) -> dict[str, list[dict]]:
    """Every table's rows for one State and year, by table key (a table the State has nothing for is
    an empty list: e.g. mined areas for a State that is not affected)."""
    released_rows = released(rng, iso3) if affected else []
    use_rows = retained_use(rng, iso3)
    return {
        "contacts": contacts(iso3, name),
        "measures": measures(iso3, joined),
        "stockpile": stockpile(iso3, year, first_year),
        "discovered": discovered(iso3, year),
        "areas": areas(iso3, year, first_year) if affected else [],
        "released": released_rows,
        "retained": retained(iso3, year, first_year),
        "transferred": transferred(iso3, year),
        "use": use_rows,
        "facilities": facilities(iso3) if iso3 in FORMER_PRODUCERS else [],
        "programmes": programmes(iso3, affected, year, article5_deadline),
        "destroyed": destroyed(rng, iso3, affected, released_rows, use_rows),
        "types": mine_types(iso3),
        "warnings": warnings(rng, iso3) if affected else [],
        "casualties": casualties(rng) if affected else [],
        "command_detonated": command_detonated(iso3),
        "fuses": fuses(iso3),
        "foreign": [],
        "national": national_resources(rng, year) if affected else [],
        "needs": needs(rng, iso3, year) if affected else [],
        "teams": teams(rng) if affected else [],
    }
