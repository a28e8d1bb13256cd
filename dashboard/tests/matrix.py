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
    *[
        Row("dashboard:drilldown", committee_only(), kwargs=lambda cast, kind=kind: {"kind": kind}, query=query)
        for kind, query in (
            ("mined-areas", "?status=suspected"),
            ("land-released", "?method=_"),
            ("destroyed", "?article=art5&mine_type=PMN-2"),
            ("retained", "?state=AAA"),
            ("retained-use", ""),
            ("national-resources", "?currency=EUR"),
            ("casualties", "?sex=female&age_group=child&export=xlsx"),
        )
    ],
    *[
        Row("dashboard:export", committee_only(), kwargs=lambda cast, table=table: {"table": table, "fmt": "csv"})
        for table in (
            "contamination_states",
            "contamination_trend",
            "released",
            "destroyed",
            "retained",
            "resources",
            "casualties",
        )
    ],
    Row("dashboard-list", committee_only()),
    Row("dashboard-list", committee_only(), query="?year=2022"),
]
