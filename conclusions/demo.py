"""The 2023 conclusions of the cooperation and assistance committee (21MSP): French from the seed,
word for word; English, the original language, and Spanish (our faithful renderings)."""

import datetime

from committee.models import Committee
from core.demo import DATA_DIR, DemoContext, spanish_paragraphs, upsert
from states.models import State

from .labels import BODY
from .models import (
    ConclusionsDocument,
    DocumentLanguageVersion,
    Paragraph,
    ParagraphKind,
    ParagraphText,
    Section,
    SectionKind,
    SectionTitle,
    StateDisplayName,
)
from .seed import parse_seed

SEED = DATA_DIR / "conclusions-2023-fr.txt"
# Illustrative: the seed does not print the symbol; MSP documents follow the APLC/MSP.<n>/<year>/<k> pattern.
SYMBOL = "APLC/MSP.21/2023/7"

# How the Convention's documents (UN terminology) name these States where the registry's ISO-based name differs.
DISPLAY_NAMES = {
    "NLD": {"en": "Netherlands (Kingdom of the)", "fr": "Pays-Bas (Royaume des)", "es": "Países Bajos (Reino de los)"},
    "COD": {"en": "Democratic Republic of the Congo"},
    "IRQ": {"fr": "Iraq", "es": "Iraq"},
    "TUR": {"fr": "Türkiye", "es": "Türkiye"},
    "NGA": {"fr": "Nigéria"},
}

HEADERS = {
    "en": {
        "body": BODY["en"],
        "meeting_name": "Twenty-first Meeting",
        "place_and_dates": "Geneva, 20-24 November 2023",
        "agenda_item": "Item 10 (c) of the provisional agenda",
        "agenda_title": "Review of the general status and operation of the Convention",
        "title": "Cooperation and assistance: conclusions and recommendations related to the mandate of "
        "the Committee on the Enhancement of Cooperation and Assistance",
        "subtitle": "Activities and priority actions for 2023-2024",
    },
    "es": {
        "body": BODY["es"],
        "meeting_name": "Vigésima Primera Reunión",
        "place_and_dates": "Ginebra, 20 a 24 de noviembre de 2023",
        "agenda_item": "Tema 10 c) del programa provisional",
        "agenda_title": "Examen del estado general y el funcionamiento de la Convención",
        "title": "Cooperación y asistencia: conclusiones y recomendaciones relativas al mandato del Comité sobre "
        "el Fortalecimiento de la Cooperación y la Asistencia",
        "subtitle": "Actividades y acciones prioritarias para 2023-2024",
    },
}

SECTION_TITLES = {
    "en": ["Activities of the Committee", "Priority actions of the Committee"],
    "es": ["Actividades del Comité", "Acciones prioritarias del Comité"],
}
ANNEX_TITLES = {
    "en": "Gender and diversity workplan – Committee on the Enhancement of Cooperation and Assistance",
    "es": "Plan de trabajo sobre género y diversidad – Comité sobre el Fortalecimiento de la Cooperación "
    "y la Asistencia",
}

