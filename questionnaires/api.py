"""`/api/questionnaires/`: circulated questionnaires with their questions and response rate; the committee
and the ISU also see drafts and every submitted answer."""

from django.db.models import Prefetch
from rest_framework import serializers, viewsets

from accounts.roles import is_committee
from core.translation import field_names

from .models import Answer, Choice, Question, Questionnaire, Response
from .selectors import display_value, response_rates


class ChoiceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Choice
        fields = ["id", "order", *field_names("text")]


class QuestionSerializer(serializers.ModelSerializer):
    choices = ChoiceSerializer(many=True, read_only=True)
    actions = serializers.SerializerMethodField()

    class Meta:
        model = Question
        fields = [
            "id",
            "order",
            "kind",
            *field_names("text"),
            "required",
            "about_gender",
            "actions",
            "choices",
        ]

    def get_actions(self, question) -> list[int]:
        return [a.number for a in question.actions.all()]


class QuestionnaireSerializer(serializers.ModelSerializer):
    committee = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    questions = QuestionSerializer(many=True, read_only=True)
    response_rate = serializers.SerializerMethodField()

    class Meta:
        model = Questionnaire
        fields = [
            "id",
            "committee",
            *field_names("title"),
            *field_names("introduction"),
            "circulation_date",
            "deadline",
            "circulated_at",
            "recipient_groups",
            "response_rate",
            "questions",
        ]

    def _rates(self) -> dict:
        """Rates of every questionnaire being serialised, computed once (the list is already fetched)."""
        if "rates" not in self.context:
            root = self.root.instance
            objects = [root] if isinstance(root, Questionnaire) else list(root)
            self.context["rates"] = response_rates(objects)
        return self.context["rates"]

    def get_response_rate(self, q) -> dict:
        rate = self._rates()[q.pk]
        return {"recipients": rate.recipients, "submitted": rate.submitted, "percent": rate.percent}


class QuestionnaireWithAnswersSerializer(QuestionnaireSerializer):
    responses = serializers.SerializerMethodField()

    class Meta(QuestionnaireSerializer.Meta):
        fields = [*QuestionnaireSerializer.Meta.fields, "responses"]

    def get_responses(self, q) -> list[dict]:
        questions = {question.pk: question for question in q.questions.all()}
        out = []
        for r in q.submitted_responses:
            out.append(
                {
                    "state": r.state.iso3,
                    "submitted_at": r.submitted_at,
                    "version": r.version,
                    "answers": {
                        str(a.question_id): display_value(questions[a.question_id], a)
                        for a in r.answers.all()
                        if a.question_id in questions
                    },
                }
            )
        return out


class QuestionnaireViewSet(viewsets.ReadOnlyModelViewSet):
    def _staff(self) -> bool:
        return is_committee(self.request.user)

    def get_serializer_class(self):
        return QuestionnaireWithAnswersSerializer if self._staff() else QuestionnaireSerializer

    def get_queryset(self):
        qs = Questionnaire.objects.select_related("committee").prefetch_related(
            Prefetch(
                "questions", queryset=Question.objects.order_by("order", "pk").prefetch_related("actions", "choices")
            )
        )
        if self._staff():
            qs = qs.prefetch_related(
                Prefetch(
                    "responses",
                    queryset=Response.objects.submitted()
                    .select_related("state")
                    .defer("draft_data", "submitted_data")
                    .prefetch_related(Prefetch("answers", queryset=Answer.objects.prefetch_related("choices")))
                    .order_by("state__name_en"),
                    to_attr="submitted_responses",
                )
            )
        else:
            qs = qs.circulated()
        return qs.order_by("-circulation_date", "-pk")


def register(router) -> None:
    router.register("questionnaires", QuestionnaireViewSet, basename="questionnaire")
