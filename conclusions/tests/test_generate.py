"""Generate draft: every paragraph from its record, in English, French and Spanish, for any committee."""

import datetime

import pytest
from django.utils import timezone

from conclusions import services, wording
from conclusions.generate import document_generate_draft, ordinal
from conclusions.models import Paragraph, StateDisplayName, Status
from conclusions.selectors import document_data, hand_edited_paragraphs
from conclusions.tests.factories import CommitteeFactory, make_document
from states.tests.factories import StateFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def recorded_2023():
    """A small 2023 cycle recorded in the other apps, with its texts in English, French and Spanish."""
    from fund.models import Application, ApplicationEvent, TermsOfReference
    from meetings.models import (
        BilateralSeries,
        IndividualisedApproachRequest,
        Meeting,
        PreliminaryObservations,
        PriorityAction,
        PriorityActionPeriod,
    )
    from questionnaires.models import Question, Questionnaire
    from reporting.models import Report, ReportingCycle, ReportVersion
    from workplan.models import OsloAction, WorkplanItem

    ca = CommitteeFactory(
        slug="cooperation-assistance",
        name_es="Comité sobre el Fortalecimiento de la Cooperación y la Asistencia",
        topic_en="Cooperation and assistance",
        topic_fr="Coopération et assistance",
        topic_es="Cooperación y asistencia",
    )
    others = [CommitteeFactory(slug=f"other-{i}") for i in range(3)]
    sen = StateFactory(iso3="SEN", iso2="SN", name_en="Senegal", name_fr="Sénégal", name_es="Senegal")
    som = StateFactory(iso3="SOM", iso2="SO", name_en="Somalia", name_fr="Somalie", name_es="Somalia")
    col = StateFactory(iso3="COL", iso2="CO", name_en="Colombia", name_fr="Colombie", name_es="Colombia")
    nga = StateFactory(iso3="NGA", iso2="NG", name_en="Nigeria", name_fr="Nigéria", name_es="Nigeria")
    for state, fr, es in ((sen, "le Sénégal", "el Senegal"), (som, "la Somalie", ""), (nga, "le Nigéria", "")):
        StateDisplayName.objects.create(state=state, language="fr", in_sentence=fr)
        if es:
            StateDisplayName.objects.create(state=state, language="es", in_sentence=es)

    def meeting(code, kind, start, end=None, **kw):
        committees = kw.pop("committees", [ca])
        m = Meeting.objects.create(
            code=code, kind=kind, status="held", start_date=start, end_date=end or start, place="Geneva", **kw
        )
        m.committees.set(committees)
        return m

    meeting(
        "cm-2023",
        "committee_meeting",
        D(2023, 1, 16),
        title_en="Committee meeting",
        purpose_en="Consider its workplan for 2023.",
        purpose_fr="Examiner son plan de travail pour 2023.",
        purpose_es="Examinar su plan de trabajo para 2023.",
    )
    series = BilateralSeries.objects.create(
        title="Bilaterals 2023",
        with_presidency=True,
        start_date=D(2023, 2, 1),
        end_date=D(2023, 5, 31),
        purpose_en="Discuss progress and challenges.",
        purpose_fr="Discuter des progrès et des difficultés.",
        purpose_es="Examinar los progresos y las dificultades.",
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
        purpose_en="Remind States Parties of the 30 April deadline.\nEncourage detailed reports.",
        purpose_fr="Rappeler aux États parties la date limite du 30 avril.\nLes inciter à des rapports détaillés.",
        purpose_es="Recordar a los Estados Partes el plazo del 30 de abril.\nAlentarlos a informar en detalle.",
        committee_aims_en="Continue promoting the online reporting tool.",
        committee_aims_fr="Continuer de promouvoir l'outil d'établissement de rapports en ligne.",
        committee_aims_es="Seguir promoviendo la herramienta en línea.",
    )
    im = meeting("IM2023", "intersessional", D(2023, 6, 19), D(2023, 6, 21), title_en="Intersessional meetings")
    meeting(
        "panel-2023",
        "panel",
        D(2023, 6, 20),
        parent=im,
        title_en="Towards improved cooperation and assistance",
        title_fr="Pour une amélioration de la coopération et de l'assistance",
        title_es="Hacia una mejor cooperación y asistencia",
        topics_en="Funding trends\nInnovative funding",
        topics_fr="Les tendances en matière de financement\nLes financements innovants",
        topics_es="Las tendencias de la financiación\nLa financiación innovadora",
    )
    revcon = meeting("5RC", "review_conference", D(2024, 11, 25), D(2024, 11, 29), title_en="Fifth Review Conference")
    ia_meeting = meeting("ia-sen", "individualised_approach", D(2023, 6, 21), parent=im, state=sen, title_en="IA")
    IndividualisedApproachRequest.objects.create(
        state=sen,
        committee=ca,
        meeting=ia_meeting,
        status="held",
        requested_on=D(2023, 2, 1),
        held_on=D(2023, 6, 21),
        outcome_en="Take stock with stakeholders.",
        outcome_fr="Faire le point avec les parties prenantes.",
        outcome_es="Hacer balance con las partes interesadas.",
    )
    msp = meeting("21MSP", "msp", D(2023, 11, 20), D(2023, 11, 24), title_en="Twenty-first Meeting")
    IndividualisedApproachRequest.objects.create(
        state=som, committee=ca, status="requested", requested_on=D(2023, 9, 1), requested_at=msp
    )
    questionnaire = Questionnaire.objects.create(
        committee=ca,
        title_en="Cooperation and assistance questionnaire",
        circulation_date=D(2023, 5, 1),
        deadline=D(2023, 6, 1),
        recipient_groups=["affected", "providers"],
        circulated_at=timezone.now(),
        purpose_en="Improve its knowledge of cooperation and assistance.",
        purpose_fr="Améliorer sa connaissance de la coopération et de l'assistance.",
        purpose_es="Mejorar su conocimiento de la cooperación y la asistencia.",
        prepares=revcon,
    )
    for n in range(42, 48):
        action, _created = OsloAction.objects.get_or_create(number=n, defaults={"title_en": f"Action {n}"})
        question = Question.objects.create(questionnaire=questionnaire, order=n, kind="text", text_en=f"Q{n}")
        question.actions.add(action)
    cycle = ReportingCycle.objects.create(year=2022, online_tool_promoted_by=ca)
    PreliminaryObservations.objects.create(committee=ca, cycle=cycle, meeting=im, submitted_on=D(2023, 6, 12))
    for state, source in ((sen, "online"), (col, "online"), (som, "email")):
        report = Report.objects.create(state=state, cycle=cycle)
        ReportVersion.objects.create(
            report=report, number=1, source=source, submitted_at=timezone.now(), received_on=D(2023, 4, 20)
        )
    TermsOfReference.objects.create(
        version="2023", title="Terms of reference", in_force_from=D(2023, 3, 1), summary="Updated terms."
    )
    application = Application.objects.create(
        reference="CAF-1",
        state=nga,
        title="Exchange",
        purpose="south_south",
        activities="Study visit",
        requested_amount=1000,
        currency="EUR",
        start_date=D(2023, 10, 1),
        end_date=D(2024, 6, 30),
    )
    ApplicationEvent.objects.create(
        application=application,
        step="created",
        to_status="draft",
        at=timezone.make_aware(datetime.datetime(2023, 7, 10)),
    )
    period = PriorityActionPeriod.objects.create(committee=ca, start_year=2023, end_year=2024)
    PriorityAction.objects.create(
        period=period, number=2, text_en="Second priority.", text_fr="Deuxième priorité.", text_es="Segunda prioridad."
    )
    PriorityAction.objects.create(
        period=period, number=1, text_en="First priority.", text_fr="Première priorité.", text_es="Primera prioridad."
    )
    for order, (en, fr, es) in enumerate(
        [("Review reports (#45, #47).", "Examiner les rapports.", "Examinar los informes."), ("Panel.", "", "")]
    ):
        WorkplanItem.objects.create(
            committee=ca,
            year=2023,
            order=order,
            description_en=en,
            description_fr=fr,
            description_es=es,
            timing="ongoing",
            owner="committee",
        )
    return ca


