"""The message a subscriber receives: the new facts of one or more articles, each with its source.

Built here, on the handlers floor, so every platform renders the same neutral `Reply` and every word
comes from the catalogues in the subscriber's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from handlers.i18n import Catalog
from handlers.markup import Block, Inline, bold, bullets, italic, link, para
from handlers.types import Reply
from knowledge.models import Fact, Source

MAX_FACTS = 10


@dataclass(frozen=True, slots=True)
class Article:
    """One article's new facts, as a subscriber should hear about them."""

    source: Source | None
    source_id: str
    facts: tuple[Fact, ...]


def update_reply(catalog: Catalog, lang: str, topic: str | None, articles: list[Article], *, digest: bool) -> Reply:
    """One message for one update (immediate) or for every update of a period (digest); topic None is all."""
    key = ("update-digest-title" if digest else "update-title") + ("-all" if topic is None else "")
    title = catalog.t(lang, key, topic=topic or "")
    blocks: list[Block] = [para(bold(title))]
    shown = 0
    total = sum(len(a.facts) for a in articles)
    for article in articles:
        facts = article.facts[: max(0, MAX_FACTS - shown)]
        if not facts:
            continue
        shown += len(facts)
        blocks.append(bullets(*(fact.text.get(lang) for fact in facts)))
        source_lang = article.source.lang if article.source else lang
        if source_lang != lang and any(
            not f.curated and (f.text.en == f.text.fr or f.sentence in f.text.get(lang)) for f in facts
        ):
            # As in answers: what has no rendering in the reader's language is quoted, and says so.
            note = catalog.t(lang, "answer-foreign-source", lang=catalog.t(lang, f"language-{source_lang}"))
            blocks.append(para(italic(note)))
        blocks.append(para(italic(catalog.t(lang, "update-source")), " ", *_source(article)))
    if total > shown:
        blocks.append(para(catalog.t(lang, "update-more", count=total - shown)))
    blocks.append(para(italic(catalog.t(lang, "update-footer"))))
    return Reply(tuple(blocks), lang, kind="info", title=title)


def _source(article: Article) -> tuple[Inline, ...]:
    source = article.source
    if source is None:
        return (article.source_id,)
    name: Inline = link(source.title, source.url) if source.url else bold(source.title)
    details = ", ".join(part for part in (source.publisher, source.date) if part)
    return (name, f" ({details})") if details else (name,)
