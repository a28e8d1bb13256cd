from conclusions.models import Paragraph, Section
from conclusions.tests.factories import make_batch, make_document, make_export
from tests.matrix import Row, committee_only, isu_only, public


def _draft(cast) -> dict:
    document = make_document(slug="matrix-ca", code="21MSP")
    return {"slug": "matrix-ca", "code": document.meeting_code}


def _final(cast) -> dict:
    document = make_document(slug="matrix-ca", code="22MSP", status="final")
    return {"slug": "matrix-ca", "code": document.meeting_code}


def _published(cast) -> dict:
    """The original (English) is final, the French translation still a draft."""
    document = make_document(slug="matrix-ca", code="23MSP", status="final", final_languages=["en"])
    return {"slug": "matrix-ca", "code": document.meeting_code}


def _lang(builder, language: str = "en"):
    return lambda cast: {**builder(cast), "language": language}


def _section(cast) -> dict:
    kwargs = _draft(cast)
    section = Section.objects.filter(document__meeting_code=kwargs["code"], kind="section").first()
    return {**kwargs, "pk": section.pk}


def _section_add_paragraph(cast) -> dict:
    kwargs = _section(cast)
    return {"slug": kwargs["slug"], "code": kwargs["code"], "section": kwargs["pk"]}


def _paragraph(cast) -> dict:
    kwargs = _draft(cast)
    paragraph = Paragraph.objects.filter(section__document__meeting_code=kwargs["code"]).first()
    return {**kwargs, "pk": paragraph.pk}


def _published_paragraph(cast) -> dict:
    kwargs = _published(cast)
    paragraph = Paragraph.objects.filter(section__document__meeting_code=kwargs["code"]).first()
    return {**kwargs, "pk": paragraph.pk}


def _export(builder):
    def build(cast) -> dict:
        kwargs = builder(cast)
        from conclusions.models import ConclusionsDocument

        document = ConclusionsDocument.objects.get(committee__slug=kwargs["slug"], meeting_code=kwargs["code"])
        return {**kwargs, "pk": make_export(document).pk}

    return build


def _batch(cast) -> dict:
    kwargs = _draft(cast)
    from conclusions.models import ConclusionsDocument

    document = ConclusionsDocument.objects.get(committee__slug=kwargs["slug"], meeting_code=kwargs["code"])
    return {**kwargs, "pk": make_batch(document).pk}


ROWS = [
    Row("conclusions:list", public()),
    Row("conclusions:create", isu_only()),
    Row("conclusions:detail", committee_only(), kwargs=_draft),
    Row("conclusions:detail", public(), kwargs=_final),
    Row("conclusions:pdf", committee_only(), kwargs=_lang(_draft)),
    Row("conclusions:pdf", public(), kwargs=_lang(_final)),
    Row("conclusions:preview", committee_only(), kwargs=_lang(_draft)),
    Row("conclusions:preview", public(), kwargs=_lang(_final)),
    Row("conclusions:detail", public(), kwargs=_published),
    Row("conclusions:pdf", public(), kwargs=_lang(_published)),
    Row("conclusions:pdf", committee_only(), kwargs=_lang(_published, "fr")),
    Row("conclusions:preview", committee_only(), kwargs=_lang(_published, "fr")),
    Row("conclusions:edit", isu_only(), kwargs=_draft),
    Row("conclusions:edit", isu_only(), kwargs=_final),
    Row("conclusions:settings", isu_only(), kwargs=_draft),
    Row("conclusions:header", isu_only(), kwargs=_lang(_draft)),
    Row("conclusions:language_add", isu_only(302), kwargs=_draft, method="post", data={"language": "es"}),
    Row("conclusions:section_add", isu_only(), kwargs=_draft),
    Row("conclusions:section_edit", isu_only(), kwargs=_section),
    Row("conclusions:paragraph_add", isu_only(), kwargs=_section_add_paragraph),
    Row("conclusions:paragraph_edit", isu_only(), kwargs=_paragraph),
    Row("conclusions:paragraph_move", isu_only(302), kwargs=_paragraph, method="post", data={"direction": "down"}),
    Row("conclusions:paragraph_delete", isu_only(), kwargs=_paragraph),
    Row("conclusions:generate", isu_only(), kwargs=_draft),
    Row("conclusions:finalise", isu_only(), kwargs=_lang(_draft)),
    Row("conclusions:finalise", isu_only(302), kwargs=_lang(_published, "fr"), method="post"),
    Row("conclusions:header", isu_only(), kwargs=_lang(_published, "fr")),
    Row("conclusions:paragraph_edit", isu_only(), kwargs=_published_paragraph),
    Row("conclusions:export_all", isu_only(302), kwargs=_draft, method="post"),
    Row("conclusions:batch_status", committee_only(), kwargs=_batch),
    Row("conclusions:batch_download", committee_only(), kwargs=_batch),
    Row("conclusions:exports", committee_only(), kwargs=_draft),
    Row("conclusions:exports", committee_only(), kwargs=_final),
    Row("conclusions:export_download", committee_only(), kwargs=_export(_draft)),
    Row("conclusions:export_download", public(), kwargs=_export(_final)),
]
