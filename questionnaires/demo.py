"""The questionnaire the committee circulated on 1 May 2023 to national mine action directors and donor
States (Oslo Action Plan actions #42-#47, including gender), with a realistic set of answers drawn from a
fixed random seed (one generator per State, so a State's answers never depend on which already exist)."""

import datetime
import random

from django.utils import timezone

from committee.models import Committee
from core.demo import DemoContext, translated, upsert
from meetings import selectors as meeting_selectors
from states.models import State
from workplan.models import OsloAction

from .answers import NO, YES, AnswerForm, is_empty, typed_value
from .models import Answer, Choice, Question, QuestionKind, Questionnaire, Recipient, RecipientGroup, Response
from .services import states_in_groups

SEED = 20230501
CIRCULATED = datetime.datetime(2023, 5, 1, 9, 0)
DEADLINE = datetime.date(2023, 5, 31)
ANSWER_RATE = 0.48
ALWAYS_ANSWER = {"SEN", "COL"}  # demo delegates' States: their answers can be opened
NEVER_ANSWER = {"NGA"}

TITLE = (
    "Questionnaire on cooperation and assistance: Oslo Action Plan actions #42 to #47",
    "Questionnaire sur la coopération et l'assistance : actions n° 42 à 47 du Plan d'action d'Oslo",
    "Cuestionario sobre cooperación y asistencia: acciones n.º 42 a 47 del Plan de Acción de Oslo",
)
INTRODUCTION = (
    "The Committee on the Enhancement of Cooperation and Assistance would like to know more about current and "
    "past cooperation and assistance activities and about progress in implementing actions #42 to #47 of the "
    "Oslo Action Plan 2020-2024, ahead of the Fifth Review Conference in 2024. Relevant results will be "
    "presented at the June intersessional meetings or at the Twenty-first Meeting of the States Parties.",
    "Le Comité sur le renforcement de la coopération et de l'assistance souhaite mieux connaître les activités "
    "de coopération et d'assistance en cours et passées et les progrès réalisés dans la mise en œuvre des "
    "actions n° 42 à 47 du Plan d'action d'Oslo pour 2020-2024, dans la perspective de la cinquième Conférence "
    "d'examen (2024). Les résultats pertinents seront communiqués à la réunion intersessions de juin ou à la "
    "vingt et unième Assemblée des États parties.",
    "",
)

