"""Every number typed in a form of the project goes through core.fields.NumberField.

The forms are found by importing every module of the project's apps, so a new forms.IntegerField
(declared, or made by a ModelForm from a model's IntegerField/DecimalField) fails here.
"""

import importlib
import inspect
import pkgutil
from pathlib import Path

import django_filters
from django import forms
from django.apps import apps
from django.conf import settings

from core.fields import NumberField
from questionnaires.answers import build_field
from questionnaires.models import Question, QuestionKind
from workplan.tests.factories import CommitteeFactory

DJANGO_NUMBERS = (forms.IntegerField, forms.DecimalField, forms.FloatField)
SKIP_PARTS = {"tests", "migrations", "management"}


def _project_modules():
    base = Path(settings.BASE_DIR).resolve()
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if base not in path.parents or "site-packages" in path.parts:
            continue
        yield importlib.import_module(config.name)
        for info in pkgutil.walk_packages([str(path)], prefix=f"{config.name}."):
            if SKIP_PARTS & set(info.name.split(".")):
                continue
            yield importlib.import_module(info.name)


def _project_classes(base_class):
    seen = set()
    for module in _project_modules():
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, base_class) and cls.__module__ == module.__name__ and cls not in seen:
                seen.add(cls)
                yield cls


def number_field_problems(form_class) -> list[str]:
    """The fields of `form_class` that read numbers some other way than NumberField."""
    problems = []
    for name, field in getattr(form_class, "base_fields", {}).items():
        where = f"{form_class.__module__}.{form_class.__name__}.{name}"
        if isinstance(field, DJANGO_NUMBERS):
            problems.append(f"{where} is a {type(field).__name__}")
        elif isinstance(field.widget, forms.NumberInput):
            problems.append(f"{where} uses a browser number input")
        elif isinstance(field, NumberField) and getattr(field.widget, "input_type", "text") != "text":
            problems.append(f"{where} is not a text input")
    return problems


def test_the_check_catches_a_django_integer_field():
    class Careless(forms.Form):
        count = forms.IntegerField()
        amount = forms.DecimalField()
        fine = NumberField()

    assert len(number_field_problems(Careless)) == 2


def test_every_form_of_the_project_reads_numbers_with_the_core_field():
    form_classes = list(_project_classes(forms.BaseForm))
    assert len(form_classes) > 40  # the scan found the project's forms
    names = {cls.__name__ for cls in form_classes}
    assert {"FormJForm", "ReceivedForm", "ApplicationForm", "PriorityPeriodForm"} <= names
    problems = [p for cls in form_classes for p in number_field_problems(cls)]
    assert problems == []


def test_every_model_form_turns_model_numbers_into_the_core_field():
    model_forms = [c for c in _project_classes(forms.BaseModelForm) if getattr(c._meta, "model", None)]
    numeric = 0
    for cls in model_forms:
        for name in cls.base_fields:
            try:
                model_field = cls._meta.model._meta.get_field(name)
            except Exception:
                continue
            if model_field.get_internal_type().endswith(("IntegerField", "DecimalField")) and not model_field.choices:
                numeric += 1
                assert isinstance(cls.base_fields[name], NumberField), f"{cls.__name__}.{name}"
    assert numeric >= 5


def test_list_page_filters_read_numbers_with_the_core_field():
    problems = []
    for cls in _project_classes(django_filters.FilterSet):
        if cls.__module__.endswith(".api"):
            continue  # the API's query parameters are plain digits, for programs (see test_api_numbers)
        for name, flt in cls.base_filters.items():
            if issubclass(flt.field_class, DJANGO_NUMBERS):
                problems.append(f"{cls.__name__}.{name}")
    assert problems == []


def test_a_questionnaire_number_question_is_the_core_field():
    for kind in QuestionKind.values:
        question = Question(kind=kind, text_en="How many?")
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            continue  # choices need a saved question; not numbers anyway
        field = build_field(question, 1)
        assert not isinstance(field, DJANGO_NUMBERS)
        if kind == QuestionKind.NUMBER:
            assert isinstance(field, NumberField) and field.decimal_places == 2


def test_every_admin_form_reads_numbers_with_the_core_field(rf, admin_user):
    from django.contrib import admin

    request = rf.get("/admin/")
    request.user = admin_user
    problems, numeric = [], 0
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in {c.label for c in apps.get_app_configs() if c.name == c.label}:
            continue
        form_class = model_admin.get_form(request)
        inlines = [inline.get_formset(request).form for inline in model_admin.get_inline_instances(request)]
        for cls in [form_class, *inlines]:
            problems += number_field_problems(cls)
            numeric += sum(isinstance(f, NumberField) for f in cls.base_fields.values())
    assert problems == []
    assert numeric >= 5


def test_an_admin_page_shows_a_year_as_typed_digits_in_a_text_input(admin_client):
    from committee.models import CommitteeYear

    committee_year = CommitteeYear.objects.create(committee=CommitteeFactory(), year=2023)
    html = admin_client.get(f"/admin/committee/committeeyear/{committee_year.pk}/change/").content.decode()
    assert 'name="year" value="2023"' in html and 'type="number"' not in html


def test_every_table_of_the_report_reads_numbers_with_the_core_field():
    """The Article 7 forms' row forms are built from their models (reporting/tables.py), not declared."""
    from reporting.tables import TABLES

    tables = [table for section in TABLES.values() for table in section]
    assert len(tables) > 20
    assert [p for table in tables for p in number_field_problems(table.form_class)] == []