PARAGRAPHS_EN = [
    "The Committee met for the first time on 16 January 2023 to consider its workplan for 2023.",
    "From February to May 2023, the Committee, the Presidency and the three other Committees of the Convention "
    "took part in bilateral meetings with States Parties to discuss progress made and challenges encountered in "
    "implementing the Convention and in meeting the States' respective obligations in the Convention's thematic "
    "areas. These were the following States: Bosnia and Herzegovina, Cambodia, Chad, Colombia, Democratic Republic "
    "of the Congo, Ethiopia, Guinea-Bissau, Iraq, Mauritania, Senegal, Serbia, Somalia, Sri Lanka, Tajikistan, "
    "Türkiye and Zimbabwe.",
    "On 9 March 2023, the Committee, the Presidency and the three other Committees of the Convention took part in "
    "a workshop to remind States Parties of the importance of meeting the 30 April deadline for submitting their "
    "annual Article 7 reports, and to encourage them to include in their reports detailed quantitative and "
    "qualitative information on the fulfilment of their cooperation and assistance commitments, in accordance with "
    "the *Guide to Reporting*, and on the fulfilment of their commitments under the Oslo Action Plan. The Committee "
    "used the workshop to continue promoting the online reporting tool and to ensure that cooperation and "
    "assistance, as well as gender and diversity, are taken into account in States Parties' reports.",
    "On 1 May 2023, the Committee circulated a questionnaire with the aim of improving its knowledge of current and "
    "past cooperation and assistance activities and of better understanding the progress made in implementing "
    "Actions #42 to #47 of the Oslo Action Plan 2020-2024, in view of the Fifth Review Conference to be held the "
    "following year.",
    "In the lead-up to the intersessional meetings of 19, 20 and 21 June 2023, the Committee prepared preliminary "
    "observations based on the information provided by States Parties in their Article 7 reports. It presented "
    "these preliminary observations at the intersessional meetings.",
    "At the intersessional meetings of 19, 20 and 21 June 2023, the Committee held a panel discussion on "
    "“Cooperation and assistance and the Oslo Action Plan – Towards improved cooperation and assistance”, during "
    "which participants discussed funding trends since the Fourth Review Conference, successes and lessons learned "
    "in mobilising innovative sources of funding, the difficult situation of States Parties close to completing "
    "their obligations, and how to improve coordination among stakeholders towards the Fifth Review Conference and "
    "beyond, in order to strengthen support to States Parties in their efforts to meet their obligations under "
    "Article 5 by their deadlines and to ensure the full implementation of Article 6 of the Convention.",
    "In the lead-up to the intersessional meetings of 19, 20 and 21 June 2023, the Committee supported Senegal in "
    "organising an individualised approach meeting, held on 21 June. These meetings gave Senegal the opportunity to "
    "take stock with stakeholders of the status of implementation of its mine action programmes and of the "
    "challenges it faces in this regard. A final report on these meetings has been prepared and will be published "
    "on the Convention website's page on Senegal.",
    "In addition, in the lead-up to the Twenty-first Meeting of the States Parties, the Committee worked with "
    "Somalia and Tajikistan, which expressed their wish to benefit from the individualised approach in the margins "
    "of the Twenty-first Meeting of the States Parties.",
    "In 2022, the Committee launched the online reporting tool to assist States Parties in preparing and submitting "
    "their Article 7 reports. It continued to promote the tool and to encourage its voluntary use in the lead-up to "
    "the reporting deadline of 30 April 2023.",
    "The Committee updated the Terms of Reference of the Cooperation and Assistance Fund and began working with "
    "Nigeria on the use of the Fund, with the support of the Implementation Support Unit and other partners.",
    "The Committee will continue to encourage and assist States Parties to benefit from the individualised approach "
    "in the margins of the intersessional meetings and of the Fifth Review Conference to be held in 2024.",
    "The Committee will continue to encourage States Parties to maintain a regular dialogue with national "
    "stakeholders, including by establishing national mine action platforms.",
    "The Committee continues to consider transparency and reliable reporting essential to enhancing cooperation "
    "and assistance. In this context, it will continue to encourage the voluntary use of the online reporting tool "
    "for the 2024 reporting period.",
    "The Committee will work to strengthen the Cooperation and Assistance Fund in order to support the exchange of "
    "best practices and facilitate South-South cooperation.",
    "The Committee will seek to identify actions that could be taken to strengthen donor coordination in order to "
    "assist mine-affected States Parties in meeting their mine clearance obligations under Article 5 of the "
    "Convention.",
    "The Committee will continue to strengthen coordination between its work and that of the Committee on Article 5 "
    "Implementation, the Committee on Victim Assistance and other stakeholders.",
    "In addition, with the support of the Implementation Support Unit, the Committee will continue to seek "
    "opportunities to strengthen cooperation and assistance in order to assist mine-affected States Parties in "
    "implementing Article 5 and in fulfilling their victim assistance commitments, through activities in Geneva as "
    "well as at the regional and national levels.",
    "To ensure that the Committee takes gender and diversity into account in its work, the gender focal point took "
    "the initiative of developing a gender and diversity workplan for 2023 and will report on its conclusions to "
    "the Twenty-first Meeting of the States Parties.",
    "The Committee will build on the Council of the European Union Decision to ensure that cooperation and "
    "assistance matters are taken into account in national and regional dialogues on mine clearance and victim "
    "assistance.",
]

