"""`/api/reports/?year=YYYY`: Article 7 reports with their status and the committee's flags.

Anonymous visitors get submitted (public) reports only; the committee (chair, members, ISU) gets every
report, drafts included; a delegate (or a State's read-only user) gets the public ones plus its own State's
drafts."""

from django.db import models as db_models
from django.db.models import Q
from django.urls import reverse
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from accounts.roles import is_committee, own_state_id

from .models import ContactRow, CooperationRow, CycleStatus, Report, VersionSource
from .sections import SECTIONS, Mode
from .selectors import state_cycle_row
from .tables import TABLES


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


# --- `/api/reports/<ISO3>/<year>/`: one submitted report, every form and row typed ---------------------


def _row_serializer(table) -> type[serializers.ModelSerializer]:
    """The rows of one of the forms' tables: numbers as numbers, null where the figure is not reported."""
    attrs: dict = {}
    for name in table.columns:
        field = table.model_field(name)
        if isinstance(field, db_models.DecimalField):
            attrs[name] = serializers.DecimalField(
                max_digits=field.max_digits,
                decimal_places=field.decimal_places,
                coerce_to_string=False,
                allow_null=True,
                read_only=True,
                help_text=str(field.verbose_name),
            )
    columns = [n for n in table.columns if not (table.key == "contacts" and n == "is_public")]
    meta = type("Meta", (), {"model": table.model, "fields": columns, "read_only_fields": columns})
    return type(f"{table.model.__name__}Serializer", (serializers.ModelSerializer,), {**attrs, "Meta": meta})


ROW_SERIALIZERS = {(section, t.key): _row_serializer(t) for section, tables in TABLES.items() for t in tables}


class CooperationRowSerializer(serializers.ModelSerializer):
    partner_state = serializers.SlugRelatedField(slug_field="iso3", read_only=True, allow_null=True)
    partner_organisation = serializers.SlugRelatedField(slug_field="name", read_only=True, allow_null=True)
    amount = serializers.DecimalField(
        max_digits=18, decimal_places=2, coerce_to_string=False, allow_null=True, read_only=True
    )

    class Meta:
        model = CooperationRow
        fields = [
            "direction",
            "partner_kind",
            "partner_state",
            "partner_organisation",
            "partner_name",
            "year",
            "amount",
            "currency",
            "purpose",
            "channel",
            "gender_considered",
            "description",
        ]
        read_only_fields = fields


def _tables_serializer(section) -> type[serializers.Serializer] | None:
    if not section.tables:
        return None
    attrs = {t.key: ROW_SERIALIZERS[(section.key, t.key)](many=True, read_only=True) for t in section.tables}
    name = f"Form{(section.letter or section.key).capitalize()}TablesSerializer"
    return type(name, (serializers.Serializer,), attrs)


def _form_serializer(section) -> type[serializers.Serializer]:
    attrs: dict = {
        "title": serializers.CharField(read_only=True),
        "mode": serializers.ChoiceField(
            choices=[c[0] for c in Mode.CHOICES],
            read_only=True,
            help_text="filled; no_change (fields and tables are those of the report it is unchanged since); "
            "not_applicable (empty).",
        ),
        "unchanged_since": serializers.IntegerField(
            allow_null=True, read_only=True, help_text="With no_change: the year of the report that gave them."
        ),
        "fields": serializers.DictField(
            read_only=True, help_text="The form's own fields (typed JSON: numbers, booleans, text, ISO dates)."
        ),
    }
    tables = _tables_serializer(section)
    if tables is not None:
        attrs["tables"] = tables(read_only=True)
    if section.has_rows:
        attrs["rows"] = CooperationRowSerializer(
            many=True, read_only=True, help_text="Cooperation and assistance received and provided."
        )
    name = f"Form{(section.letter or section.key).capitalize()}Serializer"
    return type(name, (serializers.Serializer,), attrs)


FORM_KEYS = [s.key for s in SECTIONS if s.key != "cover"]
FormsSerializer = type(
    "ReportFormsSerializer",
    (serializers.Serializer,),
    {s.key: _form_serializer(s)(read_only=True) for s in SECTIONS if s.key != "cover"},
)


class CoverSerializer(serializers.Serializer):
    period_from = serializers.DateField(allow_null=True, read_only=True)
    period_to = serializers.DateField(allow_null=True, read_only=True)
    language = serializers.CharField(allow_blank=True, read_only=True)
    kind = serializers.ChoiceField(choices=["initial", "annual"], read_only=True)
    submitted_on = serializers.DateField(allow_null=True, read_only=True, help_text="First submission.")
    received_on = serializers.DateField(read_only=True, help_text="This version.")
    contacts = ROW_SERIALIZERS[("cover", "contacts")](
        many=True, read_only=True, help_text="Points of contact the State agreed to make public."
    )


