"""Which of our two languages a short message is written in.

A two-language decision on chat-sized text does not need a statistical model: French and English
differ in their most frequent words, their elisions and their accents, and those decide almost every
real question. When nothing decides (`Murati`, `GPT-2?`), the caller's fallback wins — the
conversation's language — which is what a person would assume too.
"""

from __future__ import annotations

import re

from knowledge.models import Lang
from knowledge.normalize import fold

_FR_WORDS = frozenset(
    """le la les un une des du de au aux et est sont etait ete a ont qui que quoi quel quelle quels quelles
    quand comment pourquoi combien ou dans sur pour avec par sans chez son sa ses leur leurs il elle ils elles
    on nous vous je tu ce cet cette ces mais donc car ne pas plus tres aussi apres avant depuis encore
    fait faire dit va vont peut etre avoir lui moi toi raconte dis parle parlez bonjour salut merci
    t il-t elle-t qu l d n s c j""".split()
)
_EN_WORDS = frozenset(
    """the a an of and is are was were be been did does do done has have had who what when where why how
    which whom whose with for from about into at by on in to it its he she they them his her their this
    that these those there not no yes will would can could should going after before still also tell me
    you your please hello hi thanks thank say said much many old""".split()
)
_FR_SHAPES = re.compile(r"\b(?:qu|l|d|n|s|j|c)'|-t-(?:il|elle|on)\b|[àâçéèêëîïôûùüÿœ]")
_WORD = re.compile(r"[a-z]+(?:-t-[a-z]+)?")
_EN_CONTRACTIONS = re.compile(r"(?<=[a-z])'(?:s|t|re|ve|ll|d|m)\b")


def guess_language(text: str, fallback: Lang = "en") -> Lang:
    """Return `fr` or `en`; `fallback` when the text gives no evidence either way."""
    lowered = text.casefold().replace("’", "'")
    # "What's", "Radford's", "didn't": English contractions and possessives, not French elisions; their
    # "s" and "t" must not count as the French words "s'" and "t".
    en = float(len(_EN_CONTRACTIONS.findall(lowered)))
    lowered = _EN_CONTRACTIONS.sub(" ", lowered)
    fr = 2.0 * len(_FR_SHAPES.findall(lowered))
    for word in _WORD.findall(fold(lowered)):
        in_fr, in_en = word in _FR_WORDS, word in _EN_WORDS
        if in_fr and not in_en:
            fr += 1.0
        elif in_en and not in_fr:
            en += 1.0
        elif in_fr and in_en:  # "a", "on", "son"… lean neither way
            continue
    if fr == en:
        return fallback
    return "fr" if fr > en else "en"


def language_evidence(text: str) -> Lang | None:
    """`fr` or `en` when the text itself says which, else None (a name, a number, an emoji)."""
    en_first = guess_language(text, "en")
    return en_first if en_first == guess_language(text, "fr") else None
