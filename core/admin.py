"""The base of every admin class: numbers read with core.fields.NumberField (Django's admin would read
"12.000" as 12 and show a browser number input), texts refusing control characters and model choices
guarded like every other form."""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from .fields import CharField, ModelChoiceField, ModelMultipleChoiceField, number_formfield


class ProjectAdminMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        is_number = isinstance(db_field, models.IntegerField | models.DecimalField)
        if is_number and not db_field.choices and not isinstance(db_field, models.AutoField):
            kwargs.pop("widget", None)
            return number_formfield(db_field, **kwargs)
        if type(db_field) in (models.CharField, models.TextField) and not db_field.choices:
            kwargs.setdefault("form_class", CharField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", ModelChoiceField)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", ModelMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ModelAdmin(ProjectAdminMixin, admin.ModelAdmin):
    pass


class HistoryAdmin(ProjectAdminMixin, SimpleHistoryAdmin):
    pass


class TabularInline(ProjectAdminMixin, admin.TabularInline):
    pass


class StackedInline(ProjectAdminMixin, admin.StackedInline):
    pass
