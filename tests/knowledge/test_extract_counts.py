from knowledge.extract_counts import asked_forms, count_questions, counted
from knowledge.extract_mentions import Mention


def mention(sentence: str, text: str, entity: str) -> Mention:
    start = sentence.index(text)
    return Mention(entity, start, start + len(text), text)


def test_counted_words_with_digits_and_number_words() -> None:
    assert ("engineers", "ingénieurs") in counted("Elle prévoit de recruter une vingtaine d'ingénieurs.")
    assert ("languages", "langues") in counted("Des outils disponibles dans 18 langues.")
    assert counted("Elle a levé 12 millions d'euros en 2024 sur trois ans.") == []
    assert ("cases", "cas") in counted("Quatorze cas de listériose ont été recensés.")
    assert ("visitors", "visiteurs") in counted("Eighteen visitors came.")


def test_a_count_is_asked_about_the_organisation_that_has_it() -> None:
    sentence = "Corvid employs about 90 people in Oslo, Ada Lind said."
    kinds = {"corvid": "organization", "lind": "person"}
    names = {"corvid": "Corvid", "lind": "Ada Lind"}
    mentions = [mention(sentence, "Corvid", "corvid"), mention(sentence, "Ada Lind", "lind")]
    asked = count_questions(sentence, mentions, kinds, names, "Ada Lind")
    assert "How many people does Corvid employ?" in asked["en"]
    assert "Combien de salariés compte Corvid ?" in asked["fr"]


def test_counts_durations_and_proportions_ask_the_statement() -> None:
    assert asked_forms("un accord sur cinq ans avec la ville", "fr")[0].startswith("Pendant combien de temps")
    assert asked_forms("the tool cuts review time by half", "en") == ["By how much the tool cuts review time by half"]
    assert asked_forms("the chip uses 8 watts", "en") == []  # a unit is not a head count
    # "après neuf jours de grève" says how long the strike lasted ("neuf" is a number before a unit)
    strike = asked_forms("Après neuf jours de grève, un accord a été signé", "fr")
    assert strike[0].startswith("Pendant combien de temps")
    assert asked_forms("the demand gave them within six weeks", "en")[0].startswith("How long")
    assert not any(q.startswith("Pendant") for q in asked_forms("ouvert de 9 heures à 18 heures", "fr"))  # hours of day


def test_an_adjective_before_the_counted_word() -> None:
    assert counted("The tool is used by more than 12,000 business customers.") == [("customers", "clients")]


def test_each_count_has_its_own_owner_and_sources_are_no_count() -> None:
    sentence = "Two people familiar with the matter said Ines Roy built Vela, which Kora Labs sells to 900 hospitals."
    kinds = {"ines": "person", "kora": "organization"}
    names = {"ines": "Ines Roy", "kora": "Kora Labs"}
    found = [mention(sentence, "Ines Roy", "ines"), mention(sentence, "Kora Labs", "kora")]
    asked = count_questions(sentence, found, kinds, names, "Ines Roy")
    assert "How many hospitals does Kora Labs have?" in asked["en"]
    assert not any("people" in q for q in asked["en"])
