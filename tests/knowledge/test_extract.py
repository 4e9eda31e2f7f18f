"""Extraction from plain articles: sentences, dates, known names, and facts only where curated ones are missing."""

from __future__ import annotations

import pytest

from knowledge.extract import Gazetteer, extract_facts, find_date, split_sentences
from knowledge.loader import load_bundle
from knowledge.models import FactDate


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(load_bundle().entities)


def test_split_sentences_on_sentence_ends_and_paragraphs() -> None:
    text = "Radford est parti. Il a rejoint OpenAI en 2016 ! Pourquoi ? Personne ne sait…\n\nNouveau paragraphe.\nFin"
    assert split_sentences(text) == [
        "Radford est parti.",
        "Il a rejoint OpenAI en 2016 !",
        "Pourquoi ?",
        "Personne ne sait…",
        "Nouveau paragraphe.",
        "Fin",
    ]


def test_split_sentences_keeps_abbreviations_inside_a_sentence() -> None:
    text = "M. Chen a parlé. Dr. Who est venu avec Mme. Dupont. U.S. firms grow. Mr. Smith agreed."
    assert split_sentences(text) == [
        "M. Chen a parlé.",
        "Dr. Who est venu avec Mme. Dupont.",
        "U.S. firms grow.",
        "Mr. Smith agreed.",
    ]


def test_split_sentences_does_not_split_before_a_lower_case_word() -> None:
    assert split_sentences("He left in Dec. and said e.g. nothing.") == ["He left in Dec. and said e.g. nothing."]


def test_split_sentences_keeps_a_closing_quote_with_its_sentence() -> None:
    text = 'Il a dit : "Nous partons." Puis il est parti. Elle a dit «Au revoir.» Fin. He said “Bye.” Then left.'
    sentences = split_sentences(text)
    assert sentences == [
        'Il a dit : "Nous partons."',
        "Puis il est parti.",
        "Elle a dit «Au revoir.»",
        "Fin.",
        "He said “Bye.”",
        "Then left.",
    ]
    for sentence in sentences:
        assert sentence in text  # verbatim: nothing lost, nothing added


def test_split_sentences_starts_a_sentence_at_an_opening_quote() -> None:
    assert split_sentences('Il est parti. "Nous regrettons", a dit Chen.') == [
        "Il est parti.",
        '"Nous regrettons", a dit Chen.',
    ]


def test_split_sentences_normalises_whitespace_and_skips_blank_lines() -> None:
    assert split_sentences("  Un   deux.\n\n\n   \nTrois  quatre.  ") == ["Un deux.", "Trois quatre."]
    assert split_sentences("") == []


@pytest.mark.parametrize(
    ("sentence", "value", "precision"),
    [
        ("Radford a rejoint OpenAI en 2016.", "2016", "year"),
        ("Radford joined OpenAI in 2016.", "2016", "year"),
        ("depuis 2016", "2016", "year"),
        ("En juin 2018, il a proposé une méthode.", "2018-06", "month"),
        ("In June 2018 he proposed a method.", "2018-06", "month"),
        ("Published in Feb. 2019.", "2019-02", "month"),
        ("The Information reported it on 2024-12-19.", "2024-12-19", "day"),
        ("Le 19 décembre 2024, il est parti.", "2024-12-19", "day"),
        ("le 19 decembre 2024", "2024-12-19", "day"),
        ("le 1er août 2024", "2024-08-01", "day"),
        ("On December 20, 2024, he left.", "2024-12-20", "day"),
        ("December 20th 2024", "2024-12-20", "day"),
        ("Dec. 20, 2024", "2024-12-20", "day"),
    ],
)
def test_find_date(sentence: str, value: str, precision: str) -> None:
    assert find_date(sentence) == FactDate(value, precision)  # type: ignore[arg-type]


def test_find_date_prefers_the_most_precise_date() -> None:
    assert find_date("En 2016, puis le 19 décembre 2024.") == FactDate("2024-12-19", "day")


@pytest.mark.parametrize(
    "sentence",
    ["Rien de daté ici.", "Il a vendu 800 millions de dollars d'actions.", "GPT-2 et GPT-3", "le 45 juin", "en 1850"],
)
def test_find_date_none(sentence: str) -> None:
    assert find_date(sentence) is None


