import datetime

import factory
from django.utils import timezone

from questionnaires.models import Choice, Question, QuestionKind, Questionnaire, Recipient, Response


class QuestionnaireFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Questionnaire
        skip_postgeneration_save = True

    title_en = factory.Sequence(lambda n: f"Questionnaire {n}")
    title_fr = factory.Sequence(lambda n: f"Questionnaire {n} (fr)")
    introduction_en = "Please tell us about cooperation and assistance."
    circulation_date = datetime.date(2023, 5, 1)
    deadline = datetime.date(2023, 5, 31)


class CirculatedQuestionnaireFactory(QuestionnaireFactory):
    circulated_at = factory.LazyFunction(lambda: timezone.make_aware(datetime.datetime(2023, 5, 1, 9, 0)))


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    questionnaire = factory.SubFactory(QuestionnaireFactory)
    order = factory.Sequence(lambda n: n + 1)
    kind = QuestionKind.TEXT
    text_en = factory.Sequence(lambda n: f"Question {n}?")
    required = True

    @factory.post_generation
    def options(obj, create, extracted, **kwargs):
        """`options=["A", "B"]` creates the choices of a choice question."""
        if create and extracted:
            for i, text in enumerate(extracted, start=1):
                Choice.objects.create(question=obj, order=i, text_en=text, text_fr=f"{text} (fr)")


class RecipientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recipient

    questionnaire = factory.SubFactory(CirculatedQuestionnaireFactory)


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    questionnaire = factory.SubFactory(CirculatedQuestionnaireFactory)
