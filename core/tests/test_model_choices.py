"""Every choice of model objects, in every form and admin page, refuses an id beyond 64 bits with a
message instead of a database error: core.fields' model choice fields, used by subclassing (no
monkey-patching of Django)."""

import pytest
from django import forms
from django.contrib import admin
from django.contrib.admin.sites import AdminSite

from core.admin import ProjectAdminMixin
from core.fields import ModelChoiceField, ModelMultipleChoiceField
from core.tests.test_every_number_field import _project_classes
from states.models import State
from states.tests.factories import StateFactory

CORE = (ModelChoiceField, ModelMultipleChoiceField)
HUGE = str(2**64)


def _django_choice_fields(form_class) -> list[str]:
    return [
        f"{form_class.__module__}.{form_class.__name__}.{name}"
        for name, field in getattr(form_class, "base_fields", {}).items()
        if isinstance(field, forms.ModelChoiceField) and not isinstance(field, CORE)
    ]


def test_every_form_of_the_project_chooses_objects_with_the_core_fields():
    form_classes = list(_project_classes(forms.BaseForm))
    assert len(form_classes) > 40
    assert [p for cls in form_classes for p in _django_choice_fields(cls)] == []


def test_every_admin_class_of_the_project_is_built_on_the_core_admin():
    project_apps = {"accounts", "committee", "conclusions", "fund", "meetings", "ops", "questionnaires"}
    project_apps |= {"reminders", "reporting", "states", "workplan"}
    registered = [ma for m, ma in admin.site._registry.items() if m._meta.app_label in project_apps]
    assert len(registered) > 30
    careless = [type(ma).__name__ for ma in registered if not isinstance(ma, ProjectAdminMixin)]
    inlines = [i for ma in registered for i in ma.inlines if not issubclass(i, ProjectAdminMixin)]
    assert careless == [] and inlines == []


@pytest.mark.django_db
def test_an_id_beyond_64_bits_is_an_invalid_choice_not_a_database_error():
    state = StateFactory()

    class Pick(forms.Form):
        one = ModelChoiceField(queryset=State.objects.all())
        many = ModelMultipleChoiceField(queryset=State.objects.all())

    form = Pick({"one": HUGE, "many": [str(state.pk), HUGE]})
    assert not form.is_valid()
    assert form.errors["one"] == ["Select a valid choice. That choice is not one of the available choices."]
    assert form.errors["many"] == [f"“{HUGE}” is not a valid value."]
    assert Pick({"one": str(state.pk), "many": [str(state.pk)]}).is_valid()


@pytest.mark.django_db
def test_the_admin_form_of_a_foreign_key_uses_the_core_field(rf, admin_user):
    from committee.models import CommitteeYear

    model_admin = admin.site._registry[CommitteeYear]
    request = rf.get("/admin/")
    request.user = admin_user
    form_class = model_admin.get_form(request)
    assert isinstance(form_class.base_fields["committee"], ModelChoiceField)
    assert isinstance(model_admin, ProjectAdminMixin) and not isinstance(AdminSite, ProjectAdminMixin)
