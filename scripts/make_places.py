"""Regenerates knowledge/data/places.json: country and major-city names in English and French (a development
tool; `pycountry` is not a dependency of the bot: `pip install pycountry`, then `python scripts/make_places.py`).

One group per place, every name in either language: an article says "Bruxelles", a question "Brussels", and
both must be the same place. Countries come from pycountry's ISO 3166 names (official and common) and their
French translations; first-level regions (US states, Canadian provinces, Australian states, and a hand list of
European regions) come with their other-language names; cities are the short hand list below of major world
cities whose French and English names differ (exonyms) or which news names often.
"""

from __future__ import annotations

import gettext
import json
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "knowledge" / "data" / "places.json"

# Common English and French names pycountry's ISO names lack: the English and French name people write first.
EXTRA_COUNTRIES = {
    "US": ["United States", "États-Unis", "USA", "United States of America", "Etats-Unis", "America", "Amérique"],
    "GB": [
        "United Kingdom",
        "Royaume-Uni",
        "UK",
        "Britain",
        "Great Britain",
        "Grande-Bretagne",
        "England",
        "Angleterre",
    ],
    "KR": ["South Korea", "Corée du Sud"],
    "KP": ["North Korea", "Corée du Nord"],
    "RU": ["Russia", "Russie"],
    "IR": ["Iran", "Iran"],
    "VN": ["Vietnam", "Viêt Nam", "Viet Nam"],
    "TW": ["Taiwan", "Taïwan"],
    "CZ": ["Czech Republic", "Tchéquie", "République tchèque", "Czechia"],
    "NL": ["Netherlands", "Pays-Bas", "Holland", "Hollande"],
    "SY": ["Syria", "Syrie"],
    "BO": ["Bolivia", "Bolivie"],
    "VE": ["Venezuela", "Venezuela"],
    "TZ": ["Tanzania", "Tanzanie"],
    "MD": ["Moldova", "Moldavie"],
    "LA": ["Laos", "Laos"],
    "CI": ["Ivory Coast", "Côte d'Ivoire"],
    "CD": ["DR Congo", "RD Congo", "RDC", "DRC"],
}
CITIES = [
    ["Brussels", "Bruxelles"], ["London", "Londres"], ["Geneva", "Genève"], ["Munich", "Munich", "München"],
    ["Cologne", "Köln"], ["Vienna", "Vienne", "Wien"], ["Venice", "Venise"], ["Florence"], ["Milan", "Milano"],
    ["Rome", "Roma"], ["Naples", "Napoli"], ["Turin", "Torino"], ["Lisbon", "Lisbonne", "Lisboa"],
    ["Seville", "Séville"], ["Barcelona", "Barcelone"], ["Madrid"], ["Athens", "Athènes"],
    ["Copenhagen", "Copenhague"], ["Warsaw", "Varsovie"], ["Prague"], ["Moscow", "Moscou"],
    ["Saint Petersburg", "Saint-Pétersbourg"], ["Beijing", "Pékin", "Peking"], ["Shanghai", "Shanghaï"],
    ["Hong Kong", "Hongkong"], ["Singapore", "Singapour"], ["Tokyo"], ["Seoul", "Séoul"],
    ["Delhi", "New Delhi", "Delhi"], ["Mumbai", "Bombay"], ["Bangalore", "Bengaluru"], ["Cairo", "Le Caire"],
    ["Algiers", "Alger"], ["Tunis"], ["Casablanca"], ["Cape Town", "Le Cap"], ["Mexico City", "Mexico"],
    ["New York", "New York City"], ["New Orleans", "La Nouvelle-Orléans"], ["Philadelphia", "Philadelphie"],
    ["Montreal", "Montréal"], ["Quebec City", "Québec"], ["Antwerp", "Anvers", "Antwerpen"], ["Ghent", "Gand"],
    ["Bruges", "Brugge"], ["Liège", "Luik"], ["The Hague", "La Haye"], ["Amsterdam"], ["Rotterdam"],
    ["Basel", "Bâle"], ["Zurich", "Zürich"], ["Bern", "Berne"], ["Lausanne"], ["Strasbourg"], ["Lyon", "Lyons"],
    ["Marseille", "Marseilles"], ["Paris"], ["Berlin"], ["Hamburg", "Hambourg"], ["Frankfurt", "Francfort"],
    ["Dublin"], ["Edinburgh", "Édimbourg"], ["Stockholm"], ["Oslo"], ["Helsinki"], ["Tallinn"], ["Riga"],
    ["Vilnius"], ["Bucharest", "Bucarest"], ["Budapest"], ["Belgrade"], ["Istanbul"],
    ["Jerusalem", "Jérusalem"], ["Tel Aviv"], ["Dubai", "Dubaï"], ["Abu Dhabi", "Abou Dabi"],
    ["Riyadh", "Riyad"], ["Tehran", "Téhéran"], ["Baghdad", "Bagdad"], ["Beirut", "Beyrouth"],
    ["Damascus", "Damas"], ["Luxembourg City", "Luxembourg-Ville"], ["Toronto"], ["Vancouver"],
    ["San Francisco"], ["Los Angeles"], ["Seattle"], ["Boston"], ["Chicago"], ["Washington"], ["Sydney"],
    ["Melbourne"], ["São Paulo", "Sao Paulo"], ["Rio de Janeiro"], ["Buenos Aires"], ["Havana", "La Havane"],
    ["Kyiv", "Kiev", "Kyiv"], ["Dakar"], ["Abidjan"], ["Nairobi"], ["Lagos"], ["Johannesburg"],
]  # fmt: skip