# (kind, en, fr, actions, about gender, required, [(choice en, choice fr)])
QUESTIONS = [
    (
        QuestionKind.SINGLE,
        "In cooperation and assistance, your State is mainly:",
        "En matière de coopération et d'assistance, votre État est principalement :",
        [],
        False,
        True,
        [
            ("A State receiving assistance", "Un État qui reçoit une assistance"),
            ("A State providing assistance", "Un État qui fournit une assistance"),
            ("Both", "Les deux"),
        ],
    ),
    (
        QuestionKind.YES_NO,
        "Does your State have a resource mobilisation plan for mine action (or, for donors, a multi-year "
        "mine action funding strategy)?",
        "Votre État dispose-t-il d'un plan de mobilisation des ressources pour la lutte antimines (ou, pour les "
        "donateurs, d'une stratégie de financement pluriannuelle) ?",
        [42],
        False,
        True,
        [],
    ),
    (
        QuestionKind.YES_NO,
        "Does a national mine action platform, or a similar coordination forum with partners, meet regularly?",
        "Une plateforme nationale de lutte antimines, ou une instance de coordination similaire avec les "
        "partenaires, se réunit-elle régulièrement ?",
        [44],
        False,
        True,
        [],
    ),
    (
        QuestionKind.NUMBER,
        "How many times did it meet in 2022?",
        "Combien de fois s'est-elle réunie en 2022 ?",
        [44],
        False,
        False,
        [],
    ),
    (
        QuestionKind.MULTIPLE,
        "Which areas did the cooperation and assistance your State received or provided in 2022 cover?",
        "Quels domaines la coopération et l'assistance reçues ou fournies par votre État en 2022 ont-elles couverts ?",
        [43],
        False,
        True,
        [
            ("Survey and clearance", "Études et déminage"),
            ("Risk education", "Éducation aux risques"),
            ("Victim assistance", "Assistance aux victimes"),
            ("Stockpile destruction", "Destruction des stocks"),
            ("Capacity building", "Renforcement des capacités"),
        ],
    ),
    (
        QuestionKind.SINGLE,
        "How would you rate the coordination among your partners?",
        "Comment jugez-vous la coordination entre vos partenaires ?",
        [46],
        False,
        True,
        [("Good", "Bonne"), ("Adequate", "Suffisante"), ("Insufficient", "Insuffisante")],
    ),
    (
        QuestionKind.YES_NO,
        "Has your State taken part in South-South, regional or triangular cooperation since 2020?",
        "Votre État a-t-il participé à une coopération Sud-Sud, régionale ou triangulaire depuis 2020 ?",
        [46],
        False,
        True,
        [],
    ),
    (
        QuestionKind.TEXT,
        "What are the main challenges your State faces in mobilising or providing resources?",
        "Quelles sont les principales difficultés que votre État rencontre pour mobiliser ou fournir des ressources ?",
        [42, 43],
        False,
        True,
        [],
    ),
    (
        QuestionKind.YES_NO,
        "Does your State integrate gender and the diverse needs of affected communities into its cooperation "
        "and assistance?",
        "Votre État intègre-t-il le genre et la diversité des besoins des communautés touchées dans sa "
        "coopération et son assistance ?",
        [45, 47],
        True,
        True,
        [],
    ),
    (
        QuestionKind.MULTIPLE,
        "If so, how?",
        "Si oui, de quelle manière ?",
        [45, 47],
        True,
        False,
        [
            ("Sex- and age-disaggregated data", "Données ventilées par sexe et par âge"),
            ("Gender-balanced teams", "Équipes équilibrées entre les genres"),
            (
                "Consultation of women, girls, boys and men in affected communities",
                "Consultation des femmes, des filles, des garçons et des hommes des communautés touchées",
            ),
            ("Gender criteria in funding decisions", "Critères de genre dans les décisions de financement"),
        ],
    ),
    (
        QuestionKind.TEXT,
        "Give an example of good practice on gender and diversity in cooperation and assistance.",
        "Donnez un exemple de bonne pratique en matière de genre et de diversité dans la coopération et l'assistance.",
        [47],
        True,
        False,
        [],
    ),
    (
        QuestionKind.TEXT,
        "What could the Committee do to support your State?",
        "Que pourrait faire le Comité pour aider votre État ?",
        [],
        False,
        False,
        [],
    ),
]

CHALLENGES = [
    "Funding has fallen since 2020 while the remaining contamination is in remote areas.",
    "Donor priorities change faster than our multi-year clearance plan.",
    "Competing humanitarian crises reduce the funds available for mine action.",
    "Reporting requirements differ from one donor to the next.",
    "Limited national capacity to prepare project proposals.",
    "Short funding cycles make it hard to keep trained deminers.",
]
GOOD_PRACTICE = [
    "Mixed survey teams reach women in affected communities who would not speak to men.",
    "All our survey data are now disaggregated by sex and age.",
    "Our funding guidelines ask every partner how women and girls benefit from the project.",
    "Women deminers make up a third of our clearance teams.",
]
SUPPORT = [
    "Help us present our needs to partners through the individualised approach.",
    "Share examples of resource mobilisation plans from other States.",
    "Organise a regional exchange of good practice.",
]


def _raw_answers(rng: random.Random, state: State, questions: list[Question]) -> dict:
    """Plausible answers for one State (choices by position, texts from the lists above)."""
    raw: dict = {}
    by_order = {q.order: q for q in questions}

    def pick(q: Question, index: int) -> str:
        return str(list(q.choices.all())[index].pk)

    role = 2 if state.is_affected and state.is_provider else (0 if state.is_affected else 1)
    raw[by_order[1].field_name] = pick(by_order[1], role)
    raw[by_order[2].field_name] = YES if rng.random() < 0.6 else NO
    platform = rng.random() < (0.7 if state.is_affected else 0.4)
    raw[by_order[3].field_name] = YES if platform else NO
    raw[by_order[4].field_name] = str(rng.randint(1, 6)) if platform else ""
    areas = [i for i in range(5) if rng.random() < (0.65 if i != 3 else 0.2)] or [0]
    raw[by_order[5].field_name] = [pick(by_order[5], i) for i in areas]
    raw[by_order[6].field_name] = pick(by_order[6], rng.choices([0, 1, 2], weights=[3, 4, 2])[0])
    raw[by_order[7].field_name] = YES if rng.random() < 0.45 else NO
    raw[by_order[8].field_name] = rng.choice(CHALLENGES)
    gender = rng.random() < 0.62
    raw[by_order[9].field_name] = YES if gender else NO
    raw[by_order[10].field_name] = (
        [pick(by_order[10], i) for i in range(4) if rng.random() < 0.5] or [pick(by_order[10], 0)] if gender else []
    )
    raw[by_order[11].field_name] = rng.choice(GOOD_PRACTICE) if gender and rng.random() < 0.7 else ""
    raw[by_order[12].field_name] = rng.choice(SUPPORT) if rng.random() < 0.5 else ""
    return raw


