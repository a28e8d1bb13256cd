"""The API reads and writes numbers as JSON numbers (or plain digits), never the reader's format."""

import pytest
from rest_framework import serializers

from core.tests.test_every_number_field import _project_classes

NUMBER_FIELDS = (serializers.IntegerField, serializers.DecimalField, serializers.FloatField)


def _numeric_fields():
    for cls in _project_classes(serializers.Serializer):
        try:
            fields = cls().fields
        except Exception:  # a serializer that needs context to build its fields
            continue
        for name, field in fields.items():
            if isinstance(field, NUMBER_FIELDS):
                yield cls, name, field


def test_no_api_serializer_reads_localized_numbers():
    found = list(_numeric_fields())
    assert found  # the scan found the API's numbers
    assert [f"{cls.__name__}.{name}" for cls, name, field in found if getattr(field, "localize", False)] == []


@pytest.mark.parametrize("typed", ["12.000,50", "12 000,50", "12,000.50"])
def test_a_decimal_in_a_readers_format_is_not_a_json_number(typed):
    field = serializers.DecimalField(max_digits=18, decimal_places=2)
    with pytest.raises(serializers.ValidationError):
        field.to_internal_value(typed)
