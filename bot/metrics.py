"""Counters and a latency histogram for `/metrics`, exposed through prometheus_client.

Each `Metrics` has its own `CollectorRegistry` — one per process in production (one core), one per core in
the tests, so nothing leaks between them as it would through prometheus_client's global registry — with
the standard `process_*` (memory, CPU, file descriptors), `python_gc_*` and `python_info` collectors
registered: a leak shows in `process_resident_memory_bytes` long before the machine runs out.
Our own values stay plain counters the core increments, read by a custom collector at each scrape (the
exposition is prometheus_client's). Every label value comes from a small closed set (platforms, our two
languages, declared commands, error kinds), so the series count stays bounded whatever users send.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from prometheus_client import CollectorRegistry, GCCollector, PlatformCollector, ProcessCollector, generate_latest
from prometheus_client.metrics_core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.samples import Sample as PromSample

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


class Histogram:
    __slots__ = ("buckets", "count", "counts", "total")

    def __init__(self, buckets: tuple[float, ...] = LATENCY_BUCKETS) -> None:
        self.buckets = buckets
        self.counts = [0] * len(buckets)
        self.total = 0.0
        self.count = 0

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


class Metrics:
    """What the core and the adapters count; others (the broadcasters) add collectors read at scrape time."""

    def __init__(self) -> None:
        self.questions: Counter[tuple[str, str, str]] = Counter()  # platform, lang, outcome
        self.commands: Counter[tuple[str, str]] = Counter()  # platform, command
        self.platform_errors: Counter[tuple[str, str]] = Counter()  # platform, kind
        self.rate_limited: Counter[tuple[str, str]] = Counter()  # platform, scope
        self.latency: dict[str, Histogram] = {}  # platform → seconds
        self.collectors: list[Collector] = []
        self._gauges: Mapping[str, Iterable[tuple[Labels, float]]] = {}
        self.registry = CollectorRegistry(auto_describe=False)
        ProcessCollector(registry=self.registry)
        GCCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        self.registry.register(_Ours(self))

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
        """The whole exposition (text format 0.0.4): ours, the collectors', the caller's gauges, then the
        process and Python runtime metrics. Synchronous, so `gauges` cannot mix with another scrape's."""
        self._gauges = gauges or {}
        try:
            return generate_latest(self.registry).decode()
        finally:
            self._gauges = {}

    def families(self) -> Iterator[Metric]:
        """Our own metric families, as the registry collects them."""
        yield _counter("questions_total", "Questions by platform, reply language and outcome.",
                       ("platform", "lang", "outcome"), self.questions)  # fmt: skip
        yield _counter("commands_total", "Commands by platform and name.", ("platform", "command"), self.commands)
        yield _counter("platform_errors_total", "Platform failures by kind.", ("platform", "kind"),
                       self.platform_errors)  # fmt: skip
        yield _counter("rate_limited_total", "Messages refused by the per-user or per-chat limit.",
                       ("platform", "scope"), self.rate_limited)  # fmt: skip
        histogram = HistogramMetricFamily(
            f"{PREFIX}_answer_seconds", "Time the core took to reply, by platform.", labels=("platform",)
        )
        for platform, series in sorted(self.latency.items()):
            buckets = [(_number(bound), float(count)) for bound, count in series.cumulative()]
            histogram.add_metric((platform,), buckets, series.total)
        yield histogram
        extra: dict[str, list[tuple[Labels, float]]] = {}
        for collector in self.collectors:
            for name, labels, value in collector():
                extra.setdefault(name, []).append((labels, value))
        for name, samples in self._gauges.items():
            extra.setdefault(name, []).extend(samples)
        for name, samples in sorted(extra.items()):
            yield _family(name, samples)


class _Ours:
    """The registry's view of a `Metrics`: prometheus_client calls `collect` at every scrape."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    def collect(self) -> Iterator[Metric]:
        return self.metrics.families()


def _counter(name: str, help_text: str, labels: tuple[str, ...], values: Counter[Any]) -> Metric:
    family = CounterMetricFamily(f"{PREFIX}_{name}", help_text, labels=labels)
    for key, value in sorted(values.items()):
        family.add_metric(key, float(value))
    return family


def _family(name: str, samples: list[tuple[Labels, float]]) -> Metric:
    """A counter when the name ends with `_total`, else a gauge; every sample may carry its own labels."""
    kind = CounterMetricFamily if name.endswith("_total") else GaugeMetricFamily
    family = kind(f"{PREFIX}_{name}", GAUGE_HELP.get(name, ""))
    for labels, value in sorted(samples):
        family.samples.append(PromSample(f"{PREFIX}_{name}", dict(labels), float(value)))
    return family


def _number(value: float) -> str:
    """A bucket bound as Prometheus writes one: `+Inf`, `5` rather than `5.0`."""
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return str(int(value)) if float(value).is_integer() else repr(float(value))
