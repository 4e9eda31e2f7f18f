"""Descriptions that stand for a name ("cette ancienne ingénieure", "the authority") become mentions of it."""

from __future__ import annotations

from knowledge.extract_article import extract_article, resolved_text
from knowledge.extract_dates import main_clause_date
from knowledge.extract_descriptions import described_org, org_descriptions, person_descriptions
from knowledge.extract_mentions import Mentions


def test_a_demonstrative_and_a_role_noun_describe_a_person() -> None:
    sentence = "Depuis 2023, cette ancienne ingénieure dirige le laboratoire."
    ((start, end, gender),) = person_descriptions(sentence)
    assert sentence[start:end] == "cette ancienne ingénieure" and gender == "f"
    assert person_descriptions("This former engineer now runs the lab.")[0][2] is None
    assert person_descriptions("Ce matin, la pluie tombait.") == []


def test_a_definite_role_noun_opening_a_sentence_describes_a_person() -> None:
    """ "The Portuguese forward scored 27 goals": the player the last sentences named. With a complement the article
    introduces someone new ("Le directeur de la coopérative, Hervé Duchaussoy, …")."""
    sentence = "The Portuguese forward scored 27 goals last season."
    ((start, end, gender),) = person_descriptions(sentence)
    assert sentence[start:end] == "The Portuguese forward" and gender is None
    assert person_descriptions("Le conservateur plaidait pour une réouverture partielle.")[0][2] == "m"
    assert person_descriptions("Le directeur de la coopérative, Hervé Duchaussoy, estime que…") == []
    assert person_descriptions("The board moved quickly.") == []


def test_a_kind_noun_describes_the_organisation_whose_name_says_it() -> None:
    orgs = [("pelham", "Pelham Foods"), ("nfa", "Norland Food Authority")]
    ((_, _, kind),) = org_descriptions("The authority said it would appeal.")
    assert described_org(kind, orgs) == "nfa"
    ((_, _, generic),) = org_descriptions("Le régulateur a reçu 300 plaintes.")
    assert described_org(generic, orgs) == "nfa"  # a public body's name, not the company's
    assert described_org("court", orgs) is None  # no court named: nothing to stand for


def test_descriptions_link_to_the_entity_in_the_article() -> None:
    sentences = [
        "The Norland Food Authority fined Pelham Foods £2 million on Monday.",
        "Pelham Foods said it would appeal.",
        "The authority said Pelham had ignored three warnings.",
        "Marta Okafor founded Pelham Foods in 2012.",
        "This former chef still runs the kitchen.",
    ]
    linked = Mentions(sentences, []).by_sentence
    assert {m.text: m.entity for m in linked[2]}["The authority"] == "norland-food-authority"
    assert {m.text: m.entity for m in linked[4]}["This former chef"] == "marta-okafor"


def test_a_description_before_a_name_introduces_it() -> None:
    sentences = ["Brenna Labs raised €5 million from the fund Velde Capital."]
    assert not any(m.pronoun for m in Mentions(sentences, []).by_sentence[0])


def test_a_fact_stated_of_a_description_is_about_the_person() -> None:
    text = (
        "Inès Barthe a fondé Orvane, une start-up nantaise, en 2018. "
        "Depuis mars 2024, cette ancienne chercheuse est directrice technique de la société qu'elle a fondée. "
        "Elle soutient en 2011 une thèse sur les batteries à Nantes."
    )
    facts = extract_article("s", text, "fr", [], published="2025-05-02").facts
    role = next(f for f in facts if "directrice technique" in f.sentence)
    assert role.kind == "role" and "ines-barthe" in role.entities
    assert role.date is not None and role.date.value == "2024-03"  # "depuis mars 2024", not "fondée en 2018"
    thesis = next(f for f in facts if "thèse" in f.sentence)
    assert any("Inès Barthe soutient" in q for q in thesis.questions_fr)


