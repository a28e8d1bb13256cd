from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from core import admin as core_admin

from .models import AuditEvent, User


@admin.register(User)
class UserAdmin(core_admin.ProjectAdminMixin, BaseUserAdmin):
    list_display = ["email", "first_name", "last_name", "role", "state", "is_active"]
    list_filter = ["role", "is_active", "preferred_language"]
    search_fields = ["email", "first_name", "last_name", "state__name_en"]
    fieldsets = BaseUserAdmin.fieldsets + (
        ("Convention", {"fields": ("role", "state", "preferred_language", "title", "phone", "deactivated_at")}),
    )


@admin.register(AuditEvent)
class AuditEventAdmin(core_admin.ModelAdmin):
    list_display = ["at", "kind", "username", "ip_address", "path", "status_code"]
    list_filter = ["kind"]
    search_fields = ["username", "path", "ip_address"]
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
