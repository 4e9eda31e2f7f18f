"""Sample questions for regulatory news: a fine, an order to comply by a date, a right of appeal.

"The Maritime Safety Board fined Skarvik Shipping €2 million for…", "X a été condamnée à une amende de…",
"Skarvik has been ordered to refund passengers by 30 June", "Skarvik has 30 days to appeal": none of these
is a relation between two names the other patterns read, and people ask about them as who fined whom,
how much, why, what the company must do and by when, and whether (and how long) it can appeal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from knowledge.extract_mentions import Mention, mentions_of, owner_of
from knowledge.normalize import fold1

_FINED = re.compile(
    r"\b(?:fined|fines|has fined|imposed a (?:fine|penalty)|a inflige|inflige|a sanctionne|sanctionne|a condamne"
    r"|condamne|condamnee|a ete condamnee?|mis(?:e)? a l'amende)\b"
)
_ORDERED = re.compile(
    r"\b(?:ordered to|must|required to|has to|have to|doit|devra|est tenue? de|sommee? de|contrainte? de|oblige(?:e)? de)\b"
)
_APPEAL = re.compile(r"\b(?:appeal|challenge the (?:decision|ruling)|faire appel|contester la decision|recours)\b")


def sanction_questions(
    sentence: str,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    names: Mapping[str, str],
    main: str | None,
) -> dict[str, list[str]]:
    """Questions the sentence answers as a fine, an order or an appeal, per language."""
    folded = fold1(sentence)
    asked: dict[str, list[str]] = {"en": [], "fr": []}
    en, fr = asked["en"], asked["fr"]
    orgs = mentions_of(mentions, kinds, {"organization"})
    if (fined := _FINED.search(folded)) is not None:
        before = [m for m in orgs if m.end <= fined.start()]
        after = [m for m in orgs if m.start >= fined.end()]
        # "A fined B": B is fined; "B a été condamnée": the one before the verb is.
        target = after[0] if after and before else (before[-1] if before else (after[0] if after else None))
        if target is not None:
            who = names.get(target.entity, "")
            en += [
                f"Who fined {who}?",
                f"How much was {who} fined?",
                f"Why was {who} fined?",
                f"What penalty did {who} get?",
            ]
            fr += [
                f"Qui a sanctionné {who} ?",
                f"À combien s'élève l'amende de {who} ?",
                f"Pourquoi {who} a-t-elle été sanctionnée ?",
                f"Quelle amende {who} a-t-elle reçue ?",
            ]
            if before and after:
                regulator = names.get(before[-1].entity, "")
                en.append(f"Who did {regulator} fine?")
                fr.append(f"Qui {regulator} a-t-elle sanctionné ?")
    owner = owner_of(mentions, kinds, names, main)
    if not owner:
        return asked
    if _ORDERED.search(folded) and re.search(r"\b(?:by|before|avant|d'ici|au plus tard)\b", folded):
        en += [f"What must {owner} do?", f"By when must {owner} comply?", f"What has {owner} been ordered to do?"]
        fr += [
            f"Que doit faire {owner} ?",
            f"D'ici quand {owner} doit-elle s'y conformer ?",
            f"Quelle échéance a été fixée à {owner} ?",
        ]
    if _APPEAL.search(folded):
        en += [f"Can {owner} appeal?", f"How long does {owner} have to appeal?", f"Will {owner} appeal?"]
        fr += [f"{owner} peut-elle faire appel ?", f"Combien de temps {owner} a-t-elle pour faire appel ?"]
    return asked
