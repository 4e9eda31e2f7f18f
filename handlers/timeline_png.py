"""The timeline picture: a PNG drawn with matplotlib's Agg canvas.

Imported only inside the worker thread `handlers.pictures.draw` renders in, so neither `ask` nor `chat`
ever loads matplotlib and no event loop ever waits for its import. matplotlib's object API (a `Figure`
on its own Agg canvas, no pyplot) keeps each drawing independent of any global state.

Layout, for a phone screen: one row per event from top to bottom, its marker at its date on a shared
time axis (years along the bottom) and its label beside it, on the side with room; the latest year (the
departures) shaded and named. Labels are short (the curated headlines) and large: the image is about
1200 pixels wide and a label about 28 pixels high, still readable once a phone shrinks it by three.
"""

from __future__ import annotations

import io
import time

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from handlers.chart import ChartEvent, TimelineChart
from handlers.pictures import Drawing

WIDTH_INCHES = 8.0
DPI = 150
ROW_INCHES = 0.62
TOP_INCHES = 1.0
BOTTOM_INCHES = 0.7
LABEL_SIZE = 13
DATE_SIZE = 10
BLUE = "#1f5fa8"
RED = "#c0392b"
BAND = "#fbe3e0"


def position(when: str) -> float | None:
    """A date as a fractional year: `2018-06` → 2018.42 (mid-month), `2016` → 2016.5; None when undated."""
    when = when.lstrip("~")
    if not when:
        return None
    parts = [int(p) for p in when.split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    if len(parts) == 2:
        return parts[0] + (parts[1] - 0.5) / 12
    return parts[0] + (parts[1] - 1) / 12 + (parts[2] - 0.5) / 365


def event_label(event: ChartEvent) -> str:
    return f"{event.number}. {event.label}"


def render(chart: TimelineChart) -> Drawing:
    """Draw `chart` (blocking: call it through `draw`, which runs it in a worker thread)."""
    started = time.perf_counter()
    events = [e for e in chart.events if position(e.when) is not None]
    xs = [position(e.when) or 0.0 for e in events]
    first = min([*xs, 2016.0]) if xs else 2016.0
    last = max(xs) if xs else 2025.0
    low, high = int(first), int(last) + 1
    rows = max(len(events), 1)
    height = TOP_INCHES + BOTTOM_INCHES + ROW_INCHES * rows
    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, facecolor="white")
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_axes((0.03, BOTTOM_INCHES / height, 0.94, (ROW_INCHES * rows) / height))
    axes.set_xlim(low - 0.15, high + 0.15)
    axes.set_ylim(-0.7, rows - 0.3)
    for side in ("left", "right", "top"):
        axes.spines[side].set_visible(False)
    axes.set_yticks([])
    axes.set_xticks(range(low, high + 1))
    axes.tick_params(axis="x", labelsize=12)
    axes.grid(axis="x", color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    band_year = int(last) if any(e.highlight for e in events) else None
    if band_year is not None:
        axes.axvspan(band_year, band_year + 1, color=BAND, zorder=0)
        if chart.band_label:
            axes.text(band_year + 0.98, rows - 0.45, chart.band_label, ha="right", va="bottom", fontsize=DATE_SIZE,
                      color=RED, fontweight="bold")  # fmt: skip
    middle = (low + high) / 2
    labels: list[str] = []
    for row, (event, x) in enumerate(zip(events, xs, strict=True)):
        y = rows - 1 - row
        colour = RED if event.highlight else BLUE
        undated = event.when.startswith("~")
        axes.plot([x], [y], marker="o", markersize=11, color=colour, markerfacecolor="white" if undated else colour,
                  markeredgewidth=2, zorder=3)  # fmt: skip
        right = x < middle
        offset = 0.12 if right else -0.12
        label = event_label(event)
        labels.append(label)
        align = "left" if right else "right"
        axes.text(x + offset, y + 0.04, label, ha=align, va="bottom", fontsize=LABEL_SIZE, color="#111111")
        date = event.date_label if not undated else f"{event.date_label} ({chart.undated_label})"
        axes.text(x + offset, y - 0.04, date, ha=align, va="top", fontsize=DATE_SIZE, color="#555555")
    figure.text(0.03, 1 - 0.35 / height, chart.title, ha="left", va="center", fontsize=17, fontweight="bold")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    width_px, height_px = canvas.get_width_height()
    return Drawing(
        buffer.getvalue(),
        width_px,
        height_px,
        tuple(labels),
        tuple(e.number for e in events),
        time.perf_counter() - started,
    )
