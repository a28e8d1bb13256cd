from django.contrib import admin

from core import admin as core_admin

from .models import CooperationRow, DeadlineExtension, Report, ReportingCycle, ReportVersion, SectionReview


class ExtensionInline(core_admin.TabularInline):
    model = DeadlineExtension
    extra = 0
    autocomplete_fields = ["state"]
    readonly_fields = ["granted_by", "granted_at"]


@admin.register(ReportingCycle)
class ReportingCycleAdmin(core_admin.HistoryAdmin):
    list_display = ["year", "deadline", "online_tool_promoted_by", "note"]
    readonly_fields = ["year"]
    inlines = [ExtensionInline]

    def has_add_permission(self, request):
        return False  # opened through services.cycle_create (the ISU's cycle screen, the yearly task)


@admin.register(Report)
class ReportAdmin(core_admin.HistoryAdmin):
    list_display = ["state", "cycle", "workflow", "submitted_on", "is_late", "current_version"]
    list_filter = ["cycle", "workflow", "is_late"]
    search_fields = ["state__name_en", "state__iso3"]
    list_select_related = ["state", "cycle", "current_version"]
    readonly_fields = [f.name for f in Report._meta.fields]

    def has_add_permission(self, request):
        return False  # reports are started, saved and submitted through the services


class RowInline(core_admin.TabularInline):
    model = CooperationRow
    extra = 0
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ReportVersion)
class ReportVersionAdmin(core_admin.ModelAdmin):
    list_display = [
        "report",
        "number",
        "source",
        "keyed_in_by_isu",
        "received_on",
        "is_recalled",
        "ca_quantitative",
        "ca_qualitative",
        "gender_info",
    ]
    list_filter = ["source", "keyed_in_by_isu", "is_recalled", "ca_quantitative", "ca_qualitative", "gender_info"]
    list_select_related = ["report__state", "report__cycle"]
    inlines = [RowInline]

    def has_change_permission(self, request, obj=None):
        return False  # submitted versions are immutable (recalled through the ISU's versions page)

    def has_add_permission(self, request):
        return False


@admin.register(SectionReview)
class SectionReviewAdmin(core_admin.HistoryAdmin):
    list_display = ["report", "section_key", "updated_by", "updated_at"]
    list_select_related = ["report__state", "report__cycle", "updated_by"]
    readonly_fields = [f.name for f in SectionReview._meta.fields]

    def has_add_permission(self, request):
        return False  # written through services.section_review_save (the ISU's remarks form)
