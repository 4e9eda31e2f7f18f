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
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from knowledge.extract_descriptions import described_org, org_descriptions, person_descriptions
from knowledge.extract_names import (
    HYPHEN_VERSION,
    AliasTable,
    Candidate,
    clean_name,
    context_clues,
    expansions,
    kind_of,
    known_places,
    name_key,
    name_runs,
    slug,
)
from knowledge.extract_words import KNOWN_PLACES, NOT_NAMES, ORG_WORDS, Word, words
from knowledge.given_names import is_given_name
from knowledge.models import Entity
from knowledge.normalize import fold
from knowledge.places import is_place, other_names
from knowledge.stopwords import STOPWORDS
from knowledge.wordfreq import zipf

# A word this common in either language ("rappel", "planning", "interactive") is what people write in questions
# for its own sake: it is not made a one-word alias of a company or a product.
_EVERYDAY_ZIPF = 4.0
_COINED_ZIPF = 2.5  # rarer than this, a name's first word is the name people shorten it to


def _rare_word(word: str) -> bool:
    """Whether `word` is no word of either language's everyday vocabulary: a coined name ("Riverbend")."""
    frequency = zipf(fold(word).lower())
    return frequency is None or frequency < _COINED_ZIPF


# "Hearing", "Striker", "Chairman": a word this common opening a sentence before a name is not part of it.
_PLACE_CAPITAL_ZIPF = 3.5


def _capitalised_by_place(sentence: str, sentence_words: Sequence[Word], index: int) -> bool:
    """Whether the word at `index` opens its sentence or a quotation, and is there an everyday word capitalised only
    by where it stands: an English verb in -ing ("Hearing Skarv-1…", "Selling Tomás…"), or a common noun before
    a first name ("Striker Tomás Ferreira", "Chairman Graham Pryce")."""
    word = sentence_words[index]
    opens = index == 0 or sentence[sentence_words[index - 1].end : word.start].strip()[-1:] in ('"', "“", "«")
    lowered = fold(word.text).lower()
    if not opens or len(lowered) < 4 or is_given_name(word.text):
        return False
    frequency = zipf(lowered)
    if frequency is None or frequency < _PLACE_CAPITAL_ZIPF:
        return False
    following = sentence_words[index + 1].text if index + 1 < len(sentence_words) else ""
    return (len(lowered) >= 6 and lowered.endswith("ing")) or is_given_name(following)


def _unelided(word: str) -> str:
    """`word` without an elided "d'" before it ("d'Orsay" → "Orsay")."""
    return word[2:] if len(word) > 2 and word[:2].lower() in ("d'", "d’") else word


def _everyday_word(alias: str) -> bool:
    """Whether `alias` is one word, and a common one in English or French."""
    words = alias.split()
    frequency = zipf(fold(words[0]).lower()) if len(words) == 1 else None
    return frequency is not None and frequency >= _EVERYDAY_ZIPF


