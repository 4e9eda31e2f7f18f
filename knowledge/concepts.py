"""Folds text into language-neutral concepts: the units the matcher compares.

"Quand Radfrod a-t-il rejoint OpenAI ?" and "When did Alec Radford join OpenAI?" both become
`{@radford, join, @openai}`: names through the gazetteer's aliases (`@id`), words and phrases through the
bilingual lexicon, typos through rapidfuzz against the words the facts use, everything else through a
crude stem. Stop words are dropped last, after phrases had their chance ("père du GPT").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.models import Entity
from knowledge.normalize import strip_controls, tokens
from knowledge.stopwords import STOPWORDS
from knowledge.wordforms import NUMBER_WORDS, base_forms, cognate_stem
from knowledge.wordfreq import zipf

ENTITY_PREFIX = "@"
FILLER = "-"  # the lexicon's concept for phrases that carry no topic ("one of the", "fait partie des")
REAL_WORD_ZIPF = 3.5  # a word at least this common in English or French is never taken for a typo
_RAW_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_MAX_PHRASE = 6
_DATED = re.compile(r"(?:mid|early|late|fin|debut|début|mi)-(?:19|20)\d\d", re.IGNORECASE)  # "mid-2018" is a date


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Concept → surface forms in both languages; which concepts are job titles (`cto`), and which state a
    relation (`join`, `leave`, `found`, `say`…): what a question asks happened, which a fact must state."""

    concepts: dict[str, list[str]]
    titles: frozenset[str] = frozenset()
    relations: frozenset[str] = frozenset()
    # Forms the general vocabulary brought (see `with_senses`): they fold into concepts, but a typo is never
    # corrected into one ("Sora" is an unknown name, not "soar").
    general: frozenset[str] = frozenset()


WORD_SENSE_PREFIX = "~"  # names a concept that only the general vocabulary knows ("~harvest")


def load_lexicon(path: Path, words: Path | None = None) -> Lexicon:
    """The curated lexicon at `path`, grown by the general bilingual vocabulary at `words` (see `with_senses`)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    lexicon = Lexicon(data["concepts"], frozenset(data.get("titles", ())), frozenset(data.get("relations", ())))
    return with_senses(lexicon, load_word_senses(words)) if words is not None else lexicon


def load_word_senses(path: Path) -> list[tuple[list[str], list[str]]]:
    """The general vocabulary: one meaning a line, as its forms in English and French
    (`{"en": ["harvest", "harvests"], "fr": ["récolte", "récoltes"]}`)."""
    senses = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            sense = json.loads(line)
            senses.append((sense["en"], sense["fr"]))
    return senses


def with_senses(lexicon: Lexicon, senses: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Lexicon:
    """`lexicon` with general vocabulary folded in, the curated entries keeping precedence.

    The lexicon is written for the stories we know; an article about a vineyard or a bank robbery uses words
    it never listed, and a French question about an English article then shares nothing with it but names.
    A sense whose English headword (its first form) the lexicon folds joins that concept, its other forms
    becoming the concept's, unless its French headword belongs to another concept: the lexicon's concepts are
    drawn wide for the stories it was written for ("gagner" is `salary` there), and a sense joining one on an
    ambiguous word would carry the whole of it along ("win, gagner, victoire" turning victories into pay).
    A sense sharing a form with exactly one sense already folded in joins it; any other sense becomes a concept
    of its own. A form the lexicon already folds stays where it is.
    """
    concepts = {name: list(forms) for name, forms in lexicon.concepts.items()}
    general: set[str] = set()
    owner: dict[tuple[str, ...], str] = {}
    for name, forms in concepts.items():
        for form in forms:
            owner.setdefault(tuple(tokens(form)), name)
    for english_forms, french_forms in senses:
        headwords = (tuple(tokens(english_forms[0])), tuple(tokens(french_forms[0])))
        keys = [key for key in dict.fromkeys(tuple(tokens(form)) for form in (*english_forms, *french_forms)) if key]
        if not all(headwords):
            continue
        english, french = (owner.get(word, FILLER) for word in headwords)
        joins = english != FILLER and french in (FILLER, english)
        name = english if joins else WORD_SENSE_PREFIX + "_".join(headwords[0])
        if not joins:
            # "die, died, death" after "death, deaths": a sense sharing a form with exactly one general sense is
            # that sense too (a form the curated lexicon folds never merges: its concepts are drawn wide).
            shared = {owner[key] for key in keys if key in owner and owner[key].startswith(WORD_SENSE_PREFIX)}
            if len(shared) == 1:
                name = shared.pop()
        target = concepts.setdefault(name, [])
        for key in keys:
            if key not in owner:
                owner[key] = name
                target.append(" ".join(key))
                general.add(" ".join(key))
    return Lexicon(concepts, lexicon.titles, lexicon.relations, frozenset(general))


def _singular(words: tuple[str, ...]) -> tuple[str, ...]:
    """`words` with their plural endings dropped ("chiffres affaires" → "chiffre affaire"). A word of four letters
    keeps its end: "news" is no plural, and "the news" must not be met in "the new CEO"."""
    return tuple(
        word[:-1] if len(word) > 4 and word.endswith(("s", "x")) and not word.endswith("ss") else word for word in words
    )


def _max_typos(length: int) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) an unknown word may be from a known one.

    One slip for ordinary words (`murrati` → `murati`, `openia` → `openai`), two for long ones
    (`sutskevr` → `sutskever`); short words are too easily another real word to correct at all.
    """
    return 2 if length >= 9 else 1


