"""Charts drawn on the server as SVG: geometry here, markup in `templates/dashboard/charts/`.

No JavaScript and no CDN: the SVG is part of the page, prints as it shows, and carries a title and a
description; the figures it draws are also in a table next to it (the text alternative).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .selectors import TrendPoint

# Colours distinguishable in greyscale too (dark, mid, hatched light), with a legend.
ON_TIME = "#1b6e3c"
LATE = "#d08c00"
MISSING = "#b8322a"


@dataclass
class Segment:
    y: float
    height: float
    fill: str
    label: str
    value: int
    pattern: bool = False


@dataclass
class Bar:
    x: float
    width: float
    year: int
    rate: int | None
    label_y: float
    segments: list[Segment] = field(default_factory=list)
    url: str = ""

    @property
    def center(self) -> float:
        return self.x + self.width / 2


@dataclass
class Tick:
    y: float
    label: str


@dataclass
class TrendChart:
    width: int
    height: int
    plot_left: int
    plot_top: int
    plot_width: int
    plot_height: int
    bars: list[Bar]
    ticks: list[Tick]
    title: str
    description: str
    legend: list[tuple[str, str, bool]]

    @property
    def plot_bottom(self) -> int:
        return self.plot_top + self.plot_height

    @property
    def plot_right(self) -> int:
        return self.plot_left + self.plot_width


def trend_chart(points: list[TrendPoint], *, url_for_year=None, width: int = 640, height: int = 240) -> TrendChart:
    """Stacked bars per cycle: share of the States owing a report that submitted on time, late, or not."""
    left, top, right, bottom = 44, 22, 8, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / max(len(points), 1)
    bar_w = min(slot * 0.62, 48)
    bars = []
    for i, p in enumerate(points):
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h
        segments = []
        for value, fill, label, pattern in (
            (p.on_time, ON_TIME, _("on time"), False),
            (p.late, LATE, _("late"), False),
            (p.missing, MISSING, _("missing"), True),
        ):
            h = plot_h * value / p.owed if p.owed else 0
            y -= h
            segments.append(
                Segment(y=round(y, 2), height=round(h, 2), fill=fill, label=str(label), value=value, pattern=pattern)
            )
        bars.append(
            Bar(
                x=round(x, 2),
                width=round(bar_w, 2),
                year=p.year,
                rate=p.rate,
                label_y=top - 6,
                segments=segments,
                url=url_for_year(p.year) if url_for_year else "",
            )
        )
    ticks = [Tick(y=round(top + plot_h - plot_h * pct / 100, 2), label=f"{pct}%") for pct in (0, 25, 50, 75, 100)]
    if points:
        description = _(
            "Share of the States owing an Article 7 report that submitted it, %(first)s to %(last)s: %(values)s."
        ) % {
            "first": points[0].year,
            "last": points[-1].year,
            "values": "; ".join(f"{p.year}: {p.rate}%" for p in points),
        }
    else:
        description = _("No reporting cycle to show.")
    return TrendChart(
        width=width,
        height=height,
        plot_left=left,
        plot_top=top,
        plot_width=plot_w,
        plot_height=plot_h,
        bars=bars,
        ticks=ticks,
        title=str(_("Article 7 reporting rate by year")),
        description=str(description),
        legend=[(ON_TIME, str(_("On time")), False), (LATE, str(_("Late")), False), (MISSING, str(_("Missing")), True)],
    )


@dataclass
class StatusPart:
    key: str
    label: str
    value: int
    x: float
    width: float
    fill: str
    pattern: bool
    url: str = ""


def status_bar(counts: list[tuple[str, str, int, str, bool]], *, url_for=None, width: int = 640) -> list[StatusPart]:
    """One horizontal bar split by status: (key, label, value, fill, hatched) → positioned parts (percent of width)."""
    total = sum(c[2] for c in counts)
    x = 0.0
    parts = []
    for key, label, value, fill, pattern in counts:
        w = width * value / total if total else 0
        parts.append(
            StatusPart(
                key=key,
                label=label,
                value=value,
                x=round(x, 2),
                width=round(w, 2),
                fill=fill,
                pattern=pattern,
                url=url_for(key) if url_for else "",
            )
        )
        x += w
    return parts


# --- bars of absolute figures (the forms' trends) -------------------------------------------------

SERIES_FILLS = ("#1d4f91", "#7fa7d9", "#d08c00", "#7a7f85")


@dataclass
class Series:
    label: str
    fill: str


@dataclass
class Rect:
    x: float
    y: float
    height: float
    fill: str
    value: object


@dataclass
class BarGroup:
    year: int
    x: float
    url: str
    bars: list[Rect]  # one per series (stacked: drawn on top of each other)
    label: str  # the figures as text, for the bar's title


@dataclass
class BarChart:
    width: int
    height: int
    plot_left: int
    plot_top: int
    plot_width: int
    plot_height: int
    groups: list[BarGroup]
    ticks: list[Tick]
    series: list[Series]
    title: str
    description: str
    bar_width: float
    key: str

    @property
    def plot_bottom(self) -> int:
        return self.plot_top + self.plot_height

    @property
    def plot_right(self) -> int:
        return self.plot_left + self.plot_width


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _short(value: float) -> str:
    """An axis label, compact in the reader's language (2B, 350K; 2 Md, 350 k): the table has the exact figures."""
    from babel.numbers import format_compact_decimal

    from core.numbers import babel_locale, current_language

    locale = babel_locale(current_language())
    return format_compact_decimal(value, format_type="short", locale=locale, fraction_digits=1)