_PERSON_PRONOUNS = {"he": "m", "she": "f", "il": "m", "elle": "f"}
_THING_PRONOUN = re.compile(r"^\W*(It|Its|Il|Elle)\b")
# "It is not clear whether…", "It was expected that…", "Il faut…", "Il y a…": "it" and "il" standing for nothing.
_IMPERSONAL_IT = re.compile(
    r"^\s*(?:is|was|'s|has been|had been|will be|would be|seems|appears|remains)\s+(?:not\s+|still\s+|now\s+)?"
    r"(?:clear|unclear|likely|unlikely|possible|impossible|expected|understood|thought|said|believed|estimated|"
    r"hoped|feared|reported|known|unknown|too early|time|important|hard|difficult|easy|true)\b",
    re.IGNORECASE,
)
_IMPERSONAL = re.compile(r"^\s*(?:y a|faut|s'agit|s’agit|est (?:prevu|possible|probable|clair|vrai))", re.IGNORECASE)
_ORG_ANAPHORA = re.compile(
    r"\b(?:the (?:company|firm|start-?up|startup|group|business|lab|laboratory|organi[sz]ation|association|agency|"
    r"institute|studio|bank|airline|carrier|maker|manufacturer|publisher|operator|insurer|retailer|cooperative|"
    r"co-op|network|trust|club|museum|university|hospital|theatre|theater)|its"
    r"|la (?:soci[ée]t[ée]|start-?up|jeune pousse|firme|banque|compagnie|coop[ée]rative|mutuelle|cha[iî]ne)"
    r"|l['’](?:entreprise|organisation|association|agence|institut|[ée]diteur|op[ée]rateur|assureur|enseigne)"
    r"|(?:le|du|au) (?:groupe|groupement|syndicat|studio|laboratoire|labo|constructeur|fabricant|r[ée]seau|club|mus[ée]e"
    r"|th[ée][aâ]tre)"
    r"|l['’](?:universit[ée]|h[ôo]pital)"
    r"|(?<=that )it(?= (?:has|had|will|would|is|was)\b)"
    r"|the (?:model|product)|(?:le|du|au) (?:mod[èe]le|produit))\b",
    re.IGNORECASE,
)
# "Avec Mathieu Roussel, un ingénieur…, elle fonde…": a companion is not whom the pronoun stands for.
_COMPANION = re.compile(r"\b(?:avec|with|alongside|aux c[oô]t[ée]s de|together with)\s*$", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:at|in|of|for|with|from|by|to|into|chez|a|à|de|du|des|au|aux|dans|par|pour|avec|sur|vers|the)\s*$|\b[dl]['’]\s*$",
    re.IGNORECASE,
)
_ORGISH = frozenset({"organization", "product", "project"})
_PRODUCT_WORDS = frozenset({"model", "modele", "product", "produit"})
# Anaphors that name their organisation's kind, and the words its name would have.
_TYPED = {
    "agence": ("agence", "agency"), "agency": ("agence", "agency"), "institut": ("institut", "institute"),
    "institute": ("institut", "institute"), "association": ("association",), "groupement": ("groupement",),
    "organisation": ("organisation", "organization"), "organization": ("organisation", "organization"),
    "syndicat": ("syndicat",), "lab": ("lab", "labs", "laboratory"), "club": ("club",),
    "museum": ("museum", "musee"), "musee": ("museum", "musee"), "university": ("university", "universite"),
    "universite": ("university", "universite"), "hospital": ("hospital", "hopital"),
    "hopital": ("hospital", "hopital"), "theatre": ("theatre", "theater"), "theater": ("theatre", "theater"),
}  # fmt: skip
# Institutions a story names before calling them by their kind alone: only one named so stands for the noun.
_TYPED_ONLY = frozenset("club museum musee university universite hospital hopital theatre theater".split())
_COMPLEMENT = re.compile(r"\s+(?:de|des|du|d['’]|of)\s*(?:la\s+|l['’]|the\s+)?[A-ZÀ-Ý]")


def _noun(anaphor: str) -> str:
    """The noun of "the museum", "l'université", "du Musée", as written."""
    return re.split(r"[\s'’]", anaphor)[-1]


_REPORTING = re.compile(
    r"\s+(?:said|says|told|added|announced|confirmed|a (?:indiqu|pr[ée]cis|d[ée]clar|annonc|confirm)|indique|pr[ée]cise)",
    re.IGNORECASE,
)


def _introduces(sentence: str, end: int, mentions: Sequence[Mention], strict: bool = False) -> bool:
    """A description right before a name ("la société suédoise Northvolt", "le fonds Rhône Capital") introduces
    it: it does not stand for another one. `strict`: only an adjective of origin may come between ("the
    authority said Pelham…" does not introduce Pelham)."""
    for m in mentions:
        between = sentence[end : m.start].split() if m.start >= end else None
        if between is None or len(between) > 1:
            continue
        if not between or not strict or _ORIGIN.fullmatch(between[0]):
            return True
    return False


_ORIGIN = re.compile(r"[a-zàâçéèêëîïôûùüÿ-]+(?:ais|aise|ois|oise|ien|ienne|ain|aine|ique|al|ale|ese|ish|ian|an|ane)")


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


