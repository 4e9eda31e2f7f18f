"""A fact's date is its main clause's, never a date borrowed from a side clause."""

from __future__ import annotations

from knowledge.extract_dates import article_date, main_clause_date, main_clause_text, partial_date
from knowledge.models import FactDate


def test_a_relative_clause_date_is_not_the_sentence_date() -> None:
    sentence = "Verhoeven, who left Helix in August 2024, founded Corvid in February 2025."
    assert main_clause_date(sentence) == FactDate("2025-02", "month")


def test_a_sentence_whose_only_date_is_in_a_side_clause_has_none() -> None:
    assert main_clause_date("Ekberg, a former engineer who left the firm in August 2024, joined Corvid.") is None
    assert main_clause_date("She founded Corvid after leaving Helix in 2024.") is None
    assert main_clause_date("Après avoir quitté Saft en 2020, elle a fondé Altis.") is None


def test_a_fronted_date_and_a_french_main_clause() -> None:
    assert main_clause_date("In February 2025, Verhoeven founded Corvid.") == FactDate("2025-02", "month")
    assert main_clause_date("Elle avait quitté Saft en 2020, après douze ans passés dans le groupe.") == FactDate(
        "2020", "year"
    )


def test_main_clause_text_drops_side_clauses_and_parentheses() -> None:
    assert (
        main_clause_text("CRI (Corvid), which builds robots, is based in Rotterdam.") == "CRI, is based in Rotterdam."
    )


def test_article_dates_keep_their_precision() -> None:
    assert article_date("2025") == FactDate("2025", "year")
    assert article_date("2025-03") == FactDate("2025-03", "month")
    assert article_date("2025-03-03") == FactDate("2025-03-03", "day")
    assert article_date(None) is None


def test_a_day_without_a_year_is_the_next_one_when_it_is_a_deadline() -> None:
    published = FactDate("2026-03-17", "day")
    sentence = 'The two boards had agreed to "a period of exclusive negotiations" lasting until 30 June.'
    assert partial_date(sentence, published) == FactDate("2026-06-30", "day")
    assert partial_date("Les négociations exclusives dureront jusqu'au 30 juin.", published) == FactDate(
        "2026-06-30", "day"
    )
    # Told in the past tense with no deadline, it is the last one.
    assert partial_date("The strike began on 30 June.", published) == FactDate("2025-06-30", "day")
