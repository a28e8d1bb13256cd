"""Form safety applied once at startup (core.apps), for every form of every app.

- Model choice fields answer an out-of-range id with "Select a valid choice", not a database error:
  Django's ModelChoiceField / ModelMultipleChoiceField send any integer-looking value to the
  database; one beyond 64 bits makes SQLite raise OverflowError and PostgreSQL a DataError (a 500).
- Text fields refuse control characters, not only NUL, with a message next to the field, and
  show them back as � (core.text).
"""

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.forms import models as form_models

from .text import ControlCharactersValidator, mark_control_characters

INT_LIMIT = 2**63 - 1


def _integer_pk(field) -> bool:
    key = field.to_field_name or "pk"
    model_field = field.queryset.model._meta.pk if key == "pk" else field.queryset.model._meta.get_field(key)
    return isinstance(model_field, models.IntegerField | models.AutoField)


def _out_of_range(value) -> bool:
    try:
        return abs(int(str(value).strip())) > INT_LIMIT
    except (TypeError, ValueError):
        return False


def apply() -> None:
    choice_to_python = form_models.ModelChoiceField.to_python
    multiple_check_values = form_models.ModelMultipleChoiceField._check_values

    def to_python(self, value):
        if value not in self.empty_values and _integer_pk(self) and _out_of_range(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return choice_to_python(self, value)

    def _check_values(self, value):
        if _integer_pk(self):
            for pk in value if isinstance(value, list | tuple | set) else [value]:
                if _out_of_range(pk):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return multiple_check_values(self, value)

    form_models.ModelChoiceField.to_python = to_python
    form_models.ModelMultipleChoiceField._check_values = _check_values
    _refuse_control_characters()


def _refuse_control_characters() -> None:
    char_init = forms.CharField.__init__
    char_bound_data = forms.CharField.bound_data

    def __init__(self, *args, **kwargs):
        char_init(self, *args, **kwargs)
        self.validators = [
            ControlCharactersValidator() if isinstance(v, validators.ProhibitNullCharactersValidator) else v
            for v in self.validators
        ]

    def bound_data(self, data, initial):
        data = char_bound_data(self, data, initial)
        return mark_control_characters(data) if isinstance(data, str) else data

    forms.CharField.__init__ = __init__
    forms.CharField.bound_data = bound_data
