from django.contrib import admin

from core import admin as core_admin

from .models import ConclusionsDocument, DocumentExport, DocumentLanguageVersion, ExportBatch, StateDisplayName


class VersionInline(core_admin.StackedInline):
    model = DocumentLanguageVersion
    extra = 0
    readonly_fields = ["finalised_at", "finalised_by"]  # set by services.version_finalise only


@admin.register(ConclusionsDocument)
class ConclusionsDocumentAdmin(core_admin.HistoryAdmin):
    list_display = ["meeting_code", "committee", "year", "status", "original_language"]
    list_filter = ["status", "committee"]
    list_select_related = ["committee"]
    readonly_fields = ["status"]  # follows the original language's finalisation (services.version_finalise)
    inlines = [VersionInline]


@admin.register(DocumentExport)
class DocumentExportAdmin(core_admin.ModelAdmin):
    list_display = ["document", "language", "created_by", "created_at", "status_at_export", "sha256"]
    list_select_related = ["document__committee", "created_by"]
    readonly_fields = ["sha256", "size", "file", "created_by", "status_at_export"]


@admin.register(ExportBatch)
class ExportBatchAdmin(core_admin.ModelAdmin):
    list_display = ["document", "status", "done", "created_by", "created_at", "finished_at"]
    list_select_related = ["document__committee", "created_by"]


@admin.register(StateDisplayName)
class StateDisplayNameAdmin(core_admin.ModelAdmin):
    list_display = ["state", "language", "name", "in_sentence"]
    list_select_related = ["state"]
