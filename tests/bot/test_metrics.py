"""The Prometheus exposition through prometheus_client: our counters under their names, the latency
histogram, gauges from collectors, label escaping, and the process and Python runtime metrics."""

from __future__ import annotations

import re

from bot.metrics import Histogram, Metrics

_SAMPLE = re.compile(r'^[a-z_]+(\{([a-z_]+="([^"\\]|\\.)*",?)*\})? [-+0-9.eInf]+$')
assert _SAMPLE.match('a_total{k="v"} 1.0')


def parse(text: str) -> dict[str, float]:
    """Every sample line as `name{labels}` → value; fails on a line Prometheus would refuse."""
    samples: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("#"):
            assert line.startswith(("# HELP ", "# TYPE ")), line
            continue
        assert _SAMPLE.match(line), line
        key, value = line.rsplit(" ", 1)
        samples[key] = float(value)
    return samples


def test_counters_carry_their_labels() -> None:
    metrics = Metrics()
    metrics.question("telegram", "fr", "answered")
    metrics.question("telegram", "fr", "answered")
    metrics.question("discord", "en", "declined")
    metrics.command("telegram", "help")
    metrics.platform_error("telegram", "flood")
    metrics.limited("discord", "user")
    samples = parse(metrics.render())
    assert samples['radford_questions_total{lang="fr",outcome="answered",platform="telegram"}'] == 2
    assert samples['radford_questions_total{lang="en",outcome="declined",platform="discord"}'] == 1
    assert samples['radford_commands_total{command="help",platform="telegram"}'] == 1
    assert samples['radford_platform_errors_total{kind="flood",platform="telegram"}'] == 1
    assert samples['radford_rate_limited_total{platform="discord",scope="user"}'] == 1


def test_the_histogram_is_cumulative_and_ends_with_inf() -> None:
    metrics = Metrics()
    for seconds in (0.0005, 0.003, 0.003, 7.0):
        metrics.observe_latency("console", seconds)
    samples = parse(metrics.render())
    assert samples['radford_answer_seconds_bucket{le="0.001",platform="console"}'] == 1
    assert samples['radford_answer_seconds_bucket{le="0.005",platform="console"}'] == 3
    assert samples['radford_answer_seconds_bucket{le="5",platform="console"}'] == 3
    assert samples['radford_answer_seconds_bucket{le="+Inf",platform="console"}'] == 4
    assert samples['radford_answer_seconds_count{platform="console"}'] == 4
    assert abs(samples['radford_answer_seconds_sum{platform="console"}'] - 7.0065) < 1e-9
    histogram = Histogram()
    histogram.observe(1.0)
    assert histogram.cumulative()[-1] == (float("inf"), 1)


def test_collectors_and_gauges_are_read_at_every_scrape() -> None:
    metrics = Metrics()
    pending = {"n": 1}
    metrics.add_collector(lambda: [("broadcast_pending", (("platform", "telegram"),), pending["n"])])
    metrics.add_collector(lambda: [("sent_total", (("platform", "telegram"),), 2 * pending["n"])])
    assert parse(metrics.render())['radford_broadcast_pending{platform="telegram"}'] == 1
    pending["n"] = 5
    text = metrics.render({"platform_connected": [((("platform", "discord"),), 0.0)]})
    assert parse(text)['radford_broadcast_pending{platform="telegram"}'] == 5
    assert parse(text)['radford_sent_total{platform="telegram"}'] == 10
    assert "# TYPE radford_sent_total counter" in text
    assert parse(text)['radford_platform_connected{platform="discord"}'] == 0
    assert "# TYPE radford_platform_connected gauge" in text


def test_label_values_are_escaped() -> None:
    metrics = Metrics()
    metrics.platform_error('we"ird\n\\', "x")
    text = metrics.render()
    parse(text)
    assert 'radford_platform_errors_total{kind="x",platform="we\\"ird\\n\\\\"} 1.0' in text


def test_the_process_and_python_runtime_metrics_are_exposed() -> None:
    samples = parse(Metrics().render())
    assert samples["process_resident_memory_bytes"] > 1_000_000
    assert "process_cpu_seconds_total" in samples and "process_open_fds" in samples
    assert 'python_gc_objects_collected_total{generation="2"}' in samples
    assert any(key.startswith("python_info{") for key in samples)


def test_each_metrics_has_its_own_registry() -> None:
    first, second = Metrics(), Metrics()
    first.question("telegram", "en", "answered")
    assert first.registry is not second.registry
    assert 'radford_questions_total{lang="en",outcome="answered",platform="telegram"}' in parse(first.render())
    assert not any(key.startswith("radford_questions_total{") for key in parse(second.render()))


def test_todays_metric_names_and_types_are_kept() -> None:
    metrics = Metrics()
    metrics.question("telegram", "en", "answered")
    metrics.command("telegram", "help")
    metrics.platform_error("telegram", "flood")
    metrics.limited("telegram", "user")
    metrics.observe_latency("telegram", 0.01)
    text = metrics.render({"platform_connected": [((("platform", "telegram"),), 1.0)], "uptime_seconds": [((), 3.0)]})
    types = dict(line.split()[2:4] for line in text.splitlines() if line.startswith("# TYPE radford_"))
    assert types == {
        "radford_questions_total": "counter",
        "radford_commands_total": "counter",
        "radford_platform_errors_total": "counter",
        "radford_rate_limited_total": "counter",
        "radford_answer_seconds": "histogram",
        "radford_platform_connected": "gauge",
        "radford_uptime_seconds": "gauge",
    }
