"""What sort of thing a question wants named in its answer, when it says so: "which company…?".

"Which company did Ashworth work for before Meridian?" shares its words with the sentence saying he joined
Meridian in 2019; only the question's own words tell that its answer must name *another* company. A fact
that names no organisation besides those the question already gives cannot answer it, however close its
words are — "which university was he at?" is not answered by a sentence that names none.
"""

from __future__ import annotations

import re

from knowledge.normalize import canonical

ORGANIZATION = "organization"

_ORG_NOUNS = (
    r"(?:compan(?:y|ies)|firms?|start[- ]?ups?|labs?|laborator(?:y|ies)|organi[sz]ations?|employers?|rivals?"
    r"|competitors?|suppliers?|manufacturers?|(?:car|auto)?makers?|universit(?:y|ies)|colleges?|institutes?|agenc(?:y|ies)|regulators?|banks?"
    r"|entreprises?|societes?|boites?|labos?|laboratoires?|employeurs?|concurrents?|universites?|ecoles?"
    r"|instituts?|fournisseurs?|equipementiers?|constructeurs?|fabricants?|agences?|regulateurs?|banques?|firmes?|jeunes?\s+pousses?)"
)
# "which company", "what new start-up", "quelle entreprise", "pour quel concurrent", "chez quelle société";
# and "what is his new company called", "le nom de sa start-up", "comment s'appelle sa société".
_WANTS_ORGANIZATION = re.compile(
    rf"\b(?:which|what|quel|quelle|quels|quelles)\s+(?:[\w']+\s+)?{_ORG_NOUNS}\b"
    rf"|\bname\s+of\s+(?:[\w']+\s+){{0,2}}{_ORG_NOUNS}\b|\bnom\s+(?:de|du|d)\s+(?:[\w']+\s+){{0,2}}{_ORG_NOUNS}\b"
    rf"|\b{_ORG_NOUNS}\s+(?:(?:gonna|going\s+to|will|is|be)\s+)*(?:called|named)\b"
    rf"|\bcomment\s+(?:s\s+)?appelle\s+(?:\w+\s+){{0,2}}{_ORG_NOUNS}\b"
)


def wanted_kind(question: str) -> str | None:
    """The entity kind the answer must name that the question does not ("organization"), or None."""
    return ORGANIZATION if _WANTS_ORGANIZATION.search(canonical(question)) else None
