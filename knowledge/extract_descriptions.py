"""Descriptions that stand for a name the article gave earlier: "cette ancienne chercheuse", "the commission".

Articles name someone once and then describe them ("Depuis 2025, cette ancienne chercheuse est directrice…",
"the commission found…", "the regulator had received…"). A fact whose sentence only describes its subject
must still be about it, or a question naming the person or the organisation finds nothing. Two kinds:

- a person described by a demonstrative and a role noun ("cette chercheuse", "cet ingénieur", "this former
  lawyer"): the person the article is talking about, of the gender the noun says;
- an organisation described by a kind noun ("the commission", "la commission", "the regulator", "l'autorité",
  "le régulateur"): the organisation of the article whose name has that noun ("Digital Services Commission"),
  or for a regulator's generic names ("the watchdog"), one whose name says it is a public body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.normalize import fold, fold1

# Role nouns a demonstrative turns into a person description, folded; French feminine forms say "she".
_PERSON_NOUNS = (
    "chercheur chercheuse fondateur fondatrice cofondateur cofondatrice co-fondateur co-fondatrice ingenieur "
    "ingenieure dirigeant dirigeante patron patronne entrepreneur entrepreneuse scientifique mathematicien "
    "mathematicienne informaticien informaticienne physicien physicienne economiste avocat avocate directeur "
    "directrice president presidente specialiste experte expert docteure docteur medecin investisseur "
    "investisseuse ancienne ancien chef researcher founder co-founder cofounder engineer executive entrepreneur "
    "scientist lawyer economist mathematician physicist investor doctor expert veteran specialist "
    "conservateur conservatrice entraineur entraineuse joueur joueuse attaquant attaquante coach manager "
    "forward striker midfielder defender player curator"
).split()
_ADJECTIVES = r"(?:(?:ancien|ancienne|former|jeune|young|nouveau|nouvelle|new|meme|same|serial|discret|discrete)\s+)"
_PERSON = re.compile(
    r"\b(?:cette|cet|ce|this)\s+"
    + _ADJECTIVES
    + r"*("
    + "|".join(sorted(set(_PERSON_NOUNS), key=len, reverse=True))
    + r")\b"
)
# At the start of a sentence a definite article does what a demonstrative does: "The Portuguese forward scored 27
# goals", "Le conservateur plaidait pour…" describe the person the last sentences named (one word may qualify it).
# Not with a complement: "Le directeur de la coopérative, Hervé Duchaussoy, …" introduces someone new.
_OPENING_PERSON = re.compile(
    r"^\W*(?:the|le|la|l')\s*(?:\w+\s+)?("
    + "|".join(sorted(set(_PERSON_NOUNS) - {"ancienne", "ancien", "chef"}, key=len, reverse=True))
    + r")\b(?!\s*(?:,|de\b|du\b|des\b|d'|of\b|at\b|for\b|in\b))"
)
_FEMININE = re.compile(r"(?:euse|trice|ienne|ante|ente|ure|ee|ancienne|experte|avocate|patronne)$")

# Kind nouns of organisations, folded, with the words of a name that say the same kind.
_KINDS: dict[str, tuple[str, ...]] = {
    "commission": ("commission",),
    "authority": ("authority", "autorite"),
    "autorite": ("authority", "autorite"),
    "agency": ("agency", "agence"),
    "agence": ("agency", "agence"),
    "institute": ("institute", "institut"),
    "institut": ("institute", "institut"),
    "university": ("university", "universite"),
    "universite": ("university", "universite"),
    "ministry": ("ministry", "ministere"),
    "ministere": ("ministry", "ministere"),
    "court": ("court", "tribunal", "cour"),
    "tribunal": ("court", "tribunal", "cour"),
    "bank": ("bank", "banque"),
    "banque": ("bank", "banque"),
    "fund": ("fund", "fonds", "capital", "ventures"),
    "fonds": ("fund", "fonds", "capital", "ventures"),
    "lab": ("lab", "labs", "laboratory", "laboratoire"),
    "laboratoire": ("lab", "labs", "laboratory", "laboratoire"),
}
_PUBLIC_BODY = ("commission", "authority", "autorite", "agency", "agence", "office", "regulator", "board", "conseil")
for _generic in ("regulator", "watchdog", "regulateur", "gendarme"):
    _KINDS[_generic] = _PUBLIC_BODY
# "Les fonds serviront à financer une usine" is the money raised, not an investment fund: only "le fonds" is one.
_ORG = re.compile(
    r"\b(?!les\s+fonds\b)(?:the|this|la|le|les|cette|ce|l['’])\s*("
    + "|".join(sorted(_KINDS, key=len, reverse=True))
    + r")\b"
)


def person_descriptions(sentence: str) -> list[tuple[int, int, str | None]]:
    """Spans of "cette ancienne chercheuse"-like descriptions, with the gender their noun says ("f", "m" for a
    French masculine noun, None in English)."""
    found: list[tuple[int, int, str | None]] = []
    folded = fold1(sentence)
    for match in _PERSON.finditer(folded):
        noun = match.group(1)
        gender = None if match.group(0).startswith("this") else ("f" if _FEMININE.search(noun) else "m")
        found.append((match.start(), match.end(), gender))
    opening = _OPENING_PERSON.match(folded)
    if opening is not None and not any(start < opening.end() for start, _, _ in found):
        start = len(folded) - len(folded.lstrip(" \"'«“"))
        noun = opening.group(1)
        english = folded[start:].startswith("the")
        found.append((start, opening.end(), None if english else ("f" if _FEMININE.search(noun) else "m")))
    return found


def org_descriptions(sentence: str) -> list[tuple[int, int, str]]:
    """Spans of "the commission"-like descriptions, with their kind noun."""
    return [(m.start(), m.end(), m.group(1)) for m in _ORG.finditer(fold1(sentence))]


def described_org(kind: str, organisations: Sequence[tuple[str, str]]) -> str | None:
    """The organisation a kind noun describes, among (id, name) pairs, most recent first: the first whose name
    has a word of that kind ("the commission" → "Canada's Digital Services Commission")."""
    wanted = _KINDS.get(kind, ())
    for entity_id, name in organisations:
        if any(word in wanted for word in re.findall(r"[a-z]+", fold(name))):
            return entity_id
    return None
