"""The compliance report: one CSV row per State Party of a year, with its status and flags."""

import csv

from .selectors import cycle_statuses

HEADER = ["iso3", "status", "submitted_on", "amended", "ca_quantitative", "ca_qualitative", "gender_info"]


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def compliance_rows(*, year: int) -> list[list[str]]:
    rows = sorted(cycle_statuses(year=year), key=lambda r: r.state.iso3)
    return [
        [
            r.state.iso3,
            r.status,
            r.submitted_on.isoformat() if r.submitted_on else "",
            _yes_no(r.amended),
            _yes_no(r.ca_quantitative),
            _yes_no(r.ca_qualitative),
            _yes_no(r.gender_info),
        ]
        for r in rows
    ]


def write_compliance_csv(stream, *, year: int) -> int:
    # A machine interface with fixed columns ("compliance_report keeps its columns"): comma-separated,
    # ASCII, no BOM, in every language - unlike the downloads for people (core.spreadsheets.csv_bytes),
    # which follow the reader's list separator and decimal sign.
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(HEADER)
    rows = compliance_rows(year=year)
    writer.writerows(rows)
    return len(rows)
