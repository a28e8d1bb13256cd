"""The one number field of every form: integers, decimals, amounts, years, in the reader's language.

    NumberField(label=..., decimal_places=2, max_digits=18, min_value=0)   # an amount: 12 000,50
    NumberField(label=..., min_value=0)                                   # a count: 12.000 in Spanish
    year_field(label=...)                                                 # 2023, never "2.023"

It reads the separators of the active language (or of `field.locale`, e.g. a draft typed in another
language) with core.numbers, refuses what could be misread and shows values back the reader's way
in a text input (a browser's number input would drop "12.000,50" or read it its own way).
"""

from decimal import Decimal

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.forms import models as form_models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .numbers import NumberInputError, current_language, format_number, parse_number
from .text import ControlCharactersValidator, mark_control_characters

FIRST_YEAR, LAST_YEAR = 1999, 2100  # the Convention entered into force on 1 March 1999
DEFAULT_MAX_DIGITS = 18  # within a 64-bit integer column


class NumberInput(forms.TextInput):
    """A text input: the value is written the reader's way by NumberField.prepare_value."""

    def __init__(self, attrs=None, *, decimal: bool = False):
        base = {"inputmode": "decimal" if decimal else "numeric", "autocomplete": "off"}
        super().__init__(attrs={**base, **(attrs or {})})


class NumberField(forms.Field):
    widget = NumberInput
    default_error_messages = {
        "min_value": _("Type a number of at least %(limit)s."),
        "max_value": _("Type a number of at most %(limit)s."),
        "range": _("Type a number from %(min)s to %(max)s."),
    }

    def __init__(
        self,
        *,
        decimal_places: int = 0,
        max_digits: int = DEFAULT_MAX_DIGITS,
        min_value=None,
        max_value=None,
        grouping: bool = True,
        locale: str | None = None,
        localize: bool = True,
        **kwargs,
    ):
        self.decimal_places = decimal_places or 0
        self.max_digits = max_digits
        self.min_value = None if min_value is None else Decimal(str(min_value))
        self.max_value = None if max_value is None else Decimal(str(max_value))
        self.grouping = grouping
        self.locale = locale  # the language the data was typed in; None: the active language
        widget = kwargs.pop("widget", None)
        if widget is None or (isinstance(widget, type) and issubclass(widget, NumberInput)):
            widget = NumberInput(decimal=self.decimal_places > 0)
        super().__init__(widget=widget, localize=localize, **kwargs)

    @property
    def is_integer(self) -> bool:
        return self.decimal_places == 0

    def to_python(self, value):
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            if self.is_integer and Decimal(value) != Decimal(value).to_integral_value():
                raise ValidationError(_("Type a whole number."), code="not_whole")  # never truncated
            return int(value) if self.is_integer else Decimal(value)
        if value in self.empty_values:
            return None
        try:
            number = parse_number(value, lang=self.locale, places=self.decimal_places, grouping=self.grouping)
        except NumberInputError as exc:
            raise ValidationError(exc.message, code=exc.code) from None
        if number is None:
            return None
        return int(number) if self.is_integer else number

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        number = Decimal(value)
        whole_digits = len(str(abs(int(number)))) if number else 0
        limit = self.max_digits - self.decimal_places
        if whole_digits > limit:
            raise ValidationError(
                ngettext(
                    "Type at most %(digits)s digit before the decimal sign.",
                    "Type at most %(digits)s digits before the decimal sign.",
                    limit,
                )
                % {"digits": limit}
                if not self.is_integer
                else ngettext("Type at most %(digits)s digit.", "Type at most %(digits)s digits.", limit)
                % {"digits": limit},
                code="max_digits",
            )
        low, high = self.min_value, self.max_value
        if (low is not None and number < low) or (high is not None and number > high):
            show = {"lang": current_language(), "grouping": self.grouping}
            if low is not None and high is not None:
                code, params = "range", {"min": format_number(low, **show), "max": format_number(high, **show)}
            elif low is not None:
                code, params = "min_value", {"limit": format_number(low, **show)}
            else:
                code, params = "max_value", {"limit": format_number(high, **show)}
            raise ValidationError(self.error_messages[code], code=code, params=params)

    def prepare_value(self, value):
        """A stored number is shown the reader's way (12.000 in Spanish); typed text stays as typed."""
        if isinstance(value, int | Decimal | float) and not isinstance(value, bool):
            return format_number(value, grouping=self.grouping)
        return value

    def bound_data(self, data, initial):
        """Text typed in another language (a draft) is shown the reader's way when it reads cleanly."""
        if self.disabled:
            return initial
        if self.locale and self.locale != current_language() and isinstance(data, str) and data.strip():
            try:
                value = self.to_python(data)
            except ValidationError:
                return data
            return value
        return data

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != self.to_python(initial)
        except ValidationError:
            return True

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, NumberInput):
            attrs["data-number"] = "decimal" if self.decimal_places else "integer"
        return attrs


def year_field(label, *, min_value: int = FIRST_YEAR, max_value: int = LAST_YEAR, **kwargs) -> NumberField:
    """A year: digits only (a year is never grouped: "2.023" and "2,023" are refused)."""
    return NumberField(label=label, min_value=min_value, max_value=max_value, grouping=False, **kwargs)


def ordinal_field(label, **kwargs) -> NumberField:
    """A meeting, version or action number: digits only, like a year."""
    kwargs.setdefault("min_value", 1)
    return NumberField(label=label, grouping=False, **kwargs)


