"""`/api/reports/?year=YYYY`: Article 7 reports with their status and the committee's flags.

Anonymous visitors get submitted (public) reports only; the committee (chair, members, ISU) gets every
report, drafts included; a delegate (or a State's read-only user) gets the public ones plus its own State's
drafts."""

from django.db.models import Q
from django_filters import rest_framework as filters
from rest_framework import mixins, serializers, viewsets
from rest_framework.pagination import LimitOffsetPagination

from accounts.roles import is_committee, own_state_id

from .models import CycleStatus, Report


class ReportSerializer(serializers.ModelSerializer):
    state = serializers.SlugRelatedField(slug_field="iso3", read_only=True)
    state_name = serializers.CharField(source="state.name_en", read_only=True)
    year = serializers.IntegerField(source="cycle.year", read_only=True)
    status = serializers.ChoiceField(choices=CycleStatus.choices, source="cycle_status", read_only=True)
    amended = serializers.BooleanField(read_only=True)
    version = serializers.SerializerMethodField()
    ca_quantitative = serializers.SerializerMethodField()
    ca_qualitative = serializers.SerializerMethodField()
    gender_info = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "state",
            "state_name",
            "year",
            "status",
            "submitted_on",
            "deadline_at_submission",
            "amended",
            "version",
            "ca_quantitative",
            "ca_qualitative",
            "gender_info",
            "url",
        ]

    def _flag(self, obj, name) -> bool:
        return bool(obj.current_version and getattr(obj.current_version, name))

    def get_version(self, obj) -> int | None:
        return obj.current_version.number if obj.current_version else None

    def get_ca_quantitative(self, obj) -> bool:
        return self._flag(obj, "ca_quantitative")

    def get_ca_qualitative(self, obj) -> bool:
        return self._flag(obj, "ca_qualitative")

    def get_gender_info(self, obj) -> bool:
        return self._flag(obj, "gender_info")

    def get_url(self, obj) -> str | None:
        from django.urls import reverse

        if not obj.current_version_id:
            return None
        request = self.context.get("request")
        path = reverse("reporting:public", args=[obj.state.iso3, obj.cycle.year])
        return request.build_absolute_uri(path) if request else path


class ReportApiFilter(filters.FilterSet):
    year = filters.NumberFilter(
        field_name="cycle__year", label="Calendar year reported on", min_value=1900, max_value=2200
    )
    state = filters.CharFilter(field_name="state__iso3", lookup_expr="iexact", label="State (ISO alpha-3)")

    class Meta:
        model = Report
        fields = ["year", "state"]


class YearOrPagePagination(LimitOffsetPagination):
    """One cycle (`?year=`) comes as a plain list (at most one report per State); anything wider is
    paged (`?limit=&offset=`, 200 by default) so a response never grows with the years."""

    default_limit = 200
    max_limit = 1000

    def paginate_queryset(self, queryset, request, view=None):
        if request.query_params.get("year") and self.limit_query_param not in request.query_params:
            return None
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "oneOf": [super().get_paginated_response_schema(schema), schema],
            "description": "A page (`count`, `next`, `previous`, `results`); a plain list with `?year=` "
            "and no `limit`.",
        }


class ReportViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Article 7 reports; `?year=2022` for the reports on calendar year 2022 (a plain list);
    without a year the list is paged with `limit` and `offset`."""

    serializer_class = ReportSerializer
    pagination_class = YearOrPagePagination
    filterset_class = ReportApiFilter

    def get_queryset(self):
        qs = (
            Report.objects.select_related("state", "cycle", "current_version")
            .defer("draft_data", "current_version__content")
            .order_by("-cycle__year", "state__name_en")
        )
        user = self.request.user
        if is_committee(user):
            return qs
        own = own_state_id(user)
        if own is not None:
            return qs.filter(Q(current_version__isnull=False) | Q(state_id=own))
        return qs.submitted()


def register(router) -> None:
    router.register("reports", ReportViewSet, basename="report")
