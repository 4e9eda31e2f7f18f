"""What a timeline picture shows, as plain data: the handler decides it, an adapter that can send images
has it drawn (`handlers.pictures.draw`), and the console never needs it.

Equal charts draw the same picture, so a chart is its own cache key: a new fact, another filter or
another language makes another chart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChartEvent:
    """One marker: where it sits on the time axis (`2018-06`, a year, a day), its number and label."""

    number: int
    when: str  # ISO date at the source's precision; "" for an event the sources do not date
    date_label: str
    label: str
    highlight: bool = False  # one of the departures the story is about


@dataclass(frozen=True, slots=True)
class TimelineChart:
    title: str
    lang: str
    events: tuple[ChartEvent, ...]
    band_label: str = ""  # names the highlighted events as a group ("The 2024 departures")
    undated_label: str = ""  # how an undated event's date reads ("date not given")
    filename: str = "timeline.png"
