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
