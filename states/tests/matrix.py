from tests.matrix import Row, public

ROWS = [
    Row("states:list", public()),
    Row("states:list", public(), query="?is_affected=true&region=africa&year=2023"),
    Row("states:detail", public(), kwargs=lambda cast: {"iso3": cast.state_a.iso3}),
    Row("state-list", public()),
    Row("state-detail", public(), kwargs=lambda cast: {"iso3": cast.state_a.iso3}),
]
