import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import YearFilter

from .models import Region, State


class StateFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or code"), method="filter_q")
    region = django_filters.ChoiceFilter(label=_("Region"), choices=Region.choices)
    is_affected = django_filters.BooleanFilter(label=_("Mine-affected"))
    is_provider = django_filters.BooleanFilter(label=_("Provider of assistance"))
    year = YearFilter(label=_("Party in year"), method="filter_year", min_value=1900, max_value=2200)

    class Meta:
        model = State
        fields = ["q", "region", "is_affected", "is_provider", "year"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(name_en__icontains=value)
            | Q(name_fr__icontains=value)
            | Q(name_es__icontains=value)
            | Q(iso3__iexact=value)
        )

    def filter_year(self, queryset, name, value):
        return queryset.parties_in(int(value)) if value else queryset
