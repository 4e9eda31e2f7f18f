"""Concepts: names to `@entity` ids, words and phrases to lexicon concepts across languages, typos corrected."""

from __future__ import annotations

import pytest

from knowledge.concepts import ConceptAnalyzer, Lexicon, entity_ids, load_lexicon
from knowledge.loader import DATA_DIR, load_bundle
from knowledge.models import Entity, Localized


@pytest.fixture(scope="module")
def analyzer() -> ConceptAnalyzer:
    bundle = load_bundle()
    analyzer = ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json"), bundle.entities)
    for fact in bundle.facts:
        analyzer.learn(fact.text.en)
        analyzer.learn(fact.text.fr)
    return analyzer


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Mira Murati", "@murati"),
        ("murati", "@murati"),
        ("Ilya Sutskever", "@sutskever"),
        ("le père du GPT", "@radford"),
        ("le pere du GPT", "@radford"),
        ("the father of GPT", "@radford"),
        ("GPT-2", "@gpt-2"),
        ("gpt 2", "@gpt-2"),
        ("Open AI", "@openai"),
        ("l'OpenAI", "@openai"),
    ],
)
def test_aliases_become_entity_ids(analyzer: ConceptAnalyzer, text: str, entity: str) -> None:
    assert analyzer.concepts(text) == [entity]


def test_the_same_question_in_both_languages_has_the_same_concepts(analyzer: ConceptAnalyzer) -> None:
    french = analyzer.concepts("Quand Radford a-t-il rejoint OpenAI ?")
    english = analyzer.concepts("When did Alec Radford join OpenAI?")
    assert french == english == ["@radford", "join", "@openai"]


@pytest.mark.parametrize("word", ["rejoint", "joined", "join", "rejoindre", "hired"])
def test_lexicon_words_fold_into_one_concept(analyzer: ConceptAnalyzer, word: str) -> None:
    assert analyzer.concepts(word) == ["join"]


def test_lexicon_phrases_across_languages(analyzer: ConceptAnalyzer) -> None:
    assert analyzer.concepts("CTO") == ["cto"]
    assert analyzer.concepts("directrice de la technologie") == ["cto"]


def test_stop_words_are_dropped_and_other_words_stemmed(analyzer: ConceptAnalyzer) -> None:
    assert analyzer.concepts("what is the weather") == ["weathe"]
    assert analyzer.concepts("the of and le la les") == []


def test_digits_stay_whole(analyzer: ConceptAnalyzer) -> None:
    assert "2016" in analyzer.concepts("in 2016")


@pytest.mark.parametrize(
    ("typo", "entity"),
    [("radfrod", "@radford"), ("murrati", "@murati"), ("openia", "@openai"), ("sutskevr", "@sutskever")],
)
def test_typos_in_names_are_corrected(analyzer: ConceptAnalyzer, typo: str, entity: str) -> None:
    assert entity not in analyzer.concepts(typo)
    assert analyzer.concepts(typo, fix_typos=True) == [entity]


@pytest.mark.parametrize(("typo", "word"), [("radfrod", "radford"), ("murrati", "murati"), ("openia", "openai")])
def test_correct(analyzer: ConceptAnalyzer, typo: str, word: str) -> None:
    assert analyzer.correct(typo) == word


@pytest.mark.parametrize(
    "word",
    [
        "mrat",  # short words are too easily another real word: only a swap of neighbours is trusted
        "form",  # a real word is what was meant, whatever known word it resembles ("from")
        "radf0rd",  # digits: model names like gpt4 are never "corrected"
        "gpt4",
        "gpt5",
        "blague",  # the first letter must match: not "langue"
        "radford",  # known words stay
    ],
)
def test_no_correction_for_short_words_digits_or_known_words(analyzer: ConceptAnalyzer, word: str) -> None:
    assert analyzer.correct(word) == word


@pytest.mark.parametrize(("slip", "word"), [("alce", "alec"), ("wokr", "work")])
def test_four_letter_words_with_two_neighbours_swapped_are_corrected(
    analyzer: ConceptAnalyzer, slip: str, word: str
) -> None:
    analyzer.learn("Alec would work")
    assert analyzer.correct(slip) == word


def test_a_typo_as_close_to_two_words_is_the_one_it_dropped_a_letter_of() -> None:
    """ "postion" is one edit from "portion" and from "position": a letter left out is the commoner slip."""
    analyzer = ConceptAnalyzer({}, [])
    analyzer.learn("the cash portion of the deal and her position at the company")
    assert analyzer.correct("postion") == "position"
    assert analyzer.correct("portoin") == "portion"


def test_learn_adds_words_typos_are_corrected_against() -> None:
    entity = Entity("radford", "person", "Alec Radford", ("radford",), Localized("researcher", "chercheur"))
    analyzer = ConceptAnalyzer({}, [entity])
    assert analyzer.correct("whispre") == "whispre"
    analyzer.learn("Whisper is a speech recognition system.")
    assert analyzer.correct("whispre") == "whisper"


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("What about GPT-4?", ["gpt4"]),
        ("Who is Sam Altman?", ["sam", "altman"]),
        ("Tell me about Claude", ["claude"]),
        ("Qu'en pense Zuckerberg ?", ["zuckerberg"]),
    ],
)
def test_unknown_names(analyzer: ConceptAnalyzer, text: str, unknown: list[str]) -> None:
    assert analyzer.unknown_names(text) == unknown