def load(ctx: DemoContext) -> None:
    committee = Committee.objects.filter(slug="cooperation-assistance").first()
    circulated_at = timezone.make_aware(CIRCULATED)
    questionnaire, _created = upsert(
        Questionnaire,
        title_en=TITLE[0],
        circulation_date=CIRCULATED.date(),
        defaults={
            "title_fr": TITLE[1],
            "title_es": TITLE[2],
            "introduction_en": INTRODUCTION[0],
            "introduction_fr": INTRODUCTION[1],
            "deadline": DEADLINE,
            "committee": committee,
            "recipient_groups": [RecipientGroup.AFFECTED.value, RecipientGroup.PROVIDERS.value],
            "circulated_at": circulated_at,
            **translated("purpose", ctx.texts["questionnaire_2023"]["purpose"]),
            "prepares": meeting_selectors.meeting_by_code("5RC"),
        },
    )
    actions = {a.number: a for a in OsloAction.objects.all()}
    questions = []
    for order, (kind, en, fr, numbers, gender, required, choices) in enumerate(QUESTIONS, start=1):
        question, _created = upsert(
            Question,
            questionnaire=questionnaire,
            order=order,
            defaults={"kind": kind, "text_en": en, "text_fr": fr, "about_gender": gender, "required": required},
        )
        if set(question.actions.values_list("number", flat=True)) != set(numbers):
            question.actions.set([actions[n] for n in numbers if n in actions])
        for i, (cen, cfr) in enumerate(choices, start=1):
            upsert(Choice, question=question, order=i, defaults={"text_en": cen, "text_fr": cfr})
        questions.append(question)
    questions = list(questionnaire.questions.prefetch_related("choices").order_by("order"))

    states = list(
        states_in_groups(groups=questionnaire.recipient_groups, year=2023)
        .prefetch_related("memberships")
        .order_by("iso3")
    )
    existing = set(Recipient.objects.filter(questionnaire=questionnaire).values_list("state_id", flat=True))
    Recipient.objects.bulk_create(
        [
            Recipient(questionnaire=questionnaire, state=s, notified_at=circulated_at)
            for s in states
            if s.pk not in existing
        ]
    )
    answered = set(Response.objects.filter(questionnaire=questionnaire).values_list("state_id", flat=True))
    created = 0
    for state in states:
        rng = random.Random(f"{SEED}-{state.iso3}")
        answers = rng.random() < ANSWER_RATE
        if state.iso3 in ALWAYS_ANSWER:
            answers = True
        if state.iso3 in NEVER_ANSWER:
            answers = False
        raw = _raw_answers(rng, state, questions)
        day = rng.choice([3, 8, 14, 21, 27, 29, 30, 30, 36, 44])  # days after circulation; a few are late
        at = circulated_at + datetime.timedelta(days=day, hours=rng.randint(0, 8))
        if not answers or state.pk in answered:
            continue
        _store(questionnaire, questions, state, raw, at)
        created += 1
    ctx.log(f"questionnaires: 1 May 2023 questionnaire, {len(states)} recipients, {created} new responses")


def _store(questionnaire: Questionnaire, questions: list[Question], state: State, raw: dict, at) -> None:
    form = AnswerForm(data=raw, questions=questions, strict=True)
    if not form.is_valid():  # the generator only makes valid answers; never store anything else
        raise ValueError(f"Invalid demo answers for {state.iso3}: {form.errors.as_json()}")
    response = Response.objects.create(
        questionnaire=questionnaire,
        state=state,
        draft_data=raw,
        submitted_data=raw,
        draft_saved_at=at,
        first_submitted_at=at,
        submitted_at=at,
        version=1,
    )
    for question in questions:
        cleaned = form.cleaned_data.get(question.field_name)
        if is_empty(question, cleaned):
            continue
        values = typed_value(question, cleaned)
        choice_ids = values.pop("choice_ids", None)
        answer = Answer.objects.create(response=response, question=question, **values)
        if choice_ids:
            answer.choices.set(choice_ids)
