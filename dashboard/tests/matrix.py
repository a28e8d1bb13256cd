from tests.matrix import Row, committee_only

ROWS = [
    Row("dashboard:index", committee_only()),
    Row("dashboard:index", committee_only(), query="?year=2021"),
    Row("dashboard:drilldown", committee_only(), kwargs=lambda cast: {"kind": "missing"}),
    Row("dashboard:drilldown", committee_only(), kwargs=lambda cast: {"kind": "ca-rows"}, query="?direction=received"),
    Row("dashboard:drilldown", committee_only(), kwargs=lambda cast: {"kind": "owed"}, query="?export=csv"),
    Row(
        "dashboard:drilldown",
        committee_only(),
        kwargs=lambda cast: {"kind": "obligations"},
        query="?source=article7&cycle=2024",
    ),
    Row("dashboard:export", committee_only(), kwargs=lambda cast: {"table": "outstanding", "fmt": "csv"}),
    Row("dashboard:export", committee_only(), kwargs=lambda cast: {"table": "ca_purpose", "fmt": "xlsx"}),
    Row("dashboard-list", committee_only()),
    Row("dashboard-list", committee_only(), query="?year=2022"),
]
