"""Everyday words of one language glossed in the other, so a sentence of an article can meet a question asked in
the other language.

The concept lexicon folds the words our stories turn on into bilingual concepts; an article about anything else
uses words it has never seen ("téléchargé", "tondeuses", "superficie"), which only meet a question in their own
language. `gloss` rewrites such a sentence with each of those words replaced by its translations, and the
matcher indexes the result as one more text of the fact ("Garance-3B avait été téléchargé 1,2 million de fois"
→ "… downloaded 1,2 million …"). The gloss is on the fact's side only: a question's words keep their own
concepts, so no two words of a language are ever made one, and a fact gains words only in the other language.

`data/glossary.tsv` holds one word a line, `lang<TAB>word<TAB>translation|translation…`, folded (lower case, no
accents); the words are the most frequent ones of each language that the lexicon does not already fold, one
form per crude stem (`cognate_stem`), so every form of a word finds it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import cache
from pathlib import Path

from knowledge.models import Lang
from knowledge.normalize import canonical, canonical_tokens
from knowledge.wordforms import cognate_stem

GLOSSARY = Path(__file__).with_name("data") / "glossary.tsv"
OTHER: dict[Lang, Lang] = {"en": "fr", "fr": "en"}


class Glossary:
    """Translations of everyday words, looked up by the language a word is in and its crude stem."""

    def __init__(
        self, entries: dict[tuple[str, str], tuple[str, ...]], raw: dict[tuple[str, str], str] | None = None
    ) -> None:
        self._entries = entries
        self._raw = raw or {}  # as read ("translation|translation"), split into `entries` on first look-up

    @classmethod
    def parse(cls, text: str) -> Glossary:
        """The glossary in `text`. Each line's translations are only split when first looked up: a question that
        reads the glossary (see `knowledge.matcher.translations`) looks up a word or two, and parsing them all
        took most of the 36 ms the file cost to read."""
        raw: dict[tuple[str, str], str] = {}
        for line in text.splitlines():
            parts = line.split("\t")
            if len(parts) != 3 or parts[0] not in OTHER or not parts[1] or not parts[2].strip(" |"):
                continue
            key = (parts[0], cognate_stem(parts[1]))
            raw[key] = f"{raw[key]}|{parts[2]}" if key in raw else parts[2]
        return cls({}, raw)

    def translations(self, word: str, lang: Lang) -> tuple[str, ...]:
        """What folded `word` of language `lang` may be in the other language (nothing when unknown)."""
        key = (lang, cognate_stem(word))
        found = self._entries.get(key)
        if found is None:
            line = self._raw.get(key)
            if line is None:
                return ()
            found = self._entries[key] = tuple(dict.fromkeys(t.strip() for t in line.split("|") if t.strip()))
        return found

    def gloss(self, text: str, lang: Lang, keep: Collection[str] = frozenset()) -> str | None:
        """`text` (in `lang`) with every word the glossary knows replaced by its translations; words in `keep`
        (names, words the lexicon already makes bilingual) stay as they are. None when no word changed."""
        return self.gloss_words(canonical_tokens(canonical(text)), lang, keep.__contains__)

    def gloss_words(self, words: Sequence[str], lang: Lang, keeps: Callable[[str], bool]) -> str | None:
        """`gloss` of a text already split into canonical tokens; `keeps` is asked only about words the glossary
        knows (a sentence has few), so what it costs is paid for those alone."""
        glossed: list[str] = []
        changed = False
        for word in words:
            found = () if word.isdigit() else self.translations(word, lang)
            if found and not keeps(word):
                glossed.extend(found)
                changed = True
            else:
                glossed.append(word)
        return " ".join(glossed) if changed else None

    def __len__(self) -> int:
        return len(self._entries.keys() | self._raw.keys())


@cache
def glossary(path: Path = GLOSSARY) -> Glossary:
    """The shipped glossary, read once, on the first article sentence indexed (never for curated facts alone)."""
    return Glossary.parse(path.read_text(encoding="utf-8")) if path.is_file() else Glossary({})