ANNEX_EN = [
    (
        "plain",
        "Since the Oslo Review Conference and the adoption of the Oslo Action Plan, the role of the gender focal "
        "points has been to ensure that gender and the diverse needs and experiences of people in affected "
        "communities are taken into account in the work of the Convention's Committees, in carrying out their "
        "respective mandates. Gender equality issues as they relate to youth and the needs of youth will also be "
        "addressed, where relevant and appropriate.",
    ),
    (
        "plain",
        "The Committee on the Enhancement of Cooperation and Assistance has decided to work on the following in 2023:",
    ),
    (
        "bullet",
        "The Committee will review the information on implementation of the Convention and on fulfilment of the "
        "Oslo Action Plan commitments on cooperation and assistance provided by States Parties in the Article 7 "
        "reports due by 30 April 2023, in order to assess the level of information on gender and diversity (with "
        "particular attention to Actions #45 and #47).",
    ),
    (
        "bullet",
        "In reviewing this information, the Committee may reach out to States that provide information on "
        "cooperation and assistance but give no information on how they integrate gender and diversity into their "
        "cooperation and assistance efforts. The Committee will use these inputs for the statements it makes at the "
        "intersessional meeting (June 2023) or at the Twenty-first Meeting of the States Parties (November 2023).",
    ),
    (
        "bullet",
        "The Chair of the Committee on the Enhancement of Cooperation and Assistance has also sent a questionnaire to "
        "national mine action programme directors and donor States so that they provide information on their efforts "
        "to fulfil their cooperation and assistance commitments under the Oslo Action Plan and the challenges they "
        "face in doing so, including information on the integration of gender, in line with Actions #45 and #47. "
        "Relevant results will be shared at the June intersessional meeting or at the Twenty-first Meeting of the "
        "States Parties.",
    ),
    (
        "bullet",
        "In the lead-up to the intersessional meetings, during the bilateral meetings, Committee members will "
        "examine the gender and diversity aspects of their mandate.",
    ),
    (
        "bullet",
        "The Committee will apply a gender perspective when reviewing applications to the Cooperation and Assistance "
        "Fund, in accordance with the terms of reference and guidelines it has established.",
    ),
    (
        "bullet",
        "At the intersessional meetings (19-21 June 2023), the Committee could present its preliminary observations "
        "on the integration of gender and diversity: (1) in a statement delivered by the Chair or the gender focal "
        "point of the Committee on the Enhancement of Cooperation and Assistance; or (2) preferably, in a joint "
        "statement of all the gender focal points of the Coordinating Committee (to be delivered by the Chair or by "
        "one of the gender focal points, as decided in consultation with the gender focal points of the other "
        "Committees of the Convention). This statement could include examples of best practices implemented in "
        "mine-affected States.",
    ),
    (
        "bullet",
        "During the June intersessional meetings, the Committee will organise a thematic event on “Cooperation and "
        "assistance and the Oslo Action Plan – Towards improved cooperation and assistance”. The panel discussion "
        "will help promote the integration of gender by States Parties.",
    ),
    (
        "bullet",
        "At the June 2023 intersessional meetings and in the individualised approach with Senegal, the Committee will "
        "address gender and diversity issues (to be specified by the Committee on the Enhancement of Cooperation and "
        "Assistance and the other Committees).",
    ),
    (
        "bullet",
        "After consultation with the other gender focal points of the Convention, a panel discussion on gender and "
        "diversity will be organised by the Committee(s) at the Twenty-first Meeting of the States Parties. This "
        "panel will address substantive issues, but a balanced representation of gender and diversity among the "
        "speakers representing mine-affected States and donor countries will also be ensured.",
    ),
    (
        "bullet",
        "At the Twenty-first Meeting of the States Parties, the Committee will present its conclusions on the "
        "integration of gender and diversity in cooperation and assistance, through (1) its Chair or (2) its gender "
        "focal point.",
    ),
]

# Spanish: our faithful translation of the English original (data/conclusions-2023-es.yaml, which
# meetings/demo.py also reads for the priority actions).
PARAGRAPHS_ES = spanish_paragraphs()