# First-level regions that news names as places on their own ("a plant in Ohio", "en Bavière"): pycountry's
# names, English where the country's are (US states, Canadian provinces, Australian states), French for
# France's regions, with the other language's name where it differs. "Victoria" is left out: it is a first
# name far more often than a state in an article.
REGION_COUNTRIES = {"US": ("State", "District"), "CA": ("Province", "Territory"), "AU": ("State",)}
REGION_EXONYMS = {
    "California": "Californie",
    "Florida": "Floride",
    "Louisiana": "Louisiane",
    "North Carolina": "Caroline du Nord",
    "South Carolina": "Caroline du Sud",
    "Pennsylvania": "Pennsylvanie",
    "Virginia": "Virginie",
    "West Virginia": "Virginie-Occidentale",
    "New Mexico": "Nouveau-Mexique",
    "North Dakota": "Dakota du Nord",
    "South Dakota": "Dakota du Sud",
    "Hawaii": "Hawaï",
    "British Columbia": "Colombie-Britannique",
    "Nova Scotia": "Nouvelle-Écosse",
    "New Brunswick": "Nouveau-Brunswick",
    "Newfoundland and Labrador": "Terre-Neuve-et-Labrador",
    "Northwest Territories": "Territoires du Nord-Ouest",
    "Prince Edward Island": "Île-du-Prince-Édouard",
    "Quebec": "Québec",
    "New South Wales": "Nouvelle-Galles du Sud",
    "Western Australia": "Australie-Occidentale",
    "South Australia": "Australie-Méridionale",
    "District of Columbia": "District de Columbia",
}
OTHER_REGIONS = [
    ["Scotland", "Écosse"], ["Wales", "Pays de Galles"], ["Northern Ireland", "Irlande du Nord"],
    ["Bavaria", "Bavière", "Bayern"], ["Saxony", "Saxe", "Sachsen"], ["Catalonia", "Catalogne", "Catalunya"],
    ["Andalusia", "Andalousie", "Andalucía"], ["Basque Country", "Pays basque"], ["Lombardy", "Lombardie"],
    ["Tuscany", "Toscane"], ["Sicily", "Sicile"], ["Sardinia", "Sardaigne"], ["Flanders", "Flandre"],
    ["Wallonia", "Wallonie"], ["Brittany", "Bretagne"], ["Normandy", "Normandie"], ["Corsica", "Corse"],
    ["Burgundy", "Bourgogne"], ["Alsace"], ["Occitanie"], ["Auvergne-Rhône-Alpes"], ["Hauts-de-France"],
    ["Grand Est"], ["Nouvelle-Aquitaine"], ["Île-de-France", "Ile-de-France"], ["Pays de la Loire"],
    ["Provence-Alpes-Côte d'Azur", "Provence"], ["Centre-Val de Loire"], ["Bourgogne-Franche-Comté"],
]  # fmt: skip


def main() -> None:
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    groups: list[dict[str, object]] = []
    for country in pycountry.countries:
        english = [country.name, getattr(country, "common_name", None)]
        names = [*english, *(french.gettext(n) for n in english if n), *EXTRA_COUNTRIES.get(country.alpha_2, [])]
        # "Korea, Republic of", "Bolivie (État plurinational de)": no one writes these in prose.
        usable = [n for n in dict.fromkeys(names) if n and "," not in n and "(" not in n]
        if not usable:
            continue
        extra = EXTRA_COUNTRIES.get(country.alpha_2)
        en = extra[0] if extra else next((n for n in (english[1], english[0]) if n and n in usable), usable[0])
        fr = extra[1] if extra else french.gettext(english[0])
        groups.append({"en": en, "fr": fr if fr in usable else en, "names": usable})
    for code, types in REGION_COUNTRIES.items():
        for region in pycountry.subdivisions.get(country_code=code):
            if region.parent_code is None and region.type in types and region.name != "Victoria":
                french_name = REGION_EXONYMS.get(region.name, region.name)
                names = list(dict.fromkeys([region.name, french_name]))
                groups.append({"en": region.name, "fr": french_name, "names": names})
    for region in OTHER_REGIONS:
        groups.append(
            {"en": region[0], "fr": region[1] if len(region) > 1 else region[0], "names": list(dict.fromkeys(region))}
        )
    for city in CITIES:
        groups.append({"en": city[0], "fr": city[1] if len(city) > 1 else city[0], "names": list(dict.fromkeys(city))})
    about = " ".join(__doc__.split("\n\n")[1].split())
    lines = ",\n".join(json.dumps(group, ensure_ascii=False) for group in groups)
    OUT.write_text(f'{{"about": {json.dumps(about)},\n"places": [\n{lines}\n]}}\n', encoding="utf-8")
    print(f"{OUT}: {len(groups)} places")


if __name__ == "__main__":
    main()
