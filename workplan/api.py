"""`/api/workplan/?year=YYYY`: the gender and diversity workplan items, for the committee and the ISU."""

from rest_framework import permissions, serializers, viewsets

from accounts.roles import is_committee
from core.translation import field_names

from . import selectors
from .models import Statement, WorkplanItem


class IsCommittee(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        return is_committee(request.user)


class StatementSerializer(serializers.ModelSerializer):
    meeting = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    state = serializers.SlugRelatedField(slug_field="iso3", read_only=True, allow_null=True)

    class Meta:
        model = Statement
        fields = [
            "title",
            "text",
            "delivered_by",
            "state",
            "meeting",
            "delivered_on",
            "is_joint",
            "is_published",
            "url",
        ]


class WorkplanItemSerializer(serializers.ModelSerializer):
    committee = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    description = serializers.CharField(read_only=True)
    actions = serializers.SerializerMethodField()
    outputs = serializers.SerializerMethodField()

    class Meta:
        model = WorkplanItem
        fields = [
            "id",
            "committee",
            "year",
            "order",
            "kind",
            "description",
            *field_names("description"),
            "timing",
            "due_date",
            "owner",
            "status",
            "actions",
            "outputs",
        ]

    def get_actions(self, item) -> list[int]:
        return [a.number for a in item.actions.all()]

    def get_outputs(self, item) -> dict:
        cache = self.context.setdefault("contact_cache", {})
        panels = []
        for m in item.panels.all():
            b = m.gender_balance()
            panels.append(
                {
                    "meeting": m.code,
                    "title": m.title,
                    "start_date": m.start_date,
                    "speakers": b.total,
                    "women": b.women,
                    "men": b.men,
                    "balanced": b.is_balanced,
                }
            )
        out = {"statements": StatementSerializer(item.statements.all(), many=True).data, "panels": panels}
        if item.is_contact_item:
            clist = selectors.contact_list(item, contacts=list(item.contacts.all()), cache=cache)
            out["contacts"] = {
                "report_year": clist.report_year,
                "total": clist.total,
                "contacted": clist.contacted,
                "answered": clist.answered,
            }
        return out


class WorkplanItemViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = WorkplanItemSerializer
    permission_classes = [IsCommittee]
    filterset_fields = ["year", "status", "timing", "owner"]

    def get_queryset(self):
        qs = WorkplanItem.objects.for_lists().order_by("year", "committee__order", "order", "pk")
        committee = self.request.query_params.get("committee")
        if committee:
            qs = qs.filter(committee__slug=committee)
        return qs


def register(router) -> None:
    router.register("workplan", WorkplanItemViewSet, basename="workplan")
