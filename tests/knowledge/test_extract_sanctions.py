"""Regulatory news: who fined whom, what a company must do by when, whether it can appeal."""

from __future__ import annotations

from knowledge.extract_article import extract_article
from knowledge.extract_mentions import Mentions
from knowledge.extract_sanctions import sanction_questions

TEXT = (
    "The Norland Food Authority fined Pelham Foods £2 million on Monday for mislabelling allergens. "
    "Pelham Foods has been ordered to recall the affected products by 15 May. "
    "The company has 21 days to challenge the decision before the High Court of Justice."
)


def test_a_fine_is_asked_about_the_one_fined() -> None:
    facts = extract_article("s", TEXT, "en", [], published="2025-04-02").facts
    fine = facts[0]
    assert "Who fined Pelham Foods?" in fine.questions_en
    assert "How much was Pelham Foods fined?" in fine.questions_en
    assert "Qui a sanctionné Pelham Foods ?" in fine.questions_fr
    assert "Who did Norland Food Authority fine?" in fine.questions_en


def test_an_order_with_a_deadline_and_an_appeal() -> None:
    facts = extract_article("s", TEXT, "en", [], published="2025-04-02").facts
    assert "By when must Pelham Foods comply?" in facts[1].questions_en
    assert "How long does Pelham Foods have to appeal?" in facts[2].questions_en


def test_a_court_of_appeal_is_one_organisation() -> None:
    found = Mentions([TEXT.split(". ")[2]], []).found
    court = next(f for f in found.values() if f.name.startswith("High Court"))
    assert court.name == "High Court of Justice" and court.kind == "organization"


def test_a_french_fine_names_the_one_condemned() -> None:
    sentence = "La société Pelham Foods a été condamnée à une amende de 2 millions d'euros."
    mentions = Mentions([sentence], []).by_sentence[0]
    kinds = {m.entity: "organization" for m in mentions}
    names = {m.entity: m.text for m in mentions}
    asked = sanction_questions(sentence, mentions, kinds, names, None)
    assert "Qui a sanctionné Pelham Foods ?" in asked["fr"]


def test_a_count_written_as_an_adjective_is_asked_how_many() -> None:
    from knowledge.extract_counts import asked_forms

    assert asked_forms("The authority published a 48-page ruling on Monday.", "en")
    assert not asked_forms("The 2024-2025 budget was approved.", "en")
    assert "How many Pelham signed a 3-year lease." not in asked_forms("Pelham signed a 3-year lease.", "en")


def test_a_duration_without_a_preposition_is_asked_how_long() -> None:
    from knowledge.extract_counts import asked_forms

    assert asked_forms("The inquiry had taken eleven months.", "en")[0].startswith("How long ")
    assert asked_forms("L'enquête a duré deux ans.", "fr")[0].startswith("Pendant combien de temps ")
    assert not asked_forms("Pelham took the lead in 2020.", "en")
