"""Steps of a career a profile tells are asked the way people ask about them."""

from __future__ import annotations

from knowledge.extract_article import extract_article
from knowledge.extract_career import career_questions
from knowledge.extract_mentions import Mention

KINDS = {"tomas": "person", "kth": "organization", "oslo": "place", "orvane": "organization"}
NAMES = {"tomas": "Tomas Lind", "kth": "KTH", "oslo": "Oslo", "orvane": "Orvane"}


def _at(sentence: str, text: str, entity: str, pronoun: bool = False) -> Mention:
    start = sentence.index(text)
    return Mention(entity, start, start + len(text), text, pronoun)


def test_studies_and_a_doctorate_are_asked_about_the_person() -> None:
    sentence = "A graduate of KTH, he defended a PhD on battery chemistry in 2012."
    mentions = [_at(sentence, "KTH", "kth"), _at(sentence, "he", "tomas", pronoun=True)]
    asked = career_questions(sentence, mentions, KINDS, NAMES, None)
    assert "Where did Tomas Lind study?" in asked["en"]
    assert "When did Tomas Lind get a PhD?" in asked["en"]
    assert "Quand Tomas Lind a-t-il obtenu son doctorat ?" in asked["fr"]


def test_a_return_and_a_stint_somewhere_name_the_place() -> None:
    sentence = "Tomas Lind returned to KTH in 2016, after two years in Oslo where he designed sensors."
    mentions = [_at(sentence, "Tomas Lind", "tomas"), _at(sentence, "KTH", "kth"), _at(sentence, "Oslo", "oslo")]
    asked = career_questions(sentence, mentions, KINDS, NAMES, None)
    assert "When did Tomas Lind return to KTH?" in asked["en"]
    assert "What did Tomas Lind do in Oslo?" in asked["en"]


def test_the_idea_a_company_was_born_from() -> None:
    sentence = "L'idée d'Orvane vient en 2017, pendant un stage à l'hôpital."
    asked = career_questions(sentence, [_at(sentence, "Orvane", "orvane")], KINDS, NAMES, None)
    assert "D'où vient l'idée de Orvane ?" in asked["fr"]


def test_nothing_is_asked_of_a_sentence_without_a_career_step() -> None:
    sentence = "Tomas Lind said the market was growing."
    asked = career_questions(sentence, [_at(sentence, "Tomas Lind", "tomas")], KINDS, NAMES, None)
    assert asked == {"en": [], "fr": []}


def test_a_profile_sentence_gets_the_questions_in_both_languages_agreeing_with_her() -> None:
    text = (
        "Inès Barthe dirige Orvane, une start-up nantaise. "
        "Diplômée de Centrale Nantes en 2008, elle soutient en 2011 une thèse sur les batteries."
    )
    facts = extract_article("s", text, "fr", [], published="2025-05-02").facts
    profile = next(f for f in facts if "thèse" in f.sentence)
    assert "Where did Inès Barthe study?" in profile.questions_en
    assert "Quand Inès Barthe a-t-elle obtenu son doctorat ?" in profile.questions_fr


def test_french_institution_names_keep_their_lower_case_words() -> None:
    from knowledge.extract_mentions import Mentions

    sentences = [
        "Diplômé de l'École normale supérieure de Rennes, il rejoint l'Institut national des sols et des forêts "
        "(Insolf) en 2015.",
        "Il quitte l'Insolf en 2019 pour l'Université libre de Bruxelles.",
    ]
    found = Mentions(sentences, []).found
    names = {f.name: f for f in found.values()}
    assert "École normale supérieure de Rennes" in names
    assert "Insolf" in names["Institut national des sols et des forêts"].aliases
    assert names["Université libre de Bruxelles"].kind == "organization"


