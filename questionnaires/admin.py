from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Choice, Question, Questionnaire, Recipient, Response


class QuestionInline(admin.TabularInline):
    model = Question
    fields = ["order", "kind", "text_en", "required"]
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(SimpleHistoryAdmin):
    list_display = ["title_en", "circulation_date", "deadline", "circulated_at"]
    inlines = [QuestionInline]


@admin.register(Question)
class QuestionAdmin(SimpleHistoryAdmin):
    list_display = ["questionnaire", "order", "kind", "text_en"]
    list_filter = ["kind"]


admin.site.register(Choice)
admin.site.register(Recipient)


@admin.register(Response)
class ResponseAdmin(SimpleHistoryAdmin):
    list_display = ["questionnaire", "state", "submitted_at", "version"]
    readonly_fields = ["draft_data", "submitted_data"]
