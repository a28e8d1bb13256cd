"""Generate draft: paragraphs from the meetings, questionnaires, Fund, priority actions and gender workplan."""

import datetime

import pytest
from django.utils import timezone

from conclusions import services
from conclusions.generate import _actions, _days, document_generate_draft, ordinal
from conclusions.models import Paragraph, Status
from conclusions.selectors import document_data
from conclusions.tests.factories import CommitteeFactory, make_document
from states.tests.factories import StateFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def recorded_2023():
    """A small 2023 cycle recorded in the other apps."""
    from fund.models import TermsOfReference
    from meetings.models import (
        BilateralSeries,
        IndividualisedApproachRequest,
        Meeting,
        PriorityAction,
        PriorityActionPeriod,
    )
    from questionnaires.models import Question, Questionnaire
    from workplan.models import OsloAction, WorkplanItem

    ca = CommitteeFactory(slug="cooperation-assistance")
    others = [CommitteeFactory(slug=f"other-{i}") for i in range(3)]
    sen = StateFactory(iso3="SEN", iso2="SN", name_en="Senegal", name_fr="Sénégal")
    som = StateFactory(iso3="SOM", iso2="SO", name_en="Somalia", name_fr="Somalie")
    col = StateFactory(iso3="COL", iso2="CO", name_en="Colombia", name_fr="Colombie")

    def meeting(code, kind, start, end=None, **kw):
        committees = kw.pop("committees", [ca])
        m = Meeting.objects.create(
            code=code, kind=kind, status="held", start_date=start, end_date=end or start, place="Geneva", **kw
        )
        m.committees.set(committees)
        return m

    meeting("cm-2023", "committee_meeting", D(2023, 1, 16), title_en="Committee meeting")
    series = BilateralSeries.objects.create(
        title="Bilaterals 2023", with_presidency=True, start_date=D(2023, 2, 1), end_date=D(2023, 5, 31)
    )
    series.committees.set([ca, *others])
    for state, day in ((sen, 2), (col, 3)):
        meeting(f"bil-{state.iso3}", "bilateral", D(2023, 3, day), state=state, series=series, title_en="Bilateral")
    meeting(
        "ws-2023",
        "workshop",
        D(2023, 3, 9),
        committees=[ca, *others],
        with_presidency=True,
        title_en="Article 7 reporting",
        title_fr="Les rapports au titre de l'article 7",
    )
    im = meeting("IM2023", "intersessional", D(2023, 6, 19), D(2023, 6, 21), title_en="Intersessional meetings")
    meeting(
        "panel-2023",
        "panel",
        D(2023, 6, 20),
        parent=im,
        title_en="Towards improved cooperation and assistance",
        title_fr="Pour une amélioration de la coopération et de l'assistance",
    )
    IndividualisedApproachRequest.objects.create(
        state=sen, status="held", requested_on=D(2023, 2, 1), held_on=D(2023, 6, 21)
    )
    IndividualisedApproachRequest.objects.create(state=som, status="requested", requested_on=D(2023, 9, 1))
    questionnaire = Questionnaire.objects.create(
        committee=ca,
        title_en="Cooperation and assistance questionnaire",
        circulation_date=D(2023, 5, 1),
        deadline=D(2023, 6, 1),
        recipient_groups=["affected", "providers"],
        circulated_at=timezone.now(),
    )
    for n in range(42, 48):
        action, _created = OsloAction.objects.get_or_create(number=n, defaults={"title_en": f"Action {n}"})
        question = Question.objects.create(questionnaire=questionnaire, order=n, kind="text", text_en=f"Q{n}")
        question.actions.add(action)
    TermsOfReference.objects.create(
        version="2023", title="Terms of reference", in_force_from=D(2023, 3, 1), summary="Updated terms."
    )
    period = PriorityActionPeriod.objects.create(committee=ca, start_year=2023, end_year=2024)
    PriorityAction.objects.create(period=period, number=2, text_en="Second priority.", text_fr="Deuxième priorité.")
    PriorityAction.objects.create(period=period, number=1, text_en="First priority.", text_fr="Première priorité.")
    for order, (en, fr) in enumerate([("Review reports (#45, #47).", "Examiner les rapports."), ("Panel.", "")]):
        WorkplanItem.objects.create(
            committee=ca,
            year=2023,
            order=order,
            description_en=en,
            description_fr=fr,
            timing="ongoing",
            owner="committee",
        )
    return ca


def _texts(document, lang):
    data = document_data(document, lang)
    return [p.text for p in data.numbered_paragraphs], data


