"""Relations rendered in either language, and the sample questions generated for them."""

from __future__ import annotations

from knowledge.extract_relations import Relation
from knowledge.extract_render import amount_in, date_in, entity_questions, questions, render, title_in
from knowledge.models import FactDate

NAMES = {
    "ekberg": "Tomas Ekberg",
    "corvid": "Corvid Robotics",
    "northwind": "Northwind Ventures",
    "rotterdam": "Rotterdam",
}


def test_titles_dates_and_amounts_cross_languages() -> None:
    assert title_in("chief technology officer", "fr", None) == "directeur technique (CTO)"
    assert title_in("directrice générale", "en", "f") == "chief executive (CEO)"
    assert title_in("directrice générale", "fr", "f") == "directrice générale (PDG)"
    assert title_in("chief vibes officer", "fr", None) == "chief vibes officer"  # unknown: as written
    assert date_in(FactDate("2025-02", "month"), "fr") == " en février 2025"
    assert date_in(FactDate("2025-02-03", "day"), "en") == " on 3 February 2025"
    assert amount_in("$40 million", "fr") == "40 millions de dollars"
    assert amount_in("25 millions d'euros", "en") == "€25 million"
    assert amount_in("1,5 milliard d'euros", "en") == "€1.5 billion"


def test_a_role_and_a_raise_in_french_and_english() -> None:
    role = Relation("role", "ekberg", "corvid", title="chief technology officer")
    assert render(role, NAMES, {}, "fr") == "Tomas Ekberg est directeur technique (CTO) de Corvid Robotics."
    money = Relation(
        "raise", "corvid", "corvid", others=("northwind",), amount="$40 million", date=FactDate("2025", "year")
    )
    assert (
        render(money, NAMES, {}, "fr")
        == "Corvid Robotics a levé 40 millions de dollars en 2025 auprès de Northwind Ventures."
    )
    assert render(money, NAMES, {}, "en") == "Corvid Robotics raised $40 million in 2025 from Northwind Ventures."


def test_questions_are_generated_in_both_languages_with_every_title_form() -> None:
    role = Relation("role", "ekberg", "corvid", title="chief technology officer")
    english = questions(role, NAMES, "en")
    assert "Who is the CTO of Corvid Robotics?" in english and "Who is Tomas Ekberg?" in english
    french = questions(role, NAMES, "fr")
    assert "Qui est le directeur technique de Corvid Robotics ?" in french
    based = questions(Relation("based", "corvid", "corvid", others=("rotterdam",)), NAMES, "fr")
    assert "Où est basée Corvid Robotics ?" in based
    assert "What does CRI stand for?" in entity_questions("Corvid Robotics", "organization", "en", "CRI")


def test_who_runs_an_organisation_is_asked_of_its_head_only() -> None:
    head = Relation("role", "ekberg", "corvid", title="directeur général")
    assert "Who runs Corvid Robotics?" in questions(head, NAMES, "en")
    assert "Qui dirige Corvid Robotics ?" in questions(head, NAMES, "fr")
    for title in ("chief technology officer", "head of research"):
        department = Relation("role", "ekberg", "corvid", title=title)
        assert not any("runs" in q or "heads" in q for q in questions(department, NAMES, "en"))
        assert not any("dirige" in q for q in questions(department, NAMES, "fr"))
    former = Relation("role", "ekberg", "corvid", title="chief executive", former=True)
    assert "Who runs Corvid Robotics?" not in questions(former, NAMES, "en")
