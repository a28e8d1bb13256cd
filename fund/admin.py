from django.contrib import admin

from core import admin as core_admin

from .models import Application, ApplicationEvent, BudgetLine, Contribution, Disbursement, TermsOfReference


class ReadOnlyInline(core_admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class BudgetLineInline(ReadOnlyInline):
    model = BudgetLine


class EventInline(ReadOnlyInline):
    model = ApplicationEvent


class DisbursementInline(ReadOnlyInline):
    model = Disbursement


@admin.register(TermsOfReference)
class TermsOfReferenceAdmin(core_admin.HistoryAdmin):
    list_display = ["version", "title", "in_force_from"]


@admin.register(Contribution)
class ContributionAdmin(core_admin.HistoryAdmin):
    """Contributions are recorded through the Fund's form (which locks the ledger); here they are read."""

    list_display = ["received_on", "contributor_state", "contributor_organisation", "amount", "currency"]
    list_filter = ["currency"]
    list_select_related = ["contributor_state", "contributor_organisation"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(core_admin.HistoryAdmin):
    """Read-only: every step goes through the workflow's services so the ledger and log stay right."""

    list_display = ["reference", "state", "title", "status", "requested_amount", "currency"]
    list_filter = ["status", "purpose"]
    list_select_related = ["state"]
    search_fields = ["reference", "title", "state__name_en"]
    inlines = [BudgetLineInline, DisbursementInline, EventInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
