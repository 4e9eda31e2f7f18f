"""Questions about the present prefer the newest of close answers about the same subject."""

from __future__ import annotations

from dataclasses import replace

from knowledge.matcher import Candidate, MatchResult
from knowledge.models import Fact, FactDate, Localized
from knowledge.recency import asks_about_now, prefer_newest


def fact(fact_id: str, date: str | None, subject: str = "murati") -> Fact:
    return Fact(
        fact_id, "statement", subject, (subject,), "s", fact_id, Localized(fact_id, fact_id),
        FactDate(date, "year") if date else None,
    )  # fmt: skip


def result(question: str, *candidates: Candidate) -> MatchResult:
    return MatchResult(question, "en", candidates[0], candidates[1:], True, "ok")


def test_present_markers_in_both_languages() -> None:
    for question in ("What is she doing now?", "Where does he currently work?", "Que fait-elle aujourd'hui ?",
                     "Où travaille-t-il désormais ?", "actuellement ?"):  # fmt: skip
        assert asks_about_now(question), question
    assert not asks_about_now("When did she leave OpenAI?")


def test_the_newest_close_answer_about_the_same_subject_wins() -> None:
    old, new = Candidate(fact("old", "2024"), 0.9), Candidate(fact("new", "2025"), 0.85)
    chosen = prefer_newest(result("What is Murati doing now?", old, new))
    assert chosen.best == new and chosen.alternatives == (old,)


def test_without_a_present_marker_or_when_far_or_about_someone_else_nothing_changes() -> None:
    old, new = Candidate(fact("old", "2024"), 0.9), Candidate(fact("new", "2025"), 0.85)
    assert prefer_newest(result("What did Murati do?", old, new)).best == old
    far = Candidate(fact("far", "2025"), 0.6)
    assert prefer_newest(result("What is Murati doing now?", old, far)).best == old
    other = Candidate(fact("other", "2025", subject="chen"), 0.88)
    assert prefer_newest(result("What is Murati doing now?", old, other)).best == old


def test_an_undated_statement_stays_and_an_undated_profile_gives_way() -> None:
    """ "What is he planning now?" is answered by his undated plan, not by the dated tenure that ended; his
    undated profile, background, gives way to dated news about him."""
    plan, tenure = Candidate(fact("plan", None), 0.9), Candidate(fact("tenure", "2024"), 0.88)
    assert prefer_newest(result("What is Murati planning now?", plan, tenure)).best == plan
    profile = Candidate(replace(fact("profile", None), kind="profile"), 0.9)
    assert prefer_newest(result("What is Murati doing now?", profile, tenure)).best == tenure
