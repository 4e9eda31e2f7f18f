"""Relations stated by a sentence, English and French, each with the date of its own clause."""

from __future__ import annotations

from knowledge.extract_mentions import Mentions
from knowledge.extract_relations import Relation, amount_spelled, relations
from knowledge.models import FactDate
from knowledge.normalize import fold1


def relations_of(*sentences: str) -> list[list[Relation]]:
    found = Mentions(list(sentences), [])
    kinds = {k: f.kind for k, f in found.found.items()}
    return [relations(s, m, kinds, found.main_org) for s, m in zip(sentences, found.by_sentence, strict=True)]


def kinds_of(found: list[Relation]) -> list[tuple[str, str, str | None]]:
    return [(r.kind, r.subject, r.org) for r in found]


def test_fold1_keeps_offsets() -> None:
    text = "Hélène Garnier, présidente d’Œuvre"
    assert len(fold1(text)) == len(text) and fold1(text).startswith("helene garnier, presidente d'")


def test_english_roles_apposition_predicate_and_possessive() -> None:
    first, second = relations_of(
        "Nadia Verhoeven, the former head of research at Helix Dynamics, has founded a new company, Corvid Robotics.",
        "Tomas Ekberg is the chief technology officer of Corvid Robotics, "
        "while Verhoeven serves as its chief executive.",
    )
    role = next(r for r in first if r.kind == "role")
    assert (role.subject, role.org, role.title, role.former) == (
        "nadia-verhoeven",
        "helix-dynamics",
        "head of research",
        True,
    )
    found = next(r for r in first if r.kind == "found")
    assert (found.subject, found.others) == ("corvid-robotics", ("nadia-verhoeven",))
    titles = {(r.subject, r.org, r.title) for r in second if r.kind == "role"}
    assert titles == {
        ("tomas-ekberg", "corvid-robotics", "chief technology officer"),
        ("nadia-verhoeven", "corvid-robotics", "chief executive"),
    }


def test_french_roles_joins_leaves_and_founders() -> None:
    found = relations_of(
        "Altis Énergie a été fondée en 2021 par Claire Morand et Julien Baptiste.",
        "Claire Morand, directrice générale d'Altis Énergie, avait quitté Saft en 2020.",
        "Sophie Lemaire, ancienne directrice financière de Michelin, "
        "a rejoint Altis Énergie en avril 2025 comme directrice financière.",
    )
    founding = found[0][0]
    assert (founding.kind, founding.subject, founding.others, founding.date) == (
        "found",
        "altis-energie",
        ("claire-morand", "julien-baptiste"),
        FactDate("2021", "year"),
    )
    assert ("role", "claire-morand", "altis-energie") in kinds_of(found[1])
    leave = next(r for r in found[1] if r.kind == "leave")
    assert (leave.subject, leave.org, leave.date) == ("claire-morand", "saft", FactDate("2020", "year"))
    third = kinds_of(found[2])
    assert ("join", "sophie-lemaire", "altis-energie") in third
    former = next(r for r in found[2] if r.kind == "role" and r.org == "michelin")
    assert former.former and former.title == "directrice financière"


def test_money_investors_places_and_announcements() -> None:
    found = relations_of(
        "Corvid Robotics raised $40 million in a seed round led by Northwind Ventures.",
        "Altis Énergie a levé 25 millions d'euros auprès du fonds Rhône Capital et de la banque Bpifrance.",
        "Corvid Robotics is based in Rotterdam and Toronto.",
        "Helix Dynamics announced in January 2025 that it would cut its research budget.",
    )
    money = next(r for r in found[0] if r.kind == "raise")
    assert (money.kind, money.subject, money.amount, money.others) == (
        "raise",
        "corvid-robotics",
        "$40 million",
        ("northwind-ventures",),
    )
    euros = next(r for r in found[1] if r.kind == "raise")
    assert euros.amount == "25 millions d'euros" and euros.others == ("rhone-capital", "bpifrance")
    based = found[2][0]
    assert (based.kind, based.others) == ("based", ("rotterdam", "toronto"))
    announce = found[3][0]
    assert announce.kind == "announce" and announce.what == "it would cut its research budget"
    assert announce.date == FactDate("2025-01", "month")


def test_a_relation_in_a_relative_clause_keeps_its_own_date() -> None:
    (found,) = relations_of(
        "Verhoeven started Corvid Robotics in February 2025 with Tomas Ekberg, "
        "a former Helix engineer who left Helix in August 2024."
    )
    leave = next(r for r in found if r.kind == "leave")
    assert (leave.subject, leave.org, leave.date) == ("tomas-ekberg", "helix", FactDate("2024-08", "month"))


def test_a_company_holds_no_role_and_a_person_raises_no_money() -> None:
    (found,) = relations_of("Corvid Robotics is the chief executive of Nadia Verhoeven.")
    assert not [r for r in found if r.kind == "role"]


def test_amounts_need_a_currency_or_a_scale() -> None:
    assert amount_spelled("$40 million") and amount_spelled("25 millions d'euros")
    assert not amount_spelled("300")


