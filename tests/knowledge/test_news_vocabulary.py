"""The general bilingual vocabulary: its file, and how it grows the curated lexicon without bending it."""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.base import NEWS_VOCABULARY
from knowledge.concepts import WORD_SENSE_PREFIX, ConceptAnalyzer, Lexicon, load_lexicon, load_word_senses, with_senses
from knowledge.loader import DATA_DIR
from knowledge.normalize import tokens

LEXICON = Lexicon(
    {"salary": ["salary", "salaire", "gagner"], "company": ["company", "entreprise"], "deliver": ["deliver", "livre"]},
    titles=frozenset(),
    relations=frozenset({"salary"}),
)


def test_the_vocabulary_file_is_one_sense_a_line_in_both_languages() -> None:
    lines = (DATA_DIR / NEWS_VOCABULARY).read_text(encoding="utf-8").splitlines()
    assert len(lines) > 1000
    for number, line in enumerate(lines, 1):
        sense = json.loads(line)
        assert set(sense) == {"en", "fr"}, number
        for forms in sense.values():
            assert forms and all(isinstance(f, str) and f == f.lower() and f.strip() == f and f for f in forms), number


def test_a_sense_whose_headword_the_lexicon_knows_joins_that_concept() -> None:
    grown = with_senses(LEXICON, [(["company", "firm", "companies"], ["entreprise", "société", "compagnie"])])
    analyzer = ConceptAnalyzer(grown, [])
    assert analyzer.concepts("firm") == analyzer.concepts("compagnie") == analyzer.concepts("company") == ["company"]


def test_a_sense_the_lexicon_does_not_know_becomes_a_concept_of_its_own() -> None:
    grown = with_senses(LEXICON, [(["harvest", "harvests"], ["récolte", "récoltes"])])
    analyzer = ConceptAnalyzer(grown, [])
    assert analyzer.concepts("harvests") == analyzer.concepts("la récolte") == [WORD_SENSE_PREFIX + "harvest"]


def test_a_sense_sharing_a_form_with_one_general_sense_joins_it() -> None:
    grown = with_senses(
        LEXICON,
        [
            (["death", "deaths", "dead"], ["décès", "mort"]),
            (["die", "died", "death", "deaths"], ["mourir", "meurt", "décès"]),
            (["wage", "wages", "salary"], ["paie"]),  # shares a form with the curated lexicon only: its own sense
        ],
    )
    analyzer = ConceptAnalyzer(grown, [])
    assert analyzer.concepts("died") == analyzer.concepts("deaths") == analyzer.concepts("meurt") == ["~death"]
    assert analyzer.concepts("wages") == [WORD_SENSE_PREFIX + "wage"]


def test_a_sense_sharing_only_an_ambiguous_word_with_a_concept_does_not_join_it() -> None:
    # "gagner" is pay in the lexicon; the sense "win" must not turn victories into salaries, nor "book" deliveries.
    grown = with_senses(
        LEXICON,
        [(["win", "won", "victory"], ["gagner", "victoire"]), (["book", "books"], ["livre", "livres"])],
    )
    analyzer = ConceptAnalyzer(grown, [])
    assert analyzer.concepts("victory") == analyzer.concepts("victoire") == [WORD_SENSE_PREFIX + "win"]
    assert analyzer.concepts("books") == [WORD_SENSE_PREFIX + "book"]
    assert analyzer.concepts("gagner") == ["salary"]  # a form the lexicon folds stays where it is
    assert analyzer.concepts("livre") == ["deliver"]


def test_the_curated_lexicon_keeps_its_forms_and_lists() -> None:
    grown = with_senses(LEXICON, [(["salary", "wage", "wages"], ["salaire", "paie"])])
    assert grown.concepts["salary"][:3] == LEXICON.concepts["salary"]
    assert "wage" in grown.concepts["salary"]
    assert grown.relations == LEXICON.relations
    assert grown.general == {"wage", "wages", "paie"}


