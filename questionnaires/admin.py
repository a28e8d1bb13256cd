from django.contrib import admin

from core import admin as core_admin

from .models import Choice, Question, Questionnaire, Recipient, Response


class QuestionInline(core_admin.TabularInline):
    model = Question
    fields = ["order", "kind", "text_en", "required"]
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(core_admin.HistoryAdmin):
    list_display = ["title_en", "circulation_date", "deadline", "circulated_at"]
    inlines = [QuestionInline]


@admin.register(Question)
class QuestionAdmin(core_admin.HistoryAdmin):
    list_display = ["questionnaire", "order", "kind", "text_en"]
    list_filter = ["kind"]


admin.site.register(Choice, core_admin.ModelAdmin)
admin.site.register(Recipient, core_admin.ModelAdmin)


@admin.register(Response)
class ResponseAdmin(core_admin.HistoryAdmin):
    list_display = ["questionnaire", "state", "submitted_at", "version"]
    readonly_fields = ["draft_data", "submitted_data"]
