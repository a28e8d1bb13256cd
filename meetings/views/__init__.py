"""Views of the meetings app, split by area; every view is importable from here (urls.py uses views.<name>)."""

from .documents import document_add, document_download, document_update, speaker_add, speaker_delete, speaker_update
from .feeds import calendar_committee, calendar_public, calendar_state
from .followups import followup_create, followup_detail, followup_list, followup_update
from .ia import ia_advance, ia_create, ia_detail, ia_list, ia_update
from .meeting import (
    meeting_create,
    meeting_detail,
    meeting_ics,
    meeting_list,
    meeting_update,
    series_detail,
    series_plan,
)
from .priorities import period_create, priority_create, priority_list, priority_update

__all__ = [
    "meeting_list",
    "meeting_detail",
    "meeting_create",
    "meeting_update",
    "meeting_ics",
    "series_plan",
    "series_detail",
    "calendar_public",
    "calendar_committee",
    "calendar_state",
    "document_add",
    "document_update",
    "document_download",
    "speaker_add",
    "speaker_update",
    "speaker_delete",
    "followup_list",
    "followup_detail",
    "followup_create",
    "followup_update",
    "ia_list",
    "ia_create",
    "ia_detail",
    "ia_update",
    "ia_advance",
    "priority_list",
    "priority_create",
    "priority_update",
    "period_create",
]
