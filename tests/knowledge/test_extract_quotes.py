from knowledge.extract_article import extract_article

TEXT = (
    "Marta Keller, qui a fondé Orvane en 2015 après dix ans passés chez un constructeur, quitte la direction. "
    "« J'ai créé Orvane pour résoudre un problème de mesure. "
    "Aujourd'hui, il faut surtout vendre, et d'autres le feront mieux que moi », a-t-elle déclaré. "
    '"The board owes her a lot," said Jonas Pihl, the chair of Orvane. "Her team built something that will last."'
)


def test_a_quotation_is_attributed_to_its_speaker() -> None:
    facts = extract_article("s", TEXT, "fr", []).facts
    quoted = next(f for f in facts if "problème de mesure" in f.sentence)
    assert quoted.text.fr.startswith("Marta Keller : « J'ai créé Orvane")
    assert "marta-keller" in quoted.entities
    assert "Qu'a dit Marta Keller ?" in quoted.questions_fr
    closing = next(f for f in facts if "a-t-elle déclaré" in f.sentence)
    assert "What did Marta Keller say?" in closing.questions_en


def test_a_quotation_going_on_from_the_previous_sentence_keeps_its_speaker() -> None:
    facts = extract_article("s", TEXT, "fr", []).facts
    last = next(f for f in facts if "will last" in f.sentence)
    assert last.text.fr.startswith("Jonas Pihl :")
    assert "Aujourd'hui" not in {e.name for e in extract_article("s", TEXT, "fr", []).entities}
