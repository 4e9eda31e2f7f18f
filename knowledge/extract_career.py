"""Sample questions for the steps of a career a profile tells: studies, a doctorate, a job somewhere, a return,
the idea a company was born from.

Profiles say "Diplômée de l'École normale supérieure en 2009, elle soutient en 2014 une thèse…", "He went
back to the lab in 2016 as a research fellow", "The idea for Orvane came in 2017…": none of these is a relation
between two names, so without samples a question like "where did she study?" or "when did he get his PhD?"
meets nothing. Each step is asked the way people ask about it, in both languages, about the person the
sentence is about (a pronoun counts: "elle soutient…" is hers), and the place or organisation it names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from knowledge.extract_mentions import Mention, first_named
from knowledge.normalize import fold1

_STUDY = re.compile(
    r"\b(?:diplomee?s? (?:de|d'|en)|graduated?|graduate of|studied|studies at|studying|etudie|a etudie|ses etudes"
    r"|fait ses etudes|alumn(?:a|us|i) of|degree (?:in|from)|master'?s? (?:in|from)|licence|master en|ingenieure? diplomee?)"
)
_DOCTORATE = re.compile(r"\b(?:these|thesis|phd|ph\.d|doctorat|doctorate|doctoral|dissertation)\b")
_RETURN = re.compile(
    r"\b(?:revient|revenue? (?:a|chez)|est revenue?|retourne|est retournee?|returned to|returns to|came back to"
    r"|went back to|goes back to|rejoint a nouveau|back at)\b"
)
_WORK = re.compile(
    r"\b(?:rejoint|rejoignait|a rejoint|joined|worked (?:for|at|on)|works (?:for|at)|a travaille|travaille (?:pour|chez)"
    r"|pour lequel|pour laquelle|for which|where (?:she|he) (?:built|designed|worked|led)|concoit|designed|built)\b"
)
_IDEA = re.compile(r"\b(?:l'idee d[eu']|the idea (?:for|of|behind)|idea came|came up with|a eu l'idee|had the idea)")


def career_questions(
    sentence: str,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    names: Mapping[str, str],
    main: str | None,
) -> dict[str, list[str]]:
    """Questions the sentence answers as a step of someone's career, per language."""
    folded = fold1(sentence)
    asked: dict[str, list[str]] = {"en": [], "fr": []}
    en, fr = asked["en"], asked["fr"]
    who = first_named(mentions, kinds, names, {"person"})
    if who:
        if study := _STUDY.search(folded):
            school = first_named(mentions, kinds, names, {"organization"}, after=study.start())
            en += [f"Where did {who} study?", f"What did {who} study?", f"When did {who} graduate?"]
            fr += [f"Où {who} a-t-il étudié ?", f"Qu'a étudié {who} ?", f"Quand {who} a-t-il obtenu son diplôme ?"]
            if school:
                en.append(f"When did {who} graduate from {school}?")
                fr.append(f"En quelle année {who} a-t-il été diplômé de {school} ?")
        if doctorate := _DOCTORATE.search(folded):
            where = first_named(mentions, kinds, names, {"organization", "place"}, after=doctorate.start())
            en += [f"When did {who} get a PhD?", f"What was {who}'s PhD about?", f"Where did {who} do a PhD?"]
            fr += [
                f"Quand {who} a-t-il obtenu son doctorat ?",
                f"Quel était le sujet de la thèse de {who} ?",
                f"Où {who} a-t-il fait son doctorat ?",
            ]
            if where:
                en.append(f"What did {who} do at {where}?")
                fr.append(f"Qu'a fait {who} à {where} ?")
        if back := _RETURN.search(folded):
            where = first_named(mentions, kinds, names, {"organization", "place"}, after=back.start())
            if where:
                en += [f"When did {who} return to {where}?", f"In what role did {who} go back to {where}?"]
                fr += [
                    f"Quand {who} a-t-il fait son retour à {where} ?",
                    f"À quel poste {who} a-t-il retrouvé {where} ?",
                ]
        if _WORK.search(folded):
            for m in mentions:
                if kinds.get(m.entity) == "place":
                    place = names.get(m.entity, "")
                    en += [f"What did {who} do in {place}?", f"What did {who} work on in {place}?"]
                    fr += [f"Que faisait {who} à {place} ?", f"Sur quoi {who} a-t-il travaillé à {place} ?"]
                    break
    org_id = next((m.entity for m in mentions if kinds.get(m.entity) == "organization"), main)
    org = names.get(org_id, "") if org_id else ""
    if org and _IDEA.search(folded):
        en += [f"Where does the idea for {org} come from?", f"When was {org} conceived?", f"How was {org} born?"]
        fr += [f"D'où vient l'idée de {org} ?", f"Comment {org} est-elle née ?", f"Quand {org} a-t-elle été imaginée ?"]
    return asked
