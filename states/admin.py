from django.contrib import admin

from core import admin as core_admin

from .models import Membership, Organisation, State


class MembershipInline(core_admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(State)
class StateAdmin(core_admin.HistoryAdmin):
    list_display = ["iso3", "name_en", "region", "is_affected", "article5_deadline", "is_provider"]
    list_filter = ["region", "is_affected", "is_provider"]
    search_fields = ["iso3", "iso2", "name_en", "name_fr", "name_es"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(core_admin.HistoryAdmin):
    list_display = ["state", "instrument_deposited", "entry_into_force", "withdrawal_notified", "withdrawal_effective"]
    search_fields = ["state__name_en", "state__iso3"]


@admin.register(Organisation)
class OrganisationAdmin(core_admin.ModelAdmin):
    search_fields = ["name", "acronym"]
