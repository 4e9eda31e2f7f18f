"""Names in an article's words: runs of capitalised words, acronyms and their expansions, well-known
places, and the clues around each occurrence that say whether a name is a person, an organisation or a
place. `extract_mentions` turns the candidates into entities and finds them in every sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from knowledge.extract_words import (
    FEMININE,
    KNOWN_PLACES,
    MASCULINE,
    NOT_NAMES,
    ORG_CUES,
    ORG_HEADS,
    ORG_WORDS,
    PERSON_CUES,
    PERSON_VERBS,
    PLACE_CUES,
    TITLES,
    Word,
)
from knowledge.given_names import is_given_name
from knowledge.normalize import fold, tokens
from knowledge.places import is_place

LEGAL = frozenset({"inc", "ltd", "corp", "sa", "sas", "sarl", "gmbh", "llc", "plc", "ag", "nv", "bv", "co", "limited"})
_CONNECTORS = frozenset({"&", "van", "von", "der", "den", "da", "di", "del", "bin", "al", "le", "la"})
_OF = frozenset({"of", "de", "du", "des", "for"})
# Lower-case adjectives French institutions carry after their head word ("École normale supérieure").
_INSTITUTION_ADJECTIVES = frozenset(
    fold(
        "normale normal supérieure supérieur nationale national nationaux polytechnique fédérale fédéral européenne "
        "européen internationale international libre catholique technique technologique centrale royale royal "
        "militaire publique public populaire régionale régional municipale scientifique agronomique"
    ).split()
)
# Words that describe an organisation in an apposition ("Corvid, a start-up that…").
_ORG_NOUNS = frozenset(
    fold(
        "company companies firm start-up startup maker developer provider fund lab laboratory group bank business"
        " platform studio agency manufacturer société societe entreprise jeune pousse fabricant éditeur editeur"
        " fonds groupe banque laboratoire spécialiste specialiste"
    ).split()
)


@dataclass(slots=True)
class Candidate:
    name: str
    words: int
    person: float = 0.0
    org: float = 0.0
    place: float = 0.0
    count: int = 0
    acronym: str | None = None
    introduced: bool = False
    gender: dict[str, int] = field(default_factory=dict)


def slug(name: str) -> str:
    return "-".join(tokens(name)) or "entity"


def name_key(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


class AliasTable:
    """Names and aliases → entity ids, matched longest first on a sentence's words."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, ...], str] = {}
        self._longest = 1

    def add(self, alias: str, entity_id: str, *, override: bool = False) -> None:
        key = name_key(alias)
        if not key or len(key) > 8:
            return
        if override or key not in self._keys:
            self._keys[key] = entity_id
            self._longest = max(self._longest, len(key))

    def get(self, alias: str) -> str | None:
        return self._keys.get(name_key(alias))

    def starting_with(self, word: str) -> set[str]:
        """The ids of every entity with a name or alias whose first word is `word`."""
        first = name_key(word)[:1]
        return {entity for key, entity in self._keys.items() if key[:1] == first} if first else set()

    def find(self, sentence_words: Sequence[Word]) -> list[tuple[str, int, int]]:
        """(entity id, first word, last word + 1) of every alias in the words, longest first, no overlap.

        A one-word alias counts only when written with a capital ("Whisper" the model, not "whisper")."""
        flat: list[tuple[str, int]] = [(key, i) for i, w in enumerate(sentence_words) for key in w.keys]
        found: list[tuple[str, int, int]] = []
        i = 0
        while i < len(flat):
            for size in range(min(self._longest, len(flat) - i), 0, -1):
                key = tuple(k for k, _ in flat[i : i + size])
                entity = self._keys.get(key)
                if entity is None:
                    continue
                first, last = flat[i][1], flat[i + size - 1][1]
                span = sentence_words[first : last + 1]
                if not any(w.capitalised or any(c.isdigit() for c in w.text) for w in span):
                    continue
                # Only whole words: "Jean" must not match inside "Jean-Pierre".
                if (i > 0 and flat[i - 1][1] == first) or (i + size < len(flat) and flat[i + size][1] == last):
                    continue
                found.append((entity, first, last + 1))
                i += size
                break
            else:
                i += 1
        return found


