"""Counters and a latency histogram for `/metrics`, in the Prometheus text exposition format (0.0.4).

Written by hand rather than with prometheus_client: the format is a few lines of text, and a process-wide
registry would leak between the cores that tests create. Every label value comes from a small closed set
(platforms, our two languages, declared commands, error kinds), so the series count stays bounded whatever
users send.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

# Seconds: the core answers from memory in milliseconds; the upper buckets catch a blocked loop.
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
PREFIX = "radford"

Labels = tuple[tuple[str, str], ...]
Sample = tuple[str, Labels, float]
"""A sample a collector adds at scrape time: metric name (without the prefix; `_total` makes it a counter),
labels, value."""
Collector = Callable[[], Iterable[Sample]]
GAUGE_HELP = {
    "platform_connected": "1 while the platform adapter is connected, else 0.",
    "uptime_seconds": "Seconds since the health server started.",
    "outbox_deliveries": "Broadcast deliveries in the outbox by platform and status.",
    "broadcast_deliveries_total": "Broadcast delivery attempts by platform and outcome, since start.",
}


@dataclass(slots=True)
class Histogram:
    buckets: tuple[float, ...] = LATENCY_BUCKETS
    counts: list[int] = field(default_factory=list)
    total: float = 0.0
    count: int = 0

    def __post_init__(self) -> None:
        if not self.counts:
            self.counts = [0] * len(self.buckets)

    def observe(self, value: float) -> None:
        self.count += 1
        self.total += value
        for index, bound in enumerate(self.buckets):
            if value <= bound:
                self.counts[index] += 1
                break

    def cumulative(self) -> list[tuple[float, int]]:
        """(upper bound, observations at or below it), +Inf last, as Prometheus expects."""
        running, out = 0, []
        for bound, count in zip(self.buckets, self.counts, strict=True):
            running += count
            out.append((bound, running))
        out.append((math.inf, self.count))
        return out


@dataclass(slots=True)
class Metrics:
    """What the core and the adapters count; others (the broadcasters) add collectors read at scrape time."""

    questions: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # platform, lang, outcome
    commands: Counter[tuple[str, str]] = field(default_factory=Counter)  # platform, command
    platform_errors: Counter[tuple[str, str]] = field(default_factory=Counter)  # platform, kind
    rate_limited: Counter[tuple[str, str]] = field(default_factory=Counter)  # platform, scope
    latency: dict[str, Histogram] = field(default_factory=dict)  # platform → seconds
    collectors: list[Collector] = field(default_factory=list)

    def question(self, platform: str, lang: str, outcome: str) -> None:
        self.questions[(platform, lang, outcome)] += 1

    def command(self, platform: str, name: str) -> None:
        self.commands[(platform, name)] += 1

    def platform_error(self, platform: str, kind: str) -> None:
        """kind: flood, gone, network, refused, handler… — a short fixed word, never an error message."""
        self.platform_errors[(platform, kind)] += 1

    def limited(self, platform: str, scope: str) -> None:
        self.rate_limited[(platform, scope)] += 1

    def observe_latency(self, platform: str, seconds: float) -> None:
        self.latency.setdefault(platform, Histogram()).observe(seconds)

    def add_collector(self, collector: Collector) -> None:
        """A callable read at every scrape, for gauges owned elsewhere (pending broadcasts, for instance)."""
        self.collectors.append(collector)

    def render(self, gauges: Mapping[str, Iterable[tuple[Labels, float]]] | None = None) -> str:
        """The whole exposition: our counters, the histogram, then collectors' and the caller's gauges."""
        out = Exposition()
        out.counter("questions_total", "Questions by platform, reply language and outcome.", [
            ((("platform", p), ("lang", lang), ("outcome", o)), n) for (p, lang, o), n in self.questions.items()
        ])  # fmt: skip
        out.counter("commands_total", "Commands by platform and name.", [
            ((("platform", p), ("command", c)), n) for (p, c), n in self.commands.items()
        ])  # fmt: skip
        out.counter("platform_errors_total", "Platform failures by kind.", [
            ((("platform", p), ("kind", k)), n) for (p, k), n in self.platform_errors.items()
        ])  # fmt: skip
        out.counter("rate_limited_total", "Messages refused by the per-user or per-chat limit.", [
            ((("platform", p), ("scope", s)), n) for (p, s), n in self.rate_limited.items()
        ])  # fmt: skip
        out.histogram("answer_seconds", "Time the core took to reply, by platform.", self.latency)
        extra: dict[str, list[tuple[Labels, float]]] = {}
        for collector in self.collectors:
            for name, labels, value in collector():
                extra.setdefault(name, []).append((labels, value))
        for name, samples in (gauges or {}).items():
            extra.setdefault(name, []).extend(samples)
        for name, samples in sorted(extra.items()):
            kind = out.counter if name.endswith("_total") else out.gauge
            kind(name, GAUGE_HELP.get(name, ""), samples)
        return out.text()


def escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _labels(labels: Labels) -> str:
    return "{" + ",".join(f'{k}="{escape(v)}"' for k, v in labels) + "}" if labels else ""


def _number(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return str(int(value)) if float(value).is_integer() else repr(float(value))


class Exposition:
    def __init__(self) -> None:
        self._lines: list[str] = []

    def _family(self, name: str, kind: str, help_text: str) -> str:
        full = f"{PREFIX}_{name}"
        if help_text:
            self._lines.append(f"# HELP {full} {help_text}")
        self._lines.append(f"# TYPE {full} {kind}")
        return full

    def counter(self, name: str, help_text: str, samples: Iterable[tuple[Labels, float]]) -> None:
        full = self._family(name, "counter", help_text)
        for labels, value in sorted(samples):
            self._lines.append(f"{full}{_labels(labels)} {_number(value)}")

    def gauge(self, name: str, help_text: str, samples: Iterable[tuple[Labels, float]]) -> None:
        full = self._family(name, "gauge", help_text)
        for labels, value in sorted(samples):
            self._lines.append(f"{full}{_labels(labels)} {_number(value)}")

    def histogram(self, name: str, help_text: str, series: Mapping[str, Histogram]) -> None:
        full = self._family(name, "histogram", help_text)
        for platform, histogram in sorted(series.items()):
            base = (("platform", platform),)
            for bound, count in histogram.cumulative():
                self._lines.append(f"{full}_bucket{_labels((*base, ('le', _number(bound))))} {count}")
            self._lines.append(f"{full}_sum{_labels(base)} {_number(histogram.total)}")
            self._lines.append(f"{full}_count{_labels(base)} {histogram.count}")

    def text(self) -> str:
        return "\n".join(self._lines) + "\n"
