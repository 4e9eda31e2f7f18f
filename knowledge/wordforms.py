"""Other forms of a word the lexicon may list, and number words as digits.

The lexicon lists a handful of forms per verb ("lance", "lancer", "launched"); an article says "lancera",
"lancés", "relaunching". Rather than one more entry per tense, a word the lexicon lacks is tried under the
base forms its ending suggests (French future, conditional, imperfect, participles; English -ed, -ing, -s),
and the first one the lexicon knows stands for it. Number words become digits, so "quatre ans" meets "4
years" and "une vingtaine d'ingénieurs" meets "20 engineers". Pure string work, no data files.
"""

from __future__ import annotations

# (ending, replacements): "lancera" → "lanc" + ("e", "er") → "lance", "lancer". Longest endings first.
_FRENCH: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("eraient", ("e", "er")),
    ("eriez", ("e", "er")),
    ("erions", ("e", "er")),
    ("eront", ("e", "er")),
    ("erait", ("e", "er")),
    ("erais", ("e", "er")),
    ("erons", ("e", "er")),
    ("erez", ("e", "er")),
    ("erai", ("e", "er")),
    ("eras", ("e", "er")),
    ("era", ("e", "er")),
    ("iront", ("ir", "i")),
    ("irait", ("ir", "i")),
    ("ira", ("ir", "i")),
    ("issaient", ("ir", "i")),
    ("issait", ("ir", "i")),
    ("issent", ("ir", "i")),
    ("issons", ("ir", "i")),
    ("ront", ("re",)),
    ("rait", ("re",)),
    ("ra", ("re",)),
    ("aient", ("e", "er")),
    ("ait", ("e", "er")),
    ("ais", ("e", "er")),
    ("ant", ("e", "er")),
    ("ent", ("e", "er")),
    ("ons", ("e", "er")),
    ("ez", ("e", "er")),
    ("ees", ("e", "er", "ee")),
    ("es", ("e", "er")),
    ("ee", ("e", "er")),
    ("ies", ("i", "ir")),
    ("ie", ("i", "ir")),
    ("is", ("i", "ir")),
    ("us", ("u", "re")),
    ("ue", ("u", "re")),
    ("u", ("re",)),
    ("er", ("e",)),
    ("e", ("er",)),
)
_ENGLISH: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ied", ("y",)),
    ("ies", ("y",)),
    ("ing", ("", "e")),
    ("ed", ("", "e")),
    ("es", ("", "e")),
    ("s", ("",)),
)
_MIN_BASE = 3  # "est" is not a form of "e"


def base_forms(word: str) -> list[str]:
    """Candidate base forms of a folded word, most likely first, without the word itself.

    English doubled consonants ("planned" → "plan") are undone too. Only endings are looked at, so the
    list is short and cheap; the caller keeps the first candidate its vocabulary knows."""
    found: list[str] = []
    for table in (_FRENCH, _ENGLISH):
        for ending, replacements in table:
            if not word.endswith(ending):
                continue
            root = word[: -len(ending)]
            if len(root) < _MIN_BASE:
                continue
            for replacement in replacements:
                found.append(root + replacement)
            if table is _ENGLISH and ending in {"ed", "ing"} and len(root) > 3 and root[-1] == root[-2]:
                found.append(root[:-1])  # "planned" → "plan", "stopping" → "stop"
            break  # the longest matching ending of each language only
    return [form for form in dict.fromkeys(found) if form != word]


_VOWELS = frozenset("aeiouy")


def cognate_stem(word: str) -> str:
    """A crude stem on which French and English cognates meet more often than on a plain prefix.

    The plain stem (plural dropped, six letters) already joins "directeur"/"director", "université"/"university",
    "terminologie"/"terminology"; it misses short words whose French form ends in a mute e or in "-re" where
    English has "-er": "modèle"/"model", "groupe"/"group", "membre"/"member", "centre"/"center",
    "publique"/"public". Both languages go through the same steps, so a word only ever meets its twin.
    """
    if len(word) > 3 and word.endswith(("s", "x")) and not word.endswith("ss"):
        word = word[:-1]
    if len(word) >= 6 and word.endswith("ique"):
        word = word[:-3] + "c"  # publique → public, numérique → numeric
    elif len(word) >= 5 and word.endswith("re") and word[-3] not in _VOWELS and word[-3] != "r":
        word = word[:-2] + "er"  # membre → member, centre → center
    elif len(word) >= 5 and word.endswith("e") and word[-2] not in _VOWELS:
        word = word[:-1]  # modèle → model, groupe → group
    return word[:6]


# Cardinal and approximate number words of both languages, folded, as the digits they stand for. Left out:
# "un", "une", "one" (articles far more often than counts), "neuf" (new), "cent" ("pour cent") and "seize"
# (an English verb).
NUMBER_WORDS: dict[str, str] = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12", "fifteen": "15", "twenty": "20", "thirty": "30",
    "forty": "40", "fifty": "50", "sixty": "60", "hundred": "100",
    "thirteen": "13", "fourteen": "14", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
    "seventy": "70", "eighty": "80", "ninety": "90", "thousand": "1000",
    "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "sept": "7", "huit": "8", "dix": "10",
    "onze": "11", "douze": "12", "douzaine": "12", "quinze": "15", "quinzaine": "15", "vingt": "20",
    "vingtaine": "20", "trente": "30", "trentaine": "30", "quarante": "40", "quarantaine": "40",
    "cinquante": "50", "cinquantaine": "50", "soixante": "60", "centaine": "100",
    "dizaine": "10", "treize": "13", "quatorze": "14", "mille": "1000", "millier": "1000", "milliers": "1000",
    "centaines": "100", "dizaines": "10",
}  # fmt: skip
