import datetime

import pytest

from questionnaires.models import QuestionKind
from questionnaires.tests.factories import CirculatedQuestionnaireFactory, QuestionFactory, RecipientFactory


@pytest.fixture
def survey(cast):
    """A circulated questionnaire (1-31 May 2023) sent to States A and B, with one question of each type."""
    q = CirculatedQuestionnaireFactory(
        title_en="C&A questionnaire 2023",
        title_fr="Questionnaire C&A 2023",
        circulation_date=datetime.date(2023, 5, 1),
        deadline=datetime.date(2023, 5, 31),
    )
    RecipientFactory(questionnaire=q, state=cast.state_a)
    RecipientFactory(questionnaire=q, state=cast.state_b)
    questions = {
        "text": QuestionFactory(questionnaire=q, order=1, kind=QuestionKind.TEXT, text_en="Describe your platform."),
        "yes_no": QuestionFactory(questionnaire=q, order=2, kind=QuestionKind.YES_NO, text_en="Do you have a plan?"),
        "number": QuestionFactory(questionnaire=q, order=3, kind=QuestionKind.NUMBER, text_en="How many partners?"),
        "single": QuestionFactory(
            questionnaire=q, order=4, kind=QuestionKind.SINGLE, text_en="Main channel?", options=["Bilateral", "Fund"]
        ),
        "multiple": QuestionFactory(
            questionnaire=q,
            order=5,
            kind=QuestionKind.MULTIPLE,
            text_en="Purposes?",
            required=False,
            options=["Clearance", "Risk education", "Victim assistance"],
        ),
    }
    q.q = questions
    return q


def choice(question, text: str) -> str:
    return str(question.choices.get(text_en=text).pk)


def full_answers(survey, **overrides) -> dict:
    q = survey.q
    raw = {
        q["text"].field_name: "A platform meets twice a year.",
        q["yes_no"].field_name: "yes",
        q["number"].field_name: "12",
        q["single"].field_name: choice(q["single"], "Fund"),
        q["multiple"].field_name: [choice(q["multiple"], "Clearance"), choice(q["multiple"], "Victim assistance")],
    }
    raw.update(overrides)
    return raw
