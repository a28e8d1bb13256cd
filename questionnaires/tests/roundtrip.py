"""Write round trips of the questionnaires' forms (see tests/roundtrip.py)."""

import datetime

from committee.models import Committee
from questionnaires.answers import AnswerForm
from questionnaires.models import Question, QuestionKind, Questionnaire, RecipientGroup, Response
from tests.roundtrip import CREATE, Write
from workplan.models import OsloAction

from .factories import QuestionFactory, QuestionnaireFactory, RecipientFactory, ResponseFactory


def _committee() -> Committee:
    return Committee.objects.get_or_create(slug="cooperation-assistance", defaults={"name_en": "C&A"})[0]


def _questionnaire(cast):
    q = QuestionnaireFactory(title_es="", introduction_fr="", introduction_es="", committee=None)
    return {"kwargs": {"pk": q.pk}, "obj": q}


def _questionnaire_data(cast, ctx):
    return {
        "title_en": "Cooperation and assistance 2024",
        "title_fr": "Coopération et assistance 2024",
        "title_es": "Cooperación y asistencia 2024",
        "introduction_en": "Tell us about your partnerships.",
        "introduction_fr": "Parlez-nous de vos partenariats.",
        "introduction_es": "Háblenos de sus asociaciones.",
        "circulation_date": "2024-05-02",
        "circulate_automatically": "on",
        "deadline": "2024-06-14",
        "committee": _committee().pk,
        "purpose_en": "Know the partnerships better.",
        "purpose_fr": "Mieux connaître les partenariats.",
        "purpose_es": "Conocer mejor las asociaciones.",
        "prepares": _once(ctx, "event", _review_conference).pk,
    }


def _once(ctx: dict, key: str, make):
    if key not in ctx:
        ctx[key] = make()
    return ctx[key]


def _review_conference():
    from meetings.tests.factories import MeetingFactory

    return MeetingFactory(code="5RC", kind="review_conference", start_date=datetime.date(2024, 11, 25))


def _question(cast):
    question = QuestionFactory(kind=QuestionKind.SINGLE, required=True, about_gender=False, options=["Yes", "No"])
    question.actions.set(OsloAction.objects.filter(number=42))
    return {"kwargs": {"pk": question.pk}, "obj": question}


def _question_data(cast, ctx):
    return {
        "kind": QuestionKind.MULTIPLE,
        "text_en": "Which channels do you use?",
        "text_fr": "Quels canaux utilisez-vous ?",
        "text_es": "¿Qué canales utiliza?",
        "choices_en": "Bilateral\nThe Fund\nSouth-South",
        "choices_fr": "Bilatéral\nLe Fonds\nSud-Sud",
        "choices_es": "Bilateral\nEl Fondo\nSur-Sur",
        "help_en": "Tick all that apply.",
        "help_fr": "Cochez tout ce qui s'applique.",
        "help_es": "Marque todo lo que corresponda.",
        "actions": list(OsloAction.objects.filter(number__in=[45, 47]).values_list("pk", flat=True)),
        "about_gender": "on",
        # "required" left unticked: the factory's question is required, so this changes it too
    }


def _choices(question: Question) -> dict:
    choices = list(question.choices.order_by("order"))
    return {f"choices_{lang}": "\n".join(getattr(c, f"text_{lang}") for c in choices) for lang in ("en", "fr", "es")}


def _recipients(cast):
    q = QuestionnaireFactory(circulation_date=datetime.date(2023, 5, 1))
    RecipientFactory(questionnaire=q, state=cast.state_b)
    return {"kwargs": {"pk": q.pk}, "obj": q}


def _answer(cast, *, iso3: bool = False):
    recipient = RecipientFactory(state=cast.state_a)
    q = recipient.questionnaire
    text = QuestionFactory(questionnaire=q, order=1, kind=QuestionKind.TEXT, required=False)
    number = QuestionFactory(questionnaire=q, order=2, kind=QuestionKind.NUMBER, required=False)
    response = ResponseFactory(questionnaire=q, state=cast.state_a, draft_data={})
    kwargs = {"pk": q.pk, "iso3": cast.state_a.iso3} if iso3 else {"pk": q.pk}
    return {"kwargs": kwargs, "obj": response, "text": text, "number": number}


def _answer_data(cast, ctx):
    return {ctx["text"].field_name: "A national platform meets twice a year.", ctx["number"].field_name: "12"}


def _draft_means(response: Response) -> dict:
    questions = list(response.questionnaire.questions.order_by("order"))
    form = AnswerForm(data=response.draft_data, questions=questions, strict=False)
    assert form.is_valid(), form.errors
    return form.cleaned_data


ROWS = [
    Write("questionnaires:update", "isu", _questionnaire, _questionnaire_data),
    Write(
        "questionnaires:create",
        "isu",
        lambda cast: {},
        _questionnaire_data,
        kind=CREATE,
        created=lambda cast, ctx: Questionnaire.objects.latest("pk"),
    ),
    Write("questionnaires:question_update", "isu", _question, _question_data),
    Write(
        "questionnaires:question_create",
        "isu",
        lambda cast: {"kwargs": {"pk": QuestionnaireFactory().pk}},
        _question_data,
        kind=CREATE,
        created=lambda cast, ctx: Question.objects.latest("pk"),
        stored=_choices,
    ),
    Write(
        "questionnaires:recipients",
        "isu",
        _recipients,
        lambda cast, ctx: {"groups": [RecipientGroup.PROVIDERS], "states": [cast.state_a.pk]},
        stored=lambda q: {"states": [r.state for r in q.recipients.exclude(state__is_provider=True)]},
    ),
    Write("questionnaires:answer", "delegate_a", _answer, _answer_data, stored=_draft_means),
    Write(
        "questionnaires:answer_for_state",
        "isu",
        lambda cast: _answer(cast, iso3=True),
        _answer_data,
        stored=_draft_means,
    ),
]
