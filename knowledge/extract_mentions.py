"""Who and what an article talks about: the gazetteer's entities, and the names it introduces.

Two passes over the article. The first collects names: known aliases, runs of capitalised words
("Corvid Robotics Inc."), acronyms with their expansion ("Corvid Robotics Inc. (CRI)"), and the clues
around each occurrence that say whether it is a person ("Nadia Verhoeven, the former head of research…",
"said"), an organisation ("at Helix", "la start-up CRI", "…Inc.") or a place ("based in Rotterdam").
A surname or first name alone, or the first word of an organisation, is an alias of the full name.
The second pass finds every mention in every sentence, and links "she", "il", "the company" or
"la société" to the person or organisation the article was last talking about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
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
    words,
)
from knowledge.models import Entity
from knowledge.normalize import fold, tokens

_LEGAL = frozenset({"inc", "ltd", "corp", "sa", "sas", "sarl", "gmbh", "llc", "plc", "ag", "nv", "bv", "co", "limited"})
_CONNECTORS = frozenset({"&", "van", "von", "der", "den", "da", "di", "del", "bin", "al", "le", "la"})
_OF = frozenset({"of", "de", "du", "des", "for"})
_PERSON_PRONOUNS = {"he": "m", "she": "f", "il": "m", "elle": "f"}
_IMPERSONAL = re.compile(r"^\s*(?:y a|faut|s'agit|s’agit|est (?:prevu|possible|probable|clair|vrai))", re.IGNORECASE)
_ORG_ANAPHORA = re.compile(
    r"\b(?:the (?:company|firm|start-?up|startup|group|business|lab)|its|la (?:soci[ée]t[ée]|start-?up|jeune pousse"
    r"|firme)|l['’]entreprise|le groupe|(?<=that )it(?= (?:has|had|will|would|is|was)\b))\b",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"\s+(?:said|says|told|added|announced|confirmed|a (?:indiqu|pr[ée]cis|d[ée]clar|annonc|confirm)|indique|pr[ée]cise)",
    re.IGNORECASE,
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
class Found:
    """An entity of the article: from the gazetteer (`known`) or discovered in the text."""

    id: str
    kind: str
    name: str
    aliases: set[str] = field(default_factory=set)
    known: bool = False
    gender: str | None = None
    role: dict[str, str] = field(default_factory=dict)  # lang → the role the article gives (an apposition)

    def entity(self) -> Entity:
        from knowledge.models import Localized

        role_en = self.role.get("en") or self.role.get("fr") or ""
        role_fr = self.role.get("fr") or self.role.get("en") or ""
        aliases = tuple(sorted(a for a in self.aliases if a != self.name))
        return Entity(self.id, self.kind, self.name, aliases, Localized(role_en, role_fr))


@dataclass(frozen=True, slots=True)
class Mention:
    entity: str
    start: int
    end: int
    text: str
    pronoun: bool = False


@dataclass(slots=True)
class _Candidate:
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


def _key(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


class AliasTable:
    """Names and aliases → entity ids, matched longest first on a sentence's words."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, ...], str] = {}
        self._longest = 1

    def add(self, alias: str, entity_id: str, *, override: bool = False) -> None:
        key = _key(alias)
        if not key or len(key) > 8:
            return
        if override or key not in self._keys:
            self._keys[key] = entity_id
            self._longest = max(self._longest, len(key))

    def get(self, alias: str) -> str | None:
        return self._keys.get(_key(alias))

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


def _name_runs(sentence: str, sentence_words: Sequence[Word], taken: set[int]) -> list[tuple[int, int]]:
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
            if sentence[sentence_words[j - 1].end : w.start].strip(" .") or (
                "." in sentence[sentence_words[j - 1].end : w.start] and fold(sentence_words[j - 1].text) not in _LEGAL
            ):
                break
            if is_name(w, j) and not sentence_words[j - 1].possessive:
                j += 1
                continue
            lowered = fold(w.text)
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


_MINOR = frozenset(fold("de du des la le l d pour of for the and et en a à au aux sur on in").split())