def name_runs(sentence: str, sentence_words: Sequence[Word], taken: set[int]) -> list[tuple[int, int]]:
    """Runs of capitalised words (with `&`, particles and "University of"-style connectors inside), never
    across punctuation ("Corvid Robotics Inc. (CRI)" is a name, then an acronym)."""
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(sentence_words)

    def is_name(w: Word, index: int) -> bool:
        if index in taken or not (w.capitalised or w.acronym) or len(w.text) < 2:
            return False
        return fold(w.text) not in NOT_NAMES or (w.acronym and fold(w.text) not in NOT_NAMES)

    while i < n:
        if not is_name(sentence_words[i], i):
            i += 1
            continue
        j = i + 1
        while j < n:
            w = sentence_words[j]
            if sentence[sentence_words[j - 1].end : w.start].strip() == "&" and is_name(w, j):
                j += 1  # "Fenwick & Lowe", "Harlan Pulp & Paper": one name
                continue
            if sentence[sentence_words[j - 1].end : w.start].strip() in ("d'", "d’") and is_name(w, j):
                j += 1  # "Val d'Orcières", "Musée d'Orsay", "Côte d'Ivoire": one name
                continue
            if sentence[sentence_words[j - 1].end : w.start].strip(" .") or (
                "." in sentence[sentence_words[j - 1].end : w.start] and fold(sentence_words[j - 1].text) not in LEGAL
            ):
                break
            if is_name(w, j) and not sentence_words[j - 1].possessive:
                j += 1
                continue
            if (
                _VERSION.fullmatch(w.text)
                and not _THOUSANDS.match(sentence, w.end)
                and not sentence_words[j - 1].possessive
                and (j + 1 >= n or not is_name(sentence_words[j + 1], j + 1))
            ):
                j += 1  # "Corvid 4", "Vigie 2": a model and its version are one name
                break
            lowered = fold(w.text)
            if fold(sentence_words[j - 1].text) in ORG_HEADS and lowered in _INSTITUTION_ADJECTIVES:
                # "École normale supérieure (de Lyon)", "Institut national…": the adjectives belong to the name.
                def adjacent(a: int) -> bool:  # nothing but a space between word a - 1 and word a
                    return not sentence[sentence_words[a - 1].end : sentence_words[a].start].strip()

                k = j
                while k < n and fold(sentence_words[k].text) in _INSTITUTION_ADJECTIVES and adjacent(k):
                    k += 1
                j = k
                if (
                    k + 1 < n
                    and fold(sentence_words[k].text) in _OF
                    and is_name(sentence_words[k + 1], k + 1)
                    and adjacent(k)
                    and adjacent(k + 1)
                ):
                    j = k + 2
                continue
            joinable = lowered in _CONNECTORS or (lowered in _OF and fold(sentence_words[j - 1].text) in ORG_HEADS)
            if (
                joinable
                and j + 1 < n
                and is_name(sentence_words[j + 1], j + 1)
                and not sentence[w.end : sentence_words[j + 1].start].strip()
            ):
                j += 2
                continue
            break
        runs.append((i, j))
        i = j
    return runs


_VERSION = re.compile(r"\d{1,2}(?:\.\d)?")
# One word with its version joined by a hyphen, and its family's name: "Garance-12B" ("Garance"), "Skarv-1".
HYPHEN_VERSION = re.compile(r"([^\W\d_]{2,})-\d{1,3}[A-Za-z]?")
# The rest of a bigger number ("About 42,000 passengers", "Près de 1 300 exploitations"): not a version.
_THOUSANDS = re.compile(r"[,.\u202f\u00a0 ]\d{3}\b")
_MINOR = frozenset(fold("de du des la le l d pour of for the and et en a à au aux sur on in").split())


