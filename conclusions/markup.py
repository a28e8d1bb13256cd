"""The tiny markup of paragraph texts: `^{er}` superscript, `*text*` italics, `#45` an Oslo Action Plan action.

Everything else is plain text: it is escaped before the markup is applied, so no HTML gets through.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SUPERSCRIPT = re.compile(r"\^\{([^{}\n]*)\}")
ITALICS = re.compile(r"\*([^*\n]+)\*")
ACTION_REF = re.compile(r"(?<![\w&#])#(\d{1,3})\b")


def render_markup(text: str) -> SafeString:
    html = escape(text or "")
    html = SUPERSCRIPT.sub(r"<sup>\1</sup>", html)
    html = ITALICS.sub(r"<em>\1</em>", html)
    html = ACTION_REF.sub(r'<span class="action-ref">#\1</span>', html)
    return mark_safe(html)  # noqa: S308 - built from escaped text and fixed tags only


def markup_to_text(text: str) -> str:
    """The text a reader sees, without markup (for search, comparison and previews)."""
    text = SUPERSCRIPT.sub(r"\1", text or "")
    return ITALICS.sub(r"\1", text)