def test_generate_builds_activities_priorities_and_annex_in_english_and_french(recorded_2023):
    document = services.document_create(
        committee=recorded_2023, year=2023, meeting_code="21MSP", meeting_number=21, languages=["fr", "es"]
    )
    report = document_generate_draft(document=document, by=None)
    en, data_en = _texts(document, "en")
    fr, data_fr = _texts(document, "fr")

    assert en[0] == "The Committee met for the first time on 16 January 2023 to consider its workplan for 2023."
    assert (
        fr[0]
        == "Le Comité s'est réuni une première fois le 16 janvier 2023 pour examiner son plan de travail pour 2023."
    )
    assert en[1].startswith(
        "From February to May 2023, the Committee, the Presidency and the three other Committees of the Convention"
    )
    assert en[1].endswith("These were the following States: Colombia and Senegal.")
    assert fr[1].endswith("Il s'agissait des États suivants : Colombie et Sénégal.")
    assert "workshop entitled “Article 7 reporting”" in en[2]
    assert fr[3].startswith("Le 1^{er} mai 2023, le Comité a diffusé un questionnaire")
    assert "Actions #42 to #47 of the Oslo Action Plan" in en[3]
    assert "actions n^{os} 42 à 47 du Plan d'action d'Oslo" in fr[3]
    assert "intersessional meetings of 19, 20 and 21 June 2023" in en[4]
    assert "réunions intersessions des 19, 20 et 21 juin 2023" in fr[4]
    assert "panel discussion on “Towards improved cooperation and assistance”" in en[5]
    assert "held on 21 June 2023" in en[6]
    assert "Twenty-first Meeting of the States Parties" in en[7] and "Somalia" in en[7]
    assert "vingt et unième Assemblée des États parties" in fr[7]
    assert en[8].startswith("The Committee updated the Terms of Reference of the Cooperation and Assistance Fund")
    # Priority actions in their recorded order and language, numbered after the activities.
    assert en[9:] == ["First priority.", "Second priority."]
    assert fr[9:] == ["Première priorité.", "Deuxième priorité."]
    assert [p.number for p in data_en.numbered_paragraphs] == list(range(1, 12))
    # Annex I from the gender workplan: intro, "decided", then one bullet per item.
    annex = data_en.annexes[0]
    assert annex.title.startswith("Gender and diversity workplan – ")
    assert [p.kind for p in annex.paragraphs] == ["plain", "plain", "bullet", "bullet"]
    assert annex.paragraphs[2].text == "Review reports (#45, #47)."
    assert data_fr.annexes[0].paragraphs[3].missing  # no French text recorded for that item
    # Spanish has no templates: every paragraph waits for the translators.
    assert all(p.missing for p in document_data(document, "es").numbered_paragraphs)
    # Header fields filled where empty.
    version = document.versions.get(language="fr")
    assert version.meeting_name == "Vingt et unième Assemblée"
    assert version.subtitle == "Activités et actions prioritaires pour 2023-2024"
    assert report.paragraphs == 15 and report.notes == []
    assert set(Paragraph.objects.filter(section__document=document).values_list("source", flat=True)) >= {
        "fund",
        "ia:requests",
    }


def test_generate_reports_what_is_missing_and_keeps_edited_headers(db):
    committee = CommitteeFactory(slug="cooperation-assistance")
    document = services.document_create(committee=committee, year=2031, meeting_code="29MSP", meeting_number=29)
    services.version_save(document=document, language="en", title="My own title")
    report = document_generate_draft(document=document, by=None)
    assert report.paragraphs == 0
    assert any("questionnaire" in note for note in report.notes)
    assert any("priority actions" in note for note in report.notes)
    assert document.versions.get(language="en").title == "My own title"
    assert document.versions.get(language="en").meeting_name == "Twenty-ninth Meeting"


def test_generate_replaces_the_previous_paragraphs(recorded_2023):
    document = services.document_create(committee=recorded_2023, year=2023, meeting_code="21MSP")
    document_generate_draft(document=document, by=None)
    first = Paragraph.objects.filter(section__document=document).count()
    document_generate_draft(document=document, by=None)
    assert Paragraph.objects.filter(section__document=document).count() == first


def test_generate_is_refused_on_a_final_document():
    document = make_document(status=Status.FINAL)
    with pytest.raises(services.DocumentLocked):
        document_generate_draft(document=document, by=None)


def test_generate_through_the_editor(cast, recorded_2023):
    from django.urls import reverse

    from conftest import client_for

    document = services.document_create(committee=recorded_2023, year=2023, meeting_code="21MSP")
    url = reverse("conclusions:generate", args=[recorded_2023.slug, "21MSP"])
    response = client_for(cast, "isu").post(url, follow=True)
    assert "Draft generated: 15 paragraphs" in response.content.decode()
    assert Paragraph.objects.filter(section__document=document).count() == 15


@pytest.mark.parametrize(
    "number, en, fr",
    [
        (1, "First", "Première"),
        (21, "Twenty-first", "Vingt et unième"),
        (22, "Twenty-second", "Vingt-deuxième"),
        (20, "Twentieth", "Vingtième"),
        (13, "Thirteenth", "Treizième"),
    ],
)
def test_ordinals_for_meeting_names(number, en, fr):
    assert (ordinal(number, "en"), ordinal(number, "fr")) == (en, fr)


def test_action_lists_and_day_lists():
    assert _actions([47, 45], "en") == "Actions #45 and #47"
    assert _actions([45, 47], "fr") == "actions n^{os} 45 et 47"
    assert _actions([42, 43, 44], "en") == "Actions #42 to #44"
    assert _days(D(2023, 6, 19), D(2023, 6, 21), "en") == "19, 20 and 21 June 2023"
    assert _days(D(2023, 11, 20), D(2023, 11, 24), "fr") == "20, 21, 22, 23 et 24 novembre 2023"