class ReportDocumentSerializer(serializers.Serializer):
    state = serializers.CharField(read_only=True, help_text="ISO alpha-3")
    state_name = serializers.CharField(read_only=True)
    year = serializers.IntegerField(read_only=True)
    version = serializers.IntegerField(read_only=True)
    status = serializers.ChoiceField(choices=[CycleStatus.ON_TIME, CycleStatus.LATE], read_only=True)
    amended = serializers.BooleanField(read_only=True)
    source = serializers.ChoiceField(choices=VersionSource.choices, read_only=True)
    cover = CoverSerializer(read_only=True)
    forms = FormsSerializer(read_only=True)
    url = serializers.CharField(read_only=True)


def _typed_rows(table, rows: list[dict]) -> list:
    """Rows from a version's content (a form carried unchanged) as unsaved models, to serialize them alike."""
    out = []
    for row in rows or []:
        values = {}
        for name in table.columns:
            field = table.model_field(name)
            value = row.get(name)
            values[name] = (
                None if value in (None, "") and field.null else field.to_python(value if value is not None else "")
            )
        out.append(table.model(**values))
    return out


def report_document(report: Report, *, request=None) -> dict:
    """The current version of a submitted report as the API gives it (a fixed number of queries)."""
    version = report.current_version
    sections = version.content.get("sections") or {}
    cover = sections.get("cover") or {}
    row = state_cycle_row(state=report.state, cycle=report.cycle)
    forms = {}
    for section in SECTIONS:
        if section.key == "cover":
            continue
        entry = sections.get(section.key) or {}
        mode = entry.get("mode") or Mode.NOT_APPLICABLE
        form = {
            "title": str(section.heading),
            "mode": mode,
            "unchanged_since": entry.get("unchanged_since"),
            "fields": {},
            "tables": {t.key: [] for t in section.tables},
            "rows": [],
        }
        if mode == Mode.FILLED:
            form["fields"] = entry.get("fields") or {}
            for t in section.tables:
                form["tables"][t.key] = list(t.model.objects.filter(version=version).order_by("position"))
            if section.has_rows:
                form["rows"] = list(
                    version.ca_rows.select_related("partner_state", "partner_organisation").order_by("position")
                )
        elif mode == Mode.NO_CHANGE:
            carried = entry.get("carried") or {}
            form["fields"] = carried.get("fields") or {}
            for t in section.tables:
                form["tables"][t.key] = _typed_rows(t, (carried.get("tables") or {}).get(t.key))
        forms[section.key] = form
    fields = cover.get("fields") or {}
    path = reverse("reporting:public", args=[report.state.iso3, report.cycle.year])
    return {
        "state": report.state.iso3,
        "state_name": report.state.name_en,
        "year": report.cycle.year,
        "version": version.number,
        "status": report.cycle_status,
        "amended": version.number > 1,
        "source": version.source,
        "cover": {
            "period_from": fields.get("period_from"),
            "period_to": fields.get("period_to"),
            "language": fields.get("language") or "",
            "kind": "initial" if row.is_initial else "annual",
            "submitted_on": report.submitted_on,
            "received_on": version.received_on,
            "contacts": list(ContactRow.objects.filter(version=version, is_public=True).order_by("position")),
        },
        "forms": forms,
        "url": request.build_absolute_uri(path) if request else path,
    }


class ReportDocumentViewSet(viewsets.ViewSet):
    """One submitted Article 7 report, as published: its current version with the cover page (public
    contacts only), every form with its mode and fields, and every table's rows typed (numbers as
    numbers, null where a figure is not reported), the C&A rows and the gender form."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "iso3",
                {"type": "string", "pattern": "^[A-Za-z]{3}$"},
                OpenApiParameter.PATH,
                description="State (ISO alpha-3)",
            ),
            OpenApiParameter(
                "year",
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                OpenApiParameter.PATH,
                description="Calendar year reported on",
            ),
        ],
        responses={200: ReportDocumentSerializer},
    )
    @action(detail=False, methods=["get"], url_path=r"(?P<iso3>[A-Za-z]{3})/(?P<year>[0-9]{4})", url_name="detail")
    def document(self, request, iso3: str, year: str):
        report = (
            Report.objects.filter(state__iso3__iexact=iso3, cycle__year=int(year), current_version__isnull=False)
            .select_related("state", "cycle", "current_version")
            .prefetch_related("state__memberships")
            .first()
        )
        if report is None:
            raise NotFound
        return Response(ReportDocumentSerializer(report_document(report, request=request)).data)


def register(router) -> None:
    router.register("reports", ReportViewSet, basename="report")
    router.register("reports", ReportDocumentViewSet, basename="report-document")
