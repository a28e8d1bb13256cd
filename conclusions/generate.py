"""Generate a first draft of the conclusions from what the application records (filled in below)."""

from dataclasses import dataclass, field


@dataclass
class GenerationReport:
    paragraphs: int = 0
    notes: list[str] = field(default_factory=list)


def document_generate_draft(*, document, by) -> GenerationReport:
    raise NotImplementedError
