"""The matcher's decision: when a fact that scores under the threshold still answers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.loader import load_bundle
from knowledge.matcher import (
    ARTICLE_LEAD_FLOOR,
    ARTICLE_LEAD_RATIO,
    ARTICLE_THRESHOLD,
    LEAD_FLOOR,
    LEAD_RATIO,
    LENGTH_ALLOWANCE,
    LENGTH_ALLOWANCE_CAP,
    LENGTH_FREE,
    RIVAL_RATIO,
    Candidate,
    Reading,
    answers_anyway,
    article_lead,
    clear_lead,
    close_rival,
    decide,
    length_allowance,
)
from knowledge.models import Fact


def _reading(named: frozenset[str]) -> Reading:
    return Reading(
        question="When did the investigation into Sonatrace start?",
        text="When did the investigation into Sonatrace start?",
        lang="en",
        kind=None,
        concepts=frozenset({"@sonatrace", "invest", "start"}),
        named=named,
        strangers=0,
        relations=frozenset(),
        unknown={},
    )


def _candidates(fact: Fact, *scores: float) -> list[Candidate]:
    return [Candidate(replace(fact, id=f"{fact.id}-{i}"), score) for i, score in enumerate(scores)]


@pytest.fixture
def fact() -> Fact:
    return load_bundle().facts[0]


def test_a_clear_lead_answers_under_the_threshold(fact: Fact) -> None:
    ranked = _candidates(fact, 0.40, 0.40 / LEAD_RATIO - 0.01)
    assert clear_lead(_reading(frozenset({"sonatrace"})), ranked)
    result = decide(_reading(frozenset({"sonatrace"})), ranked, frozenset(), 0.45, 0.25)
    assert result.answered and result.best == ranked[0]


def test_a_close_second_means_no_lead(fact: Fact) -> None:
    ranked = _candidates(fact, 0.40, 0.40 / LEAD_RATIO + 0.01)
    assert not clear_lead(_reading(frozenset({"sonatrace"})), ranked)
    assert not decide(_reading(frozenset({"sonatrace"})), ranked, frozenset(), 0.45, 0.25).answered


def test_a_lead_needs_a_named_topic_and_a_floor(fact: Fact) -> None:
    # Nothing named: the question may be about anything, and the best of weak candidates is no answer.
    assert not clear_lead(_reading(frozenset()), _candidates(fact, 0.40, 0.05))
    assert not clear_lead(_reading(frozenset({"sonatrace"})), _candidates(fact, LEAD_FLOOR - 0.01))


def test_a_neighbour_is_never_answered_for_its_lead(fact: Fact) -> None:
    """A fact that lacks part of the question, or a profile that scores under the threshold ("Who replaced
    Murati as CTO?" against Murati's profile), is declined however far ahead of the rest it stands."""
    sonatrace = _reading(frozenset({"sonatrace"}))
    assert not answers_anyway(sonatrace, [Candidate(fact, 0.40, lacks=1), Candidate(fact, 0.05)])
    profile = replace(fact, kind="profile")
    assert not answers_anyway(sonatrace, [Candidate(profile, 0.40), Candidate(fact, 0.05)])


def test_an_article_fact_answers_from_its_own_threshold(fact: Fact) -> None:
    """Machine-made samples fit real questions less closely: an extracted fact that names everything the
    question names answers from `ARTICLE_THRESHOLD`, a curated one only from the matcher's threshold."""
    sonatrace = _reading(frozenset({"sonatrace"}))
    extracted = replace(fact, curated=False)
    close = ARTICLE_THRESHOLD + 0.01
    assert answers_anyway(sonatrace, [Candidate(extracted, close), Candidate(fact, close - 0.02)])
    assert not answers_anyway(sonatrace, [Candidate(fact, close), Candidate(fact, close - 0.02)])
    assert not answers_anyway(sonatrace, [Candidate(extracted, ARTICLE_THRESHOLD - 0.01), Candidate(fact, 0.40)])
    assert not answers_anyway(_reading(frozenset()), [Candidate(extracted, close), Candidate(fact, 0.40)])


def test_an_article_fact_far_ahead_answers_though_nothing_is_named(fact: Fact) -> None:
    """A question in other words than an article's machine-made samples still finds its sentence well ahead:
    from `ARTICLE_LEAD_FLOOR`, `ARTICLE_LEAD_RATIO` times the next, it answers even when it names nothing."""
    extracted = replace(fact, curated=False)
    nothing = _reading(frozenset())
    ahead = [Candidate(extracted, ARTICLE_LEAD_FLOOR), Candidate(fact, ARTICLE_LEAD_FLOOR / ARTICLE_LEAD_RATIO)]
    assert article_lead(ahead) and answers_anyway(nothing, ahead)
    assert decide(nothing, ahead, frozenset(), 0.45, 0.25).answered


def test_an_article_lead_needs_its_floor_its_ratio_and_nothing_lacking(fact: Fact) -> None:
    extracted = replace(fact, curated=False)
    nothing = _reading(frozenset())
    close = [Candidate(extracted, 0.40), Candidate(fact, 0.40 / ARTICLE_LEAD_RATIO + 0.01)]
    low = [Candidate(extracted, ARTICLE_LEAD_FLOOR - 0.01), Candidate(fact, 0.05)]
    curated = [Candidate(fact, 0.40), Candidate(fact, 0.05)]
    lacking = [Candidate(extracted, 0.40, lacks=1), Candidate(fact, 0.05)]
    assert not article_lead(close) and not article_lead(low) and not article_lead(curated)
    assert not any(answers_anyway(nothing, ranked) for ranked in (close, low, curated, lacking))


def test_a_long_question_answers_a_little_under_the_threshold(fact: Fact) -> None:
    """Every concept a question has divides its coverage: past `LENGTH_FREE`, each lowers the bar a little."""
    short = _reading(frozenset())
    long = replace(short, concepts=short.concepts | {"bonjour", "expose", "prepare", "merci"})
    assert length_allowance(short) == 0.0
    assert length_allowance(long) == pytest.approx(LENGTH_ALLOWANCE * (len(long.concepts) - LENGTH_FREE))
    score = 0.45 - length_allowance(long) / 2
    ranked = _candidates(fact, score, score - 0.01)  # no lead: only the length lets it answer
    assert decide(long, ranked, frozenset(), 0.45, 0.25).answered
    assert not decide(short, ranked, frozenset(), 0.45, 0.25).answered


def test_a_rambling_question_does_not_bring_the_threshold_down_to_nothing() -> None:
    rambling = replace(_reading(frozenset()), concepts=frozenset(f"word{i}" for i in range(40)))
    assert length_allowance(rambling) == LENGTH_ALLOWANCE_CAP < 0.45 / 2


def test_a_near_tie_between_two_sentences_of_one_article_is_a_rival(fact: Fact) -> None:
    """Machine-made samples cannot always tell two sentences of an article apart: the reply quotes both."""
    extracted = replace(fact, curated=False, source="article-x")
    ranked = _candidates(extracted, 0.60, 0.60 * RIVAL_RATIO, 0.30)
    result = decide(_reading(frozenset({"sonatrace"})), ranked, frozenset(), 0.45, 0.25)
    assert result.answered and result.rival == ranked[1]
    assert close_rival(_candidates(extracted, 0.60, 0.60 * RIVAL_RATIO - 0.01)) is None  # not a near tie


def test_no_rival_of_another_make_or_one_that_lacks_something(fact: Fact) -> None:
    extracted = replace(fact, curated=False, source="article-x")
    mixed = [Candidate(replace(fact, source="article-x"), 0.60), Candidate(replace(extracted, id="other"), 0.59)]
    lacking = [Candidate(extracted, 0.60), Candidate(replace(extracted, id="other"), 0.59, lacks=1)]
    assert close_rival(mixed) is None and close_rival(lacking) is None
    assert close_rival(_candidates(extracted, 0.60)) is None
    declined = decide(_reading(frozenset()), _candidates(extracted, 0.20, 0.20), frozenset(), 0.45, 0.25)
    assert not declined.answered and declined.rival is None


def test_a_sentence_of_another_article_can_be_a_rival(fact: Fact) -> None:
    """A question that names no story may fit two: both are given, each under its own headline."""
    extracted = replace(fact, curated=False, source="article-x")
    elsewhere = [Candidate(extracted, 0.60), Candidate(replace(extracted, id="other", source="article-y"), 0.59)]
    assert close_rival(elsewhere) == elsewhere[1]


def test_two_curated_facts_can_be_rivals_whatever_their_sources(fact: Fact) -> None:
    """Hand-written facts are one body of knowledge: the GPT-2 paper's milestone is a rival of the seed article's
    sentence on Radford leading GPT-2."""
    ranked = _candidates(fact, 0.90, 0.88)
    assert close_rival(ranked) == ranked[1]
    other = [Candidate(fact, 0.90), Candidate(replace(fact, id="paper", source="gpt2-paper"), 0.88)]
    assert close_rival(other) == other[1]
