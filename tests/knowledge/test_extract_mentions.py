"""Names an article introduces, known names it uses, and what pronouns and "the company" stand for."""

from __future__ import annotations

import pytest

from knowledge.extract_mentions import Mentions
from knowledge.loader import load_bundle
from knowledge.models import Entity, Localized

SENTENCES = [
    "Nadia Verhoeven, the former head of research at Helix Dynamics, has founded a new company, "
    "Corvid Robotics Inc. (CRI), which builds robots.",
    "Verhoeven started the company in February 2025 with Tomas Ekberg, "
    "a former Helix engineer who left the firm in 2024.",
    "CRI is based in Rotterdam and Toronto.",
    "She said Mira Murati had visited the lab.",
]


def mentions() -> Mentions:
    return Mentions(SENTENCES, load_bundle().entities)


def test_new_people_organisations_places_and_acronyms_are_discovered() -> None:
    found = mentions().found
    assert found["nadia-verhoeven"].kind == "person"
    assert found["tomas-ekberg"].kind == "person"
    corvid = found["corvid-robotics"]
    assert corvid.kind == "organization" and {"CRI", "Corvid"} <= corvid.aliases
    assert found["helix-dynamics"].kind == "organization" and "Helix" in found["helix-dynamics"].aliases
    assert found["rotterdam"].kind == "place" and found["toronto"].kind == "place"


def test_known_entities_keep_their_gazetteer_id() -> None:
    found = mentions().found
    assert found["murati"].known and not found["nadia-verhoeven"].known


def test_surnames_pronouns_and_the_company_link_to_the_full_name() -> None:
    linked = mentions().by_sentence
    second = {m.text: m.entity for m in linked[1]}
    assert second["Verhoeven"] == "nadia-verhoeven"
    assert second["the company"] == "corvid-robotics"  # the company just introduced, not Helix
    assert second["the firm"] == "helix-dynamics"  # the firm named just before in the sentence
    assert {m.text: m.entity for m in linked[2]}["CRI"] == "corvid-robotics"
    # "She" is whom the sentence before was about (Verhoeven), not the last name it mentioned (Ekberg).
    assert [(m.text, m.entity) for m in linked[3] if m.pronoun] == [
        ("She", "nadia-verhoeven"),
        ("the lab", "corvid-robotics"),
    ]


def test_a_sentence_initial_common_word_is_not_a_name() -> None:
    found = Mentions(["Colleagues describe her as fair.", "Analysts at Baird said so."], []).found
    assert "colleagues" not in found and "analysts" not in found
    assert found["baird"].kind == "organization"


def test_french_elisions_and_acronym_expansions() -> None:
    found = Mentions(
        [
            "Claire Morand, directrice générale d'Altis Énergie, a quitté Saft en 2020.",
            "L'entreprise est basée à Lyon.",
        ],
        [],
    ).found
    assert found["claire-morand"].kind == "person" and found["claire-morand"].gender == "f"
    assert found["altis-energie"].name == "Altis Énergie"
    assert found["lyon"].kind == "place"


def test_a_known_first_name_inside_a_new_full_name_is_someone_else() -> None:
    from knowledge.models import Entity, Localized

    known = [Entity("ana-ruiz", "person", "Ana Ruiz", ("Ana", "Ruiz"), Localized("", ""))]
    sentences = ["Ana Lopez a quitté la société Brema en mai.", "Ana Ruiz dirige désormais Brema."]
    mentions = Mentions(sentences, known)
    assert mentions.by_sentence[0][0].entity == "ana-lopez"
    assert mentions.by_sentence[1][0].entity == "ana-ruiz"


def test_the_company_is_the_subject_of_a_recent_sentence_not_an_institute_in_passing() -> None:
    sentences = [
        "Halden Medical bought Brisk Labs on Monday.",
        "Brisk Labs was founded in 2019 by Mira Olsen.",
        "She met her co-founder as a researcher at the Tarrow Institute.",
        "The company's main product, Scanly, is used in 40 clinics.",
    ]
    mentions = Mentions(sentences, [])
    company = next(m for m in mentions.by_sentence[3] if m.text == "The company")
    assert company.entity == "brisk-labs"


