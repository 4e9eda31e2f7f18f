"""The Prometheus exposition: counters, the latency histogram, gauges from collectors, label escaping."""

from __future__ import annotations

import re

from bot.metrics import Histogram, Metrics, escape

_SAMPLE = re.compile(r'^[a-z_]+(\{([a-z_]+="([^"\\]|\\.)*",?)*\})? [-+0-9.eInf]+$')


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
    assert samples['radford_questions_total{platform="telegram",lang="fr",outcome="answered"}'] == 2
    assert samples['radford_questions_total{platform="discord",lang="en",outcome="declined"}'] == 1
    assert samples['radford_commands_total{platform="telegram",command="help"}'] == 1
    assert samples['radford_platform_errors_total{platform="telegram",kind="flood"}'] == 1
    assert samples['radford_rate_limited_total{platform="discord",scope="user"}'] == 1


def test_the_histogram_is_cumulative_and_ends_with_inf() -> None:
    metrics = Metrics()
    for seconds in (0.0005, 0.003, 0.003, 7.0):
        metrics.observe_latency("console", seconds)
    samples = parse(metrics.render())
    assert samples['radford_answer_seconds_bucket{platform="console",le="0.001"}'] == 1
    assert samples['radford_answer_seconds_bucket{platform="console",le="0.005"}'] == 3
    assert samples['radford_answer_seconds_bucket{platform="console",le="5"}'] == 3
    assert samples['radford_answer_seconds_bucket{platform="console",le="+Inf"}'] == 4
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
    assert escape('a"b\\c\nd') == 'a\\"b\\\\c\\nd'
    metrics = Metrics()
    metrics.platform_error('we"ird\n', "x")
    parse(metrics.render())
