from django.contrib import admin

from core import admin as core_admin

from .models import PendingTask


@admin.register(PendingTask)
class PendingTaskAdmin(core_admin.ModelAdmin):
    list_display = ["task_name", "created_at", "attempts", "last_error"]
