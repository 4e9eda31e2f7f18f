"""Pictures for the platforms that show them: drawn in a worker thread, cached, never on the event loop.

`draw` is all an adapter calls. The plotting library is imported by the worker thread on the first
drawing, so a process that never draws (`ask`, `chat`, the console) never loads it, and one that does
keeps answering other chats meanwhile.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass

from handlers.chart import TimelineChart

CACHE_SIZE = 32


@dataclass(frozen=True, slots=True)
class Drawing:
    """What was drawn: the PNG, its size in pixels, and every event's label as it appears on it."""

    png: bytes
    width: int
    height: int
    labels: tuple[str, ...]
    numbers: tuple[int, ...]
    seconds: float  # how long the drawing took (0 when it came from the cache)


def _render(chart: TimelineChart) -> Drawing:
    from handlers.timeline_png import render  # matplotlib: in this worker thread only

    return render(chart)


_cache: OrderedDict[TimelineChart, Drawing] = OrderedDict()


async def draw(chart: TimelineChart) -> Drawing:
    """The picture of `chart`, from the cache or drawn in a worker thread.

    A chart holds everything it shows, so equal charts are the same picture: one filter in one language
    stays cached until the knowledge changes what it shows (then it is another chart).
    """
    cached = _cache.get(chart)
    if cached is not None:
        _cache.move_to_end(chart)
        return Drawing(cached.png, cached.width, cached.height, cached.labels, cached.numbers, 0.0)
    drawing = await asyncio.to_thread(_render, chart)
    _cache[chart] = drawing
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return drawing