class ConceptAnalyzer:
    """Turns text into concepts; built once from the lexicon and the gazetteer, then grows its vocabulary."""

    def __init__(self, lexicon: Lexicon | Mapping[str, Sequence[str]], entities: Iterable[Entity]) -> None:
        if not isinstance(lexicon, Lexicon):
            lexicon = Lexicon({k: list(v) for k, v in lexicon.items()})
        self.titles = lexicon.titles
        self.relations = lexicon.relations
        self._curated = frozenset(name for name in lexicon.concepts if not name.startswith(WORD_SENSE_PREFIX))
        self._phrases: dict[tuple[str, ...], str] = {}
        self._singular_phrases: dict[tuple[str, ...], str] = {}  # multi-word phrases by their singular words
        curated: set[str] = set()  # the words of the curated forms: the lexicon's share of typo targets
        # The words of the general vocabulary's forms, by concept: typo targets once a fact uses the concept.
        self._general_words: dict[str, set[str]] = {}
        for concept, forms in lexicon.concepts.items():
            for form in forms:
                key = tuple(tokens(form))
                self._add_phrase(key, concept, override=False)
                if form not in lexicon.general:
                    curated.update(key)
                else:
                    self._general_words.setdefault(concept, set()).update(key)
        self._name_words: set[str] = set()
        for entity in entities:
            for alias in (entity.name, *entity.aliases):
                words = tuple(tokens(alias))
                self._add_phrase(words, ENTITY_PREFIX + entity.id, override=True)
                self._name_words.update(words)
        self._vocabulary: set[str] = curated | self._name_words
        self._short: set[str] = set()
        self._buckets: dict[tuple[str, int], list[str]] | None = None
        self._correct = lru_cache(maxsize=4096)(self._correct_uncached)
        self._forms: dict[str, str] = {}

    def _add_phrase(self, key: tuple[str, ...], concept: str, *, override: bool) -> None:
        if not key or len(key) > _MAX_PHRASE:
            return
        if override or key not in self._phrases:
            self._phrases[key] = concept
        if len(key) > 1 and concept != FILLER and not concept.startswith(ENTITY_PREFIX):
            # "chiffre d'affaire", "levées de fonds": a phrase is met in the singular or the plural alike.
            self._singular_phrases.setdefault(_singular(key), concept)

    def add_entities(self, entities: Iterable[Entity]) -> None:
        """Names that arrived after the analyzer was built (an ingested article's), added as the constructor
        adds the gazetteer's."""
        for entity in entities:
            for alias in (entity.name, *entity.aliases):
                key = tuple(tokens(alias))
                self._add_phrase(key, ENTITY_PREFIX + entity.id, override=True)
                self._vocabulary.update(key)
        self._buckets = None
        self._correct.cache_clear()

    def learn(self, text: str) -> None:
        """Add the words of `text` to the vocabulary typos are corrected against."""
        self.learn_tokens(tokens(text))

    def learn_tokens(self, words: Iterable[str]) -> None:
        """`learn` for a text already split into `tokens`."""
        words = list(words)
        # Short words ("ceo", "hq", "pdg") are known but never typo targets: too easily another word.
        self._short.update(word for word in words if len(word) <= 3 and word.isalpha())
        before = len(self._vocabulary)
        self._vocabulary.update(word for word in words if len(word) > 3 and not word.isdigit())
        if len(self._vocabulary) != before:
            self._buckets = None
            self._correct.cache_clear()

    def learn_concepts(self, concepts: Iterable[str]) -> None:
        """Add every form of `concepts` (those facts use) to the typo targets: an English question about a French
        article's "grêle" may misspell "hailstorm", which no fact writes but the concept it meets has."""
        self.learn_tokens(word for concept in concepts for word in self._general_words.get(concept, ()))

    def is_name_word(self, word: str) -> bool:
        """Whether `word` (or the known word it is a typo of) is part of a name in the gazetteer."""
        return word in self._name_words or self.correct(word) in self._name_words

    def is_general(self, concept: str) -> bool:
        """Whether `concept` is an everyday word's (a stem, or a sense of the general vocabulary): not a name
        and not a concept the curated lexicon chose for the stories we know."""
        return not concept.startswith(ENTITY_PREFIX) and concept not in self._curated

    def knows(self, word: str) -> bool:
        return word in self._vocabulary or word in STOPWORDS or word in self._short or (word,) in self._phrases

    def _correct_uncached(self, word: str) -> str:
        """The closest known word with the same first letter; on a tie, one the word has dropped a letter of
        ("postion" is position rather than portion: the commonest slip), then the first in alphabetical order.

        Typos almost never hit the first letter; requiring it keeps "blague" from becoming "langue". Words
        are bucketed by first letter and length: `k` edits change the length by at most `k`, so only the
        buckets within `k` letters of the word's length can hold an answer — a few hundred words to scan
        instead of a whole letter's share of a vocabulary that grows with every article.
        """
        if self._buckets is None:
            self._buckets = {}
            for known in sorted(self._vocabulary):
                self._buckets.setdefault((known[0], len(known)), []).append(known)
        limit = _max_typos(len(word))
        # A four-letter word is only trusted to have lost a letter ("aure" → "autre"): swaps and
        # substitutions would turn "joke" into "joue".
        lengths = [5] if len(word) == 4 else range(len(word) - limit, len(word) + limit + 1)
        best: tuple[int, bool, str] | None = None
        for length in lengths:
            choices = self._buckets.get((word[0], length))
            if not choices:
                continue
            cutoff = limit if best is None else best[0]
            found = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=cutoff)
            if found is not None:
                # A word a letter longer is one the typo dropped a letter of: preferred on a tie.
                key = (int(found[1]), length != len(word) + 1, found[0])
                if best is None or key < best:
                    best = key
        return best[2] if best else word

    def _correct_name(self, word: str) -> str:
        """The name `word` is two slips from ("Mutari" → "murati"): names are distinctive enough for that."""
        names = [name for name in self._name_words if name[0] == word[0] and abs(len(name) - len(word)) <= 2]
        found = process.extractOne(word, sorted(names), scorer=OSA.distance, score_cutoff=2) if names else None
        return str(found[0]) if found is not None else word

    def correct(self, word: str, lang: str | None = None) -> str:
        """The known word `word` is most likely a typo of, or `word` itself. A real word of the question's
        language `lang` (either language when None) is left as it is."""
        if len(word) < 4 or any(ch.isdigit() for ch in word) or self.knows(word):
            return word  # short words and model names (`gpt4`) are too easily another real word
        corrected = self._correct(word)
        if corrected == word and len(word) == 4:
            # Two neighbours swapped is the one slip a four-letter word is trusted with ("wokr" → "work").
            swaps = (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, 3))
            corrected = next((swap for swap in swaps if swap in self._vocabulary), word)
        if corrected == word and len(word) >= 6:
            corrected = self._correct_name(word)
        if corrected[:4] != word[:4] and (frequency := zipf(word, lang)) is not None and frequency >= REAL_WORD_ZIPF:
            # A real word is what was meant ("oeuvre", not the "ouvre" the facts use; "salaire", not "salari…"),
            # unless the known word is another form of it ("sortit" → "sorti", "attribute" → "attribue").
            return word
        return corrected

    def concepts(self, text: str, *, fix_typos: bool = False, lang: str | None = None) -> list[str]:
        """Concepts of `text` in order of appearance, duplicates kept (callers take sets as they need)."""
        return self.token_concepts(tokens(text), fix_typos=fix_typos, lang=lang)

    def token_concepts(self, words: list[str], *, fix_typos: bool = False, lang: str | None = None) -> list[str]:
        """`concepts` of a text already split into `tokens`."""
        if fix_typos:
            words = [self.correct(word, lang) for word in words]
        found: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(_MAX_PHRASE, len(words) - i), 0, -1):
                key = tuple(words[i : i + size])
                concept = self._phrases.get(key)
                if concept is None and size > 1:
                    concept = self._singular_phrases.get(_singular(key))
                if concept is not None and (size > 1 or words[i] not in STOPWORDS):
                    if concept != FILLER:
                        found.append(concept)
                    i += size
                    break
            else:
                word = words[i]
                if word not in STOPWORDS:
                    found.append(word if word.isdigit() else self._word_concept(word))
                i += 1
        return found

    def _word_concept(self, word: str) -> str:
        """The concept of a word no phrase matched: a number word's digits, the lexicon concept of another
        form of it ("lancera" → "lance" → `release`, "recruited" → `join`), else its crude stem, one French and
        English cognates share ("modèle" and "model")."""
        known = self._forms.get(word)
        if known is not None:
            return known
        concept = NUMBER_WORDS.get(word)
        if concept is None:
            for form in base_forms(word):
                meant = self._phrases.get((form,))
                if meant is not None and meant != FILLER and not meant.startswith(ENTITY_PREFIX):
                    concept = meant
                    break
        if concept is None:
            concept = cognate_stem(word)
        if len(self._forms) < 65536:  # a cache, bounded: words are a small, slowly growing set
            self._forms[word] = concept
        return concept

    def unknown_names(self, text: str) -> list[str]:
        """Words of `text` that look like names we do not know: `GPT-4`, `Claude`, `Altman`.

        A capitalised word past the first, or a word mixing letters and digits, that neither the vocabulary
        nor a typo correction recognises. A question about an unknown name is about something else.
        """
        found: list[str] = []
        for index, raw in enumerate(_RAW_WORD.findall(strip_controls(text))):
            looks_named = (index > 0 and raw[0].isupper()) or (
                any(ch.isdigit() for ch in raw) and any(ch.isalpha() for ch in raw) and not _DATED.fullmatch(raw)
            )
            if not looks_named:
                continue
            for word in tokens(raw):
                if len(word) < 2:
                    continue  # "Series B", "plan B": a letter is no name
                if word not in STOPWORDS and not self.knows(self.correct(word)) and word not in found:
                    found.append(word)
        return found


def entity_ids(concepts: Iterable[str]) -> set[str]:
    return {c[len(ENTITY_PREFIX) :] for c in concepts if c.startswith(ENTITY_PREFIX)}
