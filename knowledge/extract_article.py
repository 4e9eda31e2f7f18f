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

from knowledge.extract_counts import asked_forms
from knowledge.extract_dates import article_date, main_clause_date
from knowledge.extract_mentions import Found, Mention, Mentions
from knowledge.extract_questions import (
    Draft,
    add_entity_questions,
    add_present_questions,
    add_statement_questions,
    feminine,
    speaker_of,
)
from knowledge.extract_quotes import quote_speakers
from knowledge.extract_relations import Relation, relations
from knowledge.extract_render import questions, render
from knowledge.extract_sentences import statements
from knowledge.models import LANGS, Entity, Fact, Lang, Localized
from knowledge.normalize import canonical, fold1

EVENTS = frozenset({"join", "leave", "found", "raise", "acquire", "sell", "announce"})
_PRIORITY = {
    kind: rank
    for rank, kind in enumerate(
        ("found", "raise", "acquire", "sell", "join", "leave", "replace", "invest", "announce", "role", "based")
    )
}


@dataclass(frozen=True, slots=True)
class Extraction:
    facts: tuple[Fact, ...]
    entities: tuple[Entity, ...]  # every entity the facts name that the gazetteer does not hold as such


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


def resolved_text(sentence: str, mentions: Sequence[Mention], names: dict[str, str], people: set[str]) -> str:
    """The sentence with every pronoun and description of a person replaced by the name it stands for ("…, elle
    soutient en 2014 une thèse…" → "…, Nadia Ferrand soutient…"): a sample that names whom the fact is about,
    so a question naming them finds it. Not shown to users: the answer quotes the article as written.
    "The company" is replaced only where it opens the sentence, as in the fact's own text."""
    out = sentence
    chosen = (m for m in mentions if m.pronoun and m.entity in names and (m.entity in people or m.start == 0))
    for m in sorted(chosen, key=lambda m: -m.start):
        out = out[: m.start] + names[m.entity] + out[m.end :]
    return out


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
    speakers = quote_speakers(sentences, mentions.by_sentence, kinds, genders, lambda s, m: speaker_of(s, m, kinds))
    drafts: list[Draft] = []
    for index, (sentence, sentence_mentions, every) in enumerate(
        zip(sentences, mentions.by_sentence, per_sentence, strict=True)
    ):
        found_relations = [r for r in every if not (r.derived and r.subject in stated)]
        # What happened first (its kind is the fact's, its rendering leads), what holds after.
        found_relations.sort(key=lambda r: _PRIORITY.get(r.kind, len(_PRIORITY)))
        own = main_clause_date(sentence, fallback)
        entities = list(dict.fromkeys(m.entity for m in sentence_mentions))
        for relation in found_relations:
            for entity in (relation.subject, relation.org, *relation.others):
                if entity and entity not in entities:
                    entities.append(entity)
        main = mentions.main_org
        belongs = _MEMBERS.search(fold1(sentence))
        previous = drafts[-1].subject if drafts else None
        if belongs and previous is not None and kinds.get(previous) == "organization" and previous not in entities:
            main = previous  # "Orrin was founded by… The two met at CIM": the founders are the previous one's
        # "Il sera remplacé le 1er mars par Noémie Castagnède, ancienne directrice chez Veltris": a place taken at
        # the article's company, though the sentence names only the newcomer's former one.
        succession = any(r.kind == "replace" and r.org is None for r in found_relations)
        if (
            main is not None
            and main not in entities
            and (belongs or succession or not any(kinds.get(e) == "organization" for e in entities))
        ):
            entities.append(main)  # "Les deux cofondateurs se sont rencontrés…": the article's company, unnamed
        drafts.append(
            Draft(
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
        quoted = speakers.get(index)
        if quoted is not None:
            drafts[-1].speaker = quoted
            if quoted not in entities:
                entities.append(quoted)
        add_statement_questions(drafts[-1], kinds, names, mentions.main_org, quoted)
    add_entity_questions(drafts, found, names)
    add_present_questions(drafts, found, names)
    women = [names[k] for k, g in genders.items() if g == "f" and kinds.get(k) == "person"]
    for draft in drafts:
        draft.questions["fr"] = [feminine(q, women) for q in draft.questions["fr"]]
    people = {k for k, kind in kinds.items() if kind == "person"}
    facts = [_fact(source_id, lang, draft, names, genders, people) for draft in drafts]
    _describe(found, title, published)
    introduced = tuple(f.entity() for f in found.values() if not f.known or f.aliases - _known_aliases(known, f.id))
    return Extraction(tuple(facts), introduced)


def _known_aliases(known: Iterable[Entity], entity_id: str) -> set[str]:
    for entity in known:
        if entity.id == entity_id:
            return {entity.name, *entity.aliases}
    return set()


def _describe(found: dict[str, Found], title: str | None, published: str | None) -> None:
    """Discovered entities are described by the article that names them (/who and /people show it), not
    by a role: a role would make them holders of a title the matcher resolves alone ("the CTO"), which
    belongs to the story's curated people. What they do is in their facts, which /who lists."""
    when = f" ({published})" if published else ""
    short = (title if len(title) <= 80 else title[:77].rstrip() + "…") if title else None
    for entity in found.values():
        if entity.known or entity.role:
            continue
        if short:
            entity.role = {"en": f"in the news: “{short}”{when}", "fr": f"dans l'actualité : « {short} »{when}"}
        else:
            entity.role = {"en": f"named in an article{when}", "fr": f"cité dans un article{when}"}


def _says_more(sentence: str, rendering: str) -> bool:
    """The sentence states more than its rendered relations: a number or a name they lack ("…and Felix Brandt,
    its chief technology officer" beside the founder's relation), or twice their words."""
    numbers = set(re.findall(r"\d+", sentence)) - set(re.findall(r"\d+", rendering))
    names = set(_CAPITALISED.findall(sentence)[1:]) - set(_CAPITALISED.findall(rendering))
    return bool(numbers) or bool(names) or len(sentence.split()) > 2 * len(rendering.split())


_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][\w-]{2,}")


# Words that speak of the company's own people: "les deux cofondateurs", "its 140 employees", "The two met…".
_MEMBERS = re.compile(
    r"\b(?:co-?founders?|founders|cofondat\w*|co-fondat\w*|fondateurs|employees|salaries|staff|team|equipe)\b"
    r"|^(?:the two|les deux|both)\b(?! \w+ (?:companies|firms|groups|societes|entreprises))"
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


def _content_samples(text: str, draft: Draft, lang: str) -> list[str]:
    """The statement as samples: as it is, and asked "where" when it names a place (the matcher answers a
    "where" question only with a fact that has such a sample). Not "how many" for any number: "how much does
    it cost?" would then take "it uses 8 watts" for an answer."""
    content = content_sample(text)
    found = [content, *asked_forms(content, lang)]
    if any(m.entity in draft.places for m in draft.mentions):
        found.append(("Where " if lang == "en" else "Où ") + content)
    return found


def _fact(
    source_id: str,
    lang: Lang,
    draft: Draft,
    names: dict[str, str],
    genders: dict[str, str | None],
    people: set[str],
) -> Fact:
    digest = hashlib.sha256(canonical(draft.sentence).encode()).hexdigest()[:10]
    own_text = _named_text(draft.sentence, draft.mentions, names)
    if draft.speaker in names:
        # A quotation that names its speaker elsewhere: the answer says who speaks.
        own_text = f"{names[draft.speaker]}{' :' if lang == 'fr' else ':'} {own_text}"
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
    resolved = resolved_text(draft.sentence, draft.mentions, names, people)
    sampled = {other: resolved if text == own_text else text for other, text in texts.items()}
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
        questions_en=tuple(dict.fromkeys([*draft.questions["en"], *_content_samples(sampled["en"], draft, "en")])),
        questions_fr=tuple(dict.fromkeys([*draft.questions["fr"], *_content_samples(sampled["fr"], draft, "fr")])),
        curated=False,
    )
