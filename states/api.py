from django_filters import rest_framework as filters
from rest_framework import serializers, viewsets

from core.translation import field_names

from .models import Membership, Region, State


class MembershipSerializer(serializers.ModelSerializer):
    class Meta:
        model = Membership
        fields = ["entry_into_force", "withdrawal_effective"]


class StateSerializer(serializers.ModelSerializer):
    memberships = MembershipSerializer(many=True, read_only=True)

    class Meta:
        model = State
        fields = [
            "iso3",
            "iso2",
            *field_names("name"),
            "region",
            "is_affected",
            "article5_deadline",
            "is_provider",
            "memberships",
        ]


class StateApiFilter(filters.FilterSet):
    year = filters.NumberFilter(method="filter_year", label="Party in year", min_value=1900, max_value=2200)
    region = filters.ChoiceFilter(choices=Region.choices)

    class Meta:
        model = State
        fields = ["year", "region", "is_affected", "is_provider"]

    def filter_year(self, queryset, name, value):
        return queryset.parties_in(int(value))


class StateViewSet(viewsets.ReadOnlyModelViewSet):
    """States Parties. `?year=2023` keeps those that were a Party in that year."""

    queryset = State.objects.prefetch_related("memberships").order_by("name_en")
    serializer_class = StateSerializer
    filterset_class = StateApiFilter
    lookup_field = "iso3"
    lookup_value_regex = "[A-Za-z]{3}"


def register(router) -> None:
    router.register("states", StateViewSet, basename="state")
