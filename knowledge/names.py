"""Mends slips in the names a question gives in full ("Jon Schulman", "Barret Zof", "Mira Murrati") and reads
nicknames said in other words ("le papa de GPT" for "le père du GPT", "GPT's dad").

A short word is too easily another word to be corrected on its own ("Jon" may be anyone, "Zof" is three
letters), so typo correction leaves it alone, and the question then names a stranger and is declined. Next to
the rest of a known name it is no stranger: when a run of words is a few slips from a multi-word alias and at
least one of its words is exact, the slipped words are that alias's. The allowance grows with the length of
the name, so "Mark Chan" is Mark Chen but "Mark Twain" is not.

A person's nickname is a phrase ("father of GPT") whose words the lexicon folds into concepts: said with
synonyms, in either language and either order, it is the same concepts side by side, and so the same person.
Only nicknames made of a name and words that state no relation count ("father of GPT", not "proposed GPT").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from rapidfuzz.distance import OSA

from knowledge.concepts import ENTITY_PREFIX
from knowledge.models import Entity
from knowledge.normalize import fold, tokens
from knowledge.stopwords import STOPWORDS
from knowledge.wordfreq import zipf

_WORD = re.compile(r"[^\W_]+")
# Written as a name, "Jon" (4.3) and "Chan" (4.0) may be slips of one; "model" and "first" are words however
# written, and in lower case so is any word from "hoped" (Zipf 3.9) up.
COMMON_ZIPF = 4.5
REAL_WORD_ZIPF = 3.5


def _allowance(alias: tuple[str, ...]) -> int:
    """Slips a whole alias may carry: one per five letters, at least one ("jon schulman": 2, "mark chen": 1)."""
    return max(1, len("".join(alias)) // 5)


class NameMender:
    """Multi-word aliases indexed by each of their words, to find a name around any exact word of it."""

    def __init__(
        self,
        entities: Iterable[Entity] = (),
        word_concepts: Callable[[str], Sequence[str]] | None = None,
        relations: Iterable[str] = (),
    ) -> None:
        # An ordered set per word (a dict's keys): the same aliases in the same order on every run.
        self._by_word: dict[str, dict[tuple[tuple[str, ...], int], None]] = defaultdict(dict)
        self._word_concepts = word_concepts
        self._relations = frozenset(relations)
        self._nicknames: dict[tuple[str, ...], str | None] = {}  # sorted concepts → entity concept (None: two)
        self._sizes: set[int] = set()
        # One-word names several entities answer to: "Okafor" (Amara Okafor, Priya Okafor), "Ondine" (Ondine
        # Labs, Ondine Robotique). The word's concepts name one of them; the rest of the question may choose.
        self._claims: dict[str, dict[str, None]] = defaultdict(dict)
        self._full: dict[str, tuple[str, ...]] = {}
        self.add(entities)

    def add(self, entities: Iterable[Entity]) -> None:
        entities = list(entities)
        self._add_nicknames(entities)
        for entity in entities:
            self._add_claims(entity)
            for alias in (entity.name, *entity.aliases):
                words = tuple(tokens(alias))
                if len(words) < 2 or not all(word.isalpha() for word in words):
                    continue
                for position, word in enumerate(words):
                    self._by_word[word][(words, position)] = None

    def _add_claims(self, entity: Entity) -> None:
        """The one-word names `entity` answers to: its one-word aliases, and a person's surname or an
        organisation's first word (a later article's Okafor gets no alias its earlier namesake holds)."""
        name = tuple(tokens(entity.name))
        self._full[entity.id] = name
        words = {alias[0] for alias in map(tokens, entity.aliases) if len(alias) == 1}
        if len(name) > 1:
            words.add(name[-1] if entity.kind == "person" else name[0])
        for word in words:
            if word.isalpha() and word not in STOPWORDS:
                self._claims[word][entity.id] = None

    def choose(
        self, concepts: frozenset[str], words: Sequence[str], cooccurs: Callable[[str, str], bool]
    ) -> frozenset[str]:
        """`concepts` (a question's, its `words` typo-corrected) with a one-word name several entities answer to
        read as the one whose name has the question's other concepts ("the Halvorsen museum"), else whose facts
        share most of them (`cooccurs`: whether a fact involves the first concept and the second): "elle est COO
        depuis quand, Okafor ?" is about the Okafor who is COO. A tie keeps the entity the word already names;
        a question naming one in full is left as is."""
        chosen = set(concepts)
        for word in dict.fromkeys(words):
            claimants = [ENTITY_PREFIX + e for e in self._claims.get(word, ())]
            named = [c for c in claimants if c in chosen]
            if len(claimants) < 2 or len(named) != 1 or self._named_in_full(claimants, words):
                continue
            others = [c for c in concepts if c not in claimants]
            rest = set(others)
            support = {
                c: (len(self._name_concepts(c, word) & rest), sum(cooccurs(c, o) for o in others), c == named[0])
                for c in claimants
            }
            best = max(claimants, key=support.__getitem__)
            if best != named[0]:
                chosen.discard(named[0])
                chosen.add(best)
        return frozenset(chosen)

    def _name_concepts(self, claimant: str, word: str) -> frozenset[str]:
        """The concepts of the claimant's full name but `word`: "the Halvorsen museum" is the Halvorsen Maritime
        Museum, not Halvorsen Energi, whatever their facts say."""
        if self._word_concepts is None:
            return frozenset()
        name = self._full.get(claimant[len(ENTITY_PREFIX) :], ())
        found = (c for w in name if w != word for c in self._word_concepts(w))
        return frozenset(c for c in found if not c.startswith(ENTITY_PREFIX))

    def _named_in_full(self, claimants: Sequence[str], words: Sequence[str]) -> bool:
        for claimant in claimants:
            name = self._full.get(claimant[len(ENTITY_PREFIX) :], ())
            size = len(name)
            if size > 1 and any(tuple(words[i : i + size]) == name for i in range(len(words) - size + 1)):
                return True
        return False

    def _add_nicknames(self, entities: Sequence[Entity]) -> None:
        if self._word_concepts is None:
            return
        for entity in entities:
            if entity.kind != "person":
                continue
            for alias in (entity.name, *entity.aliases):
                words = tokens(alias)
                concepts = [c for word in words for c in self._word_concepts(word)] if len(words) > 1 else []
                named = [c for c in concepts if c.startswith(ENTITY_PREFIX)]
                said = [c for c in concepts if not c.startswith(ENTITY_PREFIX)]
                if len(named) != 1 or not said or self._relations.intersection(said):
                    continue
                key = tuple(sorted(concepts))
                meant = ENTITY_PREFIX + entity.id
                self._nicknames[key] = meant if self._nicknames.get(key, meant) == meant else None
                self._sizes.add(len(key))

    def nicknames(self, concepts: Sequence[str]) -> list[str]:
        """`concepts` (a question's, in order) with every run that is a person's nickname in other words
        replaced by that person: [father, @gpt] → [@radford]."""
        found = list(concepts)
        for size in sorted(self._sizes, reverse=True):
            start = 0
            while start + size <= len(found):
                meant = self._nicknames.get(tuple(sorted(found[start : start + size])))
                if meant is not None:
                    found[start : start + size] = [meant]
                start += 1
        return found

    def mend(self, text: str) -> str:
        """`text` with every slipped word of a name it gives in full replaced by the alias's word."""
        found = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
        whole: set[int] | None = None  # found when a slip is first considered: most questions have none
        fixes: dict[int, tuple[int, str]] = {}  # word index → (slips of its window, the alias's word)
        for index, (_, _, word) in enumerate(found):
            for alias, position in self._by_word.get(word, ()):
                start = index - position
                if start < 0 or start + len(alias) > len(found):
                    continue
                window = [found[start + k][2] for k in range(len(alias))]
                slips = [k for k in range(len(alias)) if window[k] != alias[k]]
                if not slips:
                    continue
                if whole is None:
                    whole = self._whole([w for _, _, w in found])
                if any(
                    start + k in whole or not self._could_be(window[k], alias[k], text[found[start + k][0]].isupper())
                    for k in slips
                ):
                    continue
                distance = sum(OSA.distance(window[k], alias[k]) for k in slips)
                if distance > _allowance(alias):
                    continue
                for k in slips:
                    # The closest alias wins ("Ada Lovlace" is Lovelace, not an alias one more slip away).
                    if start + k not in fixes or distance < fixes[start + k][0]:
                        fixes[start + k] = (distance, alias[k])
        if not fixes:
            return text
        pieces, last = [], 0
        for index in sorted(fixes):
            begin, end, _ = found[index]
            original = text[begin:end]
            meant = fixes[index][1]
            pieces += [text[last:begin], meant.capitalize() if original[:1].isupper() else meant]
            last = end
        pieces.append(text[last:])
        return "".join(pieces)

    def _whole(self, words: Sequence[str]) -> set[int]:
        """The positions of `words` inside a multi-word alias written exactly: "Julien Coste" is one as it
        stands, while the "Julien" of "Julien Okafor" may be a slip for Julian Okafor's first name."""
        inside: set[int] = set()
        for index, word in enumerate(words):
            for alias, position in self._by_word.get(word, ()):
                start = index - position
                if start >= 0 and tuple(words[start : start + len(alias)]) == alias:
                    inside.update(range(start, start + len(alias)))
        return inside

    def _could_be(self, word: str, meant: str, capitalised: bool) -> bool:
        """A slip keeps the first letter; it is neither a stop word ("Mark then" is not Mark Chen), nor a word
        of an alias written in full (see `_whole`), nor a real word unless written as a name ("Jon Schulman"
        is, "Grace hoped" is not; "the first GPT model" is not "GPT models" however written); it may be two
        edits from a word of four letters or more ("zof" → "zoph"), one from a shorter one."""
        if word in STOPWORDS or word[:1] != meant[:1] or not word.isalpha():
            return False
        frequency = zipf(word)
        if frequency is not None and (frequency >= COMMON_ZIPF or (frequency >= REAL_WORD_ZIPF and not capitalised)):
            return False
        return OSA.distance(word, meant) <= (2 if len(meant) >= 4 else 1)
