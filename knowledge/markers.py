"""What a statement says by its grammar rather than its topic words: that something is to come, why it
happened, how many there are, that it says when.

A curated fact says such things with a word of the lexicon ("plans", "next", "employees"); a sentence from
an article says them with its grammar — "will", "lancera", "d'ici 2026", "because", "en raison de", "230
people", "ten seconds" — which no list of topic words covers. The matcher reads these markers on every fact's
text (at indexing, never per question): a fact that speaks of the future states the 'future' relation, one
that gives a reason can answer "why", one that counts something "how many".
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.extract import _MONTH
from knowledge.normalize import fold, tokens
from knowledge.wordforms import NUMBER_WORDS

_FUTURE = re.compile(
    r"\b(?:will|won t|would|shall|going to|plans? to|planned|planning|expects? to|expected to|is due to|"
    r"are due to|scheduled|intends? to|aims? to|set to|next (?:year|month|week|spring|summer|autumn|fall|winter)|"
    r"upcoming|by (?:the end of )?(?:20\d\d|next)|in the coming|"
    r"wants? to \w+|va|vont|sera|seront|aura|auront|fera|feront|pourra|pourront|devra|devront|ira|iront|"
    r"(?:doit|doivent|devrait|devraient) (?:(?:se|s|y|en|encore|aussi|egalement|desormais|bientot) )*\w+(?:er|ir|re)|"
    r"(?<!\bs )(?<!\bon )entend(?:ent)? (?:\w+ )?\w+(?:er|ir|re)|prevoit|prevoient|"
    r"prevu|prevue|prevus|prevues|envisage|envisagent|projette|d ici|prochain|prochaine|"
    r"prochains|prochaines|a venir|\w{3,}(?:[^m\W]era|eront|iront|[^m\W]ira))\b"
)
_REASON = re.compile(
    r"\b(?:because|as a result|due to|owing to|thanks to|in order to|so that|following|blamed|"
    r"caused|reason|why|car|parce qu|puisqu|en raison d|a cause d|grace a|afin d|pour que|faute d|suite a|"
    r"a la suite d|explique|expliquent|raison|cause|motif)\w*",
)
# A date, a day, a season, a time of day or a span: what a sentence that says when something happens has.
# Not "an" nor "été" alone: the English article and the French past participle ("a été") say no time.
_WHEN = re.compile(
    rf"\b(?:(?:19|20)\d\d|{_MONTH}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche|today|yesterday|tomorrow|tonight|weekend|week|month|year|quarter|spring|"
    r"summer|autumn|(?:the|this|last|next) fall|winter|since|until|till|ago|soon|aujourd hui|hier|demain|semaine|"
    r"mois|ans|annee|annees|trimestre|printemps|(?:l|cet|en|d) ete|automne|hiver|depuis|jusqu|d ici|bientot|"
    r"matin|soir|nuit|morning|evening|night|midnight|minuit|midi|noon|days?|jours?|hours?|heures?|minutes?|"
    r"years|months|weeks|decades?|decennies?|\d{1,2}(?::\d\d|h\d*))\b"
)
# Since when a state has held, or how long: "since 2016", "who had led the bank for eleven years", "took the post
# in 2024", "a pris la présidence en janvier", "depuis sa création", "nommé en 2021", "after seven years at".
_SINCE = re.compile(
    r"\b(?:since|depuis|for (?:(?:almost|nearly|about|more than|over|some) )?(?:\d+|a|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several|many) (?:years?|months?|decades?)|"
    r"(?:took|taken|take|takes) (?:over|office|the (?:post|job|helm|reins|role))|"
    r"(?:was |were )?(?:appointed|named|hired|elected) (?:in|on)|joined (?:\w+ )?(?:in|on)|"
    r"(?:a|avait|ont|avaient) rejoint (?:\w+ )?(?:en|le|au)|rejoint (?:\w+ )?en|"
    r"(?:at|for) the helm (?:for|since)|after \w+ years|"
    r"pendant (?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|plusieurs) "
    r"(?:ans|annees|mois)|"
    r"(?:a|avait) pris (?:la|le|les|sa|son|ses) (?:tete|presidence|direction|poste|fonctions|renes)|"
    r"(?:nomme|nommee|elu|elue|arrive|arrivee|entre|entree) (?:en|le|au|a la tete)|apres \w+ ans|"
    r"(?:years?|ans|annees) (?:at|as|chez|a la tete|comme)|in (?:post|office) since|"
    r"(?:founded|created|established|set up|opened|launched) in|"
    r"(?:fonde|fondee|cree|creee|ouvert|ouverte|lance|lancee) en)\b"
)
# A span of time: "three weeks in advance", "eleven years at", "pendant deux ans", "25 minutes".
_SPAN = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?|neuf|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"|several|many|few|plusieurs|quelques)[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|"
    r"ans?|annees?|mois|semaines?|jours?|heures?|minutes|decennies?)\b"
    # "a week", "un an", "une semaine" ("neuf", "un", "une" count only before a unit, which NUMBER_WORDS cannot
    # say); not "un jour" (some day) nor "mise à jour" (an update).
    r"|\b(?:a|an|one|un|une)[\s-]+(?:years?|months?|weeks?|days?|hours?|decades?|an|annee|mois|semaine|heure|decennie)\b"
)
# A sum of money: a currency sign by a number, or a currency named after one ("30 millions d'euros").
_MONEY = re.compile(
    r"[$€£¥]\s?\d|\d\s?[$€£¥]|\d[\d\s.,]*\s*(?:(?:k|m|bn|mn|md|million|millions|milliard|milliards|billion|billions)"
    r"\s+(?:d\W?)?)?(?:euros?|dollars?|pounds?|livres? sterling|francs?)\b",
    re.IGNORECASE,
)
# A share: "95%", "7.5 percent", "12 pour cent".
_SHARE = re.compile(r"\d\s?%|\d\s*(?:percent|per cent|pour cent|pc)\b", re.IGNORECASE)
# Someone's age: "Whitcombe, 64, steered…", "aged 34", "a 9-year-old boy", "âgée de 34 ans", "Pemberton, 71 ans,",
# "une infirmière de 34 ans". A French "de N ans" counts only after someone ("un contrat de 10 ans" is a span).
_PEOPLE_FR = (
    r"(?:enfant|gar[cç]on|fille|fillette|homme|femme|infirmi[eè]re?|cycliste|patiente?|adolescente?|retrait[ée]e?"
    r"|salari[ée]e?|ouvri[eè]re?|p[eè]re|m[eè]re|[ée]tudiante?|agricult(?:eur|rice)|pilote|conduct(?:eur|rice)"
    r"|pi[ée]tonn?e?|victime|b[ée]b[ée]|joueur|joueuse|attaquant|d[ée]fenseur|milieu)s?"
)
_AGE = re.compile(
    r"\b[A-Z][\w'’-]+,\s+\d{2},|\(\d{2}\)|\baged\s+\d{1,3}\b|\b\d{1,3}[\s-]years?[\s-]old\b"
    r"|\b[a-z]+-years?-old\b|\b[aâ]g[ée]e?s?\s+de\s+\d{1,3}\s+ans\b|,\s+\d{1,3}\s+ans\s*[,)]"
    rf"|\b{_PEOPLE_FR}\s+de\s+\d{{1,3}}\s+ans\b"
    r"|\b(?:average age|median age|[aâ]ge moyen|[aâ]ge m[ée]dian|moyenne d['’][aâ]ge)\D{0,30}\d{1,3}\b",
)
# A number that is not a year or a day of the month: "230 people", "six weeks", "96 universités".
_COUNT = re.compile(rf"(?<![\w-])(?!(?:19|20)\d\d\b)\d[\d\s.,]*\s+(?!(?:{_MONTH})\b)[^\W\d]")
# A number that is part of a name: "GPT-2", "Parla 3", "Corvid 4" (read before folding: it needs the capital).
_NAMED_NUMBER = re.compile(r"\b[A-Z][\w-]*[\s-]\d+\b")


def _plain(text: str) -> str:
    """`text` folded, apostrophes as spaces ("d'ici" → "d ici"), as the markers are written."""
    return fold(text).replace("'", " ")


def speaks_of_future(text: str) -> bool:
    """Whether `text` says what is planned, scheduled or yet to happen."""
    return _FUTURE.search(_plain(text)) is not None


@lru_cache(maxsize=65536)
def tells_since(text: str) -> bool:
    """Whether `text` says since when, or for how long, a state has held (a role, a post, a tenure)."""
    return _SINCE.search(_plain(text)) is not None


def gives_reason(text: str) -> bool:
    """Whether `text` says why something happened (it can then answer a why-question)."""
    return _REASON.search(_plain(text)) is not None


def counts_something(text: str) -> bool:
    """Whether `text` gives a count, a duration or a share: a number, in digits or words, of something."""
    text = _plain(_NAMED_NUMBER.sub(" ", text))
    return _COUNT.search(text) is not None or any(word in NUMBER_WORDS for word in tokens(text))


@lru_cache(maxsize=65536)
def counts_beyond_time(text: str) -> bool:
    """Whether `text` counts something other than time: "640 dairy farmers", "92 per cent", not "about eight years"
    or "on 25 September" (what "how much…?" asks of no named thing needs). Cached: it runs on every candidate's
    texts, the same few hundred sentences question after question."""
    text = _SPAN.sub(" ", _plain(_NAMED_NUMBER.sub(" ", text)))
    words = tokens(text)
    return _COUNT.search(text) is not None or any(word in NUMBER_WORDS or word in _FRACTIONS for word in words)


# How much, in a word: "réduit de moitié", "doubled", "a third of its staff".
_FRACTIONS = frozenset(
    "half halved moitie quarter quart third tiers double doubled doubles triple tripled twice tenfold".split()
)


def tells_span(text: str) -> bool:
    """Whether `text` gives a span of time ("for eleven years", "trois semaines"): it says how long."""
    return _SPAN.search(_plain(text)) is not None


def gives_money(text: str) -> bool:
    """Whether `text` gives a sum of money ("$4.8 billion", "30 millions d'euros"): it says what something cost."""
    return _MONEY.search(text) is not None


def gives_share(text: str) -> bool:
    """Whether `text` gives a percentage ("more than 95% of the lithium"): it says a rate or a proportion."""
    return _SHARE.search(text) is not None


def tells_age(text: str) -> bool:
    """Whether `text` gives someone's age ("Whitcombe, 64, steered…", "une infirmière de 34 ans"): it says how old."""
    return _AGE.search(text) is not None


def tells_when(text: str) -> bool:
    """Whether `text` says when something happens or for how long: a date, a day, a time, a season, a span."""
    return _WHEN.search(_plain(text)) is not None


# A day: "25 September", "le 1er avril", "June 30", "2024-09-25", "on Thursday", "hier".
_DAY = re.compile(
    rf"\b(?:1er|\d{{1,2}}(?:st|nd|rd|th)?)\s+(?:of\s+)?(?:{_MONTH})\b|\b(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche|yesterday|today|hier|aujourd hui)\b"
)


def gives_day(text: str) -> bool:
    """Whether `text` names a day ("on 25 September", "le 1er avril", "on Thursday"): a month or a year alone does
    not answer "on what exact date…?"."""
    return _DAY.search(_plain(text).replace("'", " ")) is not None
