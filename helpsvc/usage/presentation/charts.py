"""Charts of a simulation as inline SVG (matplotlib, Agg backend, text kept as text).

Text stays ``<text>`` in the SVG (``svg.fonttype = none``) so the browser draws labels with
its own fonts: Chinese labels render without shipping a CJK font. Figures are built with
``matplotlib.figure.Figure`` directly, never pyplot, so the service can draw from several
threads at once.

For the reader: tick labels are written with Babel in the reader's locale (month names,
"1.000" or "1,000"), call types are words, and an axis title that names an amount sits
above the plot, horizontal, where no font can push it off the edge. Figures are 6.4 in
wide with 13 px text, so the text stays readable on a phone where the chart is shown at
least 28rem wide (the page lets it scroll sideways below that).

Matplotlib writes its styling as ``style`` attributes and a ``<style>`` element, which a
Content-Security-Policy without ``'unsafe-inline'`` blocks for inline SVG; ``_svg`` turns
them into presentation attributes, which no policy restricts.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from helpsvc.i18n.formats import format_day, format_fraction, format_month, format_number

from ..advisor import Advice
from ..replay import ReplayResult
from ..stats import UsageStats
from .messages import t
from .words import call_type

_COLORS = {"line": "#3f51b5", "ok": "#2e7d32", "bad": "#c62828", "warn": "#b35900"}
WIDTH = 6.4
FONT_SIZE = 13
_STYLE = re.compile(r'style="([^"]*)"')


def _figure(width: float = WIDTH, height: float = 3.6):  # noqa: ANN202 - a matplotlib Figure
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    matplotlib.rcParams["font.sans-serif"] = [
        "DejaVu Sans",
        "Noto Sans CJK SC",
        "PingFang SC",
        "Microsoft YaHei",
        "sans-serif",
    ]
    matplotlib.rcParams["font.size"] = FONT_SIZE
    figure = Figure(figsize=(width, height), dpi=96)
    figure.set_layout_engine("constrained")
    return figure


def _attributes(match: re.Match[str]) -> str:
    pairs = []
    for declaration in match.group(1).split(";"):
        name, _, value = declaration.partition(":")
        if name.strip() and value.strip():
            pairs.append(f'{name.strip()}="{value.strip()}"')
    return " ".join(pairs)


def _svg(figure) -> str:  # noqa: ANN001 - a matplotlib Figure
    import matplotlib

    buffer = io.StringIO()
    with (
        matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "helpsvc"}),
        warnings.catch_warnings(),
    ):
        # Layout measures CJK labels with a Latin font; the browser draws them properly.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure.savefig(buffer, format="svg")
    text = buffer.getvalue()
    # Inline in HTML: drop the XML prolog and DOCTYPE, keep the <svg> element.
    start = text.find("<svg")
    svg = text[start:] if start >= 0 else text
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    # The one rule of matplotlib's <style> becomes inherited attributes of the root; the
    # fixed width and height go, so the page's stylesheet sizes the chart.
    svg = re.sub(r"\s*<defs>\s*<style[^>]*>.*?</style>\s*</defs>", "", svg, count=1, flags=re.S)
    svg = re.sub(
        r'<svg ([^>]*?)width="[^"]*" height="[^"]*" ',
        r'<svg \1stroke-linejoin="round" stroke-linecap="butt" ',
        svg,
        count=1,
    )
    return _STYLE.sub(_attributes, svg)


def _date_labels(axes: Any, start: datetime, end: datetime, lang: str) -> None:  # noqa: ANN401
    """Dates on the x axis in the reader's language: days for spans up to ~2 months."""
    from matplotlib.dates import AutoDateLocator, num2date
    from matplotlib.ticker import FuncFormatter

    label: Callable[[datetime, str], str] = (
        format_day if end - start <= timedelta(days=75) else format_month
    )
    axes.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=5))
    axes.xaxis.set_major_formatter(
        FuncFormatter(lambda value, _pos: label(num2date(value, tz=UTC), lang))
    )


def _number_labels(axis: Any, lang: str) -> None:  # noqa: ANN401
    """Tick labels in the reader's notation, with as many decimals as the tick step has
    ("0" "0,5" "1"; "62,5" "65"): never two ticks with the same label."""
    from matplotlib.ticker import Formatter

    class Localized(Formatter):
        digits = 0

        def set_locs(self, locs: Any) -> None:  # noqa: ANN401
            super().set_locs(locs)
            steps = [b - a for a, b in zip(locs, locs[1:], strict=False) if b > a]
            step = Decimal(str(round(min(steps), 6))).normalize() if steps else Decimal(1)
            self.digits = max(0, -int(step.as_tuple().exponent))

        def __call__(self, x: float, pos: int | None = None) -> str:
            return format_fraction(x, lang, most=self.digits)

    axis.set_major_formatter(Localized())


def _legend(figure: Any, axes: Any) -> None:  # noqa: ANN401
    """The legend under the plot, at the left: it hides no data, and a phone shows it
    before any sideways scrolling."""
    handles, labels = axes.get_legend_handles_labels()
    if handles:
        figure.legend(handles, labels, loc="outside lower left", ncols=2, frameon=False)


def _amount_title(axes: Any, label: str, currency: str, lang: str) -> None:  # noqa: ANN401
    """The amount axis's title, horizontal above the plot (never clipped at the edge)."""
    text = t("report.axis_amount", lang, label=label, currency=currency)
    axes.set_title(text, loc="left", fontsize=FONT_SIZE, fontweight="bold")


