"""What sort of thing a question wants named in its answer, when it says so: "which company…?".

"Which company did Ashworth work for before Meridian?" shares its words with the sentence saying he joined
Meridian in 2019; only the question's own words tell that its answer must name *another* company. A fact
that names no organisation besides those the question already gives cannot answer it, however close its
words are — "which university was he at?" is not answered by a sentence that names none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA

from knowledge.given_names import is_given_name
from knowledge.normalize import canonical, fold
from knowledge.wordfreq import zipf

ORGANIZATION = "organization"
PERSON = "person"

_ORG_NOUNS = (
    r"(?:compan(?:y|ies)|firms?|start[- ]?ups?|labs?|laborator(?:y|ies)|organi[sz]ations?|employers?|rivals?"
    r"|competitors?|suppliers?|manufacturers?|(?:car|auto)?makers?|universit(?:y|ies)|colleges?|institutes?|agenc(?:y|ies)|regulators?|banks?"
    r"|entreprises?|societes?|boites?|labos?|laboratoires?|employeurs?|concurrents?|universites?|ecoles?"
    r"|instituts?|fournisseurs?|equipementiers?|constructeurs?|fabricants?|agences?|regulateurs?|banques?|firmes?|jeunes?\s+pousses?"
    r"|investors?|investisseurs?|backers?"
    # Any other kind of body a story names: "which foundry", "quel cabinet", "which consumer groups", "quels hôpitaux".
    r"|foundr(?:y|ies)|fonderies?|cabinets?|groups?|groupes?|associations?|unions?|syndicats?|hospitals?|hopitals?"
    r"|hopitaux|funds?|fonds|clubs?|airlines?|operators?|operateurs?|exploitants?|retailers?|distributeurs?|insurers?"
    r"|assureurs?|newspapers?|journa(?:l|ux)|authorit(?:y|ies)|autorites?|ministr(?:y|ies)|ministeres?"
    r"|museums?|musees?|cooperatives?|brands?|marques?|contractors?|prestataires?"
    r"|sous[- ]traitants?|carriers?|transporteurs?|studios?|consortium|consortiums?|developers?|developpeurs?)"
)
# "which company", "what new start-up", "quelle entreprise", "pour quel concurrent", "chez quelle société";
# and "what is his new company called", "le nom de sa start-up", "comment s'appelle sa société"; "who were the
# investors", "qui sont les nouveaux investisseurs", "name the investors".
_WANTS_ORGANIZATION = re.compile(
    rf"\b(?:which|what|quel|quelle|quels|quelles)\s+(?:[\w']+\s+)?{_ORG_NOUNS}\b"
    rf"|\bnames?\s+of\s+(?:[\w']+\s+){{0,2}}{_ORG_NOUNS}\b|\bnoms?\s+(?:de|du|des|d)\s+(?:[\w']+\s+){{0,2}}{_ORG_NOUNS}\b"
    # Keywords and afterthoughts: "OpenAI new investors names", "investisseurs openai noms", "which other AI companies
    # is he teaming up with, any names?"
    rf"|\b{_ORG_NOUNS}\s+(?:[\w']+,?\s+){{0,5}}(?:names|noms|(?:any|their|leurs?)\s+names?)\b"
    rf"|\b{_ORG_NOUNS}\s+(?:(?:gonna|going\s+to|will|is|be)\s+)*(?:called|named)\b"
    rf"|\bcomment\s+(?:s\s+)?appelle\s+(?:\w+\s+){{0,2}}{_ORG_NOUNS}\b"
    rf"|\b(?:who|qui)\s+(?:exactly\s+|really\s+|actually\s+|donc\s+|exactement\s+)?(?:are|were|sont|etaient|est|etait)"
    rf"\s+(?:exactly\s+|exactement\s+)?(?:the|les|ces|those|these)\s+(?:\w+\s+)?{_ORG_NOUNS}\b"
    rf"|\bname\s+(?:the|those|these)\s+(?:\w+\s+)?{_ORG_NOUNS}\b"
)


_TITLES = (
    r"(?:ceo|cto|cfo|coo|chief executive|boss|chair(?:man|woman)?|president|pdg|patronne?|dirigeante?|presidente?"
    r"|directeur general|directrice generale)"
)
# "Who founded Quillo?", "who runs the bank now", "qui dirige Kestrel ?", "who is the new CEO of Veltris?": the
# answer names a person. Not "who led the round" nor "who made the trains": a fund or a maker answers those. The
# question's own "who" only, not a relative pronoun ("one of the people who founded OpenAI").
_WANTS_PERSON = re.compile(
    r"(?:^|[.?!;:]\s*|\b(?:and|so|then|but|et|alors|mais|donc)\s+)(?:who|qui)\s+(?:"
    r"(?:(?:has|had|will|would|a|va|is|was|did|does|currently|now|actuellement)\s+)*"
    r"(?:co-?)?(?:founded|found|fonde|cofonde|runs|run|running|heads|chairs|directs|manages|replaced|replace|replaces"
    r"|replacing|succeeded|succeed|succeeds|dirige|dirigeait|dirigera|preside|presidait|remplace|remplacera"
    r"|remplacer|succede|succedera)\b"
    rf"|(?:is|was|will be|s|est|etait|sera)\s+(?:the\s+|le\s+|la\s+|l\s+)?"
    rf"(?:new\s+|current\s+|nouveau\s+|nouvelle\s+|actuel\s+|actuelle\s+)?{_TITLES}\b"
    r"|(?:is|was|s|est|etait)\s+(?:now\s+|currently\s+|desormais\s+|maintenant\s+)?"
    r"(?:in charge of|at the head of|running|a la tete d|aux commandes d|en charge d))"
    # "Which two board members voted against?", "quels élus ont voté contre ?": people, to be named
    r"|\b(?:which|what|quel|quels|quelle|quelles)\s+(?:(?!of\b|de\b|des\b|du\b|d\b)\w+\s+){0,2}?(?:members?|membres?|people|persons?|personnes?"
    r"|directors?|administrat(?:eur|rice)s?|executives?|officials?|councillors?|conseill(?:er|ere)s?|elus?|elues?"
    r"|judges?|juges?|players?|joueu(?:r|se)s?|lawyers?|avocate?s?|researchers?|chercheu(?:r|se)s?|scientists?"
    r"|doctors?|medecins?)\b"
)


# Keywords for a title: "Lucky Rook Gaming CEO?", "pdg kestrel", "boss of Velden?" ask who holds it.
_WORD = r"[\w'-]+"
# Not a name: a question word or a verb ("How old is the CEO?", "When did he become CEO?"), or what is asked of the
# title's holder ("CEO salary?", "PDG depuis quand ?").
_NOT_A_NAME = (
    r"(?:how|when|why|where|what|which|who|is|was|are|did|does|do|has|have|will|can|could|there|quand|comment"
    r"|pourquoi|ou|qui|quel|quelle|est|a|salary|pay|age|salaire|depuis|since|become|became|devenu|devenue|the)"
)
_TITLE_KEYWORDS = re.compile(
    rf"^(?!{_NOT_A_NAME}\b){_WORD}(?:\s+{_WORD}){{0,3}}\s+(?:new\s+|current\s+|nouveau\s+|nouvelle\s+)?{_TITLES}\s*\??$"
    rf"|^(?:new\s+|current\s+|nouveau\s+|nouvelle\s+)?{_TITLES}\s+(?:of\s+|de\s+|d\s+|du\s+|chez\s+)?"
    rf"(?!{_NOT_A_NAME}\b){_WORD}(?:\s+{_WORD}){{0,3}}\s*\??$"
)


def wanted_kind(question: str) -> str | None:
    """The entity kind the answer must name that the question does not ("organization", "person"), or None."""
    text = canonical(question)
    if _WANTS_ORGANIZATION.search(text):
        return ORGANIZATION
    return PERSON if _WANTS_PERSON.search(text) or _TITLE_KEYWORDS.search(text.strip()) else None


_FULL_NAME = re.compile(r"\b([A-ZÀ-Ý][\w'-]+)\s+[A-ZÀ-Ý][\w'-]+")


@lru_cache(maxsize=4096)
def names_a_person(text: str) -> bool:
    """Whether `text` gives someone's full name ("Alice Zentra left Paldan AI…"), known to the store or not: a
    first name followed by a capitalised word, as the extraction decides who is a person."""
    return any(is_given_name(match.group(1)) for match in _FULL_NAME.finditer(text))


_COUNTED = re.compile(r"\b(?:how many|combien d['’]\s*|combien de\s+)\s*((?:[a-z0-9'’-]+\s*){1,4})")


def counted_words(question: str) -> str | None:
    """The words after "how many" / "combien de" ("how many *employees*", "combien de *salariés*"): what the
    answer must count. None when the question counts nothing ("how much", "combien coûte…")."""
    found = _COUNTED.search(fold(question))
    return found.group(1).strip() if found else None


_SINCE_WHEN = re.compile(
    r"\b(?:since when|depuis quand|depuis combien de temps|(?:ca|cela) fait combien de (?:temps|mois|ans|annees) qu|"
    r"(?:for )?how long (?:(?:has|have|had|did|is|was) \w+(?: \w+){0,5}?|\w+(?: \w+){0,5}? (?:has|have|had)) "
    r"(?:been|worked|work|led|held|served|headed|chaired|stayed|in charge|in office|in post)\b|"
    # "how long has she been at Kestrel", not "how long did the strike at Sète go on" (a span answers that)
    r"(?:for )?how long (?:has|have|had|is|was) (?!the |a |an |this |that |its |their )\w+(?: \w+){0,3}? at\b|"
    r"how many years (?:has|have|had|did) \w+)"
)


def asks_since_when(question: str) -> bool:
    """Whether the question asks since when, or for how long, a state has held ("How long has Okonjo been chief
    executive?", "Depuis quand dirige-t-il Pellucid ?"): only a fact saying so answers (see `tells_since`)."""
    return _SINCE_WHEN.search(" ".join(re.findall(r"\w+", fold(question)))) is not None


# People a story mentions by their role alone: "a Wall Street analyst said…", "un porte-parole a indiqué…".
_ROLES = (
    r"(?:analysts?|analystes?|spokes(?:wo)?m[ae]n|spokespersons?|porte-?paroles?|lawyers?|attorneys?|avocate?s?"
    r"|economists?|economistes?|experts?|officials?"
    r"|judges?|juges?|professors?|professeure?s?|researchers?|chercheuse?s?|chercheurs?"
    r"|engineers?|ingenieure?s?|doctors?|medecins?|victims?|victimes?|journalists?|journalistes?"
    r"|representatives?|representante?s?|delegue(?:e|s|es)?|mayors?|maires?|ministers?|ministres?)"
)
_LEADS = r"(?:the|a|an|this|that|le|la|les|l|un|une|cet|cette|ce)\s+"
# "What's the name of the Wall Street analyst quoted?", "comment s'appelle l'analyste cité ?", "analyst name?",
# "who is the analyst quoted in the article?", "the analyst quoted, what's his name?": the answer must give the name of
# that person.
_NAME_OF_ROLE = re.compile(
    rf"\b(?:name|nom)\s+(?:of|de|du|des|d)\s+(?:{_LEADS})?(?:\w+\s+){{0,3}}?(?P<a>{_ROLES})\b"
    rf"|\bcomment\s+(?:s\s+)?app?ell?e(?:nt)?\s+(?:{_LEADS})?(?:\w+\s+){{0,3}}?(?P<b>{_ROLES})\b"
    rf"|\bapp?ell?e(?:nt)?\s+comment\s+(?:{_LEADS})?(?:\w+\s+){{0,3}}?(?P<e>{_ROLES})\b"
    rf"|\b(?P<c>{_ROLES})(?:'s|’s)?\s+(?:\w+\s+){{0,3}}?(?:name|nom)\b"
    rf"|\b(?:who|qui)\s+(?:is|was|s|est|etait)\s+{_LEADS}(?:\w+\s+){{0,3}}?(?P<d>{_ROLES})\b"
    rf"|\b(?P<f>{_ROLES})\b.*\b(?:his|her|their|son|sa|leur)\s+(?:names?|noms?)\b"
)


# The role words a question may misspell ("analist", "anaylst"): mended before `_NAME_OF_ROLE` reads it.
_ROLE_WORDS = tuple(
    "analyst analysts analyste analystes spokesman spokeswoman spokesperson lawyer lawyers attorney avocat avocate"
    " economist economists economiste expert official judge professor professeur researcher chercheur chercheuse"
    " engineer ingenieur journalist journaliste representative mayor minister ministre".split()
)


def _mend_roles(text: str) -> str:
    """`text` with a word one slip away from a role word (a letter off, two swapped) spelled as that word."""

    def mend(found: re.Match[str]) -> str:
        word = found.group(0)
        if len(word) < 6 or word in _ROLE_WORDS:
            return word
        near = [role for role in _ROLE_WORDS if abs(len(role) - len(word)) <= 1 and OSA.distance(role, word) == 1]
        # "journalism", "researched" are words of their own (the frequency list is read only for a near miss: a
        # cold `ask` need not load it).
        return near[0] if len(near) == 1 and zipf(word) is None else word

    return re.sub(r"[a-z]+", mend, text)


def name_of_role(question: str) -> str | None:
    """The role of the person whose name the question asks ("the name of the analyst" → "analyst"), or None."""
    text = canonical(question)
    found = _NAME_OF_ROLE.search(text) or _NAME_OF_ROLE.search(_mend_roles(text))
    if found is None:
        return None
    return next(group for group in found.groups() if group)


_NEW_ORG = (
    r"(?:compan(?:y|ies)|firms?|start[- ]?ups?|labs?|laborator(?:y|ies)|ventures?|entreprises?|societes?|boites?"
    r"|labos?|laboratoires?|structures?)"
)
# "What's the name of Radford's new startup?", "comment s'appelle la nouvelle boîte de Radford ?", "le labo que
# Radford va créer, il s'appelle comment ?": the answer must give that organisation's name beside the noun.
_NAME_OF_NEW_ORG = re.compile(
    rf"\b(?:name|nom|called|named|appell?e|apelle)\b.*\b(?:new|nouveau|nouvel+e?|own|propre)\s+(?:\w+\s+){{0,2}}?(?P<a>{_NEW_ORG})\b"
    rf"|\b(?:new|nouveau|nouvel+e?|own|propre)\s+(?:\w+\s+){{0,2}}?(?P<b>{_NEW_ORG})\b.*\b(?:name|nom|called|named|appell?e|apelle)\b"
    rf"|\b(?P<c>{_NEW_ORG})\s+(?:que|qu|qui)\s+.*\b(?:va|compte|veut)\s+(?:creer|monter|lancer|fonder)\b"
)


def name_of_new_organisation(question: str) -> str | None:
    """The noun of a new organisation whose name the question asks ("Radford's new startup" → "startup")."""
    found = _NAME_OF_NEW_ORG.search(canonical(question))
    return next(group for group in found.groups() if group) if found else None


_ORG_MENTION = re.compile(rf"\b{_NEW_ORG}(?![\w'’-])")
_NAME_AFTER = re.compile(r"^(?:\s+[a-zà-ÿ'’-]+){0,2}\s*,?\s+[A-ZÀ-Ý]")
_NAME_BEFORE = re.compile(r"[A-ZÀ-Ý][\w'’-]*\s*,\s*(?:[\w'’-]+\s+){0,3}$")


def _searchable(text: str) -> str:
    """`text` folded and lower-cased for searching, its offsets still those of `text` (folding keeps the length of
    nearly every text; one it would change is only lower-cased)."""
    folded = fold(text).lower()
    return folded if len(folded) == len(text) else text.lower()


def organisation_named(texts: Iterable[str]) -> bool:
    """Whether `texts` give a name beside a company, start-up or lab they mention ("its new company, Corvid
    Robotics", "la start-up Aéroculture", "Lanternfish, the startup…"): a fact that never mentions such a thing
    does not name it, whichever of those nouns the question used."""
    for text in texts:
        for mention in _ORG_MENTION.finditer(_searchable(text)):
            after = text[mention.end() : mention.end() + 40]
            before = text[max(0, mention.start() - 40) : mention.start()]
            if _NAME_AFTER.match(after) or _NAME_BEFORE.search(before):
                return True
    return False


# The name given to someone mentioned by role: right after it, past a few words of place or employer and a comma
# ("the analyst Jane Doe", "an analyst at Fenwick, Jane Doe", "le porte-parole de la société, Jean Dupont"), or
# right before it ("Rosalind Achterberg, an analyst at…", "David Aranda, the company's general counsel").
_LINKS = r"(?:of|at|for|with|in|de|du|des|d'|d’|chez|the|la|le|l'|l’|les|a|an)"
_AFTER_ROLE = re.compile(rf"^(?:\s+{_LINKS}(?![\w'’-])(?:\s+[\w'’-]+){{0,3}})?\s*,?\s*$")
_BEFORE_ROLE = re.compile(r"^\s*,\s*(?:[\w'’-]+\s+){0,4}$")


def role_named(texts: Iterable[str], role: str) -> bool | None:
    """Whether `texts` (a fact's) give a name to the someone they mention by `role`; None when they mention no
    such role. "A Wall Street analyst said that the departure of… Alec Radford" does not say who the analyst is."""
    found = [named for text in texts if (named := _names_role(text, role)) is not None]
    return any(found) if found else None


def _singular(word: str) -> str:
    """`word` without its plural or feminine ending, so its other forms start with it ("analystes" → "analyst")."""
    word = fold(word).lower()
    for ending in ("es", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _names_role(text: str, role: str) -> bool | None:
    mentions = list(re.finditer(rf"\b{re.escape(_singular(role))}[\w'’-]*", _searchable(text)))
    if not mentions:
        return None
    names = [m for m in _FULL_NAME.finditer(text) if is_given_name(m.group(1))]
    return any(
        _AFTER_ROLE.match(text[mention.end() : name.start()]) or _BEFORE_ROLE.match(text[name.end() : mention.start()])
        for mention in mentions
        for name in names
        if name.start() >= mention.end() or name.end() <= mention.start()
    )


_WORKS = (
    r"(?:papers?|articles?|studies|study|reports?|books?|talks?|speech(?:es)?|keynotes?|presentations?|lectures?"
    r"|films?|movies?|albums?|songs?|novels?|plays?|shows?|exhibitions?|posts?|blog\s+posts?|thes[ie]s|essays?"
    r"|documentar(?:y|ies)|podcasts?|papiers?|etudes?|rapports?|livres?|conferences?|interventions?|discours|exposes?"
    r"|chansons?|romans?|pieces?|spectacles?|expositions?|memoires?|documentaires?|oeuvres?|tableaux?|paintings?)"
)
# "of the", "of Sutskever's", "de la", "de sa", "de l'" (read as two spaces): not "titre de conférence".
_DETERMINERS = r"(?:\s+(?:the|his|her|its|their|this|that|la|le|les|sa|son|ses|cette|ce|cet|leur|\w+'s)\s+|\s\s)"
# "What was the title of Sutskever's talk?", "le titre exact de l'article de GPT-2", "GPT-2 paper title?", "what was
# the 2018 paper called?", "comment s'appelait son exposé ?", "l'intitulé de la conférence": the answer must give
# the work's title, which a story quotes. Not "his job title" nor "le titre de directeur".
_TITLE_OF_WORK = re.compile(
    rf"\b(?:title|titre|intitule)\s+(?:exact\s+)?(?:(?:of|de|d){_DETERMINERS}|du\s+|des\s+)(?:[\w']+\s+){{0,4}}?{_WORKS}\b"
    rf"|\b{_WORKS}\s+(?:[\w']+\s+){{0,2}}?(?:title|titre)s?\b"
    rf"|\b(?:what|how)\s+(?:was|is|s)\s+(?:[\w']+\s+){{0,4}}?{_WORKS}\s+(?:[\w']+\s+){{0,3}}?(?:called|named|titled)\b"
    rf"|\bcomment\s+(?:s\s+)?app?ell?(?:e|ait|ent|aient)\s+(?:[\w']+\s+){{0,3}}?{_WORKS}\b"
    rf"|\b{_WORKS}\s+(?:[\w']+\s+){{0,4}}?(?:s\s+)?app?ell?(?:e|ait|ent|aient)\s+comment\b"
)
_QUOTED = re.compile(r"[«“\"‘]\s*[^«»“”\"‘’\s]+(?:\s+[^«»“”\"‘’\s]+)+\s*[»”\"’]")


def asks_title(question: str) -> bool:
    """Whether the question asks the title of a paper, talk, book… (see `_TITLE_OF_WORK`)."""
    return _TITLE_OF_WORK.search(canonical(question)) is not None


def quotes_title(text: str) -> bool:
    """Whether `text` quotes something of two words or more ("the paper “Language Models are…”", « Terres d'Ombre »):
    how a story gives a title. A sentence that names no title does not answer "what was the talk called?"."""
    return _QUOTED.search(text) is not None


# "On what exact date…", "which day", "quel jour exactement", "à quelle date précise": the day ("when exactly…,
# month and year" is said loosely).
_EXACT_DAY = re.compile(
    r"\b(?:(?:exact|precise|specific)\s+(?:date|day)|(?:what|which)\s+day\b(?!\s+of\s+the\s+week)"
    r"|date\s+(?:exacte|precise)|quel\s+jour\b|quelle\s+date\s+(?:exacte|precise))"
)


def asks_exact_day(question: str) -> bool:
    """Whether the question asks on which day something happened ("On what exact date did he resign?")."""
    return _EXACT_DAY.search(canonical(question)) is not None
