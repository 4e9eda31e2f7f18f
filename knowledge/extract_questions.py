"""The sample questions an article's facts carry beyond their relations' own.

What someone said, why someone left, how many, a valuation, a funding round's name, what someone is in
charge of, a board seat, what a thing is called; "who is X" / "what is Y" on the fact that says so, and
"what is X doing now" on a person's newest role. French questions agree with the person asked about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.extract_career import career_questions
from knowledge.extract_counts import count_questions
from knowledge.extract_mentions import Found, Mention
from knowledge.extract_patterns import pattern_questions
from knowledge.extract_relations import Relation
from knowledge.extract_render import entity_questions, present_questions
from knowledge.extract_sanctions import sanction_questions
from knowledge.models import LANGS, FactDate
from knowledge.normalize import fold1

# Sentence shapes that each ask their own questions (a contract, an office, a hire; a career step; a fine):
# one signature, so every sentence meets them all the same way.
_SHAPES = (pattern_questions, career_questions, sanction_questions)


@dataclass(slots=True)
class Draft:
    sentence: str
    mentions: list[Mention]
    relations: list[Relation]
    date: FactDate | None
    own_date: bool
    entities: list[str]
    subject: str | None
    questions: dict[str, list[str]]
    places: frozenset[str] = frozenset()  # the entities it names that are places
    speaker: str | None = None  # who says it, when it is a quotation that does not name its speaker


_SPEECH = re.compile(
    r"(?:said|says|told|added|explained|noted|wrote|argued|warned|insisted|declared|according to|a declare|a explique"
    r"|a indique|a precise|a resume|a ajoute|a affirme|a estime|a souligne|a confie|a raconte|a-t-(?:il|elle) (?:explique"
    r"|ajoute|precise|resume|declare)|estime|explique|affirme|souligne|selon|d'apres)"
)
_PURPOSE = re.compile(
    r"\b(?:to (?:start|found|launch|join|create|set up|pursue|focus|work)|pour (?:fonder|lancer|rejoindre|creer|monter"
    r"|se consacrer|poursuivre)|afin de|in order to|because|parce qu|car )"
)
_DURATION = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|deux|trois|quatre|cinq|six|sept"
    r"|huit|neuf|dix|douze|quinze|vingt)\s+(?:years?|ans|annees|months|mois|decades?|decennies?)\b"
)
_POSSESSIVE_APPOSITION = re.compile(r"\b([A-Z][\w-]+),\s+(?:sa|son|its|their|leur)\s+([^,.;]{3,60}?)\s*[,.;]")


def _speaker(sentence: str, mentions: Sequence[Mention], kinds: dict[str, str]) -> str | None:
    """The person a reporting verb names ("…," said Tobias Lindqvist; Garnier a indiqué que…; selon Morand)."""
    folded = fold1(sentence)
    for verb in _SPEECH.finditer(folded):
        after = [m for m in mentions if 0 <= m.start - verb.end() <= 2 and kinds.get(m.entity) == "person"]
        if after:
            return after[0].entity
        before = [m for m in mentions if 0 <= verb.start() - m.end <= 3 and kinds.get(m.entity) == "person"]
        if before:
            return before[-1].entity
    return None


def speaker_of(sentence: str, mentions: Sequence[Mention], kinds: dict[str, str]) -> str | None:
    """The person a reporting verb in `sentence` names, if any."""
    return _speaker(sentence, mentions, kinds)


def add_statement_questions(
    draft: Draft, kinds: dict[str, str], names: dict[str, str], main: str | None, quoted: str | None = None
) -> None:
    """Questions a statement answers beyond its relations: what someone said (`quoted`: who says it, when a
    quotation names its speaker in another sentence), why someone left, how many."""
    speaker = _speaker(draft.sentence, draft.mentions, kinds) or quoted
    about = names.get(main, "") if main else ""
    if speaker is not None:
        who = names[speaker]
        draft.questions["en"] += [f"What did {who} say?", f"What does {who} think?"]
        draft.questions["fr"] += [f"Qu'a dit {who} ?", f"Qu'a déclaré {who} ?", f"Que pense {who} ?"]
        others = [names[e] for e in draft.entities if e != speaker and e in names and kinds.get(e) != "place"]
        for topic in dict.fromkeys([about, *others[:2]]):
            if topic:
                draft.questions["en"].append(f"What did {who} say about {topic}?")
                draft.questions["fr"].append(f"Qu'a dit {who} à propos de {topic} ?")
    folded = fold1(draft.sentence)
    for relation in draft.relations:
        if relation.kind == "leave" and relation.org and _PURPOSE.search(folded):
            person, org = names.get(relation.subject, relation.subject), names.get(relation.org, relation.org)
            draft.questions["en"] += [f"Why did {person} leave {org}?", f"What did {person} leave {org} for?"]
            draft.questions["fr"] += [
                f"Pourquoi {person} a-t-il quitté {org} ?",
                f"Pour quoi faire {person} a-t-il quitté {org} ?",
            ]
    subject = names.get(draft.subject, "") if draft.subject else ""
    for lang, asked in count_questions(draft.sentence, draft.mentions, kinds, names, subject).items():
        draft.questions[lang] += asked
    for shape in _SHAPES:
        for lang, asked in shape(draft.sentence, draft.mentions, kinds, names, main).items():
            draft.questions[lang] += asked
    # "…which values the company at $900 million": a valuation.
    if re.search(r"\b(?:values?|valued|valuation|valorise|valorisee|valorisation)\b", folded) and re.search(
        r"\d", folded
    ):
        org = names.get(main, "") if main else subject
        draft.questions["en"] += [
            f"How much is {org} valued at?",
            f"What is {org}'s valuation?",
            f"What is {org} worth?",
        ]
        draft.questions["fr"] += [
            f"Quelle est la valorisation de {org} ?",
            f"Combien vaut {org} ?",
            f"À combien est valorisée {org} ?",
        ]
    # "a $35 million Series A in 2021": the round's name, as people ask about it.
    if series := re.search(r"\b(?:series|serie)\s+([a-e])\b", folded):
        org = names.get(main, "") if main else subject
        letter = series.group(1).upper()
        if re.search(r"\d", folded):
            draft.questions["en"] += [
                f"How much was {org}'s Series {letter}?",
                f"How much did {org} raise in its Series {letter}?",
            ]
            draft.questions["fr"] += [
                f"Combien {org} a-t-elle levé lors de sa série {letter} ?",
                f"Quel est le montant de la série {letter} de {org} ?",
            ]
        if any(r.kind == "invest" for r in draft.relations):
            draft.questions["en"] += [
                f"Who led the Series {letter} round of {org}?",
                f"Who invested in {org}'s Series {letter}?",
            ]
            draft.questions["fr"] += [
                f"Qui a mené la série {letter} de {org} ?",
                f"Qui a investi dans la série {letter} de {org} ?",
            ]
    # "…after seven years at the firm", "pendant près de six ans": how long someone was somewhere.
    if _DURATION.search(folded):
        people = [e for e in draft.entities if kinds.get(e) == "person"]
        orgs = [r.org for r in draft.relations if r.kind in {"leave", "join", "role"} and r.org]
        orgs += [e for e in draft.entities if kinds.get(e) == "organization"]
        if people and orgs:
            who, where = names[people[0]], names.get(orgs[0], orgs[0])
            draft.questions["en"] += [f"How long was {who} at {where}?", f"How many years did {who} spend at {where}?"]
            draft.questions["fr"] += [
                f"Combien de temps {who} a-t-il passé chez {where} ?",
                f"Pendant combien d'années {who} a-t-il travaillé chez {where} ?",
            ]
    # "Il sera chargé des relations avec les fonderies": what someone is responsible for.
    if re.search(
        r"\b(?:sera|est|seront|will be|is|are)\s+(?:chargee?s?|responsables?|in charge|responsible)\b", folded
    ):
        for person in [e for e in draft.entities if kinds.get(e) == "person"][:1]:
            who = names[person]
            draft.questions["en"] += [f"What will {who} be responsible for?", f"What is {who} in charge of?"]
            draft.questions["fr"] += [
                f"De quoi {who} sera-t-il chargé ?",
                f"Quelles seront les responsabilités de {who} ?",
            ]
    # "…will join Brightwater's board", "rejoint le conseil d'administration de Vérane"
    if re.search(r"\bboard\b|conseil d'administration|conseil de surveillance", folded):
        for relation in draft.relations:
            if relation.kind == "join" and relation.org:
                person, org = names.get(relation.subject, relation.subject), names.get(relation.org, relation.org)
                draft.questions["en"] += [f"Who joined the board of {org}?", f"Who is joining {org}'s board?"]
                draft.questions["fr"] += [
                    f"Qui rejoint le conseil d'administration de {org} ?",
                    f"Quel rôle {person} va-t-il jouer chez {org} ?",
                ]
    # "Lucia, sa première puce commerciale," → "Comment s'appelle la première puce commerciale de Vérane ?"
    for match in _POSSESSIVE_APPOSITION.finditer(draft.sentence):
        owner = names.get(draft.subject, "") if draft.subject else ""
        thing = match.group(2).strip()
        if owner and 1 <= len(thing.split()) <= 6:
            draft.questions["en"].append(f"What is the name of {owner}'s {thing}?")
            draft.questions["fr"].append(f"Comment s'appelle la {thing} de {owner} ?")


def _describes(draft: Draft, entity_id: str, names: dict[str, str]) -> bool:
    """The sentence says what the entity is: "X, a model that…", "X, une jeune pousse…", "X is a…"."""
    name = re.escape(names.get(entity_id, entity_id))
    return bool(
        re.search(
            rf"{name}(?:\s*\([^)]*\))?\s*(?:,\s*(?:a|an|the|une?|la|le|sa|son|its)\s|is an?\s|est une?\s)",
            draft.sentence,
        )
        # "The company's main product, ClearRead, …", "son nouveau modèle, Passerelle, …"
        or re.search(rf"(?:'s|\b(?:its|their|son|sa|ses|leur))\s+[\w\s-]{{2,40}},\s+{name}\s*[,.]", draft.sentence)
    )


def add_entity_questions(drafts: list[Draft], found: dict[str, Found], names: dict[str, str]) -> None:
    """ "Who is X?" on the fact that says what X does (a role, else the first fact about X); "What is Y?"
    on the fact that founds or first describes Y."""
    for entity_id, entity in found.items():
        if entity.known or entity.kind == "place":
            continue

        def rank(d: Draft, entity_id: str = entity_id) -> tuple[int, int]:
            if any(r.kind == "role" and r.subject == entity_id and not r.former for r in d.relations):
                return (0, 0)
            if _describes(d, entity_id, names):
                return (0, 1)
            if any(r.kind in {"role", "found"} and r.subject == entity_id for r in d.relations):
                return (1, 0)
            # A fact that only describes it ("the commission found…") comes after one that names it.
            named = any(m.entity == entity_id and not m.pronoun for m in d.mentions)
            if d.subject == entity_id:
                return (2 if named else 4, 0)
            return (3 if named else 5, 0)

        candidates = [d for d in drafts if entity_id in d.entities]
        if not candidates:
            continue
        best = min(candidates, key=rank)
        acronym = next((a for a in entity.aliases if a.isupper() and 2 <= len(a) <= 8), None)
        for lang in LANGS:
            best.questions[lang] += entity_questions(names[entity_id], entity.kind, lang, acronym)


def add_present_questions(drafts: list[Draft], found: dict[str, Found], names: dict[str, str]) -> None:
    """ "What is X doing now?" on X's newest current role, move or company."""
    for entity_id, entity in found.items():
        if entity.kind != "person":
            continue
        current = [
            d
            for d in drafts
            if any(
                (r.kind in {"role", "join"} and r.subject == entity_id and not r.former)
                or (r.kind == "found" and entity_id in r.others)
                for r in d.relations
            )
        ]
        if not current:
            continue

        def when(d: Draft, entity_id: str = entity_id) -> str:
            # A founding the sentence does not date ("elle fonde l'année suivante…") is not news of today;
            # a role stated in the present is as new as the article.
            if not d.date or (not d.own_date and not any(r.kind in {"role", "join"} for r in d.relations)):
                return ""
            return d.date.value

        newest = max(current, key=lambda d: (when(d), -drafts.index(d)))
        for lang in LANGS:
            newest.questions[lang] += present_questions(names[entity_id], lang)


def feminine(question: str, women: Sequence[str]) -> str:
    """ "Quand Elena Marchetti a-t-il quitté…" → "a-t-elle": the questions are offered as buttons too."""
    for name in women:
        if name in question:
            question = re.sub(rf"({re.escape(name)} [\w-]+?)-t-il\b", r"\1-t-elle", question)
    return question