def mentions_of(
    mentions: Sequence[Mention], kinds: Mapping[str, str], wanted: Collection[str], *, after: int = 0
) -> list[Mention]:
    """The mentions of entities of the `wanted` kinds that start at `after` or later, in the sentence's order."""
    return sorted((m for m in mentions if m.start >= after and kinds.get(m.entity) in wanted), key=lambda m: m.start)


def first_named(
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    names: Mapping[str, str],
    wanted: Collection[str],
    *,
    after: int = 0,
) -> str:
    """The name of the first entity of the `wanted` kinds mentioned from `after` on, "" when there is none."""
    found = mentions_of(mentions, kinds, wanted, after=after)
    return names.get(found[0].entity, "") if found else ""


def owner_of(mentions: Sequence[Mention], kinds: Mapping[str, str], names: Mapping[str, str], main: str | None) -> str:
    """Whose the sentence's contract, office, fine or order is: the first organisation it names, else the one
    the article is about."""
    return first_named(mentions, kinds, names, {"organization"}) or (names.get(main, "") if main else "")


class Mentions:
    """The entities of one article and where each sentence mentions them."""

    def __init__(self, sentences: Sequence[str], known: Iterable[Entity]) -> None:
        self.sentences = list(sentences)
        self.words = [words(s) for s in self.sentences]
        self.table = AliasTable()
        self.found: dict[str, Found] = {}
        self._attested: set[str] = set()  # people whose gender the text shows (see `_gender_known`)
        self._known: dict[str, Entity] = {}
        self._introduced: dict[str, float] = {}
        self.main_org: str | None = None  # organisations the text introduces as one ("a new company, X")
        self._folded: str | None = None  # the article's sentences folded, read by `_named_in_full`
        for entity in known:
            self._known[entity.id] = entity
            for alias in (entity.name, *entity.aliases):
                self.table.add(alias, entity.id)
        self._discover()
        self.by_sentence: list[list[Mention]] = self._link()

    # -- discovery -------------------------------------------------------------------------------------
    def _discover(self) -> None:
        candidates: dict[tuple[str, ...], Candidate] = {}
        order: list[tuple[str, ...]] = []
        capital_elsewhere: set[tuple[str, ...]] = set()
        runs_per_sentence: list[list[tuple[int, int, tuple[str, ...]]]] = []
        for sentence, sentence_words in zip(self.sentences, self.words, strict=True):
            taken: set[int] = set()
            matches = self.table.find(sentence_words)
            for entity_id, a, b in matches:
                if self._other_person(entity_id, a, b, sentence, sentence_words, matches):
                    continue
                taken.update(range(a, b))
                self._touch_known(entity_id)
            runs: list[tuple[int, int, tuple[str, ...]]] = []
            for a, b in known_places(sentence_words, taken):
                # "the United States", "l'Union européenne": places whatever words they are made of.
                name = sentence[sentence_words[a].start : sentence_words[b - 1].end]
                key = name_key(name)
                taken.update(range(a, b))
                cand = candidates.get(key)
                if cand is None:
                    cand = candidates[key] = Candidate(name, len(key), place=10.0)
                    order.append(key)
                cand.count += 1
                capital_elsewhere.add(key)
            for a, b, short in expansions(sentence, sentence_words, taken):
                # "Fonds européen pour la souveraineté numérique (FESN)": a name with lower-case words.
                # Its own spelling, without a legal form ("Corvid Robotics Inc. (CRI)" is Corvid Robotics).
                cleaned, legal = clean_name(sentence_words[a:b], sentence)
                name = cleaned if legal else sentence[sentence_words[a].start : sentence_words[b - 1].end]
                key = name_key(name)
                taken.update(range(a, b))
                cand = candidates.get(key)
                if cand is None:
                    cand = candidates[key] = Candidate(name, len(key), org=3.0, acronym=short)
                    order.append(key)
                cand.count += 1
                capital_elsewhere.add(key)
            for a, b in name_runs(sentence, sentence_words, taken):
                if b - a >= 2 and _capitalised_by_place(sentence, sentence_words, a):
                    a += 1  # "Hearing Skarv-1 for the first time…", "Striker Tomás Ferreira completed…"
                name, _legal = clean_name(sentence_words[a:b], sentence)
                key = name_key(name)
                if not key:
                    continue
                if a > 0:
                    capital_elsewhere.add(key)
                runs.append((a, b, key))
                cand = candidates.get(key)
                if cand is None:
                    cand = candidates[key] = Candidate(name, len(key))
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
                context_clues(sentence, sentence_words, a, b, cand)
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
            if len(key) == 1 and key[0].upper() in acronyms and name_key(key[0].upper()) != acronyms[key[0].upper()]:
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
            # A known place is not short for "Canada's Digital Services Commission".
            if longer and cand.place < 10 and fold(cand.name) not in KNOWN_PLACES and not is_place(cand.name):
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
            kind = kind_of(cand)
            if kind not in ("person", "place") and not cand.acronym and _everyday_word(cand.name):
                # "Health" of "National Institute for Health and Care Excellence", "Paper" of "Harlan Pulp &
                # Paper": a fragment of a longer name, and made a name it would take the word from every text.
                continue
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
                    other.kind == "person" and other is not found and name_key(short)[0] in name_key(other.name)
                    for other in self.found.values()
                )
            ):
                continue  # a surname two people share names neither
            if found.kind != "person" and _everyday_word(short):
                continue  # "Rappel" is not short for "Rappel Conso" in a question about "le rappel"
            found.aliases.add(short)
            self.table.add(short, entity_id)
        for found in list(self.found.values()):
            parts = [_unelided(part) for part in found.name.split()]  # "Musée d'Orsay" is "Orsay" for short
            holder = self.table.get(parts[0]) if found.kind == "organization" and len(parts) >= 2 else None
            # An earlier article's Ondine Labs, not named here: in this article "Ondine" is its own Ondine
            # Robotique, but the stored alias stays the earlier one's (as a person's surname, below).
            elsewhere = holder is not None and holder in self._known and not self._named_in_full(holder)
            if (
                found.kind == "organization"
                and len(parts) >= 2
                and (all(fold(p) in ORG_WORDS for p in parts[1:]) or self._coined(parts[0], found, elsewhere))
                and (holder is None or elsewhere)
                and fold(parts[0]) not in ORG_WORDS
                and not _everyday_word(parts[0])
            ):
                # "Corvid" for "Corvid Robotics"; "Riverbend" for "Riverbend Health Alliance", as people say it
                if elsewhere:
                    self.table.add(parts[0], found.id, override=True)
                else:
                    found.aliases.add(parts[0])
                    self.table.add(parts[0], found.id)
            elif (
                found.kind == "organization"
                and len(parts) == 2
                and _rare_word(parts[1])
                and zipf(fold(parts[0]).lower()) is not None
                and fold(parts[0]).lower() not in STOPWORDS
                and self.table.get(parts[1]) is None
            ):
                # "Baraduc" for "Coutellerie Baraduc", "Vautrin" for "Laboratoires Vautrin": a trade, then the name
                # (not "Chez Corvane", a preposition a sentence starts with, which names the Corvane already known)
                found.aliases.add(parts[1])
                self.table.add(parts[1], found.id)
            version = HYPHEN_VERSION.fullmatch(found.name) if found.kind == "product" else None
            family = version.group(1) if version is not None else ""
            if len(family) >= 3 and not _everyday_word(family) and fold(family) not in ORG_WORDS:
                # "Garance" for "Garance-12B", as people say it; stored only, not read into the article's sentences,
                # where the versions it may stand for ("Garance-3B", "Garance-40B") are told apart.
                found.aliases.add(family)
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
                        o is not found
                        and o.kind == "person"
                        and surname in o.name.split()
                        and not (o.known and not self._named_in_full(o.id))
                        for o in self.found.values()
                    ):
                        holder = self.table.get(surname)
                        if holder is not None and holder in self._known and not self._named_in_full(holder):
                            # An earlier article's Elena Marchetti, not named here: in this article "Marchetti"
                            # is its own Helen Marchetti, but the stored alias stays hers.
                            self.table.add(surname, found.id, override=True)
                        else:
                            found.aliases.add(surname)
                            self.table.add(surname, found.id)

        for found in self.found.values():
            if found.kind != "place":
                continue
            for other in other_names(found.name):
                if self.table.get(other) is None:
                    found.aliases.add(other)  # "Brussels" for the "Bruxelles" a French article names
                    self.table.add(other, found.id)

    def _other_person(
        self,
        entity_id: str,
        a: int,
        b: int,
        sentence: str,
        sentence_words: Sequence[Word],
        matches: Sequence[tuple[str, int, int]],
    ) -> bool:
        """A known entity's one-word alias inside a longer name is someone else: "Julien" of an earlier
        article's Julien Coste, in "Julien Morvan"; "Marchetti" in "Sarah Marchetti"; "Halloway" of the search
        firm Halloway Partners, in "Martin Halloway"."""
        entity = self._known.get(entity_id)
        if entity is None or b - a != 1 or len(entity.name.split()) < 2:
            return False
        # Words another entity's alias took ("Helen" of Helen Duarte beside "Marchetti" of Elena Marchetti: a
        # third person, Helen Marchetti) still make a longer name; the same entity's words do not.
        matched = {i: other for other, x, y in matches for i in range(x, y)}

        def joined(i: int, j: int) -> bool:  # neighbours in one name: capitalised, nothing but a space between
            return (
                0 <= i < len(sentence_words)
                and matched.get(i, "") != entity_id
                and sentence_words[i].capitalised
                and not sentence[sentence_words[min(i, j)].end : sentence_words[max(i, j)].start].strip()
            )

        return joined(b, b - 1) or (a > 0 and joined(a - 1, a))

    def _coined(self, first: str, found: Found, elsewhere: bool = False) -> bool:
        """Whether a longer name's first word is a coined one that no other name of the article or the store
        starts with ("Riverbend Health Alliance", "Aéroculture Systèmes de Pulvérisation"): what people call
        the organisation. Not a given name or a place ("Wyvern Valley" and "Wyvern NHS Trust" share theirs).
        `elsewhere`: the store's names this article does not write in full don't count."""
        if not first[:1].isupper() or not _rare_word(first) or is_given_name(first) or is_place(first):
            return False

        def rival(entity_id: str) -> bool:
            return entity_id != found.id and not (
                elsewhere and entity_id in self._known and not self._named_in_full(entity_id)
            )

        return not any(map(rival, self.table.starting_with(first))) and not any(
            rival(other.id) and name_key(other.name)[:1] == name_key(first)[:1] for other in self.found.values()
        )

    def _named_in_full(self, entity_id: str) -> bool:
        """Whether the article writes the known entity's full name somewhere (not only a surname it shares)."""
        if self._folded is None:
            self._folded = "\n".join(fold(sentence) for sentence in self.sentences)  # no name spans two sentences
        return fold(self._known[entity_id].name) in self._folded

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
        last_subject: str | None = None  # what the last sentence was about, when a name opened it
        subject_person: str | None = None
        previous_org: str | None = None
        recent_orgs: list[str] = []  # most recently mentioned first
        focus_age = 0
        recent: list[str] = []  # organisations named lately, oldest first
        recent_people: list[str] = []  # people named in the last three sentences, most recent first
        spoken_of: list[list[str]] = []
        for sentence, sentence_words, mentions in zip(self.sentences, self.words, found_by_sentence, strict=True):
            extra: list[Mention] = []
            named = sorted(mentions, key=lambda m: m.start)
            for w in sentence_words:
                lowered = fold(w.text)
                if lowered in _PERSON_PRONOUNS and not any(m.start <= w.start < m.end for m in mentions):
                    if lowered == "il" and _IMPERSONAL.match(sentence[w.end :]):
                        continue
                    # A person named before it in the sentence, else whom the last sentences were about.
                    before = [
                        m
                        for m in named
                        if m.end <= w.start
                        and self._kind_of(m.entity) == "person"
                        and not _COMPANION.search(sentence[max(0, m.start - 20) : m.start])
                    ]
                    options = [before[-1].entity] if before else [p for p in (subject_person, last_person) if p]
                    fitting = [p for p in options if self._gender_fits(p, lowered)]
                    if lowered != "il" and not before:
                        # "Raman told staff: '…Tomás has done it before.' She said…": "she" is the woman the article
                        # already calls so, named in the last sentences, not the man it has not called anything yet.
                        known = [p for p in fitting if self._gender_known(p)] or [
                            p for p in recent_people if self._gender_known(p) and self._gender_fits(p, lowered)
                        ][:1]
                        fitting = known or fitting
                    target = fitting[0] if fitting else None
                    if target is None:
                        continue
                    found = self.found.get(target)
                    if found is not None and found.gender is None and lowered in {"he", "she", "elle"}:
                        found.gender = _PERSON_PRONOUNS[lowered]
                        if lowered != "elle":  # "elle" may be "la société": a guess, not a sign
                            self._attested.add(target)
                    elif (
                        found is not None and found.gender not in (None, _PERSON_PRONOUNS[lowered]) and lowered != "il"
                    ):
                        continue
                    extra.append(Mention(target, w.start, w.end, w.text, pronoun=True))
            # "cette ancienne chercheuse": the person the last sentences were about, if the noun's gender fits.
            for start, end, gender in person_descriptions(sentence):
                if any(start < m.end and m.start < end for m in mentions + extra) or _introduces(
                    sentence, end, mentions, strict=True
                ):
                    continue
                options = [p for p in (subject_person, last_person) if p]
                fitting = [
                    p for p in options if gender is None or self._gender_fits(p, "elle" if gender == "f" else "il")
                ]
                if fitting:
                    found = self.found.get(fitting[0])
                    if found is not None and found.gender is None and gender == "f":
                        found.gender = gender
                    extra.append(Mention(fitting[0], start, end, sentence[start:end], pronoun=True))
            # "the commission", "le régulateur": the organisation whose name says that kind, most recent first.
            resolved: str | None = None
            described: list[tuple[int, int]] = []
            in_sentence = [m.entity for m in reversed(named) if self._kind_of(m.entity) == "organization"]
            organisations = [
                (e, self.found[e].name)
                for e in dict.fromkeys([*in_sentence, *recent_orgs, *self.found])
                if self._kind_of(e) == "organization"
            ]
            for start, end, kind in org_descriptions(sentence):
                if any(start < m.end and m.start < end for m in mentions) or _introduces(
                    sentence, end, mentions, strict=True
                ):
                    continue  # part of a name, or "le fonds Rhône Capital" introducing one
                target = described_org(kind, organisations)
                if target is not None:
                    resolved = target
                    described.append((start, end))
                    extra.append(Mention(target, start, end, sentence[start:end], pronoun=True))
            # "the company", "la société": an organisation named earlier in the sentence, else the subject of
            # the sentence before when it is one, else the organisation the article is about.
            for match in _ORG_ANAPHORA.finditer(sentence):
                start, end = match.start(), match.end()
                if any(start < m.end and m.start < end for m in mentions) or any(
                    start < b and a < end for a, b in described
                ):
                    continue  # part of a name ("l'Institut national…", "the Agency for…"), or described above
                if _introduces(sentence, end, mentions):
                    continue  # "la société suédoise Northvolt" introduces a name, it does not stand for one
                before = [m for m in named if m.end <= start and self._kind_of(m.entity) == "organization"]
                reporting = _REPORTING.match(sentence[end:])
                typed = self._typed(match.group(0), recent)
                noun = _noun(match.group(0))
                if fold(noun) in _TYPED_ONLY and (
                    typed is None or noun[:1].isupper() or _COMPLEMENT.match(sentence[end:])
                ):
                    # "the museum" is the museum named lately, or nobody: not the company in focus, not "du Musée
                    # régional…" (a name), nor "le musée de la Faïence" (another one).
                    continue
                near = re.match(r"(?:the (?:firm|group)|its|le groupe)\b", match.group(0), re.IGNORECASE)
                if typed is None and fold(noun) in _PRODUCT_WORDS:
                    continue  # "the model" with no versioned product named lately is not the company
                if typed is not None:
                    target = typed  # "l'agence" is the Agence européenne… named lately, not the company in focus
                elif before and start > 0 and near and not (reporting and resolved):
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
            # "It was released into orbit…", "Elle équipe déjà…": the thing the last sentence was about, when no
            # person is whom the pronoun stands for.
            opener = _THING_PRONOUN.match(sentence)
            if (
                opener is not None
                and last_subject is not None
                and self._kind_of(last_subject) not in ("person", "")
                and not any(m.start < opener.end() for m in mentions + extra)
                and not _IMPERSONAL_IT.match(sentence[opener.end() :])
                and not _IMPERSONAL.match(sentence[opener.end() :])
            ):
                extra.append(Mention(last_subject, opener.start(1), opener.end(1), opener.group(1), pronoun=True))
            ordered = sorted(mentions + extra, key=lambda m: m.start)
            for m in reversed(ordered):
                if self._kind_of(m.entity) == "organization":
                    recent_orgs = [m.entity, *(e for e in recent_orgs if e != m.entity)]
            recent = [*recent, *(m.entity for m in ordered if self._kind_of(m.entity) in _ORGISH)][-12:]
            people = [m.entity for m in ordered if self._kind_of(m.entity) == "person"]
            spoken_of = [*spoken_of, people][-3:]
            recent_people = list(dict.fromkeys(p for named_then in reversed(spoken_of) for p in reversed(named_then)))
            if people:
                last_person = people[-1]
                # "Avec Hugo Lemaire, …, elle fonde…": the companion is not what the sentence is about.
                leads = [
                    m.entity
                    for m in ordered
                    if self._kind_of(m.entity) == "person"
                    and not _COMPANION.search(sentence[max(0, m.start - 20) : m.start])
                ]
                subject_person = leads[0] if leads else people[0]
            # The organisation the sentence was about, for "the company" in the next one: its subject when that
            # is an organisation named twice or more in the article (not one mentioned in passing).
            lead = sentence[: ordered[0].start] if ordered else ""
            # …and not the object of a preposition ("The two met as researchers at the Carroway Institute").
            subject_like = bool(ordered) and ordered[0].start < 40 and not _PREPOSITION_BEFORE.search(lead)
            first = ordered[0].entity if subject_like else None
            last_subject = first
            salient = first is not None and self._kind_of(first) == "organization" and counts.get(first, 0) >= 2
            # It stays in focus for one more sentence ("Orrin was founded… The two met at CIM… The company's
            # main product…"), unless another organisation is the subject.
            if salient:
                previous_org, focus_age = first, 0
            else:
                focus_age += 1
                article_org = any(m.entity == main_org for m in ordered)  # "…at the top of Pellucid." is in focus
                if focus_age > 1 or article_org or (first is not None and self._kind_of(first) == "organization"):
                    previous_org = None
            result.append(ordered)
        return result

    def _typed(self, anaphor: str, recent: Sequence[str]) -> str | None:
        """The organisation named lately whose name has the anaphor's own noun ("l'agence" → "Agence européenne
        des services linguistiques", "the institute" → "Tarrow Institute"), if any."""
        head = fold(_noun(anaphor))
        if head in _PRODUCT_WORDS:
            # "The model was scheduled for release…": the versioned product named lately ("Corvid 4")
            return next((e for e in reversed(recent) if e in self.found and self._versioned(e)), None)
        stems = _TYPED.get(head)
        if stems is None:
            return None
        for entity_id in reversed(recent):
            found = self.found.get(entity_id)
            if found is not None and any(stem in fold(found.name).split() for stem in stems):
                return entity_id
        return None

    def _versioned(self, entity_id: str) -> bool:
        found = self.found[entity_id]
        return found.kind in {"product", "project"} or bool(re.search(r"[\s-]\d{1,3}(?:\.\d|[A-Za-z])?$", found.name))

    def _gender_known(self, entity_id: str) -> bool:
        """Whether the article has shown the person's gender by an English "he" or "she" taken for them: the words
        around a name may be a neighbour's title ("Roussel, présidente, et Karim Belhadj"), and a French "elle" may
        be "la société"."""
        found = self.found.get(entity_id)
        return found is not None and found.gender is not None and entity_id in self._attested

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
