from django.contrib import admin

from core import admin as core_admin

from .models import ReminderPause, SentDigest, SentReminder


@admin.register(SentReminder)
class SentReminderAdmin(core_admin.ModelAdmin):
    list_display = ["state", "source", "cycle", "kind", "email", "status", "attempts", "claimed_at", "sent_at"]
    list_filter = ["status", "source", "cycle", "kind"]
    search_fields = ["state__iso3", "state__name_en", "email"]
    list_select_related = ["state"]
    readonly_fields = [f.name for f in SentReminder._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(ReminderPause)
class ReminderPauseAdmin(core_admin.HistoryAdmin):
    list_display = ["state", "source", "reason", "by", "since", "resumed_at"]
    list_filter = ["source"]
    list_select_related = ["state", "by"]
    raw_id_fields = ["state", "by", "resumed_by"]


@admin.register(SentDigest)
class SentDigestAdmin(core_admin.ModelAdmin):
    list_display = ["week", "email", "status", "attempts", "sent_at"]
    list_filter = ["status", "week"]
    readonly_fields = [f.name for f in SentDigest._meta.fields]

    def has_add_permission(self, request):
        return False
