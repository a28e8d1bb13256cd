"""Views of the reporting app, split by area; every view is importable from here (urls.py uses views.<name>)."""

from .editor import report_amend, report_amend_discard, report_edit, report_start, report_submit
from .isu import ca_without_gender, compliance_csv, cycle_list, cycle_settings, inbox
from .public import (
    public_list,
    public_report,
    report_photo,
    version_document,
    version_pdf,
    version_print,
    versions_compare,
    versions_compare_pdf,
)
from .review import report_version_recall, report_version_reinstate, section_remarks
from .state import my_reports, report_overview, state_reports

__all__ = [
    "public_list",
    "public_report",
    "version_print",
    "version_pdf",
    "version_document",
    "versions_compare",
    "versions_compare_pdf",
    "report_photo",
    "my_reports",
    "state_reports",
    "report_overview",
    "report_start",
    "report_edit",
    "report_submit",
    "report_amend",
    "report_amend_discard",
    "inbox",
    "ca_without_gender",
    "compliance_csv",
    "cycle_list",
    "cycle_settings",
    "report_version_recall",
    "report_version_reinstate",
    "section_remarks",
]
