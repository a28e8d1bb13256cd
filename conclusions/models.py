"""The committee's conclusions document: one per committee and meeting, in several languages.

The structure (sections, annexes, paragraphs) is shared by every language; the text lives in
per-language rows so that a missing translation is a missing row (or an empty one).
Paragraph numbers are never stored: they follow from the order (see selectors).
"""

import re

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords


class Language(models.TextChoices):
    """The six official languages of the United Nations, in which Convention documents are issued."""

    EN = "en", _("English")
    FR = "fr", _("French")
    ES = "es", _("Spanish")
    AR = "ar", _("Arabic")
    RU = "ru", _("Russian")
    ZH = "zh", _("Chinese")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FINAL = "final", _("Final")


meeting_code_validator = RegexValidator(
    re.compile(r"^[0-9]{0,2}[A-Z]{2,5}[0-9]{0,4}$"),
    _("Use the Convention's short code, e.g. 21MSP, 5RC or IM2023."),
)


class DocumentQuerySet(models.QuerySet):
    def final(self) -> "DocumentQuerySet":
        return self.filter(status=Status.FINAL)

    def visible_to(self, user) -> "DocumentQuerySet":
        """Committee and ISU read drafts; everyone reads final documents."""
        if user.is_authenticated and user.is_committee:
            return self
        return self.final()


