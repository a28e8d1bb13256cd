from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["email", "first_name", "last_name", "role", "state", "is_active"]
    list_filter = ["role", "is_active", "preferred_language"]
    search_fields = ["email", "first_name", "last_name", "state__name_en"]
    fieldsets = BaseUserAdmin.fieldsets + (
        ("Convention", {"fields": ("role", "state", "preferred_language", "title", "phone", "deactivated_at")}),
    )