def test_a_typo_is_never_corrected_into_a_word_only_the_vocabulary_knows() -> None:
    grown = with_senses(LEXICON, [(["soar", "soars", "soared"], ["s'envoler", "flamber"])])
    analyzer = ConceptAnalyzer(grown, [])
    assert analyzer.concepts("soared") == [WORD_SENSE_PREFIX + "soar"]
    assert analyzer.concepts("What is Sora?", fix_typos=True) == ["sora"]
    assert analyzer.unknown_names("What is Sora?") == ["sora"]


def test_a_phrase_is_met_in_the_singular_or_the_plural() -> None:
    grown = with_senses(LEXICON, [(["revenue", "revenues"], ["chiffre d'affaires", "chiffres d'affaires"])])
    analyzer = ConceptAnalyzer(grown, [])
    expected = [WORD_SENSE_PREFIX + "revenue"]
    assert analyzer.concepts("son chiffre d'affaire") == analyzer.concepts("les chiffres d'affaires") == expected


def test_the_shipped_vocabulary_bridges_french_and_english_news_words() -> None:
    analyzer = ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json", words=DATA_DIR / NEWS_VOCABULARY), [])
    pairs = [("harvest", "récolte"), ("wind farm", "parc éolien"), ("stolen", "dérobé"), ("painting", "tableau")]
    for english, french in pairs:
        assert analyzer.concepts(english) == analyzer.concepts(french), (english, french)
    assert analyzer.is_general(analyzer.concepts("harvest")[0])
    assert not analyzer.is_general("join") and not analyzer.is_general("@radford")


def test_load_word_senses_reads_english_then_french(tmp_path: Path) -> None:
    path = tmp_path / "words.jsonl"
    path.write_text('{"en": ["harvest"], "fr": ["récolte"]}\n\n{"en": ["hail"], "fr": ["grêle"]}\n', encoding="utf-8")
    assert load_word_senses(path) == [(["harvest"], ["récolte"]), (["hail"], ["grêle"])]
    assert tokens("grêle") == ["grele"]


def test_finding_out_is_no_founding_and_sales_are_revenue() -> None:
    """ "How did the employees find out", "which bacteria was found" ask what was found, not who founded something;
    "Hydrelis's 2025 sales", "les ventes de vin" are what it sells in a year, not a sale of the company."""
    analyzer = ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json", words=DATA_DIR / NEWS_VOCABULARY), [])
    for question in ("How did the employees found out?", "Which bacteria was found?", "Did they find out?"):
        assert "found" not in analyzer.concepts(question), question
    assert "found" in analyzer.concepts("Who founded the company?")
    assert analyzer.concepts("sales") == analyzer.concepts("ventes") == analyzer.concepts("revenue")
    assert analyzer.concepts("the sale") == analyzer.concepts("share sales") == analyzer.concepts("vendre")


def test_where_something_is_located_asks_where_it_is_based() -> None:
    analyzer = ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json", words=DATA_DIR / NEWS_VOCABULARY), [])
    for question in ("Where is the factory located?", "Où se trouve l'usine ?", "Où se situe le siège ?"):
        concepts = analyzer.concepts(question)
        assert "based" in concepts and "~find" not in concepts, question
    assert analyzer.concepts("La bactérie a été trouvée") == analyzer.concepts("The bacteria was found")


def test_a_length_or_a_height_is_what_kilometres_or_metres_measure() -> None:
    analyzer = ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json", words=DATA_DIR / NEWS_VOCABULARY), [])
    assert analyzer.concepts("longueur") == analyzer.concepts("length") == analyzer.concepts("kilomètres")
    assert analyzer.concepts("altitude") == analyzer.concepts("km")
    assert analyzer.concepts("hauteur") == analyzer.concepts("height") == analyzer.concepts("mètres")


def test_a_profit_is_not_a_revenue() -> None:
    """ "How much profit did Pixelune make?" is not answered by its chiffre d'affaires."""
    analyzer = ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json", words=DATA_DIR / NEWS_VOCABULARY), [])
    assert analyzer.concepts("profit") == analyzer.concepts("bénéfice net") == analyzer.concepts("résultat net")
    assert analyzer.concepts("profit") != analyzer.concepts("chiffre d'affaires") == analyzer.concepts("revenue")
