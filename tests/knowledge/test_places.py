from knowledge.extract_article import extract_article
from knowledge.places import is_place, other_names, place_name


def test_places_have_both_languages_names() -> None:
    assert "Brussels" in other_names("Bruxelles")
    assert "Allemagne" in other_names("Germany")
    assert place_name("Londres", "en") == "London"
    assert place_name("Germany", "fr") == "Allemagne"
    assert place_name("Nowhere Town", "en") == "Nowhere Town"
    assert is_place("Pays-Bas") and not is_place("Orvala")


def test_an_extracted_place_answers_to_its_other_names() -> None:
    text = (
        "La start-up Orvala, fondée en 2019, ouvre un bureau à Londres cette année. Orvala emploie 45 personnes "
        "et prévoit de recruter une vingtaine d'ingénieurs d'ici la fin de l'année, a indiqué sa directrice générale. "
        "Le spécialiste lyonnais de la vision industrielle Orvala vend ses caméras dans douze pays."
    )
    extraction = extract_article("s", text, "fr", [])
    london = next(e for e in extraction.entities if e.name == "Londres")
    assert london.kind == "place" and "London" in london.aliases
    based = [f for f in extraction.facts if f.kind == "based"]
    assert based and "Lyon" in based[0].text.en
