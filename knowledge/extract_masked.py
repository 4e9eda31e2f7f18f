"""Sentences with their mentions replaced by placeholders, folded one character for one.

Mentions become `@3@`, so a pattern reads "@0@, the former head of research at @1@, …" whatever the
names; the text is folded (case, accents) without changing its length, so every offset found on it is an
offset in the original and titles or amounts keep their spelling. The patterns' shared pieces live here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from knowledge.extract_dates import date_of
from knowledge.extract_mentions import Mention
from knowledge.models import FactDate
from knowledge.normalize import fold1

E = r"@(\d+)@"
ES = rf"{E}(?:(?:\s*,\s*|\s+(?:and|et)\s+|\s*,\s*(?:and|et)\s+){E})*"
APPO = r"(?:\s*,(?:[^,.]|\d[,.]\d){0,160},|,(?:[^,.]|\d[,.]\d){0,80}?(?=\s+(?:who|qui)\s))?"
TITLE = r"(?P<title>(?:[\w'’-]+\s){0,6}?[\w'’-]+)"
CURRENCY = r"(?:us\s?\$|\$|€|£|eur\s|usd\s|chf\s)"
SCALE = r"(?:millions?|milliards?|billions?|bn|mn|[mk]\b|thousand|mille)"
AMOUNT = (
    rf"(?P<amount>{CURRENCY}?\s?\d[\d.,]*(?:\s?{SCALE})?"
    r"(?:\s(?:de |d'|d’)?(?:dollars?|euros?|livres?|pounds?|francs?)(?: (?:americains|us))?)?\s?[$€£]?)"
)
ROLE_HEADS = frozenset(
    """chief officer head director president vice ceo cto cfo coo cso cpo cmo founder cofounder co-founder engineer
    researcher scientist lead manager partner chair chairman chairwoman boss executive chercheur chercheuse
    directeur directrice presidente responsable pdg dg ingenieur ingenieure fondateur fondatrice cofondateur
    cofondatrice co-fondateur co-fondatrice associe associee chef patron patronne dirigeant dirigeante analyst
    analyste economist economiste professor professeur professeure member membre secretary secretaire minister
    ministre gerant gerante administrateur administratrice adviser advisor conseiller conseillere investor
    investisseur investisseuse spokesperson spokesman spokeswoman porte-parole developer developpeur
    developpeuse designer architect architecte principal vp svp evp lawyer attorney avocat avocate journalist
    journaliste banker banquier banquiere consultant consultante judge juge diplomat diplomate""".split()
)
_NOT_IN_TITLES = frozenset(
    "is was are were be has have had who which that whose est etait sont a ont qui que dont and et while said dit "
    "the le la les joined left founded rejoint quitte fonde".split()
)
_TITLE_ENDS = frozenset("of at for with de d du des chez in en a an un une".split())
FORMER = re.compile(r"^(?:former|ex-|ex|then|previous|ancien|ancienne|ex-|precedent|precedente)\b\s*")
_NEW = re.compile(r"^(?:new|current|nouveau|nouvel|nouvelle|actuel|actuelle|futur|future)\b\s*")


@dataclass(frozen=True, slots=True)
class Relation:
    """One thing a sentence says happened or holds. `subject` is the person or organisation it is about."""

    kind: str  # role | join | leave | found | raise | acquire | sell | based | announce
    subject: str
    org: str | None = None
    others: tuple[str, ...] = ()  # founders (found), investors (raise), places (based), buyer (sell)
    title: str | None = None
    amount: str | None = None
    what: str | None = None  # what was announced or sold, as the article says it
    former: bool = False  # a former role, an earlier round of funding
    future: bool = False  # "will join", "rejoindra": announced, not done yet
    date: FactDate | None = None
    derived: bool = False  # read off a title ("co-founder"), not stated as an event


@dataclass(frozen=True, slots=True)
class Masked:
    original: str  # the sentence with placeholders
    key: str  # `original` folded one for one
    mentions: tuple[Mention, ...]
    context: str | None = None  # the organisation "its", "sa", "joined as CTO" refer to
    main: str | None = None  # the organisation the article is about
    published: FactDate | None = None  # the article's date, for "in January" without a year
    kinds: Mapping[str, str] = field(default_factory=dict)  # entity id → person, organization, place…

    def nearest_person(self, before: int) -> str | None:
        """The person named last before offset `before` ("…Tom Hale, who left X to join Y")."""
        people = [
            self.entity(m.group(1))
            for m in re.finditer(E, self.key[:before])
            if self.kinds.get(self.entity(m.group(1)) or "") == "person"
        ]
        return people[-1] if people else None

    def entity(self, index: str | None) -> str | None:
        if index is None:
            return None
        position = int(index)
        return self.mentions[position].entity if position < len(self.mentions) else None

    def entities(self, text: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m for i in re.findall(E, text) if (m := self.entity(i)) is not None))

    def text(self, start: int, end: int) -> str:
        """The original words between two offsets, names written back in place of their placeholders."""
        return re.sub(E, lambda m: self.mentions[int(m.group(1))].text, self.original[start:end]).strip(" ,;:")


def mask(
    sentence: str,
    mentions: Sequence[Mention],
    context: str | None = None,
    main: str | None = None,
    published: FactDate | None = None,
    kinds: Mapping[str, str] | None = None,
) -> Masked:
    text = sentence.replace("@", " ")
    parts: list[str] = []
    kept: list[Mention] = []
    cursor = 0
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start < cursor:
            continue
        parts.append(text[cursor : mention.start])
        parts.append(f"@{len(kept)}@")
        kept.append(mention)
        cursor = mention.end
    parts.append(text[cursor:])
    original = "".join(parts)
    return Masked(original, fold1(original), tuple(kept), context, main, published, kinds or {})


def title_of(masked: Masked, match: re.Match[str]) -> tuple[str, bool] | None:
    """The role title of a match (without "former"/"new"), and whether it is a former role; None when the
    words matched hold no role word ("@0@, a company that…")."""
    start, end = match.span("title")
    words = masked.key[start:end]
    found = re.findall(r"[\w-]+", words)
    if (
        "@" in words
        or not set(found + re.findall(r"\w+", words)) & ROLE_HEADS
        or set(found) & _NOT_IN_TITLES
        or found[-1] in _TITLE_ENDS
    ):
        return None
    former = bool(FORMER.match(words))
    cut = 0
    while True:
        step = FORMER.match(words[cut:]) or _NEW.match(words[cut:])
        if not step:
            break
        cut += step.end()
    return masked.original[start + cut : end].strip(), former


def clause_date(masked: Masked, start: int) -> FactDate | None:
    """The date stated in the clause a relation was found in (up to the next comma or end)."""
    rest = masked.key[start:]
    cut = re.search(r"[,;]\s+(?!\d)", rest)
    return date_of(rest[: cut.start()] if cut else rest, masked.published)


Rule = tuple[str, re.Pattern[str], Callable[[Masked, re.Match[str]], list[Relation]]]
