"""Lists the words knowledge/data/glossary.tsv should translate next: `python scripts/glossary_candidates.py en 3000`
(a third argument lowers the frequency floor, 2.5 on the Zipf scale by default).

The most frequent words of a language (knowledge/data/word_frequencies.txt.gz) that are more common in it than in
the other, one per crude stem, that the glossary has no line for and that the lexicon does not fold already (its
concepts are bilingual by construction); stop words, numbers, first names and places are left out. Translators
(people or helpers) then write `lang<TAB>word<TAB>translation|translation`, folded, for those that are words
rather than names; the lines are merged in, sorted by language and word.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.base import DATA_DIR, NEWS_VOCABULARY  # noqa: E402
from knowledge.concepts import ConceptAnalyzer, load_lexicon  # noqa: E402
from knowledge.glossary import GLOSSARY  # noqa: E402
from knowledge.places import is_place  # noqa: E402
from knowledge.stopwords import STOPWORDS  # noqa: E402
from knowledge.wordforms import NUMBER_WORDS, cognate_stem  # noqa: E402

MIN_ZIPF = 2.5
LANGS = ("en", "fr")


def candidates(lang: str, count: int, floor: float = MIN_ZIPF) -> list[str]:
    analyzer = ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json", words=DATA_DIR / NEWS_VOCABULARY), [])
    glossed = set()
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            glossed.add((parts[0], cognate_stem(parts[1])))
    given = set((DATA_DIR / "given_names.txt").read_text(encoding="utf-8").split())
    own, other = LANGS.index(lang), 1 - LANGS.index(lang)
    frequencies: dict[str, tuple[float, float]] = {}
    with gzip.open(DATA_DIR / "word_frequencies.txt.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            word, english, french = line.split()
            frequencies[word] = (int(english) / 10, int(french) / 10)
    found: list[str] = []
    stems: set[str] = set()
    for word in sorted(frequencies, key=lambda w: (-frequencies[w][own], w)):
        zipf = frequencies[word][own]
        if zipf < floor or len(found) >= count:
            break
        if len(word) < 3 or not word.isalpha() or zipf < frequencies[word][other]:
            continue
        if word in STOPWORDS or word in given or word in NUMBER_WORDS or is_place(word):
            continue
        stem = cognate_stem(word)
        if (lang, stem) in glossed or stem in stems or analyzer.token_concepts([word]) != [stem]:
            continue  # glossed, a form of a word already listed, or a word the lexicon folds (as `gloss` keeps it)
        stems.add(stem)
        found.append(word)
    return found


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "en"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    floor = float(sys.argv[3]) if len(sys.argv) > 3 else MIN_ZIPF
    if lang not in LANGS:
        sys.exit("usage: glossary_candidates.py en|fr [COUNT [MIN_ZIPF]]")
    print("\n".join(candidates(lang, count, floor)))


if __name__ == "__main__":
    main()
