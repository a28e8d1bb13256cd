"""Read the seed document (the 2023 conclusions as plain text) into a plain structure.

The text layout is: eight header lines, the title (several lines), the subtitle, the composition
line, then "I. …" / "II. …" headings with "N. text" paragraphs, then "Annexe I", its title, intro
paragraphs and "- " bullets.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

HEADING = re.compile(r"^([IVXLC]+)\.\s+(.+)$")
NUMBERED = re.compile(r"^(\d+)\.\s+(.+)$")
ANNEX = re.compile(r"^(Annexe|Annex|Anexo)\s+([IVXLC]+)$")


@dataclass
class SeedSection:
    number: str
    title: str
    paragraphs: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class SeedAnnex:
    number: str
    title: str = ""
    intro: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    order: list[tuple[str, str]] = field(default_factory=list)  # ("plain"|"bullet", text) in reading order


@dataclass
class SeedDocument:
    header: list[str]
    title: str
    subtitle: str
    composition: str
    sections: list[SeedSection]
    annexes: list[SeedAnnex]


def parse_seed(path: Path) -> SeedDocument:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    header = lines[:8]
    rest = lines[8:]
    first_heading = next(i for i, line in enumerate(rest) if HEADING.match(line))
    # Before the first heading: title lines, subtitle, composition (the last two are single lines).
    title = " ".join(rest[: first_heading - 2])
    subtitle, composition = rest[first_heading - 2], rest[first_heading - 1]
    sections: list[SeedSection] = []
    annexes: list[SeedAnnex] = []
    for line in rest[first_heading:]:
        if m := ANNEX.match(line):
            annexes.append(SeedAnnex(number=m.group(2)))
        elif annexes:
            annex = annexes[-1]
            if not annex.title:
                annex.title = line
            elif line.startswith("- "):
                annex.bullets.append(line[2:].strip())
                annex.order.append(("bullet", line[2:].strip()))
            else:
                annex.intro.append(line)
                annex.order.append(("plain", line))
        elif m := HEADING.match(line):
            sections.append(SeedSection(number=m.group(1), title=m.group(2)))
        elif m := NUMBERED.match(line):
            sections[-1].paragraphs.append((int(m.group(1)), m.group(2)))
        else:  # a paragraph's continuation line
            number, text = sections[-1].paragraphs[-1]
            sections[-1].paragraphs[-1] = (number, f"{text} {line}")
    return SeedDocument(
        header=header, title=title, subtitle=subtitle, composition=composition, sections=sections, annexes=annexes
    )
