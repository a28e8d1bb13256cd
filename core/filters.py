"""Filters of list pages whose form fields are the core NumberField (django-filter's NumberFilter
reads "2.023" as a decimal)."""

import django_filters

from .fields import NumberField


class YearFilter(django_filters.Filter):
    """A year typed in a list filter: digits only, never grouped."""

    field_class = NumberField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("grouping", False)
        super().__init__(*args, **kwargs)
