"""Text normalisation shared by the matcher, the extractor and the language guesser.

Both sides of every comparison go through the same steps: Unicode folding (case, accents, typographic
quotes), French elisions (`l'`, `qu'`, `d'`…), joined forms (`GPT-2` = `gpt 2` = `gpt2`,
`co-fondateur` = `cofondateur`) and tokenisation. Kept free of any data so it is cheap to import.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "«": '"', "»": '"', "“": '"', "”": '"'})
# Typographic hyphens and dashes (what word processors and phones put in "GPT‑2") are plain hyphens here.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d", "-"))
# "j'ai", "je l'ai lu", "n'ai": after an elided pronoun "ai" is the verb avoir, not AI (French writes IA).
_HAVE = re.compile(r"\b([jlmnt])'ai\b")
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=\w)")
_JOINED = (
    (re.compile(r"\bg(?:pt|tp)[\s-]*(\d)\b"), r"gpt\1"),  # "GTP-2" is a slip people make often
    (re.compile(r"\bco[\s-](?=(?:fond|found|auteur|author|createur|creator))"), "co"),
    (re.compile(r"\bpre[\s-](?=(?:train|entrain|form))"), "pre"),
    (re.compile(r"\bopen[\s-]ai\b"), "openai"),
    (re.compile(r"\bneur[\s-]?ips\b"), "neurips"),
)
_ACCORDING = re.compile(r"\bd'apres\b")
_TOKEN = re.compile(r"[a-z0-9]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def strip_controls(text: str) -> str:
    """Drop control and invisible formatting characters that only confuse matching and rendering."""
    return _CONTROL.sub("", text)


class _Combining(dict[int, int | None]):
    """A `str.translate` table that drops combining marks, filled in as characters are first seen: the
    same as testing `unicodedata.combining` on every character, at C speed once a character is known."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_DROP_COMBINING = _Combining()


def fold(text: str) -> str:
    """Lower-case, accent-free, typographic quotes and hyphens made plain; length is not preserved."""
    text = text.translate(_QUOTES)
    if text.isascii():
        return text.lower()  # what casefold, NFKD and dropping combining marks do to ASCII (no dashes either)
    text = unicodedata.normalize("NFKD", text.translate(_DASHES).casefold())
    return text.translate(_DROP_COMBINING).replace("œ", "oe").replace("æ", "ae")


def fold1(text: str) -> str:
    """Lower case without accents, one character for one: offsets on it are offsets in `text` (the extraction
    finds patterns on this and cuts the original sentence at the same places)."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFKD", char)[:1] or char
        out.append(base.lower()[:1] or base)
    return "".join(out).replace("’", "'")


def canonical(text: str) -> str:
    """`fold` plus elisions removed and joined forms unified: the string every matcher step starts from."""
    text = fold(strip_controls(text))
    if "d'apres" in text:  # the test alone is cheaper than the search on every text
        text = _ACCORDING.sub("selon", text)  # "d'après" is not "après" (after)
    if "'ai" in text:
        text = _HAVE.sub(r"\1'avoir", text)
    text = _ELISION.sub(" ", text)
    for pattern, replacement in _JOINED:
        text = pattern.sub(replacement, text)
    return text


def tokens(text: str) -> list[str]:
    """Canonical word tokens (letters and digits only)."""
    return _TOKEN.findall(canonical(text))


def canonical_tokens(canonical_text: str) -> list[str]:
    """`tokens` of a text already made `canonical` (so one text is folded once, not once per use)."""
    return _TOKEN.findall(canonical_text)


def stem(word: str) -> str:
    """A deliberately crude stem: plural `s` dropped, then the first six letters.

    Six-letter prefixes conflate inflections (`independent`, `independante`, `independance`) and many
    French/English cognates (`depart`ure/`départ`, `collab`orate/`collab`orer) at almost no cost;
    the bilingual lexicon handles the pairs this misses.
    """
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:6]
