"""Which sentences are statements: headings, bylines and date lines are not."""

from __future__ import annotations

from knowledge.extract_sentences import is_byline, is_dateline, is_heading, statements

ARTICLE = """Former Helix research chief launches warehouse robot start-up

By Jane Porter

March 3, 2025

Nadia Verhoeven has founded a new company. It is based in Rotterdam, the company said.
The weather was fine.
"""


def test_headline_byline_and_date_line_are_not_statements() -> None:
    kept = statements(ARTICLE, "Former Helix research chief launches warehouse robot start-up")
    assert kept == [
        "Nadia Verhoeven has founded a new company.",
        "It is based in Rotterdam, the company said.",
    ]


def test_every_sentence_with_a_few_words_is_kept_even_without_a_date_or_a_known_name() -> None:
    kept = statements("Colleagues describe her as demanding but fair. Ok then.")
    assert kept == ["Colleagues describe her as demanding but fair."]


def test_bylines_in_both_languages() -> None:
    assert is_byline("By Jane Porter")
    assert is_byline("Par Marc Dubreuil")
    assert not is_byline("By 2026 the company expects to hire sixty people in Rotterdam and Toronto.")


def test_date_lines_in_both_languages() -> None:
    assert is_dateline("March 3, 2025")
    assert is_dateline("Publié le 12 mai 2025")
    assert is_dateline("Updated: 2025-03-03 10:00 UTC")
    assert not is_dateline("Verhoeven joined Helix in 2016.")


def test_a_heading_is_the_title_or_a_short_unpunctuated_line() -> None:
    assert is_heading("La start-up lyonnaise Altis Énergie lève 25 millions d'euros", None)
    assert is_heading("Some title.", "Some title")
    assert not is_heading("Altis a levé 25 millions d'euros.", None)


def test_hard_wrapped_lines_are_one_sentence() -> None:
    text = (
        "The hires will work in San Francisco and London, according to a person familiar with the plans, and more\n"
        "are expected before the summer.\n\nShort heading\nNext paragraph starts here and says something."
    )
    assert statements(text) == [
        "The hires will work in San Francisco and London, according to a person familiar with the plans, and more "
        "are expected before the summer.",
        "Next paragraph starts here and says something.",
    ]


def test_the_dateline_before_the_first_sentence_is_not_part_of_it() -> None:
    text = (
        "Ransomware attack forces a hospital trust to cancel operations\n\n"
        "ASHCOMBE, England, Feb. 9 — A ransomware attack on the Ashcombe trust has forced the cancellation of "
        "412 planned operations, officials said on Monday.\n\n"
        "The attack was detected at around 2:40 a.m. on Tuesday, Feb. 3, when staff found they could no longer "
        "open patient records."
    )
    assert statements(text, "Ransomware attack forces a hospital trust to cancel operations") == [
        "A ransomware attack on the Ashcombe trust has forced the cancellation of 412 planned operations, "
        "officials said on Monday.",
        # "Feb." does not end a sentence: the date stays with what happened on it
        "The attack was detected at around 2:40 a.m. on Tuesday, Feb. 3, when staff found they could no longer "
        "open patient records.",
    ]
    french = "BRÉVENNES, 13 septembre — Après quatre ans de travaux, la ligne T4 a été mise en service samedi."
    assert statements(french) == ["Après quatre ans de travaux, la ligne T4 a été mise en service samedi."]
    # Only an agency's dateline goes: a sentence that merely starts with a capitalised name stays whole.
    plain = "OpenAI, the maker of ChatGPT, said on Monday that it had hired a new chief scientist."
    assert statements(plain) == [plain]
