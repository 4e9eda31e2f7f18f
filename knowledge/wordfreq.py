"""How common a word is in English or French: its Zipf frequency (6 ≈ "people", 4 ≈ "salary", 3 ≈ "nationality").

Words no fact uses are weighed by it: a rare one ("nationality") says what a question is about, a common one
("trying", "roughly") is the way people talk. And a real word is not a typo: "œuvre" must not be "corrected"
into "ouvre" because the facts happen to use the latter. The list (`data/word_frequencies.txt.gz`, 89,000
folded words from the `wordfreq` project, made by `scripts/make_word_frequencies.py`) is read on first use:
70 ms, paid by the first question that has a word the facts don't use, never at import.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

FREQUENCIES = Path(__file__).parent / "data" / "word_frequencies.txt.gz"


@cache
def _table() -> dict[str, str]:
    words = gzip.decompress(FREQUENCIES.read_bytes()).decode("ascii").split()
    return dict(zip(words[::2], words[1::2], strict=True))


def zipf(word: str) -> float | None:
    """The Zipf frequency of a folded word (the larger of English's and French's), None when it is rarer than
    2.5 (one in three million words) or not a word at all (a typo, a made-up name)."""
    value = _table().get(word)
    return int(value) / 10 if value is not None else None


@lru_cache(maxsize=64)
def _by_length(letter: str) -> dict[int, list[str]]:
    """The listed words starting with `letter`, by length: built for a letter when a slip first needs it."""
    found: dict[int, list[str]] = defaultdict(list)
    for word in _table():
        if word[0] == letter:
            found[len(word)].append(word)
    return dict(found)


@lru_cache(maxsize=4096)
def typo_zipf(word: str) -> float | None:
    """The Zipf frequency of `word`, or of the listed word it is most likely a slip of ("diferent" →
    "different", "abotu" → "about"): the closest within one edit (two past eight letters), first letter
    kept, the most common on a tie. A misspelt everyday word is still an everyday word; only what resembles
    no word at all stays unknown."""
    found = zipf(word)
    if found is not None or len(word) < 4:
        return found
    limit = 2 if len(word) >= 9 else 1
    lengths = _by_length(word[0])
    best: tuple[int, float] | None = None  # (distance, -zipf)
    for length in range(len(word) - limit, len(word) + limit + 1):
        for candidate, distance, _ in process.extract(
            word, lengths.get(length, ()), scorer=OSA.distance, score_cutoff=limit, limit=None
        ):
            key = (int(distance), -(zipf(candidate) or 0.0))
            if best is None or key < best:
                best = key
    return -best[1] if best else None
