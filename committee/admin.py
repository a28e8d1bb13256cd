from django.contrib import admin

from core import admin as core_admin

from .models import Committee, CommitteeMembership, CommitteeYear


@admin.register(Committee)
class CommitteeAdmin(core_admin.HistoryAdmin):
    list_display = ["name_en", "topic_en", "slug", "is_coordinating"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(CommitteeMembership)
class CommitteeMembershipAdmin(core_admin.HistoryAdmin):
    list_display = ["committee", "state", "term_start"]
    list_filter = ["committee", "term_start"]


@admin.register(CommitteeYear)
class CommitteeYearAdmin(core_admin.HistoryAdmin):
    list_display = ["committee", "year", "chair", "gender_focal_point"]
    list_filter = ["committee", "year"]
