"""An article in, facts and entities out, with no hand work: the extraction pipeline.

statements (every sentence that is not a heading, byline or date line) → mentions (gazetteer entities
and the names the article introduces, pronouns linked) → relations (role, join, leave, found, raise,
acquire, sell, based, announce) → the main clause's date, else the article's → one fact per statement,
its text rendered in both languages when a relation is recognised (the source sentence otherwise),
with sample questions generated per relation and per entity, in both languages.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from knowledge.extract_dates import article_date, main_clause_date
from knowledge.extract_mentions import Found, Mention, Mentions
from knowledge.extract_relations import Relation, fold1, relations
from knowledge.extract_render import entity_questions, present_questions, questions, render
from knowledge.extract_sentences import statements
from knowledge.models import LANGS, Entity, Fact, FactDate, Lang, Localized
from knowledge.normalize import canonical

EVENTS = frozenset({"join", "leave", "found", "raise", "acquire", "sell", "announce"})
_PRIORITY = {
    kind: rank
    for rank, kind in enumerate(
        ("found", "raise", "acquire", "sell", "join", "leave", "invest", "announce", "role", "based")
    )
}


@dataclass(frozen=True, slots=True)
class Extraction:
    facts: tuple[Fact, ...]
    entities: tuple[Entity, ...]  # every entity the facts name that the gazetteer does not hold as such


@dataclass(slots=True)
class _Draft:
    sentence: str
    mentions: list[Mention]
    relations: list[Relation]
    date: FactDate | None
    own_date: bool
    entities: list[str]
    subject: str | None
    questions: dict[str, list[str]]
    places: frozenset[str] = frozenset()  # the entities it names that are places


def _subject(mentions: Sequence[Mention], found_relations: Sequence[Relation], kinds: dict[str, str]) -> str | None:
    if found_relations:
        return found_relations[0].subject
    people = [m.entity for m in mentions if kinds.get(m.entity) == "person"]
    if people:
        return people[0]
    return mentions[0].entity if mentions else None


def _named_text(sentence: str, mentions: Sequence[Mention], names: dict[str, str]) -> str:
    """The sentence with a leading pronoun replaced by the name it stands for ("She joined…" → "Nadia
    Verhoeven joined…"): an answer must say who."""
    first = min(mentions, key=lambda m: m.start) if mentions else None
    if first is None or not first.pronoun or first.start > 0 or first.entity not in names:
        return sentence
    return names[first.entity] + sentence[first.end :]


def extract_article(
    source_id: str,
    text: str,
    lang: Lang,
    known: Iterable[Entity],
    *,
    title: str | None = None,
    published: str | None = None,
) -> Extraction:
    """Facts and entities of one article."""
    known = list(known)
    sentences = statements(text, title)
    mentions = Mentions(sentences, known)
    found = mentions.found
    kinds = {k: f.kind for k, f in found.items()}
    names = {k: f.name for k, f in found.items()}
    genders = {k: f.gender for k, f in found.items()}
    fallback = article_date(published)
    per_sentence = [
        relations(sentence, sentence_mentions, kinds, mentions.main_org, fallback)
        for sentence, sentence_mentions in zip(sentences, mentions.by_sentence, strict=True)
    ]
    # "X's co-founder" says who founded it; a sentence that says when and by whom says more.
    stated = {
        r.subject for found_relations in per_sentence for r in found_relations if r.kind == "found" and not r.derived
    }
    drafts: list[_Draft] = []
    for sentence, sentence_mentions, every in zip(sentences, mentions.by_sentence, per_sentence, strict=True):
        found_relations = [r for r in every if not (r.derived and r.subject in stated)]
        # What happened first (its kind is the fact's, its rendering leads), what holds after.
        found_relations.sort(key=lambda r: _PRIORITY.get(r.kind, len(_PRIORITY)))
        own = main_clause_date(sentence, fallback)
        entities = list(dict.fromkeys(m.entity for m in sentence_mentions))
        for relation in found_relations:
            entities += [e for e in (relation.subject, relation.org, *relation.others) if e and e not in entities]
        main = mentions.main_org
        belongs = _MEMBERS.search(fold1(sentence))
        if (
            main is not None
            and main not in entities
            and (belongs or not any(kinds.get(e) == "organization" for e in entities))
        ):
            entities.append(main)  # "Les deux cofondateurs se sont rencontrés…": the article's company, unnamed
        drafts.append(
            _Draft(
                sentence,
                sentence_mentions,
                found_relations,
                own or fallback,
                own is not None,
                entities,
                _subject(sentence_mentions, found_relations, kinds),
                {lang_: [q for r in found_relations for q in questions(r, names, lang_)] for lang_ in LANGS},
                frozenset(e for e in entities if kinds.get(e) == "place"),
            )
        )
        _add_statement_questions(drafts[-1], kinds, names, mentions.main_org)
    _add_entity_questions(drafts, found, names)
    _add_present_questions(drafts, found, names)
    women = [names[k] for k, g in genders.items() if g == "f" and kinds.get(k) == "person"]
    for draft in drafts:
        draft.questions["fr"] = [_feminine(q, women) for q in draft.questions["fr"]]
    facts = [_fact(source_id, lang, draft, names, genders) for draft in drafts]
    _describe(found, published)
    introduced = tuple(f.entity() for f in found.values() if not f.known or f.aliases - _known_aliases(known, f.id))
    return Extraction(tuple(facts), introduced)


def _known_aliases(known: Iterable[Entity], entity_id: str) -> set[str]:
    for entity in known:
        if entity.id == entity_id:
            return {entity.name, *entity.aliases}
    return set()


def _describe(found: dict[str, Found], published: str | None) -> None:
    """Discovered entities get a neutral description: a role would make them holders of a title the
    matcher resolves alone ("the CTO"), which belongs to the story's curated people."""
    when = f" ({published})" if published else ""
    for entity in found.values():
        if entity.known or entity.role:
            continue
        entity.role = {"en": f"named in an article{when}", "fr": f"cité dans un article{when}"}


_SPEECH = re.compile(
    r"(?:said|says|told|added|explained|noted|wrote|argued|warned|insisted|declared|according to|a declare|a explique"
    r"|a indique|a precise|a resume|a ajoute|a affirme|a estime|a souligne|a confie|a raconte|a-t-(?:il|elle) (?:explique"
    r"|ajoute|precise|resume|declare)|estime|explique|affirme|souligne|selon|d'apres)"
)
_PURPOSE = re.compile(
    r"\b(?:to (?:start|found|launch|join|create|set up|pursue|focus|work)|pour (?:fonder|lancer|rejoindre|creer|monter"
    r"|se consacrer|poursuivre)|afin de|in order to|because|parce qu|car )"
)
_COUNT = re.compile(r"\b(\d[\d,.\u202f ]*)\s+(?:de |d')?([^\W\d_]{3,})", re.UNICODE)
_NOT_COUNTED = frozenset(
    "million millions milliard milliards billion billions percent pour cent ans years months mois jours days weeks"
    " semaines heures hours minutes fois times".split()
)


# Words counted in one language asked about in the other ("60 salariés" → "how many employees").
_COUNTED = {
    "employee": ("employees", "salariés"), "people": ("employees", "salariés"), "staff": ("employees", "salariés"),
    "worker": ("workers", "employés"), "salarie": ("employees", "salariés"), "employe": ("employees", "employés"),
    "personne": ("people", "personnes"), "engineer": ("engineers", "ingénieurs"), "ingenieur": ("engineers", "ingénieurs"),
    "researcher": ("researchers", "chercheurs"), "chercheur": ("researchers", "chercheurs"),
    "customer": ("customers", "clients"), "client": ("clients", "clients"), "user": ("users", "utilisateurs"),
    "utilisateur": ("users", "utilisateurs"), "office": ("offices", "bureaux"), "bureau": ("offices", "bureaux"),
    "country": ("countries", "pays"), "pays": ("countries", "pays"), "store": ("stores", "magasins"),
    "magasin": ("stores", "magasins"), "retailer": ("retailers", "distributeurs"), "watt": ("watts", "watts"),
}  # fmt: skip
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


def _add_statement_questions(draft: _Draft, kinds: dict[str, str], names: dict[str, str], main: str | None) -> None:
    """Questions a statement answers beyond its relations: what someone said, why someone left, how many."""
    speaker = _speaker(draft.sentence, draft.mentions, kinds)
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
    for match in _COUNT.finditer(draft.sentence):
        noun = match.group(2)
        if fold1(noun) in _NOT_COUNTED or noun[:1].isupper():
            continue
        english, french = _COUNTED.get(fold1(noun).rstrip("s"), (noun, noun))
        draft.questions["en"] += [f"How many {english} does {subject} have?", f"How many {english}?"]
        de = "d'" if fold1(french[:1]) in "aeiouyh" else "de "
        draft.questions["fr"] += [f"Combien {de}{french} compte {subject} ?", f"Combien {de}{french} ?"]
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


def _describes(draft: _Draft, entity_id: str, names: dict[str, str]) -> bool:
    """The sentence says what the entity is: "X, a model that…", "X, une jeune pousse…", "X is a…"."""
    name = re.escape(names.get(entity_id, entity_id))
    return bool(
        re.search(
            rf"{name}(?:\s*\([^)]*\))?\s*(?:,\s*(?:a|an|the|une?|la|le|sa|son|its)\s|is an?\s|est une?\s)",
            draft.sentence,
        )
    )


def _add_entity_questions(drafts: list[_Draft], found: dict[str, Found], names: dict[str, str]) -> None:
    """ "Who is X?" on the fact that says what X does (a role, else the first fact about X); "What is Y?"
    on the fact that founds or first describes Y."""
    for entity_id, entity in found.items():
        if entity.known or entity.kind == "place":
            continue

        def rank(d: _Draft, entity_id: str = entity_id) -> tuple[int, int]:
            if any(r.kind == "role" and r.subject == entity_id and not r.former for r in d.relations):
                return (0, 0)
            if _describes(d, entity_id, names):
                return (0, 1)
            if any(r.kind in {"role", "found"} and r.subject == entity_id for r in d.relations):
                return (1, 0)
            if d.subject == entity_id:
                return (2, 0)
            return (3, 0)

        candidates = [d for d in drafts if entity_id in d.entities]
        if not candidates:
            continue
        best = min(candidates, key=rank)
        acronym = next((a for a in entity.aliases if a.isupper() and 2 <= len(a) <= 8), None)
        for lang in LANGS:
            best.questions[lang] += entity_questions(names[entity_id], entity.kind, lang, acronym)


def _add_present_questions(drafts: list[_Draft], found: dict[str, Found], names: dict[str, str]) -> None:
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
        newest = max(current, key=lambda d: (d.date.value if d.date else "", -drafts.index(d)))
        for lang in LANGS:
            newest.questions[lang] += present_questions(names[entity_id], lang)


def _feminine(question: str, women: Sequence[str]) -> str:
    """ "Quand Elena Marchetti a-t-il quitté…" → "a-t-elle": the questions are offered as buttons too."""
    for name in women:
        if name in question:
            question = re.sub(rf"({re.escape(name)} [\w-]+?)-t-il\b", r"\1-t-elle", question)
    return question


def _says_more(sentence: str, rendering: str) -> bool:
    """The sentence states more than its rendered relations: a number they lack, or twice their words."""
    numbers = set(re.findall(r"\d+", sentence)) - set(re.findall(r"\d+", rendering))
    return bool(numbers) or len(sentence.split()) > 2 * len(rendering.split())


# Words that speak of the company's own people: "les deux cofondateurs", "its 140 employees".
_MEMBERS = re.compile(
    r"\b(?:co-?founders?|founders|cofondat\w*|co-fondat\w*|fondateurs|employees|salaries|staff|team|equipe)\b"
)

_ASKING = re.compile(
    r"\b(?:who|whom|whose|when|where|why|how|which|what|qui|quand|ou|où|pourquoi|combien|comment|quel|quelle|quels"
    r"|quelles|lequel|laquelle|dont)\b",
    re.IGNORECASE,
)


def content_sample(text: str) -> str:
    """The statement as a sample without its question words ("…the firm, where she led…"), so that the
    words it says stay the fact's topic for the matcher, whatever questions were generated for it."""
    return " ".join(_ASKING.sub(" ", text).split())


def _content_samples(text: str, draft: _Draft, lang: str) -> list[str]:
    """The statement as samples: as it is, asked "where" when it names a place and "how many" when it has a
    number (the matcher answers those only with a fact that has such a sample)."""
    content = content_sample(text)
    found = [content]
    if any(m.entity in draft.places for m in draft.mentions):
        found.append(("Where " if lang == "en" else "Où ") + content)
    if re.search(r"\d", draft.sentence):  # "…about 140 people", "moins de 8 watts": how many, how much
        found.append(("How many " if lang == "en" else "Combien ") + content)
    return found


def _fact(source_id: str, lang: Lang, draft: _Draft, names: dict[str, str], genders: dict[str, str | None]) -> Fact:
    digest = hashlib.sha256(canonical(draft.sentence).encode()).hexdigest()[:10]
    own_text = _named_text(draft.sentence, draft.mentions, names)
    texts: dict[str, str] = {lang: own_text}
    for other in LANGS:
        if other == lang:
            continue
        rendered = [render(r, names, genders, other) for r in draft.relations]
        rendered = list(dict.fromkeys(t for t in rendered if t))
        texts[other] = " ".join(rendered) if rendered else own_text
        if rendered and _says_more(own_text, texts[other]):
            # What the relations leave out ("a team of about 200 engineers") is quoted as the source says it.
            open_quote, close_quote = ("“", "”") if other == "en" else ("« ", " »")
            texts[other] += f" {open_quote}{own_text}{close_quote}"
    events = [r for r in draft.relations if r.kind in EVENTS]
    date = draft.date  # a side clause's date never becomes the fact's: the article's date stands
    return Fact(
        id=f"{source_id}-{digest}",
        kind=draft.relations[0].kind if draft.relations else "statement",
        subject=draft.subject,
        entities=tuple(draft.entities),
        source=source_id,
        sentence=draft.sentence,
        text=Localized(texts["en"], texts["fr"]),
        date=date,
        timeline=bool(date is not None and (draft.own_date or events)),
        questions_en=tuple(dict.fromkeys([*draft.questions["en"], *_content_samples(texts["en"], draft, "en")])),
        questions_fr=tuple(dict.fromkeys([*draft.questions["fr"], *_content_samples(texts["fr"], draft, "fr")])),
        curated=False,
    )