def test_taking_the_chair_is_a_role_at_the_organisation() -> None:
    text = (
        "La start-up nantaise Orvane fabrique des batteries. "
        "Paul Meunier, qui a pris la présidence en mars 2024, veut ouvrir deux usines."
    )
    facts = extract_article("s", text, "fr", [], published="2025-05-02").facts
    role = next(f for f in facts if "Paul Meunier" in f.sentence)
    assert role.kind == "role" and "orvane" in role.entities
    assert (
        "Qui est le président de Orvane ?" in role.questions_fr
        or "Qui est le président d'Orvane ?" in role.questions_fr
    )


def test_a_question_about_pay_is_not_answered_by_the_job() -> None:
    from knowledge.concepts import ConceptAnalyzer, load_lexicon
    from knowledge.loader import DATA_DIR
    from knowledge.matcher import Matcher

    text = (
        "Inès Barthe dirige Orvane, une start-up nantaise qui fabrique des batteries pour vélos. "
        "Depuis mars 2024, cette ancienne chercheuse est directrice générale de la société qu'elle a fondée."
    )
    extraction = extract_article("s", text, "fr", [], published="2025-05-02")
    entities = list(extraction.entities)
    matcher = Matcher(
        list(extraction.facts), entities, ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json"), entities)
    )
    assert matcher.match("Quel est le poste d'Inès Barthe ?").answered
    assert not matcher.match("Combien gagne Inès Barthe ?").answered
    assert not matcher.match("What is Inès Barthe's salary?").answered


def test_founding_with_someone_named_first() -> None:
    text = (
        "Inès Barthe dirige Orvane, une start-up nantaise qui fabrique des batteries. "
        "Avec Hugo Lemaire, un ami rencontré à Nantes, elle fonde en 2018 une société de recyclage."
    )
    facts = extract_article("s", text, "fr", [], published="2025-05-02").facts
    founding = next(f for f in facts if f.sentence.startswith("Avec"))
    assert founding.kind == "found"
    assert {"ines-barthe", "hugo-lemaire", "orvane"} <= set(founding.entities)
    assert "Qui a cofondé Orvane avec Inès Barthe ?" in founding.questions_fr
    assert "Who co-founded Orvane with Inès Barthe?" in founding.questions_en


def test_a_former_profession_without_an_employer() -> None:
    text = (
        "Marta Okafor runs the Norland Food Authority, the country's food-safety regulator. "
        "Okafor, a former customs lawyer who took the job in 2021, said the agency would hire 40 inspectors."
    )
    facts = extract_article("s", text, "en", [], published="2025-05-02").facts
    before = next(f for f in facts if "customs lawyer" in f.sentence)
    assert before.kind == "role"
    assert "What did Marta Okafor do before?" in before.questions_en
    assert "Que faisait Marta Okafor avant ?" in before.questions_fr


def test_an_inverted_reporting_verb_names_the_speaker() -> None:
    text = (
        "Inès Barthe dirige Orvane, une start-up nantaise qui fabrique des batteries. "
        "« Une batterie doit durer dix ans, sinon elle pollue deux fois », insiste-t-elle. "
        "« Nous ne vendrons jamais à perte », conclut-elle."
    )
    facts = extract_article("s", text, "fr", [], published="2025-05-02").facts
    quoted = [f for f in facts if f.sentence.startswith("«")]
    assert len(quoted) == 2 and all("ines-barthe" in f.entities for f in quoted)


def test_what_someone_does_now_is_the_dated_role_not_an_undated_founding() -> None:
    text = (
        "Inès Barthe dirige Orvane, une start-up nantaise qui fabrique des batteries. "
        "Avec Hugo Lemaire, un ami rencontré à Nantes, elle fonde l'année suivante une société de recyclage. "
        "Depuis mars 2024, cette ancienne chercheuse est directrice technique de la société qu'elle a fondée."
    )
    facts = extract_article("s", text, "fr", [], published="2025-05-02").facts
    now = [f for f in facts if "Que fait Inès Barthe aujourd'hui ?" in f.questions_fr]
    assert [f.sentence[:10] for f in now] == ["Depuis mar"]
