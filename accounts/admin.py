from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from core import admin as core_admin

from .models import ApiToken, AuditEvent, User


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
    list_display = ["at", "kind", "username", "ip_address", "path", "status_code", "detail"]
    list_filter = ["kind"]
    search_fields = ["username", "path", "ip_address", "detail"]
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # revoked through accounts.services.api_token_revoke, which the audit log records


@admin.register(ApiToken)
class ApiTokenAdmin(core_admin.ModelAdmin):
    """Read-only: tokens are made by their owner and revoked on the ISU's API tokens page."""

    list_display = ["prefix", "name", "user", "created_at", "expires_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["prefix", "name", "user__email"]
    exclude = ["digest"]
    readonly_fields = [f.name for f in ApiToken._meta.fields if f.name != "digest"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
