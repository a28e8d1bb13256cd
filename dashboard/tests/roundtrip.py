"""The dashboard writes nothing (see tests/roundtrip.py): its forms choose what it shows."""

ROWS = []

NOT_WRITES = {
    "dashboard:index": "the year picker (GET)",
    "dashboard:drilldown": "the year picker and the list's filters (GET)",
}