def balance_chart(result: ReplayResult, lang: str) -> str:
    """The balance over time: its range per time bucket, recharges and refusals marked."""
    figure = _figure()
    axes = figure.add_subplot()
    series = result.series
    unit = 10 ** _exponent(result.config.currency)
    if series:
        times = [at for at, *_ in series]
        lows = [low / unit for _at, low, _high, _last in series]
        highs = [high / unit for _at, _low, high, _last in series]
        lasts = [last / unit for *_, last in series]
        axes.fill_between(times, lows, highs, step="post", color=_COLORS["line"], alpha=0.2)
        axes.step(times + [result.end], lasts + lasts[-1:], where="post", color=_COLORS["line"])
    trigger = result.config.trigger
    if result.config.recharging and trigger is not None:
        axes.axhline(
            trigger.minor / unit,
            color=_COLORS["warn"],
            linestyle="--",
            linewidth=1.5,
            label=t("report.trigger_line", lang),
        )
    _mark_events(axes, result, lang, unit)
    axes.axhline(0, color="#555", linewidth=0.8)
    _amount_title(axes, t("report.balance_axis", lang), result.config.currency, lang)
    _number_labels(axes.yaxis, lang)
    _date_labels(axes, result.start, result.end, lang)
    axes.set_xlim(result.start, result.end)
    _legend(figure, axes)
    axes.grid(alpha=0.3)
    return _svg(figure)


def _mark_events(axes, result: ReplayResult, lang: str, unit: int) -> None:  # noqa: ANN001 - matplotlib Axes
    """Recharges, failed recharges and refusals as markers on the balance line."""
    if result.recharges:
        axes.scatter(
            [r.at for r in result.recharges],
            [r.balance_after / unit for r in result.recharges],
            marker="^",
            color=_COLORS["ok"],
            zorder=3,
            label=t("report.marker_recharge", lang),
        )
    if result.failed:
        axes.scatter(
            [f.at for f in result.failed],
            [f.balance_after / unit for f in result.failed],
            marker="x",
            color=_COLORS["bad"],
            zorder=3,
            label=t("report.marker_failed", lang),
        )
    if result.refused:
        axes.scatter(
            [r.at for r in result.refused],
            [0] * len(result.refused),
            marker="|",
            color=_COLORS["bad"],
            zorder=3,
            label=t("report.marker_refused", lang),
        )


def spend_chart(stats: UsageStats, currency: str, lang: str) -> str:
    """Credit-funded spend per call type (horizontal bars, each named above its bar)."""
    rows = sorted(
        ((name, totals.spend) for name, totals in stats.by_type.items() if totals.spend > 0),
        key=lambda item: item[1],
    )
    unit = 10 ** _exponent(currency)
    figure = _figure(height=max(2.0, 0.75 * len(rows) + 1.0))
    axes = figure.add_subplot()
    if rows:
        values = [spend / unit for _, spend in rows]
        positions = range(len(rows))
        bars = axes.barh(positions, values, height=0.45, color=_COLORS["line"])
        axes.bar_label(bars, labels=[format_number(v, lang, 2) for v in values], padding=4)
        # Names above the bars rather than beside them: long German words keep the
        # plot's width, and nothing is measured with a font the browser does not use.
        for position, (name, _spend) in zip(positions, rows, strict=True):
            axes.text(0, position + 0.3, call_type(name, lang), va="bottom", ha="left")
        axes.set_yticks([])
        axes.set_ylim(-0.5, len(rows) - 0.1)
        axes.margins(x=0.2)
    _number_labels(axes.xaxis, lang)
    axes.set_xlabel(t("report.axis_amount", lang, label=t("report.spend", lang), currency=currency))
    axes.grid(axis="x", alpha=0.3)
    return _svg(figure)


def tradeoff_chart(advice: Advice, lang: str) -> str:
    """Each pair tried: money held on average against recharges a month."""
    unit = 10 ** _exponent(advice.currency)
    figure = _figure(height=3.8)
    axes = figure.add_subplot()
    ok = [c for c in advice.candidates if c.complete and not c.refused]
    bad = [c for c in advice.candidates if c.refused]
    if ok:
        axes.scatter(
            [c.recharges_per_month for c in ok],
            [c.average_held / unit for c in ok],
            color=_COLORS["ok"],
            label=t("advice.chart_ok", lang),
        )
    if bad:
        # A refusing pair stopped at its first refusal; show it on the floor of the chart.
        axes.scatter(
            [c.recharges_per_month for c in bad],
            [0] * len(bad),
            color=_COLORS["bad"],
            marker="x",
            label=t("advice.chart_refused", lang),
        )
    best = advice.recommended
    if best is not None:
        axes.scatter(
            [best.recharges_per_month],
            [best.average_held / unit],
            s=160,
            facecolors="none",
            edgecolors=_COLORS["warn"],
            linewidths=2,
            label=t("advice.chart_best", lang),
        )
    axes.axvline(advice.max_recharges_per_month, color="#777", linestyle=":", linewidth=1)
    axes.set_xlabel(t("advice.per_month", lang))
    _number_labels(axes.xaxis, lang)
    _amount_title(axes, t("report.held", lang), advice.currency, lang)
    _number_labels(axes.yaxis, lang)
    axes.grid(alpha=0.3)
    _legend(figure, axes)
    return _svg(figure)


def _exponent(currency: str) -> int:
    from helpsvc.credits.money import exponent

    return exponent(currency)


__all__ = ["balance_chart", "spend_chart", "tradeoff_chart"]
