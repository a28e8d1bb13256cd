from tests.matrix import Row, isu_only, public

ROWS = [
    Row("states:list", public()),
    Row("states:list", public(), query="?is_affected=true&region=africa&year=2023"),
    Row("states:detail", public(), kwargs=lambda cast: {"iso3": cast.state_a.iso3}),
    Row("states:membership_changes", isu_only()),
    Row(  # Tonga, not in the test registry: recorded (and added) by the ISU only
        "states:membership_changes",
        isu_only(302),
        query="?post",
        method="post",
        data={"acc-state": "TON", "acc-instrument_deposited": "2025-06-25"},
    ),
    Row("state-list", public()),
    Row("state-detail", public(), kwargs=lambda cast: {"iso3": cast.state_a.iso3}),
]
