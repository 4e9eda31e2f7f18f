"""The whole pipeline on articles of our own: facts, entities, dates, texts in both languages, questions."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.extract_article import extract_article
from knowledge.loader import load_bundle
from knowledge.models import Fact, FactDate

ARTICLES = Path(__file__).with_name("data") / "articles"
KNOWN = load_bundle().entities


def facts_of(name: str, lang: str, date: str) -> tuple[list[Fact], dict[str, str]]:
    text = (ARTICLES / name).read_text(encoding="utf-8")
    title = text.splitlines()[0]
    extraction = extract_article("article-x", text, lang, KNOWN, title=title, published=date)  # type: ignore[arg-type]
    return list(extraction.facts), {e.id: e.kind for e in extraction.entities}


def test_every_statement_is_a_fact_and_headings_bylines_dates_are_not() -> None:
    facts, _ = facts_of("own1.en.txt", "en", "2025-03-03")
    sentences = [f.sentence for f in facts]
    assert len(facts) == 18
    assert not any(s.startswith(("By Jane", "March 3", "Former Helix research chief")) for s in sentences)
    assert "He did not name them." in sentences  # informative or not, a statement is kept


def test_entities_are_discovered_with_their_kinds() -> None:
    _, kinds = facts_of("own1.en.txt", "en", "2025-03-03")
    assert kinds["corvid-robotics"] == "organization" and kinds["nadia-verhoeven"] == "person"
    assert kinds["rotterdam"] == "place" and kinds["tomas-ekberg"] == "person"


def test_dates_come_from_the_main_clause_else_the_publication() -> None:
    facts, _ = facts_of("own1.en.txt", "en", "2025-03-03")
    by_start = {f.sentence[:30]: f for f in facts}
    started = by_start["Verhoeven started the company "]
    assert started.date == FactDate("2025-02", "month")  # not August 2024, the side clause's
    raised = by_start["The start-up raised $40 millio"]
    assert raised.date == FactDate("2025-03-03", "day")  # "on Monday": the publication date, at its precision
    assert raised.timeline  # an event, placed on the timeline at its date


def test_relations_are_rendered_in_the_other_language_and_asked_in_both() -> None:
    facts, _ = facts_of("own1.en.txt", "en", "2025-03-03")
    cto = next(f for f in facts if f.sentence.startswith("Ekberg is the chief technology officer"))
    assert cto.text.en == cto.sentence
    assert cto.text.fr.startswith("Tomas Ekberg est directeur technique (CTO) de Corvid Robotics.")
    assert "Who is the CTO of Corvid Robotics?" in cto.questions_en
    assert "Qui est le directeur technique de Corvid Robotics ?" in cto.questions_fr
    pronoun = next(f for f in facts if f.sentence.startswith("She led the team"))
    assert pronoun.text.en.startswith("Nadia Verhoeven led the team")  # an answer says who


def test_a_french_article_answers_english_readers_in_english() -> None:
    facts, kinds = facts_of("own2.fr.txt", "fr", "2025-05-12")
    assert kinds["altis-energie"] == "organization" and kinds["claire-morand"] == "person"
    money = next(f for f in facts if "a levé 25 millions" in f.sentence)
    assert money.text.en.startswith("Altis Énergie raised €25 million")
    assert "How much did Altis Énergie raise?" in money.questions_en
    founded = next(f for f in facts if f.sentence.startswith("L'entreprise a été fondée en 2021"))
    assert founded.date == FactDate("2021", "year") and "Who founded Altis Énergie?" in founded.questions_en
    assert founded.text.en.startswith("Altis Énergie was founded in 2021 by Claire Morand and Julien Baptiste.")


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_any_text_extracts_without_an_error(text: str) -> None:
    extraction = extract_article("article-y", text, "en", KNOWN, title=None, published="2025-01-02")
    for fact in extraction.facts:
        assert fact.sentence and fact.text.en and fact.text.fr


def test_a_pathological_sentence_of_names_is_kept_fast() -> None:
    import time

    names = ", ".join("Aaa Bbb Ccc" for _ in range(5000)) + "."
    started = time.perf_counter()
    extraction = extract_article("article-z", names, "en", KNOWN, title=None, published="2025-01-02")
    assert time.perf_counter() - started < 5.0  # was 31 s before relations skipped lists of names
    assert len(extraction.facts) == 1 and extraction.facts[0].kind == "statement"


def test_a_succession_happens_at_the_article_company() -> None:
    from knowledge.extract_article import extract_article

    text = (
        "La société Orvala a annoncé lundi le départ de son directeur général, Paul Remy. "
        "Il sera remplacé le 1er mars par Zoé Carrel, ancienne directrice commerciale chez Brema."
    )
    facts = extract_article("s", text, "fr", [], published="2025-02-10").facts
    assert facts[1].kind == "replace" and "orvala" in facts[1].entities


def test_a_rendering_that_leaves_a_name_out_quotes_the_sentence_too() -> None:
    """Rendered, "founded by Varadarajan, a radiologist who serves as its chief executive, and Felix Brandt, its
    chief technology officer" kept the founder and her title; the quotation keeps Brandt."""
    text = (
        "Orrin buys time\n\nOrrin was founded in 2020 by Sunita Varadarajan, a radiologist who serves as its chief "
        "executive, and Felix Brandt, its chief technology officer. Orrin employs 85 people in Boston."
    )
    extraction = extract_article("article-x", text, "en", KNOWN, title="Orrin buys time", published="2026-01-05")
    founded = next(f for f in extraction.facts if f.sentence.startswith("Orrin was founded"))
    assert "Felix Brandt" in founded.text.fr
