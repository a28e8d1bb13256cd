"""The 2023 conclusions of the cooperation and assistance committee (21MSP), generated from the records.

The loader records the document's own facts (its languages, issue date, symbol, agenda item) and how
the Convention's documents name some States, then generates every paragraph from what the other apps'
demo data recorded (meetings, questionnaire, reports, Fund, priority actions, gender workplan). No
paragraph text is stored here: data/conclusions-2023-fr.txt, the real document, is only the reference
the acceptance tests compare the generated text with.
"""

import datetime

from committee.models import Committee
from core.demo import DemoContext, upsert
from states.models import State

from .generate import document_generate_draft
from .models import ConclusionsDocument, DocumentLanguageVersion, Paragraph, StateDisplayName
from .selectors import hand_edited_paragraphs

# Illustrative: the seed does not print the symbol; MSP documents follow the APLC/MSP.<n>/<year>/<k> pattern.
SYMBOL = "APLC/MSP.21/2023/7"
ISSUE_DATE = datetime.date(2023, 9, 22)
LANGUAGES = ["en", "fr", "es"]

# How the Convention's documents (UN terminology) name these States where the registry's ISO-based name differs.
DISPLAY_NAMES = {
    "NLD": {"en": "Netherlands (Kingdom of the)", "fr": "Pays-Bas (Royaume des)", "es": "Países Bajos (Reino de los)"},
    "COD": {"en": "Democratic Republic of the Congo"},
    "IRQ": {"fr": "Iraq", "es": "Iraq"},
    "TUR": {"fr": "Türkiye", "es": "Türkiye"},
    "NGA": {"fr": "Nigéria"},
    "TCD": {"es": "Chad"},
    "GNB": {"es": "Guinea-Bissau"},
    "ZWE": {"es": "Zimbabwe"},
}

# The agenda item the conclusions are presented under (the document's own facts, per language).
AGENDA = {
    "en": ("Item 10 (c) of the provisional agenda", "Review of the general status and operation of the Convention"),
    "fr": (
        "Point 10 c) de l'ordre du jour provisoire",
        "Examen de l'état et du fonctionnement d'ensemble de la Convention",
    ),
    "es": ("Tema 10 c) del programa provisional", "Examen del estado general y el funcionamiento de la Convención"),
}


def _state_names(ctx: DemoContext) -> None:
    in_sentence = ctx.texts["states_in_sentence"]
    states = {s.iso3: s for s in State.objects.filter(iso3__in=set(DISPLAY_NAMES) | set(in_sentence))}
    for iso3, state in states.items():
        for language in LANGUAGES:
            name = DISPLAY_NAMES.get(iso3, {}).get(language, "")
            sentence = in_sentence.get(iso3, {}).get(language, "")
            if name or sentence:
                upsert(
                    StateDisplayName,
                    state=state,
                    language=language,
                    defaults={"name": name, "in_sentence": sentence},
                )


def load(ctx: DemoContext) -> None:
    committee = Committee.objects.filter(slug="cooperation-assistance").first()
    if committee is None:
        return
    _state_names(ctx)

    from meetings import selectors as meeting_selectors

    meeting = ctx.cycle["document"]["meeting"]
    document, _created = upsert(
        ConclusionsDocument,
        committee=committee,
        meeting_code=meeting["code"],
        defaults={
            "meeting": meeting_selectors.meeting_by_code(meeting["code"]),
            "year": 2023,
            "meeting_number": meeting["number"],
            "meeting_start": meeting["start"],
            "meeting_end": meeting["end"],
            "original_language": "en",
        },
    )
    if document.is_final:  # the text of a final document is locked, even for the demo loader
        return
    for language in LANGUAGES:
        item, title = AGENDA[language]
        upsert(
            DocumentLanguageVersion,
            document=document,
            language=language,
            defaults={"issue_date": ISSUE_DATE, "symbol": SYMBOL, "agenda_item": item, "agenda_title": title},
        )
    if not Paragraph.objects.filter(section__document=document).exists():
        report = document_generate_draft(document=document, by=None)
        ctx.log(f"Conclusions: generated {report.paragraphs} paragraphs from the records")
        for note in report.notes:
            ctx.log(f"  note: {note}")
    ctx.log(
        f"Conclusions: {document} ({document.get_status_display()}), languages {', '.join(LANGUAGES)}; "
        f"paragraphs edited by hand: {hand_edited_paragraphs(document)}"
    )