ANNEX_ES = [
    "Desde la Conferencia de Examen de Oslo y la aprobación del Plan de Acción de Oslo, la función de los "
    "coordinadores de cuestiones de género ha consistido en velar por que el género y las diversas necesidades y "
    "experiencias de las personas de las comunidades afectadas se tengan en cuenta en la labor de los Comités de la "
    "Convención, en el desempeño de sus respectivos mandatos. También se abordarán, cuando sea pertinente y "
    "apropiado, las cuestiones de igualdad de género relacionadas con los jóvenes y sus necesidades.",
    "El Comité sobre el Fortalecimiento de la Cooperación y la Asistencia ha decidido trabajar en lo siguiente en "
    "2023:",
    "El Comité examinará la información sobre la aplicación de la Convención y sobre el cumplimiento de los "
    "compromisos del Plan de Acción de Oslo en materia de cooperación y asistencia facilitada por los Estados Partes "
    "en los informes en virtud del artículo 7 que debían presentarse a más tardar el 30 de abril de 2023, a fin de "
    "evaluar el nivel de información sobre género y diversidad (prestando especial atención a las medidas #45 y #47).",
    "Al examinar esa información, el Comité podrá dirigirse a los Estados que facilitan información sobre "
    "cooperación y asistencia pero no indican cómo integran el género y la diversidad en sus actividades de "
    "cooperación y asistencia. El Comité utilizará esas aportaciones para las declaraciones que formule en la reunión "
    "entre períodos de sesiones (junio de 2023) o en la Vigésima Primera Reunión de los Estados Partes (noviembre de "
    "2023).",
    "La Presidencia del Comité sobre el Fortalecimiento de la Cooperación y la Asistencia también ha enviado un "
    "cuestionario a los directores de los programas nacionales de acción contra las minas y a los Estados donantes "
    "para que faciliten información sobre sus esfuerzos por cumplir sus compromisos en materia de cooperación y "
    "asistencia en virtud del Plan de Acción de Oslo y sobre las dificultades que encuentran para ello, incluida "
    "información sobre la integración del género, de conformidad con las medidas #45 y #47. Los resultados "
    "pertinentes se darán a conocer en la reunión entre períodos de sesiones de junio o en la Vigésima Primera "
    "Reunión de los Estados Partes.",
    "Con miras a las Reuniones entre períodos de sesiones, durante las reuniones bilaterales, los miembros del Comité "
    "examinarán los aspectos de su mandato relacionados con el género y la diversidad.",
    "El Comité aplicará una perspectiva de género al examinar las solicitudes presentadas al Fondo de Cooperación y "
    "Asistencia, de conformidad con el mandato y las directrices que ha establecido.",
    "En las Reuniones entre períodos de sesiones (19 a 21 de junio de 2023), el Comité podría presentar sus "
    "observaciones preliminares sobre la integración del género y la diversidad: 1) en una declaración formulada por "
    "la Presidencia o el coordinador de cuestiones de género del Comité sobre el Fortalecimiento de la Cooperación y "
    "la Asistencia; o 2) preferiblemente, en una declaración conjunta de todos los coordinadores de cuestiones de "
    "género del Comité de Coordinación (que formularía la Presidencia o uno de los coordinadores de cuestiones de "
    "género, según se decida en consulta con los coordinadores de cuestiones de género de los demás Comités de la "
    "Convención). Esa declaración podría incluir ejemplos de buenas prácticas aplicadas en los Estados afectados por "
    "las minas.",
    "Durante las Reuniones entre períodos de sesiones de junio, el Comité organizará un acto temático sobre «La "
    "cooperación y la asistencia y el Plan de Acción de Oslo: hacia una mejor cooperación y asistencia». La mesa "
    "redonda contribuirá a promover la integración del género por parte de los Estados Partes.",
    "En las Reuniones entre períodos de sesiones de junio de 2023 y en el marco del enfoque individualizado con el "
    "Senegal, el Comité abordará cuestiones de género y diversidad (que precisarán el Comité sobre el Fortalecimiento "
    "de la Cooperación y la Asistencia y los demás Comités).",
    "Tras consultar a los demás coordinadores de cuestiones de género de la Convención, el Comité o los Comités "
    "organizarán una mesa redonda sobre género y diversidad en la Vigésima Primera Reunión de los Estados Partes. "
    "Esta mesa redonda abordará cuestiones de fondo, pero también se garantizará una representación equilibrada en "
    "cuanto a género y diversidad entre los oradores que representen a los Estados afectados por las minas y a los "
    "países donantes.",
    "En la Vigésima Primera Reunión de los Estados Partes, el Comité presentará sus conclusiones sobre la integración "
    "del género y la diversidad en la cooperación y la asistencia, por conducto de 1) su Presidencia o 2) su "
    "coordinador de cuestiones de género.",
]

