"""How many, how long, by how much: the sample questions a statement with a count or a duration answers.

"Altisène emploie 110 personnes", "une vingtaine d'ingénieurs d'ici à la fin de l'année", "dans 24 langues",
"a contract over four years", "cuts errors by half": counts are asked about the organisation that has them
(not the person quoted saying so), in both languages, with the counted word in each; number words count as
numbers. A statement with a count or a duration also gets its own words asked as "how many" / "how long",
so the matcher finds it for such a question whatever the question's other words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from knowledge.extract_mentions import Mention
from knowledge.normalize import fold1
from knowledge.stopwords import STOPWORDS
from knowledge.wordforms import NUMBER_WORDS

_NUMBER = r"(?:\d[\d,.\u202f ]*\d|\d|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
# A number, an optional "de"/"d'"/"of", then the word it counts.
COUNT = re.compile(
    rf"\b({_NUMBER})\s+(?:de\s+|d'|of\s+)?([^\W\d_]{{3,}})(?:\s+([^\W\d_]{{3,}}))?", re.IGNORECASE | re.UNICODE
)
NOT_COUNTED = frozenset(
    "million millions milliard milliards billion billions percent pour cent ans years year months month mois jours"
    " days day weeks week semaines heures hours minutes fois times euros dollars livres pounds francs an annees"
    " fevrier janvier mars avril mai juin juillet aout septembre octobre novembre decembre january february march"
    " april may june july august september october november december et and ou or".split()
)
# Words counted in one language asked about in the other ("60 salariés" → "how many employees"): folded
# singular → (English plural, French plural).
COUNTED: Mapping[str, tuple[str, str]] = {
    "employee": ("employees", "salariés"), "people": ("people", "personnes"), "staff": ("employees", "salariés"),
    "worker": ("workers", "employés"), "salarie": ("employees", "salariés"), "employe": ("employees", "employés"),
    "personne": ("people", "personnes"), "engineer": ("engineers", "ingénieurs"),
    "ingenieur": ("engineers", "ingénieurs"), "researcher": ("researchers", "chercheurs"),
    "chercheur": ("researchers", "chercheurs"), "customer": ("customers", "clients"), "client": ("clients", "clients"),
    "user": ("users", "utilisateurs"), "utilisateur": ("users", "utilisateurs"), "office": ("offices", "bureaux"),
    "bureau": ("offices", "bureaux"), "bureaux": ("offices", "bureaux"), "country": ("countries", "pays"),
    "countrie": ("countries", "pays"), "pays": ("countries", "pays"), "store": ("stores", "magasins"),
    "magasin": ("stores", "magasins"), "retailer": ("retailers", "distributeurs"), "watt": ("watts", "watts"),
    "language": ("languages", "langues"), "langue": ("languages", "langues"), "hospital": ("hospitals", "hôpitaux"),
    "hopital": ("hospitals", "hôpitaux"), "hopitaux": ("hospitals", "hôpitaux"), "market": ("markets", "marchés"),
    "marche": ("markets", "marchés"), "city": ("cities", "villes"), "citie": ("cities", "villes"),
    "ville": ("cities", "villes"), "site": ("sites", "sites"), "factory": ("factories", "usines"),
    "factorie": ("factories", "usines"), "usine": ("factories", "usines"), "product": ("products", "produits"),
    "produit": ("products", "produits"), "model": ("models", "modèles"), "modele": ("models", "modèles"),
    "partner": ("partners", "partenaires"), "partenaire": ("partners", "partenaires"),
    "developer": ("developers", "développeurs"), "developpeur": ("developers", "développeurs"),
    "job": ("jobs", "emplois"), "emploi": ("jobs", "emplois"), "poste": ("jobs", "postes"),
    "patient": ("patients", "patients"), "student": ("students", "étudiants"), "etudiant": ("students", "étudiants"),
    "school": ("schools", "écoles"), "ecole": ("schools", "écoles"), "university": ("universities", "universités"),
    "universite": ("universities", "universités"), "contract": ("contracts", "contrats"),
    "contrat": ("contracts", "contrats"), "vehicle": ("vehicles", "véhicules"), "vehicule": ("vehicles", "véhicules"),
    "robot": ("robots", "robots"), "chip": ("chips", "puces"), "puce": ("chips", "puces"),
    "device": ("devices", "appareils"), "appareil": ("devices", "appareils"), "member": ("members", "membres"),
    "membre": ("members", "membres"), "subscriber": ("subscribers", "abonnés"), "abonne": ("subscribers", "abonnés"),
    "hire": ("hires", "recrues"), "recrue": ("hires", "recrues"), "port": ("ports", "ports"),
    "airport": ("airports", "aéroports"), "aeroport": ("airports", "aéroports"), "bank": ("banks", "banques"),
    "banque": ("banks", "banques"), "team": ("teams", "équipes"), "equipe": ("teams", "équipes"),
    "case": ("cases", "cas"), "cas": ("cases", "cas"), "visitor": ("visitors", "visiteurs"),
    "visiteur": ("visitors", "visiteurs"), "victim": ("victims", "victimes"), "victime": ("victims", "victimes"),
    "resident": ("residents", "habitants"), "habitant": ("residents", "habitants"),
    "passenger": ("passengers", "passagers"), "passager": ("passengers", "passagers"),
    "farmer": ("farmers", "agriculteurs"), "agriculteur": ("farmers", "agriculteurs"),
    "adherent": ("members", "adhérents"), "pilot": ("pilots", "pilotes"), "pilote": ("pilots", "pilotes"),
}  # fmt: skip
_PEOPLE = frozenset({"employees", "people", "workers", "engineers", "researchers", "developers", "hires", "jobs"})
_ORG_COUNTS = frozenset(
    "employees customers clients users offices hospitals stores countries markets cities sites factories products"
    " partners subscribers hires jobs retailers banks airports ports".split()
)
_UNNAMED_ORG = re.compile(
    r"\b(?:his|her|their|own|new|sa|son|leur|propre|nouvelle)\s+(?:own\s+)?(?:company|firm|start-?up|venture|societe|entreprise)"
)
_SOURCES = frozenset({"familiar", "close", "proches", "informed", "briefed"})  # "two people familiar with…"
_YEAR = re.compile(r"(?:19|20)\d\d")
# "a 64-page decision", "a 12-person team": a count written into an adjective (not a year: "2024-2025").
_HYPHENATED = re.compile(r"\b\d{1,4}-(?!(?:year|month|day|week|hour|minute)s?\b)[a-z]{3,}\b")
# "the search had taken nine months", "les travaux ont duré deux ans": a duration without "for"/"pendant".
_TOOK = re.compile(
    r"\b(?:took|taken|takes|take|lasted|lasts|a dure|ont dure|durera|a pris|ont pris|prendra)\s+(?:about\s+|around\s+"
    rf"|nearly\s+|almost\s+|environ\s+|pres de\s+|plus de\s+|more than\s+)?(?:{_NUMBER})\s+"
    r"(?:years?|ans|annees|months?|mois|weeks?|semaines|days|jours)\b"
)
_UNITS = frozenset({"watts"})  # "8 watts" answers how much power, not "how much does it cost"
_EMPLOYS = re.compile(r"\b(?:employs?|employed|emploie|emploient|compte|comptait|headcount|effectif|staff of)\b")
_HIRES = re.compile(r"\b(?:hire|hiring|recruit|recruiting|add|recruter|embaucher|recrutera|embauchera|creer|create)\b")
DURATION = re.compile(
    # "pendant deux ans", "over four years", "après neuf jours de grève", "within six weeks"
    rf"\b(?:over|for|during|after|within|sur|pendant|durant|de|apres|en)\s+(?:the\s+next\s+|les\s+|the\s+)?"
    rf"(?:{_NUMBER}|neuf)\s+(?:years?|ans|annees|months?|mois|weeks?|semaines|days?|jours)\b",  # not "de 9 heures"
    re.IGNORECASE,
)
_HOW_MUCH = re.compile(
    r"\b(?:by half|de moitie|par deux|\d+\s*(?:%|percent|pour cent)|(?:two|three|four|five|ten|deux|trois|quatre|cinq|dix|\d+)\s+(?:times|fois))"
)


def _known_count(folded: str) -> tuple[str, str] | None:
    return COUNTED.get(folded) or COUNTED.get(folded.rstrip("sx"))


def _pair(match: re.Match[str]) -> tuple[str, str] | None:
    """(English plural, French plural) of what a count match counts, None when it counts nothing."""
    if not _counts(match):
        return None
    noun = match.group(2)
    pair = _known_count(fold1(noun).lower())
    if pair is None and match.group(3):
        # "40,000 business customers": an adjective first, the counted word second
        pair = _known_count(fold1(match.group(3)).lower())
    return pair or (noun, noun)


def counted(sentence: str) -> list[tuple[str, str]]:
    """(English plural, French plural) of every word the sentence counts ("24 langues", "une vingtaine
    d'ingénieurs", "140 people"); a sum of money, a date or a duration is not a count."""
    return list(dict.fromkeys(pair for match in COUNT.finditer(sentence) if (pair := _pair(match)) is not None))


def _owner(
    sentence: str, first: re.Match[str], mentions: Sequence[Mention], kinds: Mapping[str, str], names: Mapping[str, str]
) -> str:
    """Who has the count `first`: the organisation named last before it in the same clause
    ("Brightwater employs about 140 people…, Lindqvist said"); for what only organisations have (employees,
    customers, offices), the organisation named last before it at all ("Corvid 3, the model MIS released…, is
    now used by 40,000 business customers"). "" when the count belongs to an unnamed one ("…left Harbor to
    start his own company, which has 85 employees")."""
    orgs = [m for m in mentions if m.end <= first.start() and kinds.get(m.entity) == "organization"]
    if not orgs:
        return ""
    between = fold1(sentence[orgs[-1].end : first.start()]).lower()
    if _UNNAMED_ORG.search(between):
        return ""
    same_clause = not re.search(r"[,;:]", between)
    pair = _pair(first)
    if same_clause or (pair is not None and pair[0] in _ORG_COUNTS):
        return names.get(orgs[-1].entity, "")
    return ""


def _counts(match: re.Match[str]) -> bool:
    """A number that counts something: not a sum, a date or "two people familiar with the matter"; a number
    word only before a word known to be counted ("The two met…" counts nothing)."""
    noun = fold1(match.group(2)).lower()
    if noun in NOT_COUNTED or noun in STOPWORDS or match.group(2)[:1].isupper() or _YEAR.fullmatch(match.group(1)):
        return False
    if not match.group(1)[:1].isdigit() and _known_count(noun) is None:
        following = fold1(match.group(3) or "").lower()
        if _known_count(following) is None:
            return False
    return not (match.group(3) and fold1(match.group(3)).lower() in _SOURCES)


def count_questions(
    sentence: str, mentions: Sequence[Mention], kinds: Mapping[str, str], names: Mapping[str, str], subject: str
) -> dict[str, list[str]]:
    """How-many questions, asked about the organisation that has the count ("Altisène emploie 110 personnes"),
    else about the sentence's subject: not about whoever is quoted saying it."""
    asked: dict[str, list[str]] = {"en": [], "fr": []}
    folded = fold1(sentence).lower()
    employs, hires = bool(_EMPLOYS.search(folded)), bool(_HIRES.search(folded))
    seen: set[tuple[str, str]] = set()
    for match in COUNT.finditer(sentence):
        pair = _pair(match)
        if pair is None or pair in seen:
            continue
        seen.add(pair)
        english, french = pair
        owner = _owner(sentence, match, mentions, kinds, names) or subject
        de = "d'" if fold1(french[:1]).lower() in "aeiouyh" else "de "
        asked["en"] += [f"How many {english} does {owner} have?", f"How many {english}?"]
        asked["fr"] += [f"Combien {de}{french} compte {owner} ?", f"Combien {de}{french} ?"]
        if english in _PEOPLE and employs:
            asked["en"] += [f"How many people does {owner} employ?", f"How many employees does {owner} have?"]
            asked["fr"] += [f"Combien de personnes emploie {owner} ?", f"Combien de salariés compte {owner} ?"]
        if english in _PEOPLE and hires:
            asked["en"] += [f"How many {english} does {owner} plan to hire?", f"How many people will {owner} recruit?"]
            asked["fr"] += [
                f"Combien {de}{french} {owner} va-t-elle recruter ?",
                f"Combien de personnes {owner} prévoit-elle d'embaucher ?",
            ]
    return asked


def asked_forms(text: str, lang: str) -> list[str]:
    """The statement's own words asked "how many" / "how long" / "by how much" when it states a count, a
    duration or a proportion: any question of that kind about its words may take it for an answer."""
    folded = fold1(text).lower()
    found: list[str] = []
    if DURATION.search(folded) or _TOOK.search(folded):
        found.append(("How long " if lang == "en" else "Pendant combien de temps ") + text)
    if any(english not in _UNITS for english, _ in counted(text)) or _HYPHENATED.search(folded):
        found.append(("How many " if lang == "en" else "Combien ") + text)
    if _HOW_MUCH.search(folded):
        found.append(("By how much " if lang == "en" else "De combien ") + text)
    return found