def test_find_date_rejects_impossible_days() -> None:
    # Day 45 does not exist: the month is all the sentence really says.
    assert find_date("le 45 juin 2018") == FactDate("2018-06", "month")


def test_gazetteer_finds_people_and_organisations_through_aliases(gazetteer: Gazetteer) -> None:
    text = "Auparavant, la directrice Mira Murati, le co-fondateur d'OpenAI John Schulman, puis GPT-2 et gpt 3."
    assert gazetteer.find(text) == ["murati", "openai", "schulman", "gpt-2", "gpt-3"]


def test_gazetteer_prefers_the_longest_alias_and_lists_each_entity_once(gazetteer: Gazetteer) -> None:
    assert gazetteer.find("le père du GPT, Alec Radford, alias Radford") == ["radford"]
    assert gazetteer.find("the GPT series") == ["gpt"]


def test_gazetteer_finds_nothing_in_unrelated_text(gazetteer: Gazetteer) -> None:
    assert gazetteer.find("Il fait beau aujourd'hui à Paris.") == []


def test_gazetteer_without_entities() -> None:
    assert Gazetteer([]).find("Mira Murati") == []


ARTICLE = (
    "Radford a rejoint OpenAI en 2016 et y a fait toute sa carrière. "
    "Il fait très beau aujourd'hui sur toute la côte atlantique. "
    "La société a levé 800 millions de dollars auprès d'investisseurs. "
    "Ilya Sutskever a salué le travail de son ancien collègue. "
    "Murati est partie."
)


def test_extract_facts_keeps_only_checkable_sentences(gazetteer: Gazetteer) -> None:
    facts = extract_facts("news-1", ARTICLE, "fr", gazetteer)
    assert [f.sentence for f in facts] == [
        "Radford a rejoint OpenAI en 2016 et y a fait toute sa carrière.",
        "La société a levé 800 millions de dollars auprès d'investisseurs.",
        "Ilya Sutskever a salué le travail de son ancien collègue.",
    ]  # the weather has nothing checkable; "Murati est partie." is too short to stand alone
    first, amount, quote = facts
    assert first.subject == "radford"
    assert first.entities == ("radford", "openai")
    assert first.date == FactDate("2016", "year")
    assert first.timeline is True
    assert amount.entities == () and amount.date is None and amount.timeline is False
    assert quote.subject == "sutskever"
    for fact in facts:
        assert fact.source == "news-1"
        assert fact.id.startswith("news-1-")
        assert fact.curated is False
        assert fact.text.en == fact.text.fr == fact.sentence


def test_extract_facts_ids_are_stable_and_unique(gazetteer: Gazetteer) -> None:
    first = extract_facts("news-1", ARTICLE, "fr", gazetteer)
    again = extract_facts("news-1", ARTICLE, "fr", gazetteer)
    assert [f.id for f in first] == [f.id for f in again]
    assert len({f.id for f in first}) == len(first)


def test_extract_facts_skips_sentences_a_curated_fact_covers(gazetteer: Gazetteer) -> None:
    covered = ["Radford a rejoint OpenAI en 2016 et y a fait toute sa carrière."]
    facts = extract_facts("news-1", ARTICLE, "fr", gazetteer, covered=covered)
    assert covered[0] not in [f.sentence for f in facts]
    assert len(facts) == 2


def test_extract_facts_matches_covered_sentences_after_normalisation(gazetteer: Gazetteer) -> None:
    covered = ["radford a rejoint openai en 2016 et y a fait toute sa carriere."]
    facts = extract_facts("news-1", ARTICLE, "fr", gazetteer, covered=covered)
    assert all("2016" not in f.sentence for f in facts)


def test_the_seed_article_is_entirely_covered_by_curated_facts(gazetteer: Gazetteer) -> None:
    bundle = load_bundle()
    seed = next(s for s in bundle.sources if s.text)
    covered = [f.sentence for f in bundle.facts if f.source == seed.id]
    assert extract_facts(seed.id, seed.text or "", seed.lang, gazetteer, covered=covered) == []
    assert extract_facts(seed.id, seed.text or "", seed.lang, gazetteer) != []
