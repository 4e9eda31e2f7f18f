"""How common a word is in English or French: its Zipf frequency (6 ≈ "people", 4 ≈ "salary", 3 ≈ "nationality").

Words no fact uses are weighed by it: a rare one ("nationality") says what a question is about, a common one
("trying", "roughly") is the way people talk. And a real word is not a typo: "œuvre" must not be "corrected"
into "ouvre" because the facts happen to use the latter. The list (`data/word_frequencies.txt.gz`, 89,000
folded words with their frequency in each language, from the `wordfreq` project, made by
`scripts/make_word_frequencies.py`) is read on first use (about 0.1 s, paid by the first question with a word
the facts don't use, never at import).
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from pathlib import Path

FREQUENCIES = Path(__file__).parent / "data" / "word_frequencies.txt.gz"


@cache
def _table() -> dict[str, tuple[str, str]]:
    words = gzip.decompress(FREQUENCIES.read_bytes()).decode("ascii").split()
    return dict(zip(words[::3], zip(words[1::3], words[2::3], strict=True), strict=True))


def known_words() -> list[str]:
    """Every word the list holds (for tools that pick words by how common they are)."""
    return list(_table())


def zipf(word: str, lang: str | None = None) -> float | None:
    """The Zipf frequency of a folded word in `lang` ("en" or "fr"; the larger of the two when None), None
    when it is rarer than 2.5 (one in three million words) there or not a word at all (a typo, a made-up
    name)."""
    values = _table().get(word)
    if values is None:
        return None
    value = int(values[1] if lang == "fr" else values[0]) if lang in ("en", "fr") else max(map(int, values))
    return value / 10 if value else None


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_slip(word: str) -> set[str]:
    """Every string one edit from `word` (a letter dropped, swapped with its neighbour, replaced or added),
    the first letter kept: a few hundred dictionary look-ups instead of a scan of the list."""
    splits = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]
    dropped = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaced = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    added = {a + c + b for a, b in splits for c in _LETTERS}
    return dropped | swapped | replaced | added


@lru_cache(maxsize=4096)
def typo_zipf(word: str) -> float | None:
    """The Zipf frequency of `word`, or of the most common listed word one slip away ("diferent" →
    "different", "abotu" → "about"), first letter kept. A misspelt everyday word is still an everyday word;
    only what resembles no word at all stays unknown."""
    found = zipf(word)
    if found is not None or len(word) < 4:
        return found
    near = [value for candidate in _one_slip(word) if (value := zipf(candidate)) is not None]
    return max(near) if near else None
