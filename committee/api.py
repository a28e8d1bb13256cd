from rest_framework import serializers, viewsets

from core.translation import field_names

from .models import Committee, CommitteeMembership, CommitteeYear


class CommitteeMembershipSerializer(serializers.ModelSerializer):
    state = serializers.SlugRelatedField(slug_field="iso3", read_only=True)

    class Meta:
        model = CommitteeMembership
        fields = ["state", "term_start", "term_end"]


class CommitteeYearSerializer(serializers.ModelSerializer):
    chair = serializers.SlugRelatedField(slug_field="iso3", read_only=True, allow_null=True)
    gender_focal_point = serializers.SlugRelatedField(slug_field="iso3", read_only=True, allow_null=True)

    class Meta:
        model = CommitteeYear
        fields = ["year", "chair", "gender_focal_point"]


class CommitteeSerializer(serializers.ModelSerializer):
    memberships = CommitteeMembershipSerializer(many=True, read_only=True)
    years = CommitteeYearSerializer(many=True, read_only=True)

    class Meta:
        model = Committee
        fields = ["slug", *field_names("name"), "is_coordinating", "memberships", "years"]


class CommitteeViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Committee.objects.prefetch_related(
        "memberships__state", "years__chair", "years__gender_focal_point"
    ).order_by("order")
    serializer_class = CommitteeSerializer
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"  # a slug; also gives the schema its pattern


def register(router) -> None:
    router.register("committees", CommitteeViewSet, basename="committee")