def test_an_anaphor_naming_its_kind_is_the_organisation_of_that_kind() -> None:
    sentences = [
        "Orvala a signé un contrat avec l'Agence nordique des transports (ANT).",
        "Orvala fournira à l'agence des capteurs pour ses ponts.",
    ]
    mentions = Mentions(sentences, [])
    agency = next(m for m in mentions.by_sentence[1] if m.text == "l'agence")
    assert agency.entity == "agence-nordique-des-transports"


def test_a_new_person_made_of_two_known_aliases_owns_the_surname_in_its_article() -> None:
    from knowledge.models import Entity, Localized

    known = [
        Entity("ana-ruiz", "person", "Ana Ruiz", ("Ana", "Ruiz"), Localized("", "")),
        Entity("tom-vidal", "person", "Tom Vidal", ("Tom", "Vidal"), Localized("", "")),
    ]
    mentions = Mentions(["Tom Ruiz left Brema in June.", "Ruiz said it was time."], known)
    assert mentions.by_sentence[0][0].entity == "tom-ruiz"
    assert mentions.by_sentence[1][0].entity == "tom-ruiz"
    assert "Ruiz" not in mentions.found["tom-ruiz"].aliases  # the stored alias stays Ana Ruiz's


def test_a_new_organisation_owns_its_first_word_in_its_article_when_an_earlier_one_holds_it() -> None:
    """An earlier article's Ondine Labs answers to "Ondine"; here "Ondine" is the article's own Ondine
    Robotique, while the stored alias stays the earlier company's."""
    from knowledge.models import Entity, Localized

    known = [Entity("ondine-labs", "organization", "Ondine Labs", ("Ondine",), Localized("", ""))]
    sentences = [
        "Ondine Robotique recalled 48,300 mowers on Tuesday.",
        "Founded in 2017, Ondine employs 420 people near Angers.",
    ]
    mentions = Mentions(sentences, known)
    linked = {m.entity for m in mentions.by_sentence[1]}
    assert "ondine-robotique" in linked and "ondine-labs" not in linked
    assert "Ondine" not in mentions.found["ondine-robotique"].aliases
    named_in_full = Mentions(["Ondine Labs and Ondine Robotique met.", "Ondine said nothing."], known)
    assert {m.entity for m in named_in_full.by_sentence[1]} == {"ondine-labs"}  # both named: the alias stays


def test_a_versioned_model_is_one_product_and_the_model_refers_to_it() -> None:
    sentences = [
        "Orla Systems is preparing its next model, Nimbus 4, for launch.",
        "The model was scheduled for release in May but slipped to June.",
    ]
    mentions = Mentions(sentences, [])
    assert mentions.found["nimbus-4"].kind == "product"
    assert mentions.by_sentence[1][0].entity == "nimbus-4"


def test_an_everyday_word_cut_from_a_longer_name_is_no_name_of_its_own() -> None:
    """Made a name, "Paper" would turn the word in every text and question into that company."""
    found = Mentions(
        [
            "Its use depends on the National Institute for Health and Care Excellence (NICE), which rules in May.",
            "The town lost its largest employer when the Harlan Pulp & Paper mill closed in 2016.",
        ],
        [],
    ).found
    names = {entity.name for entity in found.values()}
    assert "Health" not in names and "Paper" not in names
    assert "NICE" in found["institute-for-health-and-care-excellence"].aliases


def test_an_ampersand_joins_one_firms_name() -> None:
    found = Mentions(['"It is a premium," said Priya Castellane, an analyst at Fenwick & Lowe.'], []).found
    assert found["fenwick-lowe"].name == "Fenwick & Lowe" and found["fenwick-lowe"].kind == "organization"
    assert found["priya-castellane"].kind == "person"


def test_a_coined_first_word_is_what_people_call_a_longer_name() -> None:
    found = Mentions(
        [
            "Riverbend Health Alliance, a network of clinics, was hit by an attack.",
            "Wyvern Valley Trust and Wyvern Marine Services share a harbour.",
            "National Grid Services said the lines were safe.",
        ],
        load_bundle().entities,
    ).found
    assert "Riverbend" in found["riverbend-health-alliance"].aliases
    # A first word two names share, or an everyday one, names neither.
    assert not any(alias.startswith("Wyvern") and " " not in alias for e in found.values() for alias in e.aliases)
    assert "National" not in found["national-grid-services"].aliases


