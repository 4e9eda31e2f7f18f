"""How common a word is in English or French: its Zipf frequency (6 ≈ "people", 4 ≈ "salary", 3 ≈ "nationality").

Words no fact uses are weighed by it: a rare one ("nationality") says what a question is about, a common one
("trying", "roughly") is the way people talk. And a real word is not a typo: "œuvre" must not be "corrected"
into "ouvre" because the facts happen to use the latter. The list (`data/word_frequencies.txt.gz`, 89,000
folded words from the `wordfreq` project, made by `scripts/make_word_frequencies.py`) is read on first use:
70 ms, paid by the first question that has a word the facts don't use, never at import.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

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
