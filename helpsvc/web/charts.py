"""A small SVG line chart of the balance over simulated time, drawn on the server.

Inline SVG needs no script and no inline style, so the pages keep a strict
Content-Security-Policy. Labels come in the page's language (amounts and month names from
Babel); the axis titles sit inside the drawing, and the text is large enough to read when
the chart is shown 26rem wide on a phone (the stylesheet lets it scroll below that); the
amounts sit at the left, where a phone shows them before any scrolling.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from html import escape

from helpsvc.i18n.formats import format_day, format_money, format_month

WIDTH, HEIGHT = 480, 300
LEFT, RIGHT, TOP, BOTTOM = 12, 468, 48, 236
FONT = 16


def _ticks(start: datetime, end: datetime, lang: str) -> list[tuple[datetime, str]]:
    """First, middle and last instant; days for short spans, months for long ones."""
    label: Callable[[datetime, str], str] = (
        format_day if end - start < timedelta(days=75) else format_month
    )
    middle = start + (end - start) / 2
    chosen = [start, middle, end] if end - start >= timedelta(days=2) else [start]
    return [(moment, label(moment, lang)) for moment in chosen]


def balance_chart(
    points: list[tuple[datetime, float]],
    currency: str,
    title: str,
    marks: Sequence[datetime] = (),
    lang: str = "en",
    axis_titles: tuple[str, str] = ("", ""),
) -> str:
    """``points`` are (simulated time, balance after) in order; ``marks`` are recharges."""
    if not points:
        return ""
    times = [p[0].timestamp() for p in points]
    values = [p[1] for p in points]
    low, high = min(0.0, *values), max(0.0, *values)
    if high == low:
        high = low + 1
    start = times[0]
    # One instant only (everything happened at once): give the line some width.
    end = times[-1] if times[-1] > times[0] else times[0] + 3600

    def x(t: float) -> float:
        return LEFT + (t - start) / (end - start) * (RIGHT - LEFT)

    def y(v: float) -> float:
        return BOTTOM - (v - low) / (high - low) * (BOTTOM - TOP)

    # A step line: the balance holds until the next ledger entry changes it.
    path = [f"M{x(times[0]):.1f},{y(values[0]):.1f}"]
    for t, v in zip(times[1:], values[1:], strict=True):
        path.append(f"H{x(t):.1f}V{y(v):.1f}")
    path.append(f"H{RIGHT}")  # the last balance holds to the end of the chart
    y_title, x_title = axis_titles
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" '
        f'font-size="{FONT}" fill="#1f1f1f">',
        f"<title>{escape(title)}</title>",
        f'<text x="{LEFT}" y="18" font-weight="600">{escape(y_title)}</text>',
    ]
    for value in sorted({low, 0.0, high}):
        gy = y(value)
        amount = format_money(Decimal(str(round(value, 2))), currency, lang)
        parts.append(
            f'<line x1="{LEFT}" y1="{gy:.1f}" x2="{RIGHT}" y2="{gy:.1f}" stroke="#9e9e9e" '
            f'stroke-dasharray="4 3"/><text x="{LEFT}" y="{gy - 5:.1f}">{escape(amount)}</text>'
        )
    parts.append(f'<path d="{"".join(path)}" fill="none" stroke="#3f51b5" stroke-width="3"/>')
    for mark in marks:
        mx = x(mark.timestamp())
        parts.append(
            f'<line x1="{mx:.1f}" y1="{TOP}" x2="{mx:.1f}" y2="{BOTTOM}" '
            'stroke="#2e7d32" stroke-width="2"/>'
        )
    first, last = points[0][0], max(points[-1][0], points[0][0] + timedelta(hours=1))
    anchors = ["start", "middle", "end"]
    for index, (moment, label) in enumerate(_ticks(first, last, lang)):
        tx = x(moment.timestamp())
        parts.append(
            f'<text x="{tx:.1f}" y="{BOTTOM + 24}" text-anchor="{anchors[index]}">'
            f"{escape(label)}</text>"
        )
    parts += [
        f'<text x="{WIDTH / 2:.0f}" y="{HEIGHT - 12}" text-anchor="middle" '
        f'font-weight="600">{escape(x_title)}</text>',
        "</svg>",
    ]
    return "".join(parts)
