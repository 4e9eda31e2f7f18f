"""Names in a sentence's words: runs of capitals, acronyms with their expansion, well-known places."""

from __future__ import annotations

from knowledge.extract_names import AliasTable, clean_name, expansions, known_places, name_runs, slug
from knowledge.extract_words import words


def spans(sentence: str, found: list[tuple[int, int]]) -> list[str]:
    ws = words(sentence)
    return [sentence[ws[a].start : ws[b - 1].end] for a, b in found]


def test_runs_stop_at_punctuation_and_skip_sentence_words() -> None:
    sentence = "The company Corvid Robotics Inc. (CRI) hired Nadia Verhoeven of Delft University of Technology."
    assert spans(sentence, name_runs(sentence, words(sentence), set())) == [
        "Corvid Robotics Inc",
        "CRI",
        "Nadia Verhoeven",
        "Delft University of Technology",
    ]


def test_acronym_expansions_may_hold_lower_case_words() -> None:
    sentence = "Ils se sont rencontrés à l'Institut national des circuits intelligents (INCI), à Grenoble."
    ws = words(sentence)
    [(a, b, acronym)] = expansions(sentence, ws, set())
    assert acronym == "INCI" and sentence[ws[a].start : ws[b - 1].end] == "Institut national des circuits intelligents"


def test_well_known_places_and_clean_names() -> None:
    sentence = "Regulators in the United States and the European Union must approve it."
    assert spans(sentence, known_places(words(sentence), set())) == ["United States", "European Union"]
    assert clean_name(words("Mr Corvid Robotics Inc.")) == ("Corvid Robotics", "Inc")
    assert slug("Vérane Systèmes") == "verane-systemes"


def test_one_word_aliases_need_a_capital() -> None:
    table = AliasTable()
    table.add("Whisper", "whisper")
    assert table.find(words("Whisper transcribes speech")) == [("whisper", 0, 1)]
    assert table.find(words("she said it in a whisper")) == []