def _new_document(committee, **kw):
    document = services.document_create(
        committee=committee,
        year=2023,
        meeting_code="21MSP",
        meeting_number=21,
        languages=["fr", "es"],
        **kw,
    )
    for version in document.versions.all():
        services.version_save(document=document, language=version.language, issue_date=D(2023, 9, 22))
    return document


def _texts(document, lang):
    data = document_data(document, lang)
    return [p.text for p in data.numbered_paragraphs], data


def test_generate_writes_every_paragraph_from_its_record_in_three_languages(recorded_2023):
    document = _new_document(recorded_2023)
    report = document_generate_draft(document=document, by=None)
    en, data_en = _texts(document, "en")
    fr, data_fr = _texts(document, "fr")
    es, data_es = _texts(document, "es")

    assert en[0] == "The Committee met for the first time on 16 January 2023 to consider its workplan for 2023."
    assert (
        fr[0]
        == "Le Comité s'est réuni une première fois le 16 janvier 2023 pour examiner son plan de travail pour 2023."
    )
    assert (
        es[0]
        == "El Comité se reunió por primera vez el 16 de enero de 2023 para examinar su plan de trabajo para 2023."
    )
    assert en[1] == (
        "From February to May 2023, the Committee, the Presidency and the three other Committees of the Convention "
        "took part in bilateral meetings with States Parties to discuss progress and challenges. These were the "
        "following States: Colombia and Senegal."
    )
    assert fr[1].endswith("Il s'agissait des États suivants\u00a0: Colombie et Sénégal.")
    assert fr[1].startswith("Entre février et mai 2023, le Comité, la présidence et les trois autres Comités")
    assert "ont participé à des réunions bilatérales avec des États parties, afin de discuter des progrès" in fr[1]
    assert es[1].endswith("Se trataba de los siguientes Estados: Colombia y Senegal.")
    assert fr[2] == (
        "Le 9 mars 2023, le Comité, la présidence et les trois autres Comités relevant de la Convention ont participé "
        "à un atelier visant à rappeler aux États parties la date limite du 30 avril et à les inciter à des rapports "
        "détaillés. Le Comité a profité de cet atelier pour continuer de promouvoir l'outil d'établissement de "
        "rapports en ligne."
    )
    assert fr[3] == (
        "Le 1^{er} mai 2023, le Comité a diffusé un questionnaire dans le but d'améliorer sa connaissance de la "
        "coopération et de l'assistance et de mieux appréhender les progrès réalisés dans la mise en œuvre des actions "
        "n^{os} 42 à 47 du Plan d'action d'Oslo pour 2020-2024, dans la perspective de la cinquième Conférence "
        "d'examen, qui aurait lieu l'année suivante."
    )
    assert "las medidas #42 a #47 del Plan de Acción de Oslo 2020-2024, con miras a la Quinta Conferencia" in es[3]
    assert en[4].startswith("In the lead-up to the intersessional meetings of 19, 20 and 21 June 2023, the Committee")
    assert fr[4].startswith("À l'approche des réunions intersessions des 19, 20 et 21 juin 2023")
    assert fr[4].endswith("Il a soumis ces observations préliminaires aux réunions intersessions.")
    # French typography: no-break spaces inside « » and before the colon.
    assert fr[5] == wording.french_spaces(
        "Lors des réunions intersessions des 19, 20 et 21 juin 2023, le Comité a organisé une réunion-débat sur le "
        "thème « Pour une amélioration de la coopération et de l'assistance », pendant laquelle les participants ont "
        "examiné les tendances en matière de financement et les financements innovants."
    )
    assert fr[6] == (
        "Dans la perspective des réunions intersessions des 19, 20 et 21 juin 2023, le Comité a apporté un appui au "
        "Sénégal pour l'organisation d'une réunion sur la procédure individualisée, tenue le 21 juin. Ces réunions ont "
        "été l'occasion pour le Sénégal de faire le point avec les parties prenantes."
    )
    assert "prestó apoyo al Senegal" in es[6] and "brindaron al Senegal la oportunidad de hacer balance" in es[6]
    assert fr[7] == (
        "En outre, à l'approche de la vingt et unième Assemblée des États parties, le Comité a collaboré avec la "
        "Somalie, qui a exprimé le souhait de bénéficier de la procédure individualisée en marge de la vingt et unième "
        "Assemblée."
    )
    assert en[7].startswith("In addition, in the lead-up to the Twenty-first Meeting of the States Parties")
    assert "which expressed its wish" in en[7]
    # The online tool: promoted by the committee in the cycle due in 2023; two of the three reports came online.
    assert en[8] == (
        "In 2022, the Committee launched the online reporting tool to assist States Parties in preparing and "
        "submitting their Article 7 reports. It continued to promote the tool and to encourage its voluntary use in "
        "the lead-up to the reporting deadline of 30 April 2023. It was used for 2 reports."
    )
    assert fr[9] == (
        "Le Comité a actualisé le mandat du Fonds de coopération et d'assistance et a commencé à travailler avec le "
        "Nigéria en vue de l'utilisation du Fonds, avec le soutien de l'Unité d'appui à l'application et d'autres "
        "partenaires."
    )
    # Priority actions in their recorded order and language, numbered after the activities.
    assert en[10:] == ["First priority.", "Second priority."]
    assert es[10:] == ["Primera prioridad.", "Segunda prioridad."]
    assert [p.number for p in data_en.numbered_paragraphs] == list(range(1, 13))
    # Annex I: intro and "decided" from templates over the committee's data, then one bullet per item.
    annex = data_es.annexes[0]
    es_name = "Comité sobre el Fortalecimiento de la Cooperación y la Asistencia"
    assert annex.title == f"Plan de trabajo sobre género y diversidad – {es_name}"
    assert [p.kind for p in annex.paragraphs] == ["plain", "plain", "bullet", "bullet"]
    assert annex.paragraphs[1].text == f"El {es_name} ha decidido trabajar en lo siguiente en 2023:"
    assert data_fr.annexes[0].paragraphs[3].missing  # no French text recorded for that item
    # Every paragraph of the activities exists in the three languages; nothing waits for a translator.
    assert data_en.missing_count == 0
    assert [p.number for p in data_es.numbered_paragraphs if p.missing] == []
    # Header fields filled where empty, in Spanish too.
    assert document.versions.get(language="es").meeting_name == "Vigésima Primera Reunión"
    assert document.versions.get(language="fr").title == wording.french_spaces(
        "Coopération et assistance : conclusions et recommandations ayant trait au mandat du Comité sur le "
        "renforcement de la coopération et de l'assistance"
    )
    assert report.paragraphs == 16
    # The one record without French and Spanish text is named in the notes; nothing else is missing.
    assert report.notes == [
        f"2023 #1: Panel. has no text for “what will be done” in {language}: that language waits for it."
        for language in ("Spanish", "French")  # the document's languages in code order: en, es, fr
    ]
    assert hand_edited_paragraphs(document) == 0


