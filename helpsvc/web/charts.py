"""A small SVG line chart of the balance over simulated time, drawn on the server.

Inline SVG needs no script and no inline style, so the pages keep a strict
Content-Security-Policy.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

WIDTH, HEIGHT, PAD = 640, 220, 44


def balance_chart(
    points: list[tuple[datetime, float]], currency: str, title: str, marks: list[datetime] = ()
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
        return PAD + (t - start) / (end - start) * (WIDTH - 2 * PAD)

    def y(v: float) -> float:
        return HEIGHT - PAD - (v - low) / (high - low) * (HEIGHT - 2 * PAD)

    # A step line: the balance holds until the next ledger entry changes it.
    path = [f"M{x(times[0]):.1f},{y(values[0]):.1f}"]
    for t, v in zip(times[1:], values[1:], strict=True):
        path.append(f"H{x(t):.1f}V{y(v):.1f}")
    path.append(f"H{WIDTH - PAD}")  # the last balance holds to the end of the chart
    zero = y(0.0)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{PAD}" y1="{zero:.1f}" x2="{WIDTH - PAD}" y2="{zero:.1f}" '
        'stroke="#9e9e9e" stroke-dasharray="4 3"/>',
        f'<path d="{"".join(path)}" fill="none" stroke="#3f51b5" stroke-width="2"/>',
    ]
    for mark in marks:
        mx = x(mark.timestamp())
        parts.append(
            f'<line x1="{mx:.1f}" y1="{PAD}" x2="{mx:.1f}" y2="{HEIGHT - PAD}" '
            'stroke="#2e7d32" stroke-width="1"/>'
        )
    parts += [
        f'<text x="4" y="{y(high) + 4:.1f}" font-size="11">{high:.2f} {escape(currency)}</text>',
        f'<text x="4" y="{y(low) + 4:.1f}" font-size="11">{low:.2f} {escape(currency)}</text>',
        f'<text x="{PAD}" y="{HEIGHT - 8}" font-size="11">{points[0][0]:%Y-%m-%d}</text>',
        f'<text x="{WIDTH - PAD}" y="{HEIGHT - 8}" font-size="11" text-anchor="end">'
        f"{points[-1][0]:%Y-%m-%d}</text>",
        "</svg>",
    ]
    return "".join(parts)
