"""The document's fixed wording: meetings named in every language, their ordinals and symbols; footnote markup."""

import datetime

import pytest

from conclusions import labels
from conclusions.labels import MeetingRef
from conclusions.markup import footnotes, markup_to_text, render_markup


@pytest.mark.parametrize(
    ("meeting", "en", "fr", "es"),
    [
        (
            "21MSP",
            "Twenty-first Meeting of the States Parties",
            "vingt et unième Assemblée des États parties",
            "Vigésima Primera Reunión de los Estados Partes",
        ),
        ("5RC", "Fifth Review Conference", "cinquième Conférence d'examen", "Quinta Conferencia de Examen"),
        (
            "IM2023",
            "Intersessional Meetings",
            "réunions intersessions",
            "reuniones entre períodos de sesiones",
        ),
        (
            "1MSP",
            "First Meeting of the States Parties",
            "première Assemblée des États parties",
            "Primera Reunión de los Estados Partes",
        ),
        (
            "10MSP",
            "Tenth Meeting of the States Parties",
            "dixième Assemblée des États parties",
            "Décima Reunión de los Estados Partes",
        ),
        (
            "22MSP",
            "Twenty-second Meeting of the States Parties",
            "vingt-deuxième Assemblée des États parties",
            "Vigésima Segunda Reunión de los Estados Partes",
        ),
    ],
)
def test_meeting_names_in_every_language(meeting, en, fr, es):
    assert [labels.meeting_name(meeting, lang) for lang in ("en", "fr", "es")] == [en, fr, es]


@pytest.mark.parametrize(
    ("number", "en", "fr", "es"),
    [
        (3, "Third", "troisième", "Tercera"),
        (9, "Ninth", "neuvième", "Novena"),
        (11, "Eleventh", "onzième", "Undécima"),
        (20, "Twentieth", "vingtième", "Vigésima"),
        (25, "Twenty-fifth", "vingt-cinquième", "Vigésima Quinta"),
        (31, "Thirty-first", "trente et unième", "Trigésima Primera"),
        (71, "Seventy-first", "soixante et onzième", "71ª"),
        (80, "Eightieth", "quatre-vingtième", "80ª"),
        (99, "Ninety-ninth", "quatre-vingt-dix-neuvième", "99ª"),
    ],
)
def test_ordinals(number, en, fr, es):
    ref = MeetingRef(labels.MSP, number, 2030)
    assert [labels.meeting_ordinal(ref, lang) for lang in ("en", "fr", "es")] == [en, fr, es]


def test_no_ordinal_for_intersessional_meetings_or_other_languages():
    assert labels.meeting_ordinal("IM2023", "en") == ""
    assert labels.meeting_ordinal("21MSP", "ar") == ""
    assert labels.meeting_name("21MSP", "ru") == ""


def test_the_masthead_names_the_body_then_the_meeting():
    assert labels.meeting_header_name("21MSP", "en") == "Twenty-first Meeting"
    assert labels.meeting_header_name("21MSP", "fr") == "Vingt et unième Assemblée"
    assert labels.meeting_header_name("21MSP", "es") == "Vigésima Primera Reunión"
    assert labels.meeting_header_name("5RC", "en") == ""  # the Review Conference is the body itself
    assert labels.body_name("21MSP", "en") == labels.BODY["en"]
    assert labels.body_name("5RC", "en").startswith(
        "Fifth Review Conference of the States Parties to the Convention on"
    )
    assert labels.body_name("5RC", "fr").startswith("Cinquième Conférence d'examen des États parties à la Convention")
    assert labels.body_name("5RC", "es").startswith(
        "Quinta Conferencia de Examen de los Estados Partes en la Convención"
    )
    assert labels.body_name("IM2023", "fr").startswith("Réunions intersessions de la Convention sur l'interdiction")


def test_document_symbols_follow_each_kind_of_meeting():
    assert labels.document_symbol(MeetingRef(labels.MSP, 21, 2023), 7) == "APLC/MSP.21/2023/7"
    assert labels.document_symbol(MeetingRef(labels.REVIEW_CONFERENCE, 5, 2024), 7) == "APLC/CONF/2024/7"
    assert labels.document_symbol("IM2023", 2) == "APLC/IM/2023/2"
    assert labels.document_symbol("5RC", "<k>", year=2024) == "APLC/CONF/2024/<k>"
    with pytest.raises(ValueError):
        labels.document_symbol("5RC", 1)  # no year known


@pytest.mark.django_db
def test_a_recorded_meeting_and_a_document_are_read_for_their_kind_number_and_year():
    from meetings.models import Meeting

    from .factories import DocumentFactory, VersionFactory

    revcon = Meeting.objects.create(
        code="5RC",
        kind="review_conference",
        start_date=datetime.date(2024, 11, 25),
        end_date=datetime.date(2024, 11, 29),
    )
    assert labels.meeting_ref(revcon) == MeetingRef(labels.REVIEW_CONFERENCE, 5, 2024)
    document = DocumentFactory(meeting_code="5RC", meeting=revcon, year=2024)
    VersionFactory(document=document, language="en", symbol="")
    assert labels.meeting_ref(document) == MeetingRef(labels.REVIEW_CONFERENCE, 5, 2024)
    assert labels.document_symbol(document, 3) == "APLC/CONF/2024/3"
    assert labels.meeting_name(document, "es") == "Quinta Conferencia de Examen"
    from conclusions.selectors import document_data

    data = document_data(document, "en")  # its header left empty: the body's name comes from the meeting
    assert data.body.startswith("Fifth Review Conference of the States Parties")
    assert data.meeting_name == ""
    msp = DocumentFactory(meeting_code="21MSP", year=2023, meeting_number=21)
    assert labels.meeting_ref(msp) == MeetingRef(labels.MSP, 21, 2023)
    assert labels.document_symbol(msp, 7) == "APLC/MSP.21/2023/7"


def test_spanish_header_dates_read_a_to():
    start, end = datetime.date(2023, 11, 20), datetime.date(2023, 11, 24)
    assert labels.date_range(start, end, "es") == "20 a 24 de noviembre de 2023"
    assert labels.date_range(start, end, "en") == "20-24 November 2023"


def test_a_footnote_is_marked_inline_and_kept_out_of_the_running_text():
    text = "Reports came through the tool.^[Launched in *2022*; see #45.] It went on."
    assert render_markup(text) == (
        'Reports came through the tool.<span class="footnote">Launched in <em>2022</em>; see '
        '<span class="action-ref">#45</span>.</span> It went on.'
    )
    assert markup_to_text(text) == "Reports came through the tool. It went on."
    assert footnotes(text) == ["Launched in 2022; see #45."]


def test_a_footnote_cannot_smuggle_html():
    assert render_markup("x^[<b>bold</b>]") == 'x<span class="footnote">&lt;b&gt;bold&lt;/b&gt;</span>'
    assert render_markup("x^[unclosed") == "x^[unclosed"
