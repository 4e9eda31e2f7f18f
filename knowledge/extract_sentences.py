"""Which sentences of an article are statements: every one, except headings, bylines and date lines.

A heading is the title repeated or a short line with no closing punctuation; a byline names the writer
("By Jane Porter", "Par Marc Dubreuil — Lyon"); a date line only dates the article ("March 3, 2025",
"Publié le 12 mai 2025", "Updated: 2025-03-03"), and neither is the dateline that opens the first sentence
("BOSTON, Nov 18 — "). What is left and has a few words is a fact.
"""

from __future__ import annotations

import re

from knowledge.extract import find_date, split_sentences
from knowledge.normalize import canonical

MIN_WORDS = 5
_BYLINE = re.compile(
    r"^(?:by|par|from|de|with|avec|written by|ecrit par|reporting by|text by|texte)\s+[^\W\d_]"
    r"|^(?:[A-Z][\w.'-]+\s){1,3}(?:is a|est)\s+(?:staff |senior )?(?:reporter|writer|journalist|journaliste|correspondent|correspondante?)\b",
    re.IGNORECASE,
)
_DATELINE_WORDS = re.compile(
    r"\b(?:published|updated|posted|publie|publiee|mis a jour|modifie|le|on|at|a|am|pm|utc|gmt|cet|cest|h|min"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche|\d+)\b"
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# A news agency's dateline before the first sentence: "BOSTON, Nov 18 — ", "ASHCOMBE, England, Feb. 9 — ",
# "BRÉVENNES, 13 septembre — ", "LYON (AFP) - ". Where and when the article was filed, not what it states.
_DATELINE_PREFIX = re.compile(
    r"^[A-ZÀ-Ý][A-ZÀ-Ý'’ .-]{2,40}(?:\s*\([A-Za-z]{2,10}\))?(?:,\s*[^,—–]{2,30}){0,3}\s*[—–-]{1,2}\s+(?=\S)"
)


def is_heading(sentence: str, title: str | None) -> bool:
    """The title itself, or a short line that does not end like a sentence."""
    if title and canonical(sentence).strip(" .") == canonical(title).strip(" ."):
        return True
    words = _WORD.findall(sentence)
    return not sentence.rstrip().endswith((".", "!", "?", "…", '"', "»", "”", ")")) and len(words) <= 14


def is_byline(sentence: str) -> bool:
    return bool(_BYLINE.match(sentence.strip())) and len(_WORD.findall(sentence)) <= 10


def is_dateline(sentence: str) -> bool:
    """Only a date, with at most words such as "published", "updated", a weekday or a time."""
    if find_date(sentence) is None:
        return False
    rest = canonical(sentence)
    rest = re.sub(
        r"\b(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february"
        r"|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep"
        r"|sept|oct|nov|dec)\b",
        " ",
        rest,
    )
    rest = _DATELINE_WORDS.sub(" ", rest)
    return not re.search(r"[a-z]{2,}", rest)


def unwrap(text: str) -> str:
    """Hard-wrapped paragraphs joined back: a line that does not end a sentence continues on the next when
    that one starts in lower case or the line is long (a wrapped line, not a heading or a byline)."""
    lines = text.split("\n")
    out: list[str] = []
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    for index, line in enumerate(lines):
        previous = out[-1].rstrip() if out else ""
        stripped = line.strip()
        continues = (
            not (index - 1 == first and len(_WORD.findall(previous)) <= 14)  # a title line: never continued
            and previous
            and stripped
            and not previous.endswith((".", "!", "?", "…", ":", '"', "»", "”"))
            and not is_byline(stripped)
            and not is_dateline(stripped)
            and (
                stripped[:1].islower() or ((len(previous) >= 60 and previous[-1:].isalpha()) or previous.endswith(","))
            )
        )
        if continues:
            out[-1] = previous + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def statements(text: str, title: str | None = None) -> list[str]:
    """The article's sentences that state something, verbatim, in order."""
    kept: list[str] = []
    for sentence in split_sentences(unwrap(text)):
        if is_heading(sentence, title) or is_byline(sentence) or is_dateline(sentence):
            continue
        sentence = _DATELINE_PREFIX.sub("", sentence) if not kept else sentence
        if len(_WORD.findall(sentence)) < MIN_WORDS:
            continue
        kept.append(sentence)
    return kept