def set_number_locale(form: forms.BaseForm, locale: str | None) -> None:
    """Read the form's numbers as typed in `locale` (a draft saved in another language)."""
    for field in form.fields.values():
        if isinstance(field, NumberField):
            field.locale = locale


# --- model forms -----------------------------------------------------------------------------------

# Model fields that hold years or ordinals rather than quantities: never grouped.
UNGROUPED_NAMES = ("year", "number", "version", "meeting_number", "start_year", "end_year", "term_start")


# --- dates -------------------------------------------------------------------------------------------


class DateInput(forms.DateInput):
    """The browser's date picker, its value always ISO (what the date field reads in every language)."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


# --- text --------------------------------------------------------------------------------------------


class CharField(forms.CharField):
    """Django's, refusing every control character (not only NUL, which PostgreSQL refuses) with a message
    next to the field, and showing the refused text back whole with them visible as � (core.text)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.validators = [
            ControlCharactersValidator() if isinstance(v, validators.ProhibitNullCharactersValidator) else v
            for v in self.validators
        ]

    def bound_data(self, data, initial):
        data = super().bound_data(data, initial)
        return mark_control_characters(data) if isinstance(data, str) else data


# --- choices of model objects ----------------------------------------------------------------------

INT_LIMIT = 2**63 - 1


def _integer_key(field: forms.ModelChoiceField) -> bool:
    key = field.to_field_name or "pk"
    model = field.queryset.model
    model_field = model._meta.pk if key == "pk" else model._meta.get_field(key)
    return isinstance(model_field, models.IntegerField | models.AutoField)


def _beyond_64_bits(value) -> bool:
    try:
        return abs(int(str(value).strip())) > INT_LIMIT
    except (TypeError, ValueError):
        return False


class ModelChoiceField(forms.ModelChoiceField):
    """Django's, answering an id beyond 64 bits with "Select a valid choice" instead of sending it to
    the database (SQLite raises OverflowError and PostgreSQL a DataError: a 500)."""

    def to_python(self, value):
        if value not in self.empty_values and _integer_key(self) and _beyond_64_bits(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, with the same guard as ModelChoiceField for each id."""

    def clean(self, value):
        if value not in self.empty_values and _integer_key(self):
            for pk in value if isinstance(value, list | tuple | set) else [value]:
                if _beyond_64_bits(pk):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return super().clean(value)


def number_formfield(db_field: models.Field, **kwargs) -> forms.Field | None:
    """`formfield_callback` of every ModelForm (and of the admin, core.admin): a model's integers and
    decimals become NumberField, its texts core's CharField, its foreign keys and many-to-many fields
    core's model choice fields."""
    if type(db_field) in (models.CharField, models.TextField) and not db_field.choices:
        kwargs.setdefault("form_class", CharField)
        return db_field.formfield(**kwargs)
    if isinstance(db_field, models.ForeignKey | models.OneToOneField):
        kwargs.setdefault("form_class", ModelChoiceField)
        return db_field.formfield(**kwargs)
    if isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", ModelMultipleChoiceField)
        return db_field.formfield(**kwargs)
    if isinstance(db_field, models.IntegerField | models.DecimalField) and not db_field.choices:
        if isinstance(db_field, models.AutoField | models.BigAutoField | models.SmallAutoField):
            return db_field.formfield(**kwargs)
        kwargs.setdefault("form_class", NumberField)
        kwargs.pop("localize", None)
        if db_field.name in UNGROUPED_NAMES or db_field.name.endswith("_year"):
            kwargs.setdefault("grouping", False)
        if isinstance(db_field, models.DecimalField):
            kwargs.setdefault("max_digits", db_field.max_digits)
            kwargs.setdefault("decimal_places", db_field.decimal_places)
        field = db_field.formfield(**kwargs)
        if isinstance(field, NumberField) and isinstance(db_field, models.IntegerField):
            _integer_range(field, db_field)
        return field
    return db_field.formfield(**kwargs)


def _integer_range(field: NumberField, db_field: models.Field) -> None:
    """The model's own limits (its validators, a small integer's 32767, a year's 1999-2100), not the
    database's 64-bit ones (too many digits are refused anyway)."""
    from django.core.validators import MaxValueValidator, MinValueValidator

    field.min_value = Decimal(0) if "Positive" in type(db_field).__name__ else None
    field.max_value = Decimal(32767) if "SmallInteger" in type(db_field).__name__ else None
    for v in db_field._validators:
        limit = Decimal(v.limit_value() if callable(v.limit_value) else v.limit_value)
        if isinstance(v, MinValueValidator) and (field.min_value is None or limit > field.min_value):
            field.min_value = limit
        if isinstance(v, MaxValueValidator) and (field.max_value is None or limit < field.max_value):
            field.max_value = limit
    if db_field.name == "year" or db_field.name.endswith("_year"):
        field.min_value, field.max_value = Decimal(FIRST_YEAR), Decimal(LAST_YEAR)


class NumberModelFormMetaclass(form_models.ModelFormMetaclass):
    def __new__(mcs, name, bases, attrs):
        meta = attrs.get("Meta")
        if meta is not None and getattr(meta, "formfield_callback", None) is None:
            meta.formfield_callback = number_formfield
        return super().__new__(mcs, name, bases, attrs)


class ModelForm(forms.ModelForm, metaclass=NumberModelFormMetaclass):
    """The project's ModelForm: a model's numbers are NumberField, read and shown the reader's way."""