def test_a_trade_then_a_coined_name_is_called_by_the_name() -> None:
    found = Mentions(
        [
            "La Coutellerie Baraduc, à Thiers, supprime 68 postes.",
            "Les salariés de la Maison Ardelle ont voté la grève.",
        ],
        load_bundle().entities,
    ).found
    assert "Baraduc" in found["coutellerie-baraduc"].aliases
    assert "Ardelle" in found["maison-ardelle"].aliases
    # A preposition a sentence starts with is no trade: "Chez Corvane" leaves "Corvane" to the firm it names.
    found = Mentions(["Corvane has hired Lea Brunner.", "Chez Corvane, Marc Oudin sera remplacé en juin."], []).found
    assert not any(e.name.startswith("Chez") and "Corvane" in e.aliases for e in found.values())


def test_a_known_firms_one_word_alias_inside_a_persons_name_is_someone_else() -> None:
    """An earlier article's search firm Halloway Partners answers to "Halloway"; in "Martin Halloway" that
    word is a new person's surname, and "He" in the next sentence is that person."""
    role = Localized(en="", fr="")
    known = [
        Entity("halloway-partners", "organization", "Halloway Partners", ("Halloway",), role),
        Entity("martin-okonjo", "person", "Martin Okonjo", ("Martin", "Okonjo"), role),
    ]
    linked = Mentions(
        ["Its co-founder Martin Halloway will step down in April.", "He will be succeeded by Priya Okafor."], known
    ).by_sentence
    assert [(m.text, m.entity) for m in linked[0]] == [("Martin Halloway", "martin-halloway")]
    assert ("He", "martin-halloway") in [(m.text, m.entity) for m in linked[1]]


def test_a_versioned_product_is_also_known_by_its_family_name() -> None:
    """ "Garance" for Garance-12B, as people say it; both versions keep it, for a question to choose between."""
    found = Mentions(
        [
            "Le laboratoire Orélie publie son modèle Garance-12B, entraîné sur le supercalculateur Jean Zay.",
            "Son premier modèle, Garance-3B, avait été téléchargé 1,2 million de fois.",
        ],
        load_bundle().entities,
    ).found
    assert found["garance-12b"].kind == "product" and "Garance" in found["garance-12b"].aliases
    assert "Garance" in found["garance-3b"].aliases


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ('"Hearing Skarv-1 for the first time was the most nerve-racking minute," said Ida Skovgaard.', "Skarv-1"),
        ("Striker Tomás Ferreira completed his move to AS Montclair on Tuesday.", "Tomás Ferreira"),
        ("Chairman Graham Pryce defended the timing of the changes.", "Graham Pryce"),
    ],
)
def test_a_word_capitalised_only_by_opening_the_sentence_is_not_part_of_a_name(sentence: str, name: str) -> None:
    names = {found.name for found in Mentions([sentence], load_bundle().entities).found.values()}
    assert name in names
    assert not any(n.endswith(name) and n != name for n in names)


def test_a_first_name_and_surname_beside_the_group_they_speak_for_are_a_person() -> None:
    sentences = [
        "A residents' group, the Clean Creek Alliance, has raised concerns about the site.",
        "Its spokesman, Tom Reinholt, said the group would ask for a public hearing.",
    ]
    kinds = {found.name: found.kind for found in Mentions(sentences, load_bundle().entities).found.values()}
    assert kinds["Tom Reinholt"] == "person"
    assert kinds["Clean Creek Alliance"] == "organization"


def test_a_title_and_the_word_qualifying_it_are_not_part_of_a_name() -> None:
    sentences = ["State Senator Roberto Vance said the bill would pass.", "Professor Anil Deshpande disagreed."]
    kinds = {found.name: found.kind for found in Mentions(sentences, load_bundle().entities).found.values()}
    assert kinds.get("Roberto Vance") == "person" and kinds.get("Anil Deshpande") == "person"


def test_a_town_named_as_where_a_site_stands_is_a_place() -> None:
    sentences = [
        "Les Laboratoires Delmaire-Santé ont annoncé le rappel de sept lots après une contamination dans leur usine "
        "de Vénissieux, près de Lyon.",
        "L'usine de Vénissieux, qui emploie 420 salariés, est à l'arrêt depuis le 30 janvier.",
    ]
    kinds = {found.name: found.kind for found in Mentions(sentences, load_bundle().entities).found.values()}
    assert kinds["Vénissieux"] == "place"


