"""Regenerates knowledge/data/word_frequencies.txt.gz from the `wordfreq` package (a development tool, not a
dependency of the bot: `pip install wordfreq`, then `python scripts/make_word_frequencies.py`).

One line per word: the word folded as the matcher folds it (lower case, no accents), then its Zipf
frequency times ten in English and in French (0 where it is rarer than `MIN_ZIPF` in that language), for
every word at least as common as `MIN_ZIPF` in one of them. The matcher uses it to weigh words no fact uses
by how common they are, and to leave real words alone when it corrects typos.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wordfreq import top_n_list, zipf_frequency  # noqa: E402

from knowledge.normalize import fold  # noqa: E402

TOP = 60_000  # per language
MIN_ZIPF = 2.5
_WORD = re.compile(r"[a-z]+")


def main() -> None:
    best: dict[str, dict[str, int]] = {}
    for lang in ("en", "fr"):
        for word in top_n_list(lang, TOP):
            zipf = zipf_frequency(word, lang)
            folded = fold(word)
            if zipf < MIN_ZIPF or not _WORD.fullmatch(folded):
                continue
            values = best.setdefault(folded, {"en": 0, "fr": 0})
            values[lang] = max(values[lang], round(zipf * 10))
    target = ROOT / "knowledge" / "data" / "word_frequencies.txt.gz"
    lines = "".join(f"{word} {v['en']} {v['fr']}\n" for word, v in sorted(best.items()))
    # mtime=0: the same input gives the same bytes, so regenerating never shows a spurious change.
    with gzip.GzipFile(target, "wb", mtime=0) as out:
        out.write(lines.encode("ascii"))
    print(f"{len(best)} words -> {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