def known_places(sentence_words: Sequence[Word], taken: set[int]) -> list[tuple[int, int]]:
    """(first word, last word + 1) of every well-known place of two or three words."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(sentence_words):
        for size in (3, 2):
            span = sentence_words[i : i + size]
            if (
                len(span) == size
                and not taken & set(range(i, i + size))
                and span[0].capitalised
                and fold(" ".join(w.text for w in span)) in KNOWN_PLACES
            ):
                found.append((i, i + size))
                i += size
                break
        else:
            i += 1
    return found


def expansions(sentence: str, sentence_words: Sequence[Word], taken: set[int]) -> list[tuple[int, int, str]]:
    """(first word, last word + 1, acronym) of every "Long Name (ACR)" whose significant words' initials
    spell the acronym, minor words ("de", "pour", "of") skipped."""
    found: list[tuple[int, int, str]] = []
    for match in re.finditer(r"\(\s*([A-Z][A-Z0-9&]{1,7})\s*\)", sentence):
        acronym = match.group(1)
        letters = [c for c in acronym.lower() if c.isalpha()]
        end = max((i for i, w in enumerate(sentence_words) if w.end <= match.start()), default=-1)
        if end < 0:
            continue
        i, need = end, len(letters) - 1
        while i >= 0 and need >= 0:
            word = fold(sentence_words[i].text)
            if word in _MINOR and need < len(letters) - 1:
                i -= 1
                continue
            if i in taken or not word.startswith(letters[need]):
                break
            need -= 1
            i -= 1
        start = i + 1
        if need < 0 and end + 1 - start >= 2 and sentence_words[start].capitalised:
            found.append((start, end + 1, acronym))
    found += _institutions(sentence, sentence_words, taken, {a for a, _, _ in found})
    return found


def _institutions(
    sentence: str, sentence_words: Sequence[Word], taken: set[int], starts: set[int]
) -> list[tuple[int, int, str]]:
    """ "Institut national de recherche en sciences et technologies du numérique (Inria)": a head word
    ("Institut", "University") opening a lower-case name that a short name in parentheses abbreviates,
    whether or not it is its initials."""
    found: list[tuple[int, int, str]] = []
    for match in re.finditer(r"\(\s*([A-Z][A-Za-z0-9&-]{1,11})\s*\)", sentence):
        end = max((i for i, w in enumerate(sentence_words) if w.end <= match.start()), default=-1)
        for head in range(end - 1, max(-1, end - 14), -1):
            gap = sentence[sentence_words[head].end : sentence_words[head + 1].start]
            if head in taken or gap.strip(" '’") or head in starts:
                break
            if sentence_words[head].capitalised and fold(sentence_words[head].text) in ORG_HEADS:
                found.append((head, end + 1, match.group(1)))
                break
    return found


def clean_name(span: Sequence[Word], sentence: str = "") -> tuple[str, str | None]:
    """The name without a leading title ("Mr", "Mme"), and the legal form it ends with, if any."""
    items = list(span)
    # "State Senator Tom Brekke", "Deputy Mayor X": a word before a title qualifies the title.
    while items and (fold(items[0].text) in TITLES or (len(items) > 2 and fold(items[1].text) in TITLES)):
        items = items[1:]
    if len(items) > 2 and items[0].possessive:
        items = items[1:]  # "Canada's Digital Services Commission": the owner is not part of the name
    legal = None
    while len(items) > 1 and fold(items[-1].text) in LEGAL:
        legal = items[-1].text
        items = items[:-1]

    # Inside a run only an ampersand ("Fenwick & Lowe") or an elided "d'" ("Val d'Orcières") stands between two
    # words with more than a space; `sentence`, when given, says which.
    def between(k: int) -> str:
        if not k:
            return ""
        if items[k].start - items[k - 1].end <= 2:
            return " "
        return " d'" if sentence[items[k - 1].end : items[k].start].strip() in ("d'", "d’") else " & "

    name = "".join(between(k) + word.text for k, word in enumerate(items))
    return name, legal


def context_clues(sentence: str, sentence_words: Sequence[Word], start: int, end: int, cand: Candidate) -> None:
    """Add what the words around one occurrence say about the candidate's kind and gender."""
    before = [fold(w.text) for w in sentence_words[max(0, start - 3) : start]]
    after_text = fold(sentence[sentence_words[end - 1].end : sentence_words[end - 1].end + 80])
    last = fold(sentence_words[end - 1].text)
    first = fold(sentence_words[start].text)
    heads = {fold(w.text) for w in sentence_words[start : end - 1]} & ORG_HEADS  # "Federal Court of Appeal"
    if last in ORG_WORDS or first in ORG_HEADS or heads:
        cand.org += 3
    if sentence_words[end - 1].based:
        cand.place += 4
    if cand.acronym or (end - start == 1 and sentence_words[start].acronym):
        cand.org += 1.5
    if before:
        if before[-1] in TITLES:
            cand.person += 3
        if before[-1] in ORG_CUES or (len(before) > 1 and before[-2] in ORG_CUES):
            cand.org += 1
            if set(before) & _ORG_NOUNS:
                cand.introduced = True
        strong = len(before) > 1 and before[-2] in {"based", "basee", "base", "headquartered", "installee", "ville"}
        if before[-1] in PLACE_CUES or before[-2:] in (["pres", "de"], ["ville", "de"], ["near", "the"]):
            # "à Paris", "in Toronto": a one-word name; "succède à Anne Roy" is a person.
            cand.place += 1 if end - start == 1 else 0.25
            if strong:
                cand.place += 2
        if len(before) > 1 and before[-2] in _SITES and before[-1] in _SITE_LINKS:
            cand.place += 2  # "l'usine de Vénissieux", "the plant in Dayton", "le site de Saint-Aubin"
        if before[-1] in {"and", "et", "or", "ou"} and len(before) >= 3 and before[-3] in PLACE_CUES:
            cand.place += 1  # "based in Rotterdam and Toronto"
        if before[-1] in PERSON_CUES or (len(before) > 1 and before[-2] in PERSON_CUES and before[-1] != "of"):
            cand.person += 1.5
    appositive = re.match(
        r"^\s*,\s*(?:the |a |an |its |l |la |le |une? |ancien(?:ne)? |nouvel(?:le)? |actuel(?:le)? |former )*([\w' -]{0,60})",
        after_text,
    )
    if appositive:
        said = set(appositive.group(1).split()[:3])
        if said & PERSON_CUES:
            cand.person += 2
        if said & _ORG_NOUNS:
            cand.org += 2
            cand.introduced = True
    if re.match(
        r"^\s*,\s*(?:pres d|near\b|outside\b|aux portes d|dans la banlieue d|a l (?:est|ouest|nord|sud) d)", after_text
    ):
        cand.place += 2  # "Vénissieux, près de Lyon", "Goole, near Leeds"
    verb = re.match(r"^\s*(?:,[^,]*,\s*)?(\w+)", after_text)
    if verb and verb.group(1) in PERSON_VERBS:
        cand.person += 1 if cand.words > 1 else 0.5
    if re.match(r"^\s*(?:is|est) (?:based|basee|installee|headquartered|located|situee)", after_text):
        cand.org += 2
    # A pronoun speaks of the clause's subject: after a name that opens its clause it is that person's ("Vukovic
    # built her reputation"), after one named by the verb it is the namer's ("named Elena Vukovic as his
    # successor"), and before a name it is someone else's ("his successor, Elena Vukovic").
    opens = start == 0 or _opens_clause(
        sentence[max(0, sentence_words[start].start - _LOOK_BACK) : sentence_words[start].start]
    )
    after = after_text.split()[:4]
    for word in [
        *(w for w in before if w not in _GENDERED_PRONOUNS),
        *(w for w in after if opens or w not in _GENDERED_PRONOUNS),
    ]:
        if word in FEMININE:
            cand.gender["f"] = cand.gender.get("f", 0) + 1
        elif word in MASCULINE:
            cand.gender["m"] = cand.gender.get("m", 0) + 1


