from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Committee, CommitteeMembership, CommitteeYear


@admin.register(Committee)
class CommitteeAdmin(SimpleHistoryAdmin):
    list_display = ["name_en", "slug", "is_coordinating"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(CommitteeMembership)
class CommitteeMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["committee", "state", "term_start"]
    list_filter = ["committee", "term_start"]


@admin.register(CommitteeYear)
class CommitteeYearAdmin(SimpleHistoryAdmin):
    list_display = ["committee", "year", "chair", "gender_focal_point"]
    list_filter = ["committee", "year"]
