"""The clauses of a long statement, each of which a question may be about on its own.

A news sentence often says four things at once: "Parla 3, launched in January 2025, can reproduce a
speaker's voice from less than ten seconds of audio, a capability the company markets to banks…". A
question asks about one of them ("How much audio does Parla 3 need?"), and against the whole sentence
its few words are a small share of many: the right fact scores like a neighbour. Against the clause
that says it, with the sentence's subject, they are most of what is said. Splitting needs no grammar:
punctuation and the words that open a subordinate clause mark where one thing ends and another begins.
"""

from __future__ import annotations

import re

from knowledge.normalize import tokens

# A statement shorter than this says one or two things: the whole of it is the clause.
MIN_WORDS = 14
# A piece shorter than this ("Parla 3", "in 2019") belongs with the next one.
_MIN_PIECE = 4
_BREAKS = re.compile(
    r"\s*[,;:()\[\]«»\"“”—–]\s*"
    r"|\s+(?=(?:and|et|which|whose|who|whom|because|although|though|while|whereas|but|after|before|until|"
    r"qui|dont|lequel|laquelle|lesquels|lesquelles|car|mais|tandis|alors que|apr[eè]s|avant|parce)\b)",
    re.IGNORECASE,
)


def clauses(text: str) -> list[str]:
    """The clauses of `text` when it is long enough to hold several, else none (the text is its own)."""
    if len(tokens(text)) < MIN_WORDS:
        return []
    found: list[str] = []
    pending = ""
    for piece in _BREAKS.split(text):
        piece = piece.strip(" .!?'’")
        if not piece:
            continue
        pending = f"{pending} {piece}" if pending else piece
        if len(tokens(pending)) >= _MIN_PIECE:
            found.append(pending)
            pending = ""
    if pending and found:
        found[-1] = f"{found[-1]} {pending}"
    return found if len(found) > 1 else []
