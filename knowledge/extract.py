"""Turns a plain-text article (French or English) into facts without hand work.

Each sentence that says something checkable (a date, a number, or a person or organisation the
gazetteer knows) becomes a fact whose text is the sentence itself. Curated facts win: a sentence that a
curated fact already rests on is not extracted again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from knowledge.models import Entity, Fact, FactDate, Lang, Localized
from knowledge.normalize import canonical, tokens

_MONTHS = {
    "janvier": 1, "january": 1, "jan": 1, "fevrier": 2, "february": 2, "feb": 2, "mars": 3, "march": 3,
    "avril": 4, "april": 4, "apr": 4, "mai": 5, "may": 5, "juin": 6, "june": 6, "juillet": 7, "july": 7,
    "aout": 8, "august": 8, "aug": 8, "septembre": 9, "september": 9, "sept": 9, "sep": 9, "octobre": 10,
    "october": 10, "oct": 10, "novembre": 11, "november": 11, "nov": 11, "decembre": 12, "december": 12,
    "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(?:le )?([0-3]?\d)(?:er)? ({_MONTH})\.? ((?:19|20)\d\d)\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.? ([0-3]?\d)(?:st|nd|rd|th)?,? ((?:19|20)\d\d)\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.? (?:de |of )?((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b(?:en|in|au|since|depuis|de|of|year|annee)? ?((?:19|20)\d\d)\b")
_NUMBER = re.compile(r"\d")
_SENTENCE_END = re.compile(r"(?<=[.!?…])([\"»”]?)\s+(?=[\"«“A-ZÀÂÇÉÈÊÎÔÛ0-9])")
_ABBREVIATIONS = ("M.", "Mme.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "etc.", "p. ex.", "e.g.", "i.e.", "U.S.")
# A word with a full stop that does not end a sentence: a month as news agencies write it ("Feb. 3", "Sept. 16"),
# a title before a name ("Prof. Lund", "Gov. Ellis").
_SHORT_WORD = re.compile(
    r"(?:^|[\s(])(?:Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec|Prof|Gov|Sen|Rep|Gen|Lt|Col|Jr|Sr|No|Mt|Ste|Mmes|MM|cf|vs)\.$"
)


def split_sentences(text: str) -> list[str]:
    """Sentences of a news text: paragraph breaks, then sentence ends not preceded by an abbreviation."""
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        start = 0
        for boundary in _SENTENCE_END.finditer(paragraph):
            # A closing quote belongs to the sentence it ends: the sentence must stay verbatim.
            piece = paragraph[start : boundary.end(1)].strip()
            if piece.endswith(_ABBREVIATIONS) or _SHORT_WORD.search(piece):
                continue
            if piece:
                sentences.append(piece)
            start = boundary.end()
        tail = paragraph[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


def find_date(sentence: str) -> FactDate | None:
    """The most precise date a sentence states (`2024-12-19`, `19 décembre 2024`, `June 2018`, `en 2016`)."""
    text = canonical(sentence)
    if match := _ISO.search(text):
        return FactDate(match.group(0), "day")
    if match := _DAY_MONTH_YEAR.search(text):
        day, month, year = int(match.group(1)), _MONTHS[match.group(2)], match.group(3)
        if 1 <= day <= 31:
            return FactDate(f"{year}-{month:02d}-{day:02d}", "day")
    if match := _MONTH_DAY_YEAR.search(text):
        month, day, year = _MONTHS[match.group(1)], int(match.group(2)), match.group(3)
        if 1 <= day <= 31:
            return FactDate(f"{year}-{month:02d}-{day:02d}", "day")
    if match := _MONTH_YEAR.search(text):
        return FactDate(f"{match.group(2)}-{_MONTHS[match.group(1)]:02d}", "month")
    if match := _YEAR.search(text):
        return FactDate(match.group(1), "year")
    return None


class Gazetteer:
    """Finds known people, organisations and projects in text through their names and aliases."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._aliases: dict[tuple[str, ...], str] = {}
        for entity in entities:
            for alias in (entity.name, *entity.aliases):
                key = tuple(tokens(alias))
                if key:
                    self._aliases.setdefault(key, entity.id)
        self._longest = max((len(k) for k in self._aliases), default=1)

    def find(self, text: str) -> list[str]:
        words = tokens(text)
        found: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(self._longest, len(words) - i), 0, -1):
                entity = self._aliases.get(tuple(words[i : i + size]))
                if entity is not None:
                    if entity not in found:
                        found.append(entity)
                    i += size
                    break
            else:
                i += 1
        return found


def extract_facts(
    source_id: str,
    text: str,
    lang: Lang,
    gazetteer: Gazetteer,
    *,
    covered: Sequence[str] = (),
) -> list[Fact]:
    """Facts for every checkable sentence of `text` that no curated fact (`covered`) already rests on."""
    taken = {canonical(s) for s in covered}
    facts: list[Fact] = []
    for sentence in split_sentences(text):
        key = canonical(sentence)
        if key in taken or any(key in t or t in key for t in taken if len(t) > 40):
            continue
        date = find_date(sentence)
        entities = gazetteer.find(sentence)
        if not entities and date is None and not _NUMBER.search(sentence):
            continue
        if len(sentence) < 25:
            continue
        digest = hashlib.sha256(key.encode()).hexdigest()[:10]
        facts.append(
            Fact(
                id=f"{source_id}-{digest}",
                kind="statement",
                subject=entities[0] if entities else None,
                entities=tuple(entities),
                source=source_id,
                sentence=sentence,
                text=Localized(sentence, sentence),
                date=date,
                timeline=date is not None,
                curated=False,
            )
        )
    return facts
