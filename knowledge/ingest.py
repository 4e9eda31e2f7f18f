"""Adding an article after the build: plain text or Markdown in, facts and notifications out.

The same path serves `radford-bot ingest`, the admin chat command and the feed poller. A sentence the
store already holds (from another article) is not stored again: that fact gains the article as a further
source. The new facts and the deliveries they cause are written in one transaction (`Notify`).
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from rapidfuzz import fuzz, process

from knowledge.builder import UPDATED_KEY
from knowledge.discovered import all_entities
from knowledge.extract_article import extract_article
from knowledge.language import language_evidence
from knowledge.markdown import strip_emphasis, strip_links
from knowledge.models import LANGS, Entity, Fact, Lang, Source
from knowledge.normalize import canonical, strip_controls
from knowledge.store import Store
from knowledge.subscriptions import Notify

MAX_ARTICLE_CHARS = 200_000
MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS  # what a file may weigh before it is even read
MIN_ARTICLE_WORDS = 40
# Control characters other than tab and line breaks: a text article never holds them, a binary file does.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WORDS = re.compile(r"[^\W\d_]+")
REPEAT_SCORE = 92.0
_HEADER = re.compile(r"^(title|titre|date|url|link|lien|lang|langue|language|publisher|source)\s*:\s*(.+)$", re.I)
_HEADER_KEYS = {
    "titre": "title",
    "link": "url",
    "lien": "url",
    "langue": "lang",
    "language": "lang",
    "source": "publisher",
}
_DATE = re.compile(r"^(?:19|20)\d\d(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
_MD_PREFIX = re.compile(r"^\s{0,3}(?:>\s?|[-*+]\s+|\d+[.)]\s+)")


class ArticleError(ValueError):
    """An article that cannot be ingested: the message is for operators, `key`/`args` name the
    catalogue message a chat reply uses instead."""

    def __init__(self, message: str, key: str, **args: str | int) -> None:
        super().__init__(message)
        self.key = key
        self.args_ = args


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    text: str
    lang: Lang
    date: str | None = None
    url: str | None = None
    publisher: str | None = None

    @property
    def source_id(self) -> str:
        """Stable for the same article (its URL, else its text), so ingesting it again changes nothing."""
        basis = self.url or canonical(self.text)
        return "article-" + hashlib.sha256(basis.encode()).hexdigest()[:12]

    def source(self) -> Source:
        return Source(self.source_id, self.title, self.lang, self.date, self.url, self.publisher, self.text)


@dataclass(frozen=True, slots=True)
class IngestReport:
    source_id: str
    title: str
    added: tuple[str, ...]
    repeated: tuple[str, ...]
    update_id: int | None
    deliveries: int
    already: bool = False  # the same article was already in the store: nothing changed
    facts: int = 0  # facts the article holds now
    entities: int = 0  # entities it introduced or added aliases to


def decode_article(data: bytes) -> str:
    """The text of an article file; an ArticleError for what is not one (too big, binary, not UTF-8)."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"the file is {len(data)} bytes, more than the {MAX_ARTICLE_BYTES} an article may weigh",
            "article-too-long",
            max=MAX_ARTICLE_CHARS,
        )
    if b"\x00" in data:
        raise ArticleError("the file is binary (it holds NUL bytes), not a text article", "article-binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"the file is not UTF-8 text (byte {error.start}: {data[error.start : error.start + 1]!r})",
            "article-not-utf8",
        ) from error


def check_text(text: str, min_words: int = 0) -> None:
    """Refuse text no article holds: replaced bytes, control characters, fewer than `min_words` words."""
    if "\ufffd" in text:
        raise ArticleError("the text is not UTF-8 (it holds bytes that had to be replaced)", "article-not-utf8")
    if match := _CONTROL.search(text):
        raise ArticleError(
            f"the text holds a control character (U+{ord(match.group(0)):04X} at {match.start()}): not a text article",
            "article-binary",
        )
    if len(_WORDS.findall(text)) < min_words:
        raise ArticleError(
            f"the text has fewer than {min_words} words: not an article", "article-too-short", min=min_words
        )


def markdown_to_text(text: str) -> str:
    """Markdown reduced to its sentences: headings (titles, not statements), quote and list marks, emphasis
    and link targets dropped."""
    lines: list[str] = []
    fenced = False
    for line in text.splitlines():
        if line.strip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or re.fullmatch(r"\s*(?:[-*_]\s*){3,}", line) or line.lstrip().startswith(("|", "#")):
            continue
        line = _MD_PREFIX.sub("", line)
        line = strip_emphasis(strip_links(line))  # linear: the regexes they replace were quadratic
        lines.append(line)
    return "\n".join(lines)