def test_a_name_joined_by_an_elided_de_is_one_name_of_a_body_or_a_place() -> None:
    sentences = [
        "Le directeur général de la coopérative laitière Val d'Orcières, Bertrand Malaval, a annoncé sa démission.",
        "La Côte d'Ivoire et le Musée d'Orsay ont signé un accord.",
    ]
    found = {f.name: f for f in Mentions(sentences, load_bundle().entities).found.values()}
    assert found["Val d'Orcières"].kind == "organization"  # "Val" is a first name, but not here
    assert "Orcières" in found["Val d'Orcières"].aliases and "d'Orcières" not in found["Val d'Orcières"].aliases
    assert found["Côte d'Ivoire"].kind == "place"
    assert "Musée d'Orsay" in found and found["Bertrand Malaval"].kind == "person"


def test_it_opening_a_sentence_is_the_thing_the_last_sentence_was_about() -> None:
    """ "It was released into orbit…" is Skarv-1's, which opened the sentence before; a person is not "it"."""
    sentences = [
        "Skarv-1, the first satellite of Nordhavn Space, lifted off on Tuesday from the Vardnes spaceport.",
        "It was released into a sun-synchronous orbit about 540 kilometres above Earth.",
        "Ida Skovgaard, its chief executive, watched from Aarhus.",
        "It was the most nerve-racking minute of her life.",
    ]
    linked = Mentions(sentences, load_bundle().entities).by_sentence
    assert [(m.text, m.entity) for m in linked[1] if m.pronoun] == [("It", "skarv-1")]
    assert not any(m.text == "It" for m in linked[3])
    # "It is not clear…", "Il faut…" stand for nothing.
    impersonal = [sentences[0], "It is not clear when the next launch will happen.", sentences[0], "Il faut attendre."]
    linked = Mentions(impersonal, load_bundle().entities).by_sentence
    assert not any(m.pronoun for m in linked[1]) and not any(m.pronoun for m in linked[3])


def test_a_pronoun_after_a_name_the_verb_governs_is_not_that_person_s() -> None:
    """ "named Elena Vukovic as his successor": "his" is the dismissed coach's, so "She began at Kestrel Town" is
    still hers."""
    sentences = [
        "Dunmere dismissed head coach Martin Hollis on Wednesday after three defeats.",
        "The board named Elena Vukovic as his successor on Thursday.",
        "She began at Kestrel Town, where she won promotion in 2019.",
    ]
    mentions = Mentions(sentences, [])
    assert mentions.found["elena-vukovic"].gender == "f"
    assert "elena-vukovic" in {m.entity for m in mentions.by_sentence[2]}


def test_the_museum_or_the_club_is_the_one_named_lately_or_nobody() -> None:
    sentences = [
        "The Halvorsen Maritime Museum in Bristol named a new director on Wednesday.",
        "Founded in 1962, the museum drew 428,000 visitors last year.",
        "She previously ran the museum of Modern Crafts in Leeds.",  # another museum, by its own complement
        "Orwell Foods said the club would lose its sponsor.",  # no club named: the company is not it
    ]
    mentions = Mentions(sentences, [])
    described = [
        {m.entity for m in found if m.pronoun and "museum" in m.text.lower()} for found in mentions.by_sentence
    ]
    assert described[1] == {"halvorsen-maritime-museum"}
    assert not described[2]
    assert not [m for m in mentions.by_sentence[3] if m.pronoun and "club" in m.text.lower()]


def test_she_is_the_woman_already_called_so_not_the_man_named_last() -> None:
    """Ferreira, named last, has not been called anything yet; Raman has been "she": the next "She said" is hers."""
    sentences = [
        "Priya Raman, the chief executive, announced that she will hand over management on 1 June.",
        "Her successor is Tomás Ferreira, the former head of operations at Lusavolt.",
        '"Tomás has done it before," Raman told staff.',
        "She said she would devote her time to the research centre in Durham.",
    ]
    linked = Mentions(sentences, []).by_sentence
    assert {m.entity for m in linked[3] if m.pronoun} == {"priya-raman"}


def test_a_pronoun_after_a_name_in_its_sentence_is_that_person_s() -> None:
    sentences = [
        "Sam Kovac, the chief executive, said he would stay.",
        "Greg Brandt, the chairman, announced he was leaving the board.",
    ]
    linked = Mentions(sentences, []).by_sentence
    assert {m.entity for m in linked[1] if m.pronoun} == {"greg-brandt"}
