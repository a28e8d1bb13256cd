from django.contrib import admin

from core import admin as core_admin
from core.translation import field_names

from .models import (
    BilateralSeries,
    FollowUp,
    IndividualisedApproachRequest,
    Meeting,
    MeetingDocument,
    PanelSpeaker,
    PreliminaryObservations,
    PriorityAction,
    PriorityActionPeriod,
)


class MeetingDocumentInline(core_admin.TabularInline):
    model = MeetingDocument
    extra = 0
    fields = ["title", "kind", "language", "file", "is_published"]


class PanelSpeakerInline(core_admin.TabularInline):
    model = PanelSpeaker
    extra = 0
    autocomplete_fields = ["affiliation_state"]


class FollowUpInline(core_admin.TabularInline):
    model = FollowUp
    extra = 0
    fields = ["action", "owner", "state", "due_date", "status"]
    autocomplete_fields = ["state"]


@admin.register(Meeting)
class MeetingAdmin(core_admin.HistoryAdmin):
    list_display = ["code", "title_en", "kind", "status", "start_date", "end_date", "state"]
    list_filter = ["kind", "status", "committees", "start_date"]
    search_fields = ["code", "title_en", "title_fr", "state__name_en"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["state", "states", "organisations"]
    filter_horizontal = ["committees"]
    list_select_related = ["state"]
    inlines = [MeetingDocumentInline, PanelSpeakerInline, FollowUpInline]


@admin.register(BilateralSeries)
class BilateralSeriesAdmin(core_admin.HistoryAdmin):
    list_display = ["title", "start_date", "end_date", "with_presidency"]


@admin.register(FollowUp)
class FollowUpAdmin(core_admin.HistoryAdmin):
    list_display = ["action", "meeting", "state", "owner", "due_date", "status"]
    list_filter = ["status"]
    search_fields = ["action", "owner", "state__name_en"]
    list_select_related = ["meeting", "state"]
    autocomplete_fields = ["state", "meeting"]


@admin.register(MeetingDocument)
class MeetingDocumentAdmin(core_admin.HistoryAdmin):
    list_display = ["title", "meeting", "kind", "language", "is_published", "uploaded_at"]
    list_filter = ["kind", "is_published"]
    list_select_related = ["meeting"]


@admin.register(PanelSpeaker)
class PanelSpeakerAdmin(core_admin.HistoryAdmin):
    list_display = ["name", "meeting", "role", "gender", "affiliation_state", "affiliation_organisation"]
    list_filter = ["gender", "role"]
    list_select_related = ["meeting", "affiliation_state", "affiliation_organisation"]


@admin.register(IndividualisedApproachRequest)
class IndividualisedApproachRequestAdmin(core_admin.HistoryAdmin):
    list_display = ["state", "committee", "status", "requested_on", "scheduled_on", "held_on", "report_published_on"]
    list_filter = ["status", "committee"]
    list_select_related = ["state", "committee"]
    autocomplete_fields = ["state"]


class PriorityActionInline(core_admin.StackedInline):
    model = PriorityAction
    extra = 0
    fields = ["number", *field_names("text"), "status", "carried_over_from", "notes"]
    raw_id_fields = ["carried_over_from"]


@admin.register(PriorityActionPeriod)
class PriorityActionPeriodAdmin(core_admin.HistoryAdmin):
    list_display = ["__str__", "committee", "adopted_at"]
    inlines = [PriorityActionInline]


@admin.register(PriorityAction)
class PriorityActionAdmin(core_admin.HistoryAdmin):
    list_display = ["number", "period", "status"]
    list_filter = ["period", "status"]
    filter_horizontal = ["meetings", "followups"]
    raw_id_fields = ["carried_over_from"]


@admin.register(PreliminaryObservations)
class PreliminaryObservationsAdmin(core_admin.HistoryAdmin):
    list_display = ["committee", "meeting", "cycle", "submitted_on"]
    list_filter = ["committee", "cycle"]
    list_select_related = ["committee", "meeting", "cycle"]
    raw_id_fields = ["meeting", "document"]