def test_a_record_without_a_language_leaves_that_language_missing_and_says_so(recorded_2023):
    from meetings.models import Meeting

    Meeting.objects.filter(code="cm-2023").update(purpose_es="")
    document = _new_document(recorded_2023)
    report = document_generate_draft(document=document, by=None)
    es = document_data(document, "es").numbered_paragraphs
    assert es[0].missing and not document_data(document, "fr").numbered_paragraphs[0].missing
    assert any("Committee meeting" in note and "Spanish" in note for note in report.notes)


def test_preliminary_observations_paragraph_only_with_its_record(recorded_2023):
    from meetings.models import PreliminaryObservations

    PreliminaryObservations.objects.all().delete()
    document = _new_document(recorded_2023)
    document_generate_draft(document=document, by=None)
    en, _data = _texts(document, "en")
    assert not [p for p in en if "preliminary observations" in p]
    assert en[4].startswith("At the intersessional meetings of 19, 20 and 21 June 2023, the Committee held a panel")


def test_a_fund_application_begun_after_the_issue_date_waits(recorded_2023):
    from fund.models import Application, ApplicationEvent
    from states.models import State

    col = State.objects.get(iso3="COL")
    later = Application.objects.create(
        reference="CAF-2",
        state=col,
        title="Later",
        purpose="other",
        activities="x",
        requested_amount=1,
        currency="EUR",
        start_date=D(2024, 1, 1),
        end_date=D(2024, 2, 1),
    )
    ApplicationEvent.objects.create(
        application=later, step="created", to_status="draft", at=timezone.make_aware(datetime.datetime(2023, 10, 9))
    )
    document = _new_document(recorded_2023)
    document_generate_draft(document=document, by=None)
    fund = _texts(document, "en")[0][9]
    assert "began working with Nigeria on the use of the Fund" in fund and "Colombia" not in fund


