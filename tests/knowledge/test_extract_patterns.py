from knowledge.extract_mentions import Mention
from knowledge.extract_patterns import pattern_questions

KINDS = {"brema": "organization", "ostra": "organization", "lumen": "product", "ada": "person"}
NAMES = {"brema": "Brema", "ostra": "Ostra Port", "lumen": "Lumen", "ada": "Ada Sorel"}


def mentions(sentence: str, *pairs: tuple[str, str]) -> list[Mention]:
    found = []
    for text, entity in pairs:
        start = sentence.index(text)
        found.append(Mention(entity, start, start + len(text), text))
    return found


def test_a_contract_with_its_worth_and_term() -> None:
    sentence = "Brema a signé un contrat de 12 millions d'euros sur trois ans avec Ostra Port."
    found = mentions(sentence, ("Brema", "brema"), ("Ostra Port", "ostra"))
    asked = pattern_questions(sentence, found, KINDS, NAMES, None)
    assert "How long does Brema's contract run?" in asked["en"]
    assert "Combien de temps dure le contrat avec Ostra Port ?" in asked["fr"]
    passing = "Brema says the contract with Ostra Port gives it steady revenue."
    assert pattern_questions(passing, mentions(passing, ("Brema", "brema")), KINDS, NAMES, None)["en"] == []


def test_an_office_a_launch_and_priorities() -> None:
    sentence = "Brema lancera en mai Lumen et a ouvert un bureau à Oslo, a indiqué Ada Sorel, citant ses priorités."
    found = mentions(sentence, ("Brema", "brema"), ("Lumen", "lumen"), ("Ada Sorel", "ada"))
    asked = pattern_questions(sentence, found, KINDS, NAMES, None)
    assert "When will Lumen be launched?" in asked["en"]
    assert "Où Brema a-t-elle ouvert un bureau ?" in asked["fr"]
    assert "What are Ada Sorel's priorities?" in asked["en"]
