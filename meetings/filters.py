"""One filter set for the meetings page and `/api/meetings/`: kind, committee, State, date range."""

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from committee.models import Committee
from core.filters import YearFilter
from states.models import State

from .models import Meeting, MeetingKind, MeetingStatus


class MeetingFilter(filters.FilterSet):
    kind = filters.MultipleChoiceFilter(label=_("Kind"), choices=MeetingKind.choices)
    committee = filters.ModelChoiceFilter(
        label=_("Committee"),
        field_name="committees",
        to_field_name="slug",
        queryset=Committee.objects.all(),
    )
    state = filters.ModelChoiceFilter(
        label=_("State"), method="filter_state", to_field_name="iso3", queryset=State.objects.order_by("name_en")
    )
    date_from = filters.DateFilter(label=_("From"), field_name="end_date", lookup_expr="gte")
    date_to = filters.DateFilter(label=_("To"), field_name="start_date", lookup_expr="lte")
    status = filters.ChoiceFilter(label=_("Status"), choices=MeetingStatus.choices)
    year = YearFilter(label=_("Year"), field_name="start_date", lookup_expr="year", min_value=1900, max_value=2200)

    class Meta:
        model = Meeting
        fields = ["kind", "committee", "state", "date_from", "date_to", "status", "year"]

    def filter_state(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.with_state(value)