def bar_chart(
    *,
    key: str,
    title: str,
    series: list[str],
    points: list[tuple[int, list]],
    stacked: bool,
    url_for_year=None,
    unit: str = "",
    width: int = 640,
    height: int = 220,
) -> BarChart:
    """Bars per year of report, one per series (side by side, or `stacked`); an empty figure (None) draws
    no bar and is said "not reported" in the description."""
    from core.numbers import format_number

    left, top, right, bottom = 64, 14, 8, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    points = sorted(points)
    peak = max(
        (sum(v or 0 for v in values) if stacked else max((v or 0 for v in values), default=0) for _y, values in points),
        default=0,
    )
    top_value = _nice_max(float(peak))
    slot = plot_w / max(len(points), 1)
    group_w = min(slot * 0.7, 56 if stacked else 72)
    bar_w = group_w if stacked else group_w / max(len(series), 1)
    fills = [Series(label=str(label), fill=SERIES_FILLS[i % len(SERIES_FILLS)]) for i, label in enumerate(series)]
    groups = []
    described = []
    for i, (year, values) in enumerate(points):
        x0 = left + i * slot + (slot - group_w) / 2
        base = top + plot_h
        bars = []
        texts = []
        for j, value in enumerate(values):
            h = plot_h * float(value or 0) / top_value
            if stacked:
                base -= h
                y, x = base, x0
            else:
                y, x = top + plot_h - h, x0 + j * bar_w
            bars.append(Rect(x=round(x, 2), y=round(y, 2), height=round(h, 2), fill=fills[j].fill, value=value))
            shown = _("not reported") if value is None else f"{format_number(value)}{unit}"
            texts.append(f"{fills[j].label}: {shown}")
        label = f"{year}: " + "; ".join(texts)
        described.append(label)
        groups.append(
            BarGroup(
                year=year,
                x=round(x0 + group_w / 2, 2),
                url=url_for_year(year) if url_for_year else "",
                bars=bars,
                label=label,
            )
        )
    ticks = [Tick(y=round(top + plot_h - plot_h * f, 2), label=_short(top_value * f)) for f in (0, 0.5, 1)]
    description = ". ".join(described) + "." if described else str(_("Nothing reported in these years."))
    return BarChart(
        width=width,
        height=height,
        plot_left=left,
        plot_top=top,
        plot_width=plot_w,
        plot_height=plot_h,
        groups=groups,
        ticks=ticks,
        series=fills,
        title=str(title),
        description=description,
        bar_width=round(bar_w, 2),
        key=key,
    )
