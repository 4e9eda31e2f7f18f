"""Markdown stripping in time that grows with the text: the attack was 60,000 characters of `*a *a …`,
which took 16 s in the old regexes (quadratic) and blocked the event loop."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.ingest import markdown_to_text, parse_article
from knowledge.markdown import strip_emphasis, strip_links

# The regexes the module replaced: still the reference for what the result must be.
_OLD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_OLD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")

ATTACKS: dict[str, Callable[[int], str]] = {
    "stars": lambda n: ("*a " * n)[:n],
    "underscores": lambda n: ("_a " * n)[:n],
    "backticks": lambda n: ("`a " * n)[:n],
    "double stars": lambda n: ("**a " * n)[:n],
    "open links": lambda n: ("[](" * n)[:n],
    "open images": lambda n: ("![a](" * n)[:n],
    "brackets": lambda n: ("[a" * n)[:n],
    "mixed": lambda n: ("*a _b `c **d __e [f](g ![h]( " * n)[:n],
}


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="*_`[]()! a\t", max_size=40))
def test_the_result_is_what_the_old_regexes_gave(line: str) -> None:
    assert strip_links(line) == _OLD_LINK.sub(r"\1", line)
    assert strip_emphasis(line) == _OLD_EMPHASIS.sub(r"\2", line)


def test_usual_markdown_is_reduced_to_its_text() -> None:
    text = "- **Mira Murati** left *OpenAI* in `2024`, see [the post](https://x.example/a) ![logo](l.png)"
    assert markdown_to_text(text) == "Mira Murati left OpenAI in 2024, see the post logo"
    assert strip_emphasis("2 * 3 * 4 and snake_case_name") == "2 * 3 * 4 and snakecasename"
    assert strip_links("[not a link] (x) and [a](b") == "[not a link] (x) and [a](b"


def _best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_time_grows_linearly_with_the_input(attack: str) -> None:
    """Eight times the input (10k → 80k) multiplies the time by about 8 when linear, 64 when quadratic: the bar at
    24 leaves a shared machine three times its noise (a 40k/10k bar at 8 failed under load) and still catches any
    quadratic regex. Each size is timed at its best of seven runs."""
    make = ATTACKS[attack]
    times = {n: _best_of(7, lambda n=n: markdown_to_text(make(n))) for n in (10_000, 80_000)}
    floor = 1e-3  # below a millisecond the ratio is timer noise, and nothing is slow
    ratio = max(times[80_000], floor) / max(times[10_000], floor / 8)
    assert ratio < 24, f"{attack}: {times}"


def test_sixty_thousand_characters_of_open_stars_are_fast() -> None:
    raw = ("*a " * 20_000).strip()
    assert len(raw) > 59_000
    elapsed = _best_of(1, lambda: parse_article(raw, title="t", lang="en"))
    assert elapsed < 1.0, f"{elapsed:.2f} s (the old regex took about 16 s)"
