"""Form safety applied once at startup (core.apps), for every form of every app.

- Model choice fields answer an out-of-range id with "Select a valid choice", not a database error:
  Django's ModelChoiceField / ModelMultipleChoiceField send any integer-looking value to the
  database; one beyond 64 bits makes SQLite raise OverflowError and PostgreSQL a DataError (a 500).
- The admin's forms read numbers with core.fields.NumberField, like every other form (Django's
  admin would read "12.000" as 12 and show a browser number input).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.forms import models as form_models

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
    _admin_numbers()


def _admin_numbers() -> None:
    from django.contrib.admin.options import BaseModelAdmin

    from .fields import number_formfield

    admin_formfield = BaseModelAdmin.formfield_for_dbfield

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        is_number = isinstance(db_field, models.IntegerField | models.DecimalField)
        if is_number and not db_field.choices and not isinstance(db_field, models.AutoField):
            kwargs.pop("widget", None)
            return number_formfield(db_field, **kwargs)
        return admin_formfield(self, db_field, request, **kwargs)

    BaseModelAdmin.formfield_for_dbfield = formfield_for_dbfield
