"""`/api/fund/summary/`: the Fund's balances per currency and its counts, for ISU staff only."""

from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import permissions, serializers, viewsets
from rest_framework.response import Response

from accounts.roles import is_isu

from . import selectors
from .models import Contribution


class IsISU(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        return is_isu(request.user)


class BalanceSerializer(serializers.Serializer):
    currency = serializers.CharField()
    received = serializers.DecimalField(max_digits=18, decimal_places=2)
    disbursed = serializers.DecimalField(max_digits=18, decimal_places=2)
    outstanding = serializers.DecimalField(max_digits=18, decimal_places=2, help_text="approved, not yet paid")
    committed = serializers.DecimalField(max_digits=18, decimal_places=2, help_text="disbursed + outstanding")
    balance = serializers.DecimalField(max_digits=18, decimal_places=2, help_text="received - disbursed")
    available = serializers.DecimalField(max_digits=18, decimal_places=2, help_text="balance - outstanding")


@extend_schema_serializer(many=False)  # one object, though served by the viewset's list action
class SummarySerializer(serializers.Serializer):
    balances = BalanceSerializer(many=True)
    applications = serializers.IntegerField()
    applications_by_status = serializers.DictField(child=serializers.IntegerField())
    contributions = serializers.IntegerField()


class FundSummaryViewSet(viewsets.ViewSet):
    permission_classes = [IsISU]

    @extend_schema(responses=SummarySerializer)
    def list(self, request):
        by_status = {status: count for status, _label, count in selectors.applications_by_status()}
        data = {
            "balances": [b.as_dict() for b in selectors.fund_balances()],
            "applications": sum(by_status.values()),
            "applications_by_status": by_status,
            "contributions": Contribution.objects.count(),
        }
        return Response(SummarySerializer(data).data)


def register(router) -> None:
    router.register("fund/summary", FundSummaryViewSet, basename="fund-summary")