@pytest.mark.parametrize(
    "text",
    [
        "Who is Mira Murati?",
        "When did Radford join OpenAI?",
        "Who led GPT-2?",
        "Did Murrati leave OpenAI?",  # a typo of a known name is not a stranger
        "Quand Radford a-t-il rejoint OpenAI ?",
        "Radford",  # the first word may be capitalised
    ],
)
def test_known_names_are_not_unknown(analyzer: ConceptAnalyzer, text: str) -> None:
    assert analyzer.unknown_names(text) == []


def test_entity_ids() -> None:
    assert entity_ids(["@murati", "join", "@openai", "2016"]) == {"murati", "openai"}
    assert entity_ids([]) == set()


def test_new_is_not_news(analyzer: ConceptAnalyzer) -> None:
    """ "the news" met in the singular was "the new": every new CEO or new line read as a press report."""
    assert analyzer.concepts("the news")[0] not in analyzer.concepts("who is the new CEO")
    assert "report" not in analyzer.concepts("la nouvelle ligne de tram")


def test_en_train_de_is_no_train(analyzer: ConceptAnalyzer) -> None:
    """ "Je suis en train de lire…" is what the asker is doing, not a train: it weighed as much as a name."""
    train = analyzer.concepts("le train")[0]
    assert train not in analyzer.concepts("je suis en train de lire sur le tram")
    assert train in analyzer.concepts("le train de 8 h")


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("OpenAI a dit quoi en gros sur le départ ?", {"@openai", "say", "leave"}),
        ("du coup Schulman est parti où ?", {"@schulman", "leave"}),
        ("What does the article conclude about Radford?", {"@radford"}),
        ("Quels articles Radford a-t-il signés ?", {"paper", "@radford"}),
    ],
)
def test_talk_about_the_article_and_discourse_markers_carry_no_topic(
    analyzer: ConceptAnalyzer, text: str, meant: set[str]
) -> None:
    """ "Du coup", "en gros", "the article concludes" say how one asks; "articles" alone may be papers."""
    found = set(analyzer.concepts(text))
    assert meant <= found and not found & ({"paper", "~big", "coup"} - meant)


@pytest.mark.parametrize(
    ("text", "meant"),
    [("Corrindale, c'est basé où ?", "based"), ("Où est basée la société ?", "based"), ("basé sur GPT", "theory")],
)
def test_based_where_is_a_place_and_based_on_a_foundation(analyzer: ConceptAnalyzer, text: str, meant: str) -> None:
    assert meant in analyzer.concepts(text)


def test_chat_interjections_carry_no_topic() -> None:
    """ "lol", "mdr", "btw" say how a question is asked, not what about: no fact is matched or missed on them."""
    from knowledge.stopwords import STOPWORDS

    assert {"lol", "mdr", "ptdr", "haha", "btw", "omg"} <= STOPWORDS


@pytest.mark.parametrize(
    ("text", "not_said"),
    [
        ("how did the stock market react for Norvia shares", "say"),  # a reaction need not be words
        ("comment le monde de l'IA a réagi à sa décision ?", "say"),
        ("When are the talks due to begin?", "credit"),  # "due to" is a schedule, not a credit
        ("quelle part du coût Veltrion espère couvrir grâce à des fonds fédéraux ?", "credit"),
        ("ce que propose le maire pour sortir du conflit", "release"),  # leaving a conflict is no launch
    ],
)
def test_everyday_phrases_do_not_ask_a_relation(analyzer: ConceptAnalyzer, text: str, not_said: str) -> None:
    assert not_said not in analyzer.concepts(text)


def test_the_relations_keep_their_own_words(analyzer: ConceptAnalyzer) -> None:
    assert "say" in analyzer.concepts("What did Mark Chen declare?")
    assert "credit" in analyzer.concepts("Whom did Sutskever credit for GPT-2?")
    assert "release" in analyzer.concepts("Quand GPT-2 est-il sorti ?")
    assert "react" in analyzer.concepts("How did OpenAI react?")


def test_a_concept_the_facts_use_lends_all_its_forms_to_typo_correction() -> None:
    """A French article's "grêle" is the concept an English question's misspelt "hailstrom" means: once a fact uses a
    general concept, its forms in both languages are words typos are corrected into."""
    analyzer = ConceptAnalyzer(
        Lexicon({"~hail": ["hail", "hailstorm", "grele"]}, general=frozenset({"hail", "hailstorm", "grele"})), []
    )
    assert analyzer.correct("hailstrom") == "hailstrom"  # no fact uses the concept yet
    analyzer.learn_concepts(["~hail"])
    assert analyzer.correct("hailstrom") == "hailstorm"
    assert analyzer.concepts("when did the hailstrom hit", fix_typos=True)[-2:] == ["~hail", "hit"]


def test_words_for_speaking_presiding_and_a_previous_one(analyzer: ConceptAnalyzer) -> None:
    """ "spoke for" is saying; "président", "la présidente de" and "president of" are one concept; French
    "précédent" is "previous", not the legal precedent that read as a court."""
    assert "say" in analyzer.concepts("who spoke for the council", lang="en")
    assert "say" in analyzer.concepts("qui s'est exprimée", lang="fr")
    chair = {"chair"}
    assert chair <= set(analyzer.concepts("le président", lang="fr"))
    assert chair <= set(analyzer.concepts("la présidente de la cave", lang="fr"))
    assert chair <= set(analyzer.concepts("the president of the club", lang="en"))
    assert "court" not in analyzer.concepts("le précédent vol au musée", lang="fr")