def test_resolved_text_names_whom_pronouns_stand_for() -> None:
    sentences = ["Inès Barthe vit à Nantes.", "En 2011, elle soutient une thèse."]
    mentions = Mentions(sentences, [])
    names = {k: f.name for k, f in mentions.found.items()}
    people = {"ines-barthe"}
    assert (
        resolved_text(sentences[1], mentions.by_sentence[1], names, people)
        == "En 2011, Inès Barthe soutient une thèse."
    )


def test_a_fronted_since_dates_the_main_clause() -> None:
    date = main_clause_date("Since June 2022, the group has been led by a former banker who joined in 2019.")
    assert date is not None and date.value == "2022-06"


def test_a_place_is_not_short_for_the_organisation_it_owns() -> None:
    sentences = [
        "Norway's Maritime Safety Board (NMSB) fined Skarvik Shipping on Friday.",
        "Skarvik Shipping operates 40 ships in Norway and Sweden.",
        "MP Ingrid Solberg said the board had been too slow.",
    ]
    mentions = Mentions(sentences, [])
    board = next(f for f in mentions.found.values() if "NMSB" in f.aliases)
    assert "Norway" not in board.aliases
    assert "ingrid-solberg" in mentions.found  # "MP" is a title, not part of the name


def test_what_an_acronym_stands_for_is_asked_where_it_is_named() -> None:
    text = (
        "The Maritime Safety Board (MSB) fined Skarvik Shipping €2 million on Friday. "
        "In its decision, the board found that Skarvik had falsified safety logs for three years. "
        "Skarvik Shipping said it would appeal the decision before the end of the month."
    )
    facts = extract_article("s", text, "en", [], published="2025-03-02").facts
    asked = [f for f in facts if "What does MSB stand for?" in f.questions_en]
    assert [f.sentence[:16] for f in asked] == ["The Maritime Saf"]


def test_common_words_are_not_read_as_typos_of_relations() -> None:
    from knowledge.concepts import ConceptAnalyzer, load_lexicon
    from knowledge.loader import DATA_DIR

    analyzer = ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json"), [])
    assert "say" not in analyzer.concepts("aim to reach 100 stores", fix_typos=True, lang="en")
    assert "goal" in analyzer.concepts("elle vise 100 magasins", fix_typos=True, lang="fr")


def test_taking_over_as_is_taking_a_post_not_an_acquisition() -> None:
    from knowledge.concepts import ConceptAnalyzer, load_lexicon
    from knowledge.loader import DATA_DIR

    analyzer = ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json"), [])
    assert "join" in analyzer.concepts("when did she take over as chair", fix_typos=True, lang="en")
    assert "acquire" not in analyzer.concepts("when did she take over as chair", fix_typos=True, lang="en")
    assert "join" in analyzer.concepts("il a pris ses fonctions en mai", fix_typos=True, lang="fr")


def test_superlatives_of_size_meet_comparatives() -> None:
    from knowledge.concepts import ConceptAnalyzer, load_lexicon
    from knowledge.loader import DATA_DIR

    analyzer = ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json"), [])
    assert "size" in analyzer.concepts("the largest fine ever", lang="en")
    assert "size" in analyzer.concepts("la plus lourde amende", lang="fr")


def test_the_english_car_is_not_the_french_car() -> None:
    from knowledge.concepts import ConceptAnalyzer, load_lexicon
    from knowledge.loader import DATA_DIR

    analyzer = ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json"), [])
    assert "car" in analyzer.concepts("she worked for a car maker in Turin", lang="en")
    assert "car" not in analyzer.concepts("il est parti car il voulait créer sa société", lang="fr")


def test_the_money_raised_is_not_an_investment_fund() -> None:
    """ "Les fonds serviront à financer une usine" is the money: only "le fonds", "the fund" stand for a fund."""
    assert org_descriptions("Les fonds serviront d'abord à financer une usine d'assemblage à Montauban.") == []
    assert [kind for _, _, kind in org_descriptions("Le fonds a mené le tour de table.")] == ["fonds"]
    assert [kind for _, _, kind in org_descriptions("The fund led the round.")] == ["fund"]