def test_any_committee_from_its_own_records(db):
    from committee.models import CommitteeMembership, CommitteeYear
    from meetings.models import Meeting

    art5 = CommitteeFactory(
        slug="article-5",
        name_en="Committee on Article 5 Implementation",
        name_fr="Comité sur l'application de l'article 5",
        name_es="Comité sobre la Aplicación del Artículo 5",
        topic_en="Article 5 implementation",
        topic_fr="Application de l'article 5",
        topic_es="Aplicación del artículo 5",
    )
    CommitteeFactory(slug="cooperation-assistance")
    members = [
        StateFactory(iso3=iso3, iso2=iso3[:2], name_en=en, name_fr=fr, name_es=es)
        for iso3, en, fr, es in (
            ("CHL", "Chile", "Chili", "Chile"),
            ("NOR", "Norway", "Norvège", "Noruega"),
            ("ZMB", "Zambia", "Zambie", "Zambia"),
            ("LKA", "Sri Lanka", "Sri Lanka", "Sri Lanka"),
        )
    ]
    for i, state in enumerate(members):
        CommitteeMembership.objects.create(committee=art5, state=state, term_start=2023 - i % 2)
    CommitteeYear.objects.create(committee=art5, year=2023, chair=members[1])
    m = Meeting.objects.create(
        code="a5-2023",
        kind="committee_meeting",
        status="held",
        title_en="Article 5 committee",
        start_date=D(2023, 2, 7),
        end_date=D(2023, 2, 7),
        purpose_en="Review the Article 5 extension requests.",
        purpose_fr="Examiner les demandes de prolongation au titre de l'article 5.",
        purpose_es="Examinar las solicitudes de prórroga en virtud del artículo 5.",
    )
    m.committees.set([art5])
    document = _new_document(art5)
    document_generate_draft(document=document, by=None)
    en, data = _texts(document, "en")
    assert en == ["The Committee met for the first time on 7 February 2023 to review the Article 5 extension requests."]
    assert data.composition == "Committee on Article 5 Implementation (Chile, Norway (Chair), Sri Lanka and Zambia)"
    assert document_data(document, "fr").composition == (
        "Comité sur l'application de l'article 5 (Chili, Norvège (présidence), Sri Lanka et Zambie)"
    )
    assert document.versions.get(language="en").title == (
        "Article 5 implementation: conclusions and recommendations related to the mandate of the Committee on "
        "Article 5 Implementation"
    )