ISSUE_DATE = datetime.date(2023, 9, 22)


def _seed_structure():
    seed = parse_seed(SEED)
    fr_header = {
        "body": seed.header[0],
        "meeting_name": seed.header[4],
        "place_and_dates": seed.header[5],
        "agenda_item": seed.header[6],
        "agenda_title": seed.header[7],
        "title": seed.title,
        "subtitle": seed.subtitle,
    }
    return seed, fr_header


def load(ctx: DemoContext) -> None:
    committee = Committee.objects.filter(slug="cooperation-assistance").first()
    if committee is None:
        return
    for iso3, names in DISPLAY_NAMES.items():
        state = State.objects.filter(iso3=iso3).first()
        for language, name in names.items() if state else []:
            upsert(StateDisplayName, state=state, language=language, defaults={"name": name})

    from meetings.models import Meeting

    document, _created = upsert(
        ConclusionsDocument,
        committee=committee,
        meeting_code="21MSP",
        defaults={
            "meeting": Meeting.objects.filter(code="21MSP").first(),
            "year": 2023,
            "meeting_number": 21,
            "meeting_start": datetime.date(2023, 11, 20),
            "meeting_end": datetime.date(2023, 11, 24),
            "original_language": "en",
        },
    )
    if document.is_final:  # the text of a final document is locked, even for the demo loader
        return
    seed, fr_header = _seed_structure()
    headers = {"fr": fr_header, **HEADERS}
    for language, header in headers.items():
        upsert(
            DocumentLanguageVersion,
            document=document,
            language=language,
            defaults={**header, "issue_date": ISSUE_DATE, "symbol": SYMBOL},
        )

    numbered = [text for s in seed.sections for _n, text in s.paragraphs]
    texts_by_language = {"fr": numbered, "en": PARAGRAPHS_EN, "es": PARAGRAPHS_ES}
    position = 0
    for order, seed_section in enumerate(seed.sections, start=1):
        key = ["activities", "priority-actions"][order - 1] if order <= 2 else f"section-{order}"
        section, _ = upsert(Section, document=document, kind=SectionKind.SECTION, key=key, defaults={"order": order})
        titles = {"fr": seed_section.title, **{lang: t[order - 1] for lang, t in SECTION_TITLES.items()}}
        for language, title in titles.items():
            upsert(SectionTitle, section=section, language=language, defaults={"title": title})
        for p_order in range(1, len(seed_section.paragraphs) + 1):
            paragraph, _ = upsert(Paragraph, section=section, order=p_order, defaults={"kind": ParagraphKind.NUMBERED})
            for language, texts in texts_by_language.items():
                if position < len(texts):
                    upsert(ParagraphText, paragraph=paragraph, language=language, defaults={"text": texts[position]})
            position += 1

    for order, seed_annex in enumerate(seed.annexes, start=1):
        annex, _ = upsert(
            Section, document=document, kind=SectionKind.ANNEX, key=f"annex-{order}", defaults={"order": order}
        )
        titles = {
            "fr": seed_annex.title,
            **({"en": ANNEX_TITLES["en"], "es": ANNEX_TITLES["es"]} if order == 1 else {}),
        }
        for language, title in titles.items():
            upsert(SectionTitle, section=annex, language=language, defaults={"title": title})
        for p_order, (kind, text) in enumerate(seed_annex.order, start=1):
            paragraph, _ = upsert(Paragraph, section=annex, order=p_order, defaults={"kind": kind})
            upsert(ParagraphText, paragraph=paragraph, language="fr", defaults={"text": text})
            if order == 1:
                upsert(ParagraphText, paragraph=paragraph, language="en", defaults={"text": ANNEX_EN[p_order - 1][1]})
                upsert(ParagraphText, paragraph=paragraph, language="es", defaults={"text": ANNEX_ES[p_order - 1]})
    ctx.log(f"Conclusions: {document} ({document.get_status_display()}), languages en, fr, es")
