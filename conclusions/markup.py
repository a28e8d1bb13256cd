"""The tiny markup of paragraph texts:

- `^{er}` superscript (1^{er}, n^{os});
- `*text*` italics;
- `#45` an Oslo Action Plan action;
- `^[text of the note]` a footnote, placed where its call goes ("… 2023.^[See APLC/MSP.21/2023/7.]").
  The note may use the other marks but no square brackets. The PDF prints it at the foot of the page
  of its call, numbered through the document; the page shows it where it stands, in smaller type.

Everything else is plain text: it is escaped before the markup is applied, so no HTML gets through.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FOOTNOTE = re.compile(r"\^\[([^\[\]\n]+)\]")
SUPERSCRIPT = re.compile(r"\^\{([^{}\n]*)\}")
ITALICS = re.compile(r"\*([^*\n]+)\*")
ACTION_REF = re.compile(r"(?<![\w&#])#(\d{1,3})\b")


def render_markup(text: str) -> SafeString:
    html = escape(text or "")
    html = FOOTNOTE.sub(r'<span class="footnote">\1</span>', html)
    html = SUPERSCRIPT.sub(r"<sup>\1</sup>", html)
    html = ITALICS.sub(r"<em>\1</em>", html)
    html = ACTION_REF.sub(r'<span class="action-ref">#\1</span>', html)
    return mark_safe(html)  # noqa: S308 - built from escaped text and fixed tags only


def footnotes(text: str) -> list[str]:
    """The footnotes of a text, as plain text, in order."""
    return [markup_to_text(note) for note in FOOTNOTE.findall(text or "")]


def markup_to_text(text: str) -> str:
    """The running text a reader sees, without markup and without its footnotes (printed at the page's foot),
    for search, comparison and previews."""
    text = FOOTNOTE.sub("", text or "")
    text = SUPERSCRIPT.sub(r"\1", text)
    return ITALICS.sub(r"\1", text)
