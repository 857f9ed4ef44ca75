"""Charts of a simulation as inline SVG (matplotlib, Agg backend, text kept as text).

Text stays ``<text>`` in the SVG (``svg.fonttype = none``) so the browser draws labels with
its own fonts: Chinese labels render without shipping a CJK font. Figures are built with
``matplotlib.figure.Figure`` directly, never pyplot, so the service can draw from several
threads at once.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable

from ..advisor import Advice
from ..replay import ReplayResult
from ..stats import UsageStats
from .messages import t

_COLORS = {"line": "#3f51b5", "ok": "#2e7d32", "bad": "#c62828", "warn": "#ef6c00"}


def _figure(width: float = 8.0, height: float = 3.2):  # noqa: ANN202 - a matplotlib Figure
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
    figure = Figure(figsize=(width, height), dpi=96)
    figure.set_layout_engine("constrained")
    return figure


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
    return re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)


def balance_chart(result: ReplayResult, lang: str, money: Callable[[int], str]) -> str:
    """The balance over time: its range per time bucket, recharges and refusals marked."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

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
            linewidth=1,
            label=t("report.trigger_line", lang),
        )
    _mark_events(axes, result, lang, unit)
    axes.axhline(0, color="#555", linewidth=0.8)
    axes.set_ylabel(f"{t('report.balance_axis', lang)} ({result.config.currency})")
    locator = AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.set_xlim(result.start, result.end)
    if axes.get_legend_handles_labels()[0]:
        axes.legend(loc="upper right", fontsize="small")
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
    """Credit-funded spend per call type (horizontal bars)."""
    rows = sorted(
        ((name, totals.spend) for name, totals in stats.by_type.items() if totals.spend > 0),
        key=lambda item: item[1],
    )
    unit = 10 ** _exponent(currency)
    figure = _figure(height=max(1.6, 0.45 * len(rows) + 0.9))
    axes = figure.add_subplot()
    if rows:
        names = [name or "-" for name, _ in rows]
        values = [spend / unit for _, spend in rows]
        bars = axes.barh(names, values, color=_COLORS["line"])
        axes.bar_label(bars, labels=[f"{v:,.2f}" for v in values], padding=3, fontsize="small")
        axes.margins(x=0.15)
    axes.set_xlabel(f"{t('report.spend', lang)} ({currency})")
    axes.grid(axis="x", alpha=0.3)
    return _svg(figure)


def tradeoff_chart(advice: Advice, lang: str) -> str:
    """Each pair tried: money held on average against recharges a month."""
    unit = 10 ** _exponent(advice.currency)
    figure = _figure(height=3.4)
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
    axes.set_ylabel(f"{t('report.held', lang)} ({advice.currency})")
    axes.grid(alpha=0.3)
    if axes.get_legend_handles_labels()[0]:
        axes.legend(loc="upper right", fontsize="small")
    return _svg(figure)


def _exponent(currency: str) -> int:
    from helpsvc.credits.money import exponent

    return exponent(currency)


__all__ = ["balance_chart", "spend_chart", "tradeoff_chart"]