def test_a_carried_over_priority_action_takes_the_earlier_text_where_it_has_none(recorded_2023):
    from meetings.models import PriorityAction, PriorityActionPeriod

    earlier = PriorityActionPeriod.objects.create(committee=recorded_2023, start_year=2022, end_year=2023)
    kept = PriorityAction.objects.create(
        period=earlier, number=4, text_en="Keep the platforms.", text_fr="Garder les plateformes.", status="ongoing"
    )
    PriorityAction.objects.create(period=earlier, number=5, text_en="Left behind.", status="in_progress")
    PriorityAction.objects.create(period=earlier, number=6, text_en="Done already.", status="done")
    current = PriorityActionPeriod.objects.get(start_year=2023)
    PriorityAction.objects.create(
        period=current, number=3, text_en="Keep the platforms, in 2024 too.", carried_over_from=kept
    )
    document = _new_document(recorded_2023)
    report = document_generate_draft(document=document, by=None)
    assert _texts(document, "en")[0][-1] == "Keep the platforms, in 2024 too."
    assert _texts(document, "fr")[0][-1] == "Garder les plateformes."
    assert [n for n in report.notes if "Priority action" in n] == [
        "Priority action 5 of 2022-2023 is “In progress” and no action of 2023 carries it over."
    ]


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
    document = _new_document(recorded_2023)
    document_generate_draft(document=document, by=None)
    first = Paragraph.objects.filter(section__document=document).count()
    document_generate_draft(document=document, by=None)
    assert Paragraph.objects.filter(section__document=document).count() == first


