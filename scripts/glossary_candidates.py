"""Lists the words knowledge/data/glossary.tsv should translate next: `python scripts/glossary_candidates.py en 3000`.

The most frequent words of a language (knowledge/data/word_frequencies.txt.gz, which holds words down to a Zipf
frequency of 2.5) that are more common in it than in the other, one per crude stem, that the glossary does not
translate and that the lexicon does not fold already (its concepts are bilingual by construction); stop words,
numbers, first names and places are left out. Translators (people or helpers) then write
`lang<TAB>word<TAB>translation|translation`, folded, for those that are words rather than names; the lines are
merged in, sorted by language and word.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.base import DATA_DIR, NEWS_VOCABULARY  # noqa: E402
from knowledge.concepts import ConceptAnalyzer, load_lexicon  # noqa: E402
from knowledge.glossary import glossary  # noqa: E402
from knowledge.models import Lang  # noqa: E402
from knowledge.places import is_place  # noqa: E402
from knowledge.stopwords import STOPWORDS  # noqa: E402
from knowledge.wordforms import NUMBER_WORDS, cognate_stem  # noqa: E402
from knowledge.wordfreq import known_words, zipf  # noqa: E402

OTHER: dict[Lang, Lang] = {"en": "fr", "fr": "en"}


def candidates(lang: Lang, count: int) -> list[str]:
    analyzer = ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json", words=DATA_DIR / NEWS_VOCABULARY), [])
    given = set((DATA_DIR / "given_names.txt").read_text(encoding="utf-8").split())
    frequency = {word: (zipf(word, lang) or 0.0, zipf(word, OTHER[lang]) or 0.0) for word in known_words()}
    found: list[str] = []
    stems: set[str] = set()
    for word in sorted(frequency, key=lambda w: (-frequency[w][0], w)):
        own, other = frequency[word]
        if not own or len(found) >= count:
            break
        if len(word) < 3 or not word.isalpha() or own < other:
            continue
        if word in STOPWORDS or word in given or word in NUMBER_WORDS or is_place(word):
            continue
        stem = cognate_stem(word)
        if stem in stems or glossary().translations(word, lang) or analyzer.token_concepts([word]) != [stem]:
            continue  # a form of a word already listed, glossed, or folded by the lexicon (as `gloss` keeps it)
        stems.add(stem)
        found.append(word)
    return found


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "en"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    if lang not in OTHER:
        sys.exit("usage: glossary_candidates.py en|fr [COUNT]")
    print("\n".join(candidates("fr" if lang == "fr" else "en", count)))


if __name__ == "__main__":
    main()
