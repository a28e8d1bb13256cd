import hashlib

import pytest
from django.core.exceptions import ValidationError

from conclusions import services
from conclusions.markup import markup_to_text, render_markup
from conclusions.models import DocumentExport, Paragraph, Section, Status
from conclusions.selectors import document_data, editor_sections
from conclusions.tests.factories import make_document

pytestmark = pytest.mark.django_db


def _numbers(document, language="en"):
    return [(p.number, p.text) for p in document_data(document, language).numbered_paragraphs]


def test_numbering_runs_continuously_across_sections():
    document = make_document(paragraphs=3)
    assert _numbers(document) == [
        (1, "activities 1 en"),
        (2, "activities 2 en"),
        (3, "activities 3 en"),
        (4, "priority-actions 1 en"),
        (5, "priority-actions 2 en"),
        (6, "priority-actions 3 en"),
    ]


def test_deleting_a_paragraph_renumbers_the_following_ones():
    document = make_document(paragraphs=2)
    first = Paragraph.objects.filter(section__key="activities").order_by("order").first()
    services.paragraph_delete(paragraph=first)
    assert [n for n, _t in _numbers(document)] == [1, 2, 3]
    assert _numbers(document)[0] == (1, "activities 2 en")


def test_moving_down_past_the_end_of_a_section_moves_into_the_next_one():
    document = make_document(paragraphs=2)
    last_activity = Paragraph.objects.get(section__key="activities", order=2)
    services.paragraph_move(paragraph=last_activity, direction="down")
    last_activity.refresh_from_db()
    assert last_activity.section.key == "priority-actions"
    assert _numbers(document)[1:3] == [(2, "activities 2 en"), (3, "priority-actions 1 en")]
    sections = editor_sections(document, ["en"], ["en"])
    assert [len(s.rows) for s in sections] == [1, 3, 1]


def test_moving_up_swaps_with_the_previous_paragraph_and_first_cannot_move_up():
    document = make_document(paragraphs=2)
    second = Paragraph.objects.get(section__key="activities", order=2)
    services.paragraph_move(paragraph=second, direction="up")
    assert _numbers(document)[:2] == [(1, "activities 2 en"), (2, "activities 1 en")]
    services.paragraph_move(paragraph=second, direction="up")  # already first: nothing changes
    assert _numbers(document)[:2] == [(1, "activities 2 en"), (2, "activities 1 en")]
    assert editor_sections(document, ["en"], ["en"])[0].rows[0].first is True


def test_paragraph_added_after_another_takes_the_next_number():
    document = make_document(paragraphs=2)
    first = Paragraph.objects.get(section__key="activities", order=1)
    services.paragraph_add(section=first.section, texts={"en": "Inserted", "fr": ""}, after=first)
    assert _numbers(document)[:3] == [(1, "activities 1 en"), (2, "Inserted"), (3, "activities 2 en")]
    inserted = document_data(document, "fr").numbered_paragraphs[1]
    assert inserted.missing is True


def test_missing_translation_is_flagged_and_falls_back_to_the_original():
    document = make_document(paragraphs=1)
    paragraph = Paragraph.objects.get(section__key="activities", order=1)
    services.paragraph_update(paragraph=paragraph, texts={"fr": ""})
    data = document_data(document, "fr")
    assert data.numbered_paragraphs[0].missing is True
    assert data.numbered_paragraphs[0].text == "activities 1 en"
    row = editor_sections(document, ["en", "fr"], ["en", "fr"])[0].rows[0]
    assert row.missing == ["fr"]
    assert row.cells[1].html is None


def test_export_is_recorded_with_who_language_and_the_hash_of_the_stored_file(django_user_model):
    document = make_document(paragraphs=1)
    user = django_user_model.objects.create(username="chair", email="chair@example.org", role="chair")
    export = services.document_export(document=document, language="fr", by=user)
    with export.file.open("rb") as fh:
        content = fh.read()
    assert content.startswith(b"%PDF-")
    assert export.sha256 == hashlib.sha256(content).hexdigest()
    assert (export.language, export.created_by, export.size) == ("fr", user, len(content))
    assert export.status_at_export == Status.DRAFT
    assert DocumentExport.objects.count() == 1


def test_export_refuses_a_language_the_document_does_not_have():
    document = make_document(languages=("en",))
    with pytest.raises(ValidationError):
        services.document_export(document=document, language="ar", by=None)


def test_bullets_are_refused_in_numbered_sections():
    document = make_document()
    section = Section.objects.get(document=document, key="activities")
    with pytest.raises(ValidationError):
        services.paragraph_add(section=section, kind="bullet", texts={"en": "x"})


def test_duplicate_meeting_code_for_a_committee_is_refused():
    document = make_document()
    with pytest.raises(ValidationError):
        services.document_create(committee=document.committee, year=2023, meeting_code=document.meeting_code)


def test_markup_renders_superscript_italics_and_actions_and_escapes_html():
    html = render_markup('Le 1^{er} mai, *Guide* <script>alert("x")</script> actions #45 & #47')
    assert "1<sup>er</sup>" in html
    assert "<em>Guide</em>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<span class="action-ref">#45</span>' in html and '<span class="action-ref">#47</span>' in html
    assert markup_to_text("n^{os} 42 à 47, *Guide*") == "nos 42 à 47, Guide"


def test_markup_does_not_turn_escaped_quotes_into_action_refs():
    html = render_markup('l\'outil "#1"')
    assert "&#x27;" in html or "&#39;" in html
    assert html.count("action-ref") == 1


def test_composition_line_follows_the_document_language(cast):
    from committee.models import CommitteeMembership, CommitteeYear
    from conclusions.selectors import composition_line

    document = make_document()
    for state, start in ((cast.state_a, 2022), (cast.state_b, 2023)):
        CommitteeMembership.objects.create(committee=document.committee, state=state, term_start=start)
    CommitteeYear.objects.create(committee=document.committee, year=2023, chair=cast.state_a)
    cast.state_a.name_fr = "Åland A"
    cast.state_a.save()
    cast.state_b.name_fr = "Bordurie B"
    cast.state_b.save()
    assert composition_line(document, "en").endswith("(Aland A (Chair) and Borduria B)")
    assert composition_line(document, "fr") == (
        "Comité sur le renforcement de la coopération et de l'assistance (Åland A (présidence) et Bordurie B)"
    )