def test_a_hand_edit_is_counted(recorded_2023):
    document = _new_document(recorded_2023)
    document_generate_draft(document=document, by=None)
    paragraph = Paragraph.objects.filter(section__document=document).order_by("pk").first()
    services.paragraph_update(paragraph=paragraph, texts={"en": "Edited by hand."})
    assert hand_edited_paragraphs(document) == 1


def test_generate_is_refused_on_a_final_document():
    document = make_document(status=Status.FINAL)
    with pytest.raises(services.DocumentLocked):
        document_generate_draft(document=document, by=None)


def test_generate_through_the_editor(cast, recorded_2023):
    from django.urls import reverse

    from conftest import client_for

    document = _new_document(recorded_2023)
    url = reverse("conclusions:generate", args=[recorded_2023.slug, "21MSP"])
    response = client_for(cast, "isu").post(url, follow=True)
    assert "Draft generated: 16 paragraphs" in response.content.decode()
    assert Paragraph.objects.filter(section__document=document).count() == 16


@pytest.mark.parametrize(
    "number, en, fr, es",
    [
        (1, "First", "Première", "Primera"),
        (21, "Twenty-first", "Vingt et unième", "Vigésima Primera"),
        (22, "Twenty-second", "Vingt-deuxième", "Vigésima Segunda"),
        (20, "Twentieth", "Vingtième", "Vigésima"),
        (13, "Thirteenth", "Treizième", "Decimotercera"),
    ],
)
def test_ordinals_for_meeting_names(number, en, fr, es):
    assert (ordinal(number, "en"), ordinal(number, "fr"), ordinal(number, "es")) == (en, fr, es)


def test_action_lists_day_lists_and_contractions():
    assert wording.actions([47, 45], "en") == "Actions #45 and #47"
    assert wording.actions([45, 47], "fr") == "actions n^{os} 45 et 47"
    assert wording.actions([45], "fr", article=True) == "de l'action n^{o} 45"
    assert wording.actions([42, 43, 44], "es") == "las medidas #42 a #44"
    assert wording.days(D(2023, 6, 19), D(2023, 6, 21), "en") == "19, 20 and 21 June 2023"
    assert wording.days(D(2023, 11, 20), D(2023, 11, 24), "fr") == "20, 21, 22, 23 et 24 novembre 2023"
    assert wording.days(D(2023, 6, 19), D(2023, 6, 21), "es") == "19, 20 y 21 de junio de 2023"
    assert wording.of("les réunions intersessions", "fr") == "des réunions intersessions"
    assert wording.to("le Sénégal", "fr") == "au Sénégal"
    assert wording.to("el Senegal", "es") == "al Senegal"
    assert wording.clauses(["Améliorer sa connaissance.", "Mieux comprendre."], "fr", elide=True) == (
        "d'améliorer sa connaissance et de mieux comprendre"
    )
    assert wording.join(["Francia", "Italia"], "es") == "Francia e Italia"
