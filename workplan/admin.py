from django.contrib import admin

from core import admin as core_admin

from .models import Contact, OsloAction, Statement, WorkplanItem


@admin.register(OsloAction)
class OsloActionAdmin(core_admin.ModelAdmin):
    list_display = ["number", "title_en"]


@admin.register(WorkplanItem)
class WorkplanItemAdmin(core_admin.HistoryAdmin):
    list_display = ["committee", "year", "order", "timing", "owner", "status"]
    list_filter = ["committee", "year", "status"]


admin.site.register(Statement, core_admin.HistoryAdmin)
admin.site.register(Contact, core_admin.HistoryAdmin)
