"""Questions beyond the relations': what someone said, why they left, how many, board seats, agreement."""

from __future__ import annotations

from knowledge.extract_mentions import Mention
from knowledge.extract_questions import Draft, add_statement_questions, feminine
from knowledge.extract_relations import Relation

NAMES = {"raman": "Priya Raman", "tern": "Tern Analytics", "harbor": "Harbor Logistics", "park": "Leo Park"}
KINDS = {"raman": "person", "tern": "organization", "harbor": "organization", "park": "person"}


def draft(sentence: str, mentions: list[Mention], relations: list[Relation] = ()) -> Draft:  # type: ignore[assignment]
    entities = list(dict.fromkeys(m.entity for m in mentions))
    return Draft(sentence, mentions, list(relations), None, False, entities, entities[0] if entities else None,
                 {"en": [], "fr": []})  # fmt: skip


def mention(sentence: str, text: str, entity: str) -> Mention:
    start = sentence.index(text)
    return Mention(entity, start, start + len(text), text)


def test_a_speaker_gets_what_did_they_say_in_both_languages() -> None:
    sentence = '"Tern\'s models are the best we have tested," said Priya Raman.'
    d = draft(sentence, [mention(sentence, "Tern", "tern"), mention(sentence, "Priya Raman", "raman")])
    add_statement_questions(d, KINDS, NAMES, "harbor")
    assert "What did Priya Raman say?" in d.questions["en"]
    assert "Qu'a déclaré Priya Raman ?" in d.questions["fr"]
    assert "What did Priya Raman say about Harbor Logistics?" in d.questions["en"]


def test_reasons_counts_and_board_seats() -> None:
    sentence = "Leo Park left Harbor Logistics to start his own company, which has 85 employees."
    leave = Relation("leave", "park", "harbor")
    d = draft(
        sentence, [mention(sentence, "Leo Park", "park"), mention(sentence, "Harbor Logistics", "harbor")], [leave]
    )
    add_statement_questions(d, KINDS, NAMES, "harbor")
    assert "Why did Leo Park leave Harbor Logistics?" in d.questions["en"]
    assert "Pourquoi Leo Park a-t-il quitté Harbor Logistics ?" in d.questions["fr"]
    assert "How many employees does Leo Park have?" in d.questions["en"]
    assert "Combien de salariés ?" in d.questions["fr"]  # counted in English, asked in French
    board = "Priya Raman will join the board of Tern Analytics."
    seat = draft(board, [mention(board, "Priya Raman", "raman")], [Relation("join", "raman", "tern")])
    add_statement_questions(seat, KINDS, NAMES, None)
    assert "Who joined the board of Tern Analytics?" in seat.questions["en"]


def test_french_questions_agree_with_a_woman() -> None:
    assert (
        feminine("Quand Priya Raman a-t-il quitté Tern ?", ["Priya Raman"])
        == "Quand Priya Raman a-t-elle quitté Tern ?"
    )
    assert feminine("Quand Leo Park a-t-il quitté Tern ?", ["Priya Raman"]) == "Quand Leo Park a-t-il quitté Tern ?"


def test_how_long_someone_was_somewhere() -> None:
    sentence = "Priya Raman left Harbor Logistics after seven years at the firm."
    leave = Relation("leave", "raman", "harbor")
    d = draft(
        sentence, [mention(sentence, "Priya Raman", "raman"), mention(sentence, "Harbor Logistics", "harbor")], [leave]
    )
    add_statement_questions(d, KINDS, NAMES, None)
    assert "How long was Priya Raman at Harbor Logistics?" in d.questions["en"]
    assert "Combien de temps Priya Raman a-t-il passé chez Harbor Logistics ?" in d.questions["fr"]
