from pathlib import Path

from knowledge.concepts import ConceptAnalyzer, load_lexicon
from knowledge.wordforms import NUMBER_WORDS, base_forms

LEXICON = load_lexicon(Path(__file__).resolve().parents[2] / "knowledge" / "data" / "lexicon.json")


def test_base_forms_undo_tenses_in_both_languages() -> None:
    assert "lance" in base_forms("lancera")
    assert "quitter" in base_forms("quitteront")
    assert "fonde" in base_forms("fondait")
    assert "vendre" in base_forms("vendra")
    assert "plan" in base_forms("planned")
    assert "hire" in base_forms("hiring")
    assert base_forms("est") == []


def test_number_words_are_digits() -> None:
    assert NUMBER_WORDS["quatre"] == NUMBER_WORDS["four"] == "4"
    assert NUMBER_WORDS["vingtaine"] == "20"
    assert "neuf" not in NUMBER_WORDS  # "nouveau", more often than nine


def test_analyzer_reads_other_tenses_and_numbers() -> None:
    analyzer = ConceptAnalyzer(LEXICON, [])
    assert "release" in analyzer.concepts("La société lancera son modèle en juin")
    assert "leave" in analyzer.concepts("Elle quittera l'entreprise")
    assert "4" in analyzer.concepts("un accord sur quatre ans")
    assert "20" in analyzer.concepts("une vingtaine de chercheurs")
    assert "4" in analyzer.concepts("four years")


def test_cognates_meet_on_their_stem() -> None:
    from knowledge.wordforms import cognate_stem

    assert cognate_stem("modèles".replace("è", "e")) == cognate_stem("models")
    assert cognate_stem("membre") == cognate_stem("member")
    assert cognate_stem("publique") == cognate_stem("public")
    assert cognate_stem("groupe") == cognate_stem("group")
    assert cognate_stem("store") != cognate_stem("ster")
