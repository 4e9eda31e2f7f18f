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
        self.add(entities)

    def add(self, entities: Iterable[Entity]) -> None:
        entities = list(entities)
        self._add_nicknames(entities)
        for entity in entities:
            for alias in (entity.name, *entity.aliases):
                words = tuple(tokens(alias))
                if len(words) < 2 or not all(word.isalpha() for word in words):
                    continue
                for position, word in enumerate(words):
                    self._by_word[word][(words, position)] = None

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
                if any(not self._could_be(window[k], alias[k], text[found[start + k][0]].isupper()) for k in slips):
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

    def _could_be(self, word: str, meant: str, capitalised: bool) -> bool:
        """A slip keeps the first letter; it is neither a stop word ("Mark then" is not Mark Chen), nor a word
        of another alias ("Ilia Sutskever" is one as it stands), nor a real word unless written as a name ("Jon
        Schulman" is, "Grace hoped" is not; "the first GPT model" is not "GPT models" however written); it may
        be two edits from a word of four letters or more ("zof" → "zoph"), one from a shorter one."""
        if word in STOPWORDS or word[:1] != meant[:1] or not word.isalpha() or word in self._by_word:
            return False
        frequency = zipf(word)
        if frequency is not None and (frequency >= COMMON_ZIPF or (frequency >= REAL_WORD_ZIPF and not capitalised)):
            return False
        return OSA.distance(word, meant) <= (2 if len(meant) >= 4 else 1)
