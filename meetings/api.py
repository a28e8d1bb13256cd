"""`/api/meetings/`: meetings with filters by kind, committee (slug), State (ISO3) and date range.
Anonymous visitors get public meetings only; the committee all; a delegate its own State's too."""

from rest_framework import serializers, viewsets

from core.translation import field_names

from .filters import MeetingFilter
from .models import Meeting, MeetingDocument, PanelSpeaker
from .permissions import can_see_meeting_private, is_committee


class PanelSpeakerSerializer(serializers.ModelSerializer):
    affiliation = serializers.CharField(read_only=True)

    class Meta:
        model = PanelSpeaker
        fields = ["name", "affiliation", "function", "role", "gender"]


class MeetingDocumentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = MeetingDocument
        fields = ["title", "kind", "language", "is_published", "url"]

    def get_url(self, obj) -> str:
        from django.urls import reverse

        request = self.context.get("request")
        path = reverse("meetings:document_download", args=[obj.pk])
        return request.build_absolute_uri(path) if request else path


class MeetingSerializer(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)
    committees = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    state = serializers.SlugRelatedField(slug_field="iso3", read_only=True, allow_null=True)
    states = serializers.SlugRelatedField(slug_field="iso3", many=True, read_only=True)
    organisations = serializers.StringRelatedField(many=True, read_only=True)
    speakers = PanelSpeakerSerializer(many=True, read_only=True)
    documents = serializers.SerializerMethodField()
    notes = serializers.SerializerMethodField()
    purpose = serializers.CharField(read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "code",
            "kind",
            "status",
            "title",
            *field_names("title"),
            "start_date",
            "end_date",
            "place",
            "is_online",
            "committees",
            "with_presidency",
            "state",
            "states",
            "organisations",
            "purpose",
            *field_names("purpose"),
            "outcome",
            "notes",
            "speakers",
            "documents",
        ]

    def _user(self):
        request = self.context.get("request")
        return getattr(request, "user", None)

    def get_documents(self, obj) -> list[dict]:
        user = self._user()
        docs = [d for d in obj.documents.all() if d.is_published or (user is not None and is_committee(user))]
        return MeetingDocumentSerializer(docs, many=True, context=self.context).data

    def get_notes(self, obj) -> str | None:
        user = self._user()
        return obj.notes if user is not None and can_see_meeting_private(user, obj) else None


class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    """Meetings. Filters: `kind`, `committee` (slug), `state` (ISO3), `date_from`, `date_to`, `year`."""

    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    lookup_field = "code"
    lookup_value_regex = "[-a-zA-Z0-9_]+"  # a slug; also gives the schema its pattern

    def get_queryset(self):
        return (
            Meeting.objects.visible_to(self.request.user)
            .select_related("state")
            .prefetch_related(
                "committees",
                "states",
                "organisations",
                "documents",
                "speakers__affiliation_state",
                "speakers__affiliation_organisation",
            )
            .order_by("start_date", "title_en")
        )


def register(router) -> None:
    router.register("meetings", MeetingViewSet, basename="meeting")