class ConclusionsDocument(models.Model):
    committee = models.ForeignKey(
        "committee.Committee", on_delete=models.PROTECT, related_name="conclusions", verbose_name=_("committee")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), help_text=_("The year of the committee's work; its composition is taken from this year.")
    )
    meeting_code = models.CharField(
        _("meeting code"), max_length=12, validators=[meeting_code_validator], help_text=_("For example 21MSP.")
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conclusions",
        verbose_name=_("meeting"),
        help_text=_("The recorded meeting with this code, linked automatically."),
    )
    meeting_number = models.PositiveSmallIntegerField(_("meeting number"), null=True, blank=True)
    meeting_start = models.DateField(_("meeting starts"), null=True, blank=True)
    meeting_end = models.DateField(_("meeting ends"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Final once the original language is finalised: the document is then public."),
    )
    original_language = models.CharField(
        _("original language"),
        max_length=2,
        choices=Language.choices,
        default=Language.EN,
        help_text=_("The language the document is written in; the others are its translations."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "committee__order"]
        verbose_name = _("conclusions document")
        verbose_name_plural = _("conclusions documents")
        constraints = [
            models.UniqueConstraint(fields=["committee", "meeting_code"], name="unique_conclusions_per_meeting")
        ]

    def __str__(self) -> str:
        return f"{self.committee.slug} {self.meeting_code}"

    @property
    def is_final(self) -> bool:
        """The original language is final: the document is public and its structure (sections, paragraphs,
        settings) is locked. Each translation is finalised on its own (DocumentLanguageVersion.is_final)."""
        return self.status == Status.FINAL


class DocumentLanguageVersion(models.Model):
    """One language of the document: its header, and whether that language is final (its text locked,
    published). The original language is finalised first; each translation then on its own."""

    document = models.ForeignKey(
        ConclusionsDocument, on_delete=models.CASCADE, related_name="versions", verbose_name=_("document")
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    body = models.TextField(
        _("body"), blank=True, help_text=_("Meeting of the States Parties to the Convention on the Prohibition…")
    )
    meeting_name = models.CharField(_("meeting"), max_length=200, blank=True, help_text=_("Twenty-first Meeting"))
    place_and_dates = models.CharField(
        _("place and dates"), max_length=200, blank=True, help_text=_("Geneva, 20-24 November 2023")
    )
    agenda_item = models.CharField(
        _("agenda item"), max_length=200, blank=True, help_text=_("Item 10 (c) of the provisional agenda")
    )
    agenda_title = models.CharField(_("agenda title"), max_length=300, blank=True)
    symbol = models.CharField(_("document symbol"), max_length=60, blank=True, help_text=_("APLC/MSP.21/2023/5"))
    title = models.TextField(_("title"), blank=True)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    finalised_at = models.DateTimeField(_("finalised at"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("finalised by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "language"]
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [models.UniqueConstraint(fields=["document", "language"], name="unique_version_language")]

    def __str__(self) -> str:
        return f"{self.document} [{self.language}]"

    @property
    def is_final(self) -> bool:
        return self.finalised_at is not None

    @property
    def status(self) -> str:
        return Status.FINAL if self.is_final else Status.DRAFT


class SectionKind(models.TextChoices):
    SECTION = "section", _("Section")
    ANNEX = "annex", _("Annex")


class Section(models.Model):
    """A roman-numbered section of numbered paragraphs, or an annex (intro paragraphs and bullets)."""

    document = models.ForeignKey(
        ConclusionsDocument, on_delete=models.CASCADE, related_name="sections", verbose_name=_("document")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=SectionKind.choices, default=SectionKind.SECTION)
    order = models.PositiveIntegerField(_("order"), default=0)
    key = models.SlugField(_("key"), max_length=40, blank=True, help_text=_("activities, priority-actions, annex-1…"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "-kind", "order"]  # sections ("section") before annexes ("annex")
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return f"{self.document} {self.kind} {self.order}"


class SectionTitle(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="titles", verbose_name=_("section"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    title = models.CharField(_("title"), max_length=400, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section title")
        verbose_name_plural = _("section titles")
        constraints = [models.UniqueConstraint(fields=["section", "language"], name="unique_section_title_language")]

    def __str__(self) -> str:
        return self.title


class ParagraphKind(models.TextChoices):
    NUMBERED = "numbered", _("Numbered paragraph")
    PLAIN = "plain", _("Unnumbered paragraph")
    BULLET = "bullet", _("Bullet item")


class Paragraph(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="paragraphs", verbose_name=_("section"))
    kind = models.CharField(_("kind"), max_length=8, choices=ParagraphKind.choices, default=ParagraphKind.NUMBERED)
    order = models.PositiveIntegerField(_("order"), default=0)
    source = models.CharField(
        _("source"), max_length=80, blank=True, help_text=_("The record a generated paragraph was drafted from.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["section__document", "-section__kind", "section__order", "order"]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")

    def __str__(self) -> str:
        return f"{self.section} ¶{self.order}"


class TextState(models.TextChoices):
    GENERATED = "generated", pgettext_lazy("paragraph text", "generated")
    EDITED = "edited", pgettext_lazy("paragraph text", "edited")
    MISSING = "missing", pgettext_lazy("paragraph text", "missing")


class ParagraphText(models.Model):
    """A paragraph's text in one language, in a tiny markup (conclusions/markup.py): ^{er} superscript,
    *x* italics, #45 actions, ^[…] a footnote. `generated_text` keeps what the generator wrote, so the
    editor can tell a generated text from one edited (or written) by hand."""

    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.CASCADE, related_name="texts", verbose_name=_("paragraph")
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    text = models.TextField(_("text"), blank=True)
    generated_text = models.TextField(
        _("generated text"), blank=True, help_text=_("The text as the generator wrote it; empty if written by hand.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("paragraph text")
        verbose_name_plural = _("paragraph texts")
        constraints = [models.UniqueConstraint(fields=["paragraph", "language"], name="unique_paragraph_text_language")]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def state(self) -> str:
        if not self.text.strip():
            return TextState.MISSING
        if self.generated_text and self.text == self.generated_text:
            return TextState.GENERATED
        return TextState.EDITED


class StateDisplayName(models.Model):
    """How a State is named in Convention documents when the registry's name differs
    (e.g. "Pays-Bas (Royaume des)")."""

    state = models.ForeignKey(
        "states.State", on_delete=models.CASCADE, related_name="document_names", verbose_name=_("State")
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    name = models.CharField(_("name"), max_length=200, blank=True, help_text=_("Left empty, the registry's name."))
    in_sentence = models.CharField(
        _("name in a sentence"),
        max_length=200,
        blank=True,
        help_text=_("With its article where the language needs one: “le Sénégal”, “la Somalie”, “el Senegal”."),
    )

    class Meta:
        verbose_name = _("State name in documents")
        verbose_name_plural = _("State names in documents")
        constraints = [models.UniqueConstraint(fields=["state", "language"], name="unique_state_display_name")]

    def __str__(self) -> str:
        return self.name


def export_upload_to(instance: "DocumentExport", filename: str) -> str:
    return f"conclusions/{instance.document_id}/exports/{filename}"


class DocumentExport(models.Model):
    """One PDF produced from the document: who asked, when, in which language, and the file's hash."""

    document = models.ForeignKey(
        ConclusionsDocument, on_delete=models.CASCADE, related_name="exports", verbose_name=_("document")
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("exported by"),
    )
    created_at = models.DateTimeField(_("exported at"), auto_now_add=True)
    status_at_export = models.CharField(_("status at export"), max_length=8, choices=Status.choices)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    file = models.FileField(_("file"), upload_to=export_upload_to, max_length=300)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self) -> str:
        return f"{self.document} {self.language} {self.sha256[:12]}"


class BatchStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


def batch_upload_to(instance: "ExportBatch", filename: str) -> str:
    return f"conclusions/{instance.document_id}/batches/{filename}"


class ExportBatch(models.Model):
    """ "Export all languages", run in the background: progress and the resulting ZIP."""

    document = models.ForeignKey(
        ConclusionsDocument, on_delete=models.CASCADE, related_name="batches", verbose_name=_("document")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=BatchStatus.choices, default=BatchStatus.PENDING)
    languages = models.JSONField(_("languages"), default=list)
    done = models.PositiveSmallIntegerField(_("languages done"), default=0)
    error = models.TextField(_("error"), blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    file = models.FileField(_("ZIP file"), upload_to=batch_upload_to, max_length=300, blank=True)
    exports = models.ManyToManyField(DocumentExport, blank=True, related_name="batches", verbose_name=_("exports"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("export of all languages")
        verbose_name_plural = _("exports of all languages")

    def __str__(self) -> str:
        return f"{self.document} batch {self.pk} {self.status}"

    @property
    def total(self) -> int:
        return len(self.languages)

    @property
    def percent(self) -> int:
        if self.status == BatchStatus.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0
