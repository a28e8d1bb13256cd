from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Contact, OsloAction, Statement, WorkplanItem


@admin.register(OsloAction)
class OsloActionAdmin(admin.ModelAdmin):
    list_display = ["number", "title_en"]


@admin.register(WorkplanItem)
class WorkplanItemAdmin(SimpleHistoryAdmin):
    list_display = ["committee", "year", "order", "timing", "owner", "status"]
    list_filter = ["committee", "year", "status"]


admin.site.register(Statement, SimpleHistoryAdmin)
admin.site.register(Contact, SimpleHistoryAdmin)