def parse_article(
    raw: str,
    *,
    title: str | None = None,
    date: str | None = None,
    lang: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    name: str | None = None,
    min_words: int = MIN_ARTICLE_WORDS,
) -> Article:
    """An article from text; `key: value` lines at the top (title, date, url, lang) fill what is not given."""
    if len(raw) > MAX_ARTICLE_CHARS:
        raise ArticleError(
            f"the article is longer than {MAX_ARTICLE_CHARS} characters",
            "article-too-long",
            max=MAX_ARTICLE_CHARS,
        )
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    check_text(text)
    text = strip_controls(text).strip()
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(
            f"the article is longer than {MAX_ARTICLE_CHARS} characters",
            "article-too-long",
            max=MAX_ARTICLE_CHARS,
        )
    headers: dict[str, str] = {}
    lines = text.split("\n")
    while lines and (match := _HEADER.match(lines[0].strip())):
        key = match.group(1).lower()
        headers[_HEADER_KEYS.get(key, key)] = match.group(2).strip()
        lines.pop(0)
    heading = next((line.lstrip("#").strip() for line in lines if line.startswith("# ")), None)
    body = markdown_to_text("\n".join(lines)).strip()
    if not body:
        raise ArticleError("the article has no text", "article-empty")
    title = title or headers.get("title") or heading or _first_line(body) or name or "untitled"
    date = date or headers.get("date")
    if date is not None and not _DATE.match(date.strip()):
        raise ArticleError(
            f"the date must be YYYY, YYYY-MM or YYYY-MM-DD, not {date!r}", "article-bad-date", value=date
        )
    chosen = (lang or headers.get("lang") or language_evidence(body) or "en").strip().lower()[:2]
    if chosen not in LANGS:
        raise ArticleError(f"the language must be en or fr, not {chosen!r}", "article-bad-lang", value=chosen)
    url = url or headers.get("url")
    if url is not None and not url.startswith(("http://", "https://")):
        raise ArticleError(f"the URL must start with http:// or https://, not {url!r}", "article-bad-url", value=url)
    check_text(body, min_words)
    return Article(
        title[:200],
        body,
        chosen,
        date.strip() if date else None,
        url,
        publisher or headers.get("publisher"),
    )


def _first_line(body: str) -> str | None:
    line = body.split("\n", 1)[0].strip()
    return (line if len(line) <= 120 else line[:117].rstrip() + "…") or None


def split_repeats(facts: list[Fact], existing: list[Fact]) -> tuple[list[Fact], tuple[str, ...]]:
    """New facts, and the ids of existing facts that these sentences merely repeat (every fact resting
    on a repeated sentence gains the new source)."""
    choices: dict[str, list[str]] = {}
    for fact in existing:
        for text in {fact.sentence, fact.text.en, fact.text.fr}:
            ids = choices.setdefault(canonical(text), [])
            if fact.id not in ids:
                ids.append(fact.id)
    keys = list(choices)
    new: list[Fact] = []
    repeats: list[str] = []
    seen: set[str] = set()
    for fact in facts:
        if fact.id in seen:
            continue
        seen.add(fact.id)
        key = canonical(fact.sentence)
        found = choices.get(key)
        if found is None and keys:
            best = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=REPEAT_SCORE)
            found = choices[best[0]] if best else None
        if found is None:
            new.append(fact)
        else:
            repeats += [fact_id for fact_id in found if fact_id not in repeats]
    return new, tuple(repeats)


def _new_facts(
    article: Article, entities: list[Entity], existing: list[Fact]
) -> tuple[list[Fact], tuple[str, ...], list[Entity]]:
    extraction = extract_article(
        article.source_id, article.text, article.lang, entities, title=article.title, published=article.date
    )
    new, repeats = split_repeats(list(extraction.facts), existing)
    return new, repeats, list(extraction.entities)


async def ingest_article(
    store: Store, article: Article, *, now: float | None = None, notify: bool = True
) -> IngestReport:
    """Extract the article's facts and store them with their notifications; idempotent per article.

    With `notify=False` the facts join the store (and repeats gain the source) but nobody is told.
    """
    now = time.time() if now is None else now
    source = article.source()
    facts = await store.facts()
    already = next((s for s in await store.sources() if s.id == source.id), None)
    if already is not None and canonical(already.text or "") == canonical(source.text or ""):
        # Nothing to store; but a process killed while telling its subscribers left that half done: finish it.
        await store.fan_out_pending()
        count = sum(1 for f in facts if f.source == source.id)
        return IngestReport(source.id, already.title, (), (), None, 0, already=True, facts=count)
    # The article's own entities are set aside: extraction finds them again (an edited article may drop some).
    entities = [e for e in await all_entities(store)]
    existing = [f for f in facts if f.source != source.id]
    # Extraction and the fuzzy comparison are pure CPU work: keep them off the loop that answers questions.
    new, repeats, found = await asyncio.to_thread(_new_facts, article, entities, existing)
    report = await store.sync_source(source, new, notify=Notify(now, repeats, deliver=notify))
    await store.set_source_entities(source.id, found)
    if report.changed or found:
        await store.set_meta(UPDATED_KEY, datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    return IngestReport(
        source.id, source.title, report.added, report.repeated, report.update_id, report.deliveries,
        facts=len(new), entities=len(found),
    )  # fmt: skip


async def remove_article(store: Store, source_id: str, *, now: float | None = None) -> bool:
    """Delete an ingested article with its facts and entities; running bots drop them at their next check.

    Only ingested articles: the sources built from knowledge/data come back with the next build."""
    if not source_id.startswith("article-"):
        raise ArticleError(
            f"{source_id!r} is not an ingested article (their ids start with article-)",
            "article-not-ingested",
            id=source_id,
        )
    removed = await store.remove_source(source_id)
    if removed:
        now = time.time() if now is None else now
        mark = datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if mark == await store.get_meta(UPDATED_KEY):
            # Within the second of the last change: running bots compare this mark, so it must move.
            mark = datetime.fromtimestamp(now + 1, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        await store.set_meta(UPDATED_KEY, mark)
    return removed