def _known_places(sentence_words: Sequence[Word], taken: set[int]) -> list[tuple[int, int]]:
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


def _expansions(sentence: str, sentence_words: Sequence[Word], taken: set[int]) -> list[tuple[int, int, str]]:
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
    return found


def _clean_name(span: Sequence[Word]) -> tuple[str, str | None]:
    """The name without a leading title ("Mr", "Mme"), and the legal form it ends with, if any."""
    items = list(span)
    while items and fold(items[0].text) in TITLES:
        items = items[1:]
    legal = None
    while len(items) > 1 and fold(items[-1].text) in _LEGAL:
        legal = items[-1].text
        items = items[:-1]
    return " ".join(w.text for w in items), legal


def _context_clues(sentence: str, sentence_words: Sequence[Word], start: int, end: int, cand: _Candidate) -> None:
    """Add what the words around one occurrence say about the candidate's kind and gender."""
    before = [fold(w.text) for w in sentence_words[max(0, start - 3) : start]]
    after_text = fold(sentence[sentence_words[end - 1].end : sentence_words[end - 1].end + 80])
    last = fold(sentence_words[end - 1].text)
    first = fold(sentence_words[start].text)
    if last in ORG_WORDS or first in ORG_HEADS:
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
        if before[-1] in PLACE_CUES or before[-2:] in (["pres", "de"], ["ville", "de"], ["near", "the"]):
            cand.place += 1
            if len(before) > 1 and before[-2] in {"based", "basee", "base", "headquartered", "installee", "ville"}:
                cand.place += 2
        if before[-1] in {"and", "et", "or", "ou"} and len(before) >= 3 and before[-3] in PLACE_CUES:
            cand.place += 1  # "based in Rotterdam and Toronto"
        if before[-1] in PERSON_CUES or (len(before) > 1 and before[-2] in PERSON_CUES and before[-1] != "of"):
            cand.person += 1.5
    appositive = re.match(
        r"^\s*,\s*(?:the |a |an |its |l |la |le |une? |ancienne? |nouvelle? |actuelle? |former )*([\w' -]{0,60})",
        after_text,
    )
    if appositive:
        said = set(appositive.group(1).split()[:3])
        if said & PERSON_CUES:
            cand.person += 2
        if said & _ORG_NOUNS:
            cand.org += 2
            cand.introduced = True
    verb = re.match(r"^\s*(?:,[^,]*,\s*)?(\w+)", after_text)
    if verb and verb.group(1) in PERSON_VERBS:
        cand.person += 1 if cand.words > 1 else 0.5
    if re.match(r"^\s*(?:is|est) (?:based|basee|installee|headquartered|located|situee)", after_text):
        cand.org += 2
    for word in [*before, *after_text.split()[:4]]:
        if word in FEMININE:
            cand.gender["f"] = cand.gender.get("f", 0) + 1
        elif word in MASCULINE:
            cand.gender["m"] = cand.gender.get("m", 0) + 1


def _kind(cand: _Candidate) -> str:
    if fold(cand.name) in KNOWN_PLACES:
        return "place"
    if cand.place > max(cand.person, cand.org) and cand.words <= 2:
        return "place"
    if cand.org >= cand.person and (cand.org > 0 or cand.words == 1):
        return "organization"
    if cand.words == 1 and cand.person < 2:
        return "organization"
    return "person"