_GENDERED_PRONOUNS = frozenset("he him his she her elle il".split())
_CLAUSE_MARKS = tuple(',;:(«"“')
_CLAUSE_JOINS = frozenset({"and", "et", "but", "mais"})
# How far back `_opens_clause` looks: past a mark or a joining word and the spaces after it. Only the text just
# before a name is read, never the whole sentence before it: a sentence listing thousands of names stays linear.
_LOOK_BACK = 40


def _opens_clause(before: str) -> bool:
    """Whether the text just `before` a name ends a clause: a comma, colon, bracket or quote, or "and", "but"…"""
    before = before.rstrip()
    if before.endswith(_CLAUSE_MARKS):
        return True
    last = before.rsplit(None, 1)[-1] if before else ""
    return last.lstrip("".join(_CLAUSE_MARKS)) in _CLAUSE_JOINS


# Where something stands: "l'usine de Vénissieux", "the plant in Dayton" name a place.
_SITES = frozenset(
    "usine usines site sites entrepot entrepots plant plants factory factories warehouse depot mine port aeroport"
    " airport gare campus".split()
)
_SITE_LINKS = frozenset({"de", "d", "in", "at", "a"})


def kind_of(cand: Candidate) -> str:
    if fold(cand.name) in KNOWN_PLACES:
        return "place"
    if " & " in cand.name:
        return "organization"  # "Fenwick & Lowe", "Harlan Pulp & Paper": partners' names make a firm's
    if cand.words >= 2 and _VERSION.fullmatch(cand.name.split()[-1]):
        return "product"  # "Corvid 4", "Vigie 2": people and companies have no version number
    if HYPHEN_VERSION.fullmatch(cand.name):
        return "product"  # "Garance-12B", "Skarv-1": the same, in one word
    if is_place(cand.name) and cand.person == 0 and cand.org <= cand.place + 1:
        return "place"  # "Luxembourg", "Bruxelles": a country or a big city, unless the text says otherwise
    if cand.place > max(cand.person, cand.org) and (cand.words == 1 or (cand.words == 2 and cand.place >= 1)):
        return "place"
    if " d'" in cand.name and cand.person < 3:
        # "Val d'Orcières", "Musée d'Orsay": a name joined by "d'" is a body's or a place's, whatever "Val" is
        return "place" if cand.place > cand.org else "organization"
    if (
        cand.words in (2, 3)
        and is_given_name(cand.name.split()[0])
        and fold(cand.name.split()[-1]) not in ORG_WORDS
        and cand.org <= cand.person + 2
    ):
        # "Claire Monteil, présidente du groupe…", "Tom Reinholt, said the group…": a first name and a surname are
        # someone's, though the group they speak for stands beside them; "Morgan Stanley" needs the text to say so.
        return "person"
    if cand.org >= cand.person and (cand.org > 0 or cand.words == 1):
        return "organization"
    if cand.words == 1 and cand.person < 2:
        return "organization"
    if _TOWN.fullmatch(fold(cand.name)) and cand.person < 3:
        return "place"  # "Valmont-sur-Loire", "Bréval-la-Forêt", "Saint-Étienne"
    if cand.person < 3 and not is_given_name(cand.name.split()[0]):
        # "Veltrion Semiconductor", "Calder Rail", "Tondo T9": a name with no first name before it is a
        # company's or a thing's, unless the text says plainly it is someone's ("Mr", "says she", "CEO").
        return "organization"
    return "person"


# A French place name of several words joined by hyphens, matched folded: "X-sur-Y", "X-la-Y", "Saint-X".
_TOWN = re.compile(
    r"(?:(?:saint|sainte|st|ste|le|la|les)-[a-z' ]+|[a-z' ]+-(?:sur|sous|en|la|le|les|de|du|des|aux|pres)-[a-z' -]+)",
    re.IGNORECASE,
)
