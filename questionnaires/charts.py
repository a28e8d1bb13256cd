"""Server-side SVG bar charts (no JavaScript), each with a text alternative."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext as _

WIDTH = 640
LABEL_WIDTH = 260
BAR_AREA = WIDTH - LABEL_WIDTH - 70
ROW = 28
BAR = 18
PALETTE = ["#1d4f91", "#3a7bd5", "#5aa0e6", "#7fb8ef", "#a7cff5", "#c8e0f8"]
NO_ANSWER_COLOUR = "#adb5bd"


def text_alternative(rows: list[tuple[str, int, int]]) -> str:
    return "; ".join(f"{label}: {n} ({percent}%)" for label, n, percent in rows)


def bar_chart_svg(rows: list[tuple[str, int, int]], *, title: str, chart_id: str) -> SafeString:
    """A horizontal bar chart of (label, count, percent) rows; the `<title>` and `<desc>` carry the text alternative."""
    height = ROW * len(rows) + 10
    top = max((n for _label, n, _p in rows), default=0) or 1
    bars = []
    for i, (label, n, percent) in enumerate(rows):
        y = 5 + i * ROW
        width = round(BAR_AREA * n / top)
        colour = PALETTE[i % len(PALETTE)]
        if label == _("No answer"):
            colour = NO_ANSWER_COLOUR
        bars.append(
            (
                y + BAR - 4,
                LABEL_WIDTH - 8,
                Truncator(label).chars(32),
                label,
                LABEL_WIDTH,
                y,
                max(width, 1 if n else 0),
                BAR,
                colour,
                LABEL_WIDTH + width + 6,
                y + BAR - 4,
                n,
                percent,
            )
        )
    body = format_html_join(
        "",
        '<text x="{1}" y="{0}" text-anchor="end" font-size="13"><title>{3}</title>{2}</text>'
        '<rect x="{4}" y="{5}" width="{6}" height="{7}" fill="{8}"></rect>'
        '<text x="{9}" y="{10}" font-size="13">{11} ({12}%)</text>',
        bars,
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="questionnaire-chart" width="100%" viewBox="0 0 {} {}" '
        'role="img" aria-labelledby="{}-t {}-d"><title id="{}-t">{}</title><desc id="{}-d">{}</desc>{}</svg>',
        WIDTH,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        text_alternative(rows),
        body,
    )