class Mentions:
    """The entities of one article and where each sentence mentions them."""

    def __init__(self, sentences: Sequence[str], known: Iterable[Entity]) -> None:
        self.sentences = list(sentences)
        self.words = [words(s) for s in self.sentences]
        self.table = AliasTable()
        self.found: dict[str, Found] = {}
        self._known: dict[str, Entity] = {}
        self._introduced: dict[str, float] = {}
        self.main_org: str | None = None  # organisations the text introduces as one ("a new company, X")
        for entity in known:
            self._known[entity.id] = entity
            for alias in (entity.name, *entity.aliases):
                self.table.add(alias, entity.id)
        self._discover()
        self.by_sentence: list[list[Mention]] = self._link()

    # -- discovery -------------------------------------------------------------------------------------
    def _discover(self) -> None:
        candidates: dict[tuple[str, ...], _Candidate] = {}
        order: list[tuple[str, ...]] = []
        capital_elsewhere: set[tuple[str, ...]] = set()
        runs_per_sentence: list[list[tuple[int, int, tuple[str, ...]]]] = []
        for sentence, sentence_words in zip(self.sentences, self.words, strict=True):
            taken: set[int] = set()
            for entity_id, a, b in self.table.find(sentence_words):
                taken.update(range(a, b))
                self._touch_known(entity_id)
            runs: list[tuple[int, int, tuple[str, ...]]] = []
            for a, b in _known_places(sentence_words, taken):
                # "the United States", "l'Union européenne": places whatever words they are made of.
                name = sentence[sentence_words[a].start : sentence_words[b - 1].end]
                key = _key(name)
                taken.update(range(a, b))
                cand = candidates.get(key)
                if cand is None:
                    cand = candidates[key] = _Candidate(name, len(key), place=10.0)
                    order.append(key)
                cand.count += 1
                capital_elsewhere.add(key)
            for a, b, short in _expansions(sentence, sentence_words, taken):
                # "Fonds européen pour la souveraineté numérique (FESN)": a name with lower-case words.
                # Its own spelling, without a legal form ("Corvid Robotics Inc. (CRI)" is Corvid Robotics).
                cleaned, legal = _clean_name(sentence_words[a:b])
                name = cleaned if legal else sentence[sentence_words[a].start : sentence_words[b - 1].end]
                key = _key(name)
                taken.update(range(a, b))
                cand = candidates.get(key)
                if cand is None:
                    cand = candidates[key] = _Candidate(name, len(key), org=3.0, acronym=short)
                    order.append(key)
                cand.count += 1
                capital_elsewhere.add(key)
            for a, b in _name_runs(sentence, sentence_words, taken):
                name, _legal = _clean_name(sentence_words[a:b])
                key = _key(name)
                if not key:
                    continue
                if a > 0:
                    capital_elsewhere.add(key)
                runs.append((a, b, key))
                cand = candidates.get(key)
                if cand is None:
                    cand = candidates[key] = _Candidate(name, len(key))
                    order.append(key)
                elif _legal and len(name) >= len(cand.name):
                    cand.name = name
                cand.count += 1
                if _legal:
                    cand.org += 3
                # "Corvid Robotics Inc. (CRI)": the acronym is an alias of the name before it.
                tail = sentence[sentence_words[b - 1].end : sentence_words[b - 1].end + 14]
                acronym = re.match(r"^\.?\s*\(\s*([A-Z][A-Za-z0-9&]{1,7})\s*\)", tail)
                if acronym and acronym.group(1).upper() == acronym.group(1):
                    cand.acronym = acronym.group(1)
                    cand.org += 1
                _context_clues(sentence, sentence_words, a, b, cand)
            runs_per_sentence.append(runs)
        # A lone capitalised first word of a sentence ("Analysts", "Colleagues") is a name only when the
        # article also writes it capitalised elsewhere, or it is part of a longer name.
        for runs, sentence_words in zip(runs_per_sentence, self.words, strict=True):
            for a, _b, key in runs:
                if a == 0 and len(key) == 1 and key not in capital_elsewhere and not sentence_words[0].acronym:
                    cand = candidates.get(key)
                    if cand is not None and cand.count == 1:
                        del candidates[key]
        acronyms = {c.acronym: key for key, c in candidates.items() if c.acronym}
        merged: dict[tuple[str, ...], tuple[str, ...]] = {}
        for key in order:
            if key not in candidates:
                continue
            if len(key) == 1 and key[0].upper() in acronyms and _key(key[0].upper()) != acronyms[key[0].upper()]:
                merged[key] = acronyms[key[0].upper()]
        for key in order:
            cand = candidates.get(key)
            if cand is None or key in merged:
                continue
            # A shorter name inside a longer one: "Verhoeven" in "Nadia Verhoeven", "Corvid" in "Corvid Robotics".
            longer = [
                other
                for other in order
                if other in candidates
                and other != key
                and len(other) > len(key)
                and other not in merged
                and (other[-len(key) :] == key or other[: len(key)] == key)
            ]
            if longer:
                merged[key] = max(longer, key=lambda o: candidates[o].count)
        for key, target in merged.items():
            if target in candidates and key in candidates:
                into, cand = candidates[target], candidates[key]
                into.person += cand.person
                into.org += cand.org
                into.place += cand.place
                for g, n in cand.gender.items():
                    into.gender[g] = into.gender.get(g, 0) + n
        for key in order:
            cand = candidates.get(key)
            if cand is None or key in merged:
                continue
            known = self.table.get(cand.name)
            if known is not None:
                self._touch_known(known)
                continue
            kind = _kind(cand)
            entity_id = self._fresh_id(slug(cand.name))
            found = Found(entity_id, kind, cand.name, {cand.name})
            if cand.acronym:
                found.aliases.add(cand.acronym)
            if cand.gender:
                found.gender = max(cand.gender, key=lambda g: cand.gender[g])
            self.found[entity_id] = found
            if cand.introduced:
                self._introduced[entity_id] = 0.5
            self.table.add(cand.name, entity_id)
            for alias in found.aliases:
                self.table.add(alias, entity_id)
        for key, target in merged.items():
            merged_id = self.table.get(" ".join(target))
            if merged_id is None or merged_id not in self.found or key not in candidates:
                continue
            entity_id = merged_id
            short = candidates[key].name
            found = self.found[entity_id]
            if (
                found.kind == "person"
                and len(key) == 1
                and any(
                    other.kind == "person" and other is not found and _key(short)[0] in _key(other.name)
                    for other in self.found.values()
                )
            ):
                continue  # a surname two people share names neither
            found.aliases.add(short)
            self.table.add(short, entity_id)
        for found in list(self.found.values()):
            parts = found.name.split()
            if (
                found.kind == "organization"
                and len(parts) >= 2
                and all(fold(p) in ORG_WORDS for p in parts[1:])
                and self.table.get(parts[0]) is None
                and fold(parts[0]) not in ORG_WORDS
            ):
                found.aliases.add(parts[0])  # "Corvid" for "Corvid Robotics"
                self.table.add(parts[0], found.id)
            if found.kind == "person":
                parts = found.name.split()
                first = parts[0] if len(parts) >= 2 else None
                if (
                    first
                    and fold(first) not in NOT_NAMES
                    and not any(o is not found and first in o.name.split() for o in self.found.values())
                    and self.table.get(first) is None
                ):
                    found.aliases.add(first)  # "Elena" for Elena Marchetti, when she is the only Elena
                    self.table.add(first, found.id)
                if len(parts) >= 2:
                    surname = parts[-1]
                    if not any(
                        o is not found and o.kind == "person" and surname in o.name.split() for o in self.found.values()
                    ):
                        found.aliases.add(surname)
                        self.table.add(surname, found.id)

    def _touch_known(self, entity_id: str) -> None:
        if entity_id in self.found or entity_id not in self._known:
            return
        entity = self._known[entity_id]
        self.found[entity_id] = Found(entity.id, entity.kind, entity.name, set(entity.aliases), known=True)

    def _fresh_id(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self._known or candidate in self.found:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    # -- linking ---------------------------------------------------------------------------------------
    def _link(self) -> list[list[Mention]]:
        result: list[list[Mention]] = []
        found_by_sentence: list[list[Mention]] = []
        for sentence, sentence_words in zip(self.sentences, self.words, strict=True):
            mentions: list[Mention] = []
            for entity_id, a, b in self.table.find(sentence_words):
                self._touch_known(entity_id)
                start, end = sentence_words[a].start, sentence_words[b - 1].end
                mentions.append(Mention(entity_id, start, end, sentence[start:end]))
            found_by_sentence.append(mentions)
        counts: dict[str, float] = {}
        for mentions in found_by_sentence:
            for m in mentions:
                if self._kind_of(m.entity) == "organization":
                    counts[m.entity] = counts.get(m.entity, 0.0) + 1.0 + self._introduced.get(m.entity, 0.0)
        main_org = max(counts, key=lambda e: counts[e]) if counts else None
        self.main_org = main_org
        last_person: str | None = None
        subject_person: str | None = None
        previous_org: str | None = None
        for sentence, sentence_words, mentions in zip(self.sentences, self.words, found_by_sentence, strict=True):
            extra: list[Mention] = []
            named = sorted(mentions, key=lambda m: m.start)
            for w in sentence_words:
                lowered = fold(w.text)
                if lowered in _PERSON_PRONOUNS and not any(m.start <= w.start < m.end for m in mentions):
                    if lowered == "il" and _IMPERSONAL.match(sentence[w.end :]):
                        continue
                    # A person named before it in the sentence, else whom the last sentences were about.
                    before = [m for m in named if m.end <= w.start and self._kind_of(m.entity) == "person"]
                    options = [before[-1].entity] if before else [p for p in (subject_person, last_person) if p]
                    fitting = [p for p in options if self._gender_fits(p, lowered)]
                    target = fitting[0] if fitting else None
                    if target is None:
                        continue
                    found = self.found.get(target)
                    if found is not None and found.gender is None and lowered in {"he", "she", "elle"}:
                        found.gender = _PERSON_PRONOUNS[lowered]
                    elif (
                        found is not None and found.gender not in (None, _PERSON_PRONOUNS[lowered]) and lowered != "il"
                    ):
                        continue
                    extra.append(Mention(target, w.start, w.end, w.text, pronoun=True))
            # "the company", "la société": an organisation named earlier in the sentence, else the subject of
            # the sentence before when it is one, else the organisation the article is about.
            resolved: str | None = None
            for match in _ORG_ANAPHORA.finditer(sentence):
                start, end = match.start(), match.end()
                if any(m.start <= start < m.end for m in mentions):
                    continue
                if any(m.start - end >= 0 and len(sentence[end : m.start].split()) <= 1 for m in mentions):
                    continue  # "la société suédoise Northvolt" introduces a name, it does not stand for one
                before = [m for m in named if m.end <= start and self._kind_of(m.entity) == "organization"]
                reporting = _REPORTING.match(sentence[end:])
                near = re.match(r"(?:the (?:firm|group)|its|le groupe)\b", match.group(0), re.IGNORECASE)
                if before and start > 0 and near and not (reporting and resolved):
                    target = before[-1].entity
                elif resolved is not None:
                    target = resolved
                elif previous_org is not None:
                    target = previous_org
                else:
                    target = main_org
                if target is not None:
                    resolved = target
                    extra.append(Mention(target, start, end, sentence[start:end], pronoun=True))
            ordered = sorted(mentions + extra, key=lambda m: m.start)
            people = [m.entity for m in ordered if self._kind_of(m.entity) == "person"]
            if people:
                last_person = people[-1]
                subject_person = people[0]
            # The organisation the sentence was about, for "the company" in the next one: its subject when that
            # is an organisation named twice or more in the article (not one mentioned in passing).
            first = ordered[0].entity if ordered and ordered[0].start < 40 else None
            salient = first is not None and self._kind_of(first) == "organization" and counts.get(first, 0) >= 2
            previous_org = first if salient else None
            result.append(ordered)
        return result

    def _gender_fits(self, entity_id: str, pronoun: str) -> bool:
        """ "She" is not a man the article calls "he" or "directeur" ("il" may stand for anyone)."""
        found = self.found.get(entity_id)
        return found is None or found.gender is None or pronoun == "il" or found.gender == _PERSON_PRONOUNS[pronoun]

    def _kind_of(self, entity_id: str) -> str:
        found = self.found.get(entity_id)
        return found.kind if found else ""

    def entities(self) -> list[Entity]:
        """The article's entities: the discovered ones, and the known ones it adds aliases to."""
        return [f.entity() for f in self.found.values()]
