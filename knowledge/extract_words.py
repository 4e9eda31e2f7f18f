"""The raw words of a sentence with their offsets, and the word lists that tell names from other words.

Names are found on the article's own spelling (capitals matter: "Corvid" is a name, "corvid" is not),
so these words keep their place in the sentence, with French elisions (`l'ACR`) and English possessives
(`Helix's`) trimmed off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.normalize import fold, tokens

_RAW = re.compile(r"[^\W_](?:[\w&]|[-'’](?=[^\W_])|\.(?=[^\W\d_]\.))*\.?", re.UNICODE)
_ELIDED = re.compile(r"^(?:[lLdDjJmMnNsStTcC]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’](?=\w)")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int
    keys: tuple[str, ...]  # its canonical tokens ("GPT-4" → gpt4, "Jean-Pierre" → jean, pierre)
    possessive: bool = False
    based: bool = False  # written "Seattle-based": a place

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters) and len(self.text) <= 8


def words(sentence: str) -> list[Word]:
    """Every word of `sentence` with its offsets; a trailing abbreviation dot is kept only for `Inc.`-like words."""
    found: list[Word] = []
    for match in _RAW.finditer(sentence):
        text, start, end = match.group(0), match.start(), match.end()
        if text.endswith(".") and text.count(".") == 1:
            text, end = text[:-1], end - 1
        if elided := _ELIDED.match(text):
            text, start = text[elided.end() :], start + elided.end()
        possessive = text.endswith(("'s", "’s")) and len(text) > 2
        if possessive:
            text, end = text[:-2], end - 2
        based = text.lower().endswith(("-based", "-born"))
        if based:  # "Texas-based": the place, not a new name
            cut = text.rindex("-")
            end -= len(text) - cut
            text = text[:cut]
        keys = tuple(tokens(text))
        if text and keys:
            found.append(Word(text, start, end, keys, possessive, based))
    return found


def _folded(text: str) -> frozenset[str]:
    return frozenset(fold(text).split())


# Adjectives of nationality: "a Danish start-up" names no one and no town.
NATIONALITIES = _folded(
    """american british english scottish welsh irish french german dutch belgian swiss austrian italian spanish
    portuguese danish swedish norwegian finnish icelandic polish czech slovak hungarian romanian bulgarian greek
    turkish russian ukrainian estonian latvian lithuanian serbian croatian slovenian israeli indian pakistani chinese
    japanese korean vietnamese thai indonesian malaysian singaporean filipino australian canadian mexican brazilian
    argentine argentinian chilean colombian peruvian nigerian kenyan egyptian moroccan saudi emirati european asian
    african nordic scandinavian luxembourgish maltese cypriot"""
)
# Capitalised words that are not names: sentence openers, function words, months, days, titles, nationalities.
NOT_NAMES = (
    NATIONALITIES
    | _folded(
        """the a an in on at for by with from after before since during but and or as its his her their this that these
    those it he she they we i you our my your there here then when while where who what which how why if
    according meanwhile however also yet still now today yesterday last next new former many some several most
    le la les l un une des du de d au aux en dans pour par avec apres avant depuis selon mais et ou son sa ses
    leur leurs ce cet cette ces il elle ils elles nous vous je tu on plusieurs certains certaines tous toutes
    aujourd aujourd'hui jusqu'ici hier demain desormais ainsi alors cependant pourtant enfin lors quant deja encore si quand comme
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche
    january february march april may june july august september october november december janvier fevrier mars
    avril mai juin juillet aout septembre octobre novembre decembre
    mr mrs ms dr prof m mme mlle sir dame me maitre
    chief executive officer officers president vice head director directors chair chairman chairwoman founder
    cofounder co-founder ceo cto cfo coo cso cmo vp svp evp partner manager lead senior principal general
    directeur directrice president presidente pdg dg fondateur fondatrice cofondateur cofondatrice responsable
    series serie round seed
    western eastern north south east west northern southern central
    ai ia us usa uk eu ue un
    """
    )
    | frozenset(  # a quotation's "I'm not going anywhere" names no one called "I'm"
        f"{pronoun}{mark}{ending}"
        for pronoun in ("i", "we", "you", "they")
        for mark in ("'", "’")
        for ending in ("m", "re", "ve", "ll", "d")
    )
)
TITLES = _folded(
    "mr mrs ms dr prof m mme mlle sir dame me maitre mp mep senator sen mayor governor minister judge chancellor"
    " commissioner inspector detective captain colonel sergeant maire ministre juge gouverneur commissaire"
    " inspecteur capitaine lieutenant professor professeur professeure"
)
# Last words that make a name an organisation ("Corvid Robotics Inc.", "Rhône Capital", "Banque de France").
ORG_WORDS = _folded(
    """inc incorporated ltd limited corp corporation co sa sas sarl gmbh llc plc ag nv bv spa ab asa
    labs lab laboratories robotics technologies technology tech systems capital ventures partners group groupe
    bank banque holdings holding energy energie energies therapeutics biotech pharma motors airlines airways
    media studios studio software networks dynamics industries university universite institute institut fund
    fonds foundation fondation college school ecole agency agence ministry ministere council conseil
    association society societe company compagnie corporation solutions semiconductors electronics automotive
    mobility analytics security cloud data health sante bio ai ia ventures investments invest associates
    authority authorities autorite commission committee comite court cour tribunal regulator regulateur board
    foods interactive games entertainment diagnostics services logistics logistique aerospace space satellites
    telecom telecoms pharmaceuticals biosciences medical publishing editions engineering ingenierie consulting
    mobilite robotique transports"""
)
ORG_HEADS = _folded(
    "port university universite institute institut bank banque ministry ministere school ecole college court cour "
    "tribunal commission committee board authority autorite"
)
# Words just before a name that say what it is.
ORG_CUES = _folded(
    """at chez joined join joins rejoint rejoindre left leave quit quitte company firm startup start-up
    entreprise societe fonds fund group groupe lab laboratoire investor investisseur bank banque rival rivale
    concurrent acquired bought racheter rachete acquis client customer maker fabricant editeur studio cabinet
    agence agency marque brand label journal newspaper magazine called dubbed baptise baptisee appele appelee
    diplome diplomee diplomes diplomees graduated graduate alumnus alumna studied etudie etudiante etudiant"""
)
PLACE_CUES = _folded("in en a near pres based basee base headquartered installee city ville entre between")
PERSON_CUES = _folded(
    """mr mrs ms dr prof m mme mlle ceo cto cfo coo chief executive president partner engineer researcher
    scientist founder cofounder co-founder director directeur directrice fondateur fondatrice cofondateur
    cofondatrice analyst analyste ingenieur ingenieure chercheur chercheuse associe associee pdg dg patron
    patronne economist economiste professor professeur professeure"""
)
PERSON_VERBS = _folded(
    """said says told explained added wrote declared argued noted believes thinks dit explique ajoute precise
    declare estime affirme raconte souligne confie she he elle il"""
)
FEMININE = _folded(
    """she her elle directrice fondatrice cofondatrice ancienne nouvelle chercheuse ingenieure presidente
    patronne associee professeure mme mrs ms madame actuelle"""
)
MASCULINE = _folded(
    "he him his il directeur fondateur cofondateur ancien nouveau chercheur ingenieur president patron associe professeur mr monsieur actuel"
)
# Places a capitalised run may name without any clue around it (countries, unions, big cities).
KNOWN_PLACES = frozenset(
    fold(name)
    for name in (
        "United States",
        "United Kingdom",
        "European Union",
        "Union européenne",
        "États-Unis",
        "Royaume-Uni",
        "New York",
        "San Francisco",
        "Los Angeles",
        "Hong Kong",
        "Silicon Valley",
        "Tel Aviv",
        "Abu Dhabi",
        "South Korea",
        "Corée du Sud",
        "Saudi Arabia",
        "Arabie saoudite",
        "New Delhi",
        "Rio de Janeiro",
        "Buenos Aires",
        "Mexico City",
        "Cape Town",
        "Le Caire",
        "La Défense",
        "Pays-Bas",
        "Nouvelle-Zélande",
        "France",
        "Germany",
        "Allemagne",
        "Italy",
        "Italie",
        "Spain",
        "Espagne",
        "China",
        "Chine",
        "Japan",
        "Japon",
        "India",
        "Inde",
        "Canada",
        "Brazil",
        "Brésil",
        "Europe",
        "Asia",
        "Asie",
        "Africa",
        "Afrique",
        "America",
        "Amérique",
        "Paris",
        "London",
        "Londres",
        "Berlin",
        "Madrid",
        "Rome",
        "Tokyo",
        "Beijing",
        "Pékin",
        "Shanghai",
        "Singapore",
        "Singapour",
        "Boston",
        "Seattle",
        "Austin",
        "Chicago",
        "Toronto",
        "Montreal",
        "Montréal",
        "Lyon",
        "Marseille",
        "Toulouse",
        "Bordeaux",
        "Lille",
        "Nantes",
        "Grenoble",
        "Rotterdam",
        "Amsterdam",
        "Brussels",
        "Bruxelles",
        "Geneva",
        "Genève",
        "Zurich",
        "Stockholm",
        "Dublin",
        "Lisbon",
        "Lisbonne",
        "Munich",
        "Vienna",
        "Vienne",
        "Texas",
        "California",
        "Californie",
        "Israel",
        "Israël",
        "Sweden",
        "Suède",
        "Switzerland",
        "Suisse",
        "Belgium",
        "Belgique",
        "Ireland",
        "Irlande",
    )
)