def test_hires_successions_and_who_joins_after_leaving() -> None:
    hired, replaced, succession = relations_of(
        "Nova Bank has hired Irene Vos as chief technology officer, the lender said.",
        "Irene Vos replaces Tom Hale, who left Nova Bank in March to join Fintrix.",
        "Marc Petit succède à Anne Roy, partie rejoindre Vireo.",
    )
    assert ("join", "irene-vos", "nova-bank") in kinds_of(hired)
    assert any(r.kind == "role" and r.title == "chief technology officer" for r in hired)
    assert ("join", "tom-hale", "fintrix") in kinds_of(replaced)  # not Irene Vos, named first
    assert next(r for r in replaced if r.kind == "replace").others == ("tom-hale",)
    assert ("join", "anne-roy", "vireo") in kinds_of(succession)


def test_who_led_a_round_and_who_took_part_and_where_an_institute_is() -> None:
    led, place = relations_of(
        "Altis Énergie a levé des fonds. Le tour de table est mené par Rhône Capital, avec la participation "
        "du Fonds européen pour la souveraineté numérique (FESN) et de Capucine Partners.",
        "Ils se sont rencontrés à l'Institut national des circuits intelligents (INCI), à Grenoble, en 2015.",
    )
    invest = next(r for r in led if r.kind == "invest")
    assert invest.what == "led" and invest.others[0] == "rhone-capital" and "capucine-partners" in invest.others
    based = next(r for r in place if r.kind == "based")
    assert (based.subject, based.others) == ("institut-national-des-circuits-intelligents", ("grenoble",))


def test_a_role_to_come_and_a_founding_in_a_relative_clause() -> None:
    from knowledge.extract_article import extract_article

    text = (
        "Harbor Labs is a new robotics company in Oslo that was started this spring by two engineers. "
        "Ines Varga is expected to become Harbor's chief technology officer later this year. "
        "Paul Remy, qui a créé Harbor Labs en 2024 après dix ans dans l'industrie, reste au conseil."
    )
    facts = extract_article("s", text, "en", []).facts
    kinds = [f.kind for f in facts]
    assert kinds[1] == "role" and "chief technology officer" in facts[1].text.en
    assert kinds[2] == "found"


def test_who_takes_whose_place_actively_and_passively() -> None:
    from knowledge.extract_article import extract_article

    text = (
        "Corvane has hired Lea Brunner, a former director at Ostra Bank, to succeed Piet Aalders as chief "
        "financial officer. Chez Corvane, Marc Oudin sera remplacé en juin par Zoé Carrel, qui dirigeait les ventes."
    )
    facts = extract_article("s", text, "en", []).facts
    assert "Who replaced Piet Aalders?" in facts[0].questions_en
    assert "Who replaced Marc Oudin?" in facts[1].questions_en


def test_a_round_belongs_to_the_organisation_named_before_it() -> None:
    (found,) = relations_of(
        "Pike Robotics has raised $20 million in a seed round led by Alder Ventures, with participation from Kite Fund."
    )
    invest = next(r for r in found if r.kind == "invest")
    assert invest.subject == "pike-robotics" and invest.others[0] == "alder-ventures"


def test_what_was_released_is_not_the_clause_after_the_verb() -> None:
    (found,) = relations_of(
        "Tomas Berg designed Nimbus 3, the model Orla Systems released in May and which clients like."
    )
    assert not any(r.kind == "announce" for r in found)


def test_a_title_before_the_name_says_the_role_too() -> None:
    _, second = relations_of(
        "La société Autonoma Mobilité exploite 42 navettes à Valmont depuis 2022.",
        "« Nos navettes avaient parcouru 3 millions de kilomètres », a déclaré sa directrice générale, "
        "Sophie Kervella, dans un communiqué.",
    )
    role = next(r for r in second if r.kind == "role")
    assert (role.subject, role.org) == ("sophie-kervella", "autonoma-mobilite")
    assert "directrice generale" in fold1(role.title)


def test_a_town_before_what_a_body_is_says_where_it_is_based() -> None:
    found = relations_of(
        "Veltrix Bio, a Boston company that uses enzymes to break down plastic, announced a new plant.",
        "Harwick Foods, the Norwich maker of ready meals, said on Monday it would buy the dairy.",
        "Nordhavn Space, a Danish start-up building small satellites, raised money from its founders.",
    )
    assert [(r.subject, r.others) for r in found[0] if r.kind == "based"] == [("veltrix-bio", ("boston",))]
    assert [(r.subject, r.others) for r in found[1] if r.kind == "based"] == [("harwick-foods", ("norwich",))]
    assert not [r for r in found[2] if r.kind == "based"]  # a nationality names no town


def test_the_day_a_role_starts_is_not_part_of_its_title() -> None:
    found = relations_of(
        "Orbitale Nova annonce l'arrivée de l'astrophysicienne Claire Vandamme.",
        "Claire Vandamme deviendra le 1er avril directrice scientifique d'Orbitale Nova.",
    )
    role = next(r for r in found[1] if r.kind == "role")
    assert (role.subject, role.title, role.org) == ("claire-vandamme", "directrice scientifique", "orbitale-nova")
