"""`/timeline [person|year|topic]`: the story in order, one entry per event, each with its number for
`/source N`, and the same events as a picture (`Reply.chart`) for the platforms that can show one.

Entries are the full timeline's, numbered once, so `/source 7` means the same event whichever filter
showed it. Two facts about one event (the same month, each naming the other's subject) make one entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handlers.chart import ChartEvent, TimelineChart
from handlers.context import Context
from handlers.markup import Block, Inline, bold, bullets, code, para
from handlers.types import Incoming, Reply
from knowledge.models import Fact, FactDate
from knowledge.normalize import canonical

_YEAR = re.compile(r"^(?:19|20)\d\d$")
# "In June 2018, …", "On 5 August 2024, …", "En juin 2018, …", "Le 5 août 2024, …": the date said again.
_DATE_LEAD = re.compile(
    r"^(?:in|on|en|le|au|at the end of|fin|début|early|late)\s+[^,;]{0,30}?\b(?:19|20)\d\d,\s*", re.I
)
_PRECISION = {"year": 0, "month": 1, "day": 2}
MAX_LISTED = 8  # names and topics an unknown filter offers
_CACHE: dict[str, tuple[object, list[Entry]]] = {}


def format_date(ctx: Context, date: FactDate) -> str:
    """A date at the precision the source gives: `2016`, `June 2018` / `juin 2018`, `20 December 2024`."""
    parts = date.value.split("-")
    if date.precision == "year" or len(parts) == 1:
        return parts[0]
    month = ctx.t(f"month-{int(parts[1])}")
    if date.precision == "month" or len(parts) == 2:
        return ctx.t("date-month", month=month, year=parts[0])
    return ctx.t("date-day", day=int(parts[2]), month=month, year=parts[0])


@dataclass(frozen=True, slots=True)
class Entry:
    """One event of the timeline: its number, the facts that tell it (the first is shown), its date."""

    number: int
    facts: tuple[Fact, ...]
    date: FactDate | None

    @property
    def fact(self) -> Fact:
        return self.facts[0]


def _with_parts(ctx: Context, ids: set[str]) -> set[str]:
    """The ids with what each is part of (GPT-1 → the GPT series)."""
    for entity_id in list(ids):
        entity = ctx.knowledge.entity(entity_id)
        if entity is not None and entity.part_of:
            ids.add(entity.part_of)
    return ids


def same_event(ctx: Context, a: Fact, b: Fact) -> bool:
    """Two facts of the same month where each names the other's subject (or both have the same subject)."""
    if a.date is None or b.date is None or a.date.value[:7] != b.date.value[:7]:
        return False
    if a.date.precision == "year" or b.date.precision == "year" or not a.subject or not b.subject:
        return False
    if a.subject == b.subject:
        return True

    def names(fact: Fact, other: Fact) -> bool:
        assert other.subject is not None
        return bool(_with_parts(ctx, {other.subject}) & _with_parts(ctx, {*fact.entities}))

    return names(a, b) and names(b, a)


def entries(ctx: Context) -> list[Entry]:
    """The whole timeline as numbered events; a merged event sits where its most precise date puts it.

    Computed once per knowledge snapshot (the facts tuple is replaced whenever knowledge changes).
    """
    facts = ctx.knowledge.facts
    cached = _CACHE.get("entries")
    if cached is not None and cached[0] is facts:
        return cached[1]
    order = ctx.knowledge.timeline()
    groups: list[list[Fact]] = []
    by_month: dict[str, list[list[Fact]]] = {}
    for fact in order:
        month = fact.date.value[:7] if fact.date else ""
        candidates = by_month.setdefault(month, []) if month else []
        group = next((g for g in candidates if any(same_event(ctx, fact, other) for other in g)), None)
        if group is None:
            group = [fact]
            groups.append(group)
            candidates.append(group)
        else:
            group.append(fact)
    position = {fact.id: index for index, fact in enumerate(order)}
    placed = sorted(groups, key=lambda g: position[_most_precise(g).id])
    result = [Entry(n, tuple(g), _most_precise(g).date) for n, g in enumerate(placed, start=1)]
    _CACHE["entries"] = (facts, result)
    return result


def _most_precise(group: list[Fact]) -> Fact:
    return max(group, key=lambda f: _PRECISION[f.date.precision] if f.date else -1)


def entry_text(ctx: Context, entry: Entry) -> str:
    """The event in the chat's language without its date said again ("In June 2018, …", "… in 2016 …")."""
    text = entry.fact.text.get(ctx.lang)
    stripped = _DATE_LEAD.sub("", text, count=1)
    if stripped != text and stripped:
        text = stripped[0].upper() + stripped[1:]
    for fact in entry.facts:
        if fact.date:
            said = format_date(ctx, fact.date)
            text = re.sub(rf",? (?:in|on|en|le) {re.escape(said)}(?=[\s,.;)])", "", text)
    return text


def entry_date(ctx: Context, entry: Entry) -> str:
    if entry.date:
        return format_date(ctx, entry.date)
    when = entry.fact.when
    return when.get(ctx.lang) if when else ""


def headline(ctx: Context, entry: Entry) -> str:
    """A short label for the picture: a curated one from the catalogue, else the event's first words."""
    key = f"event-{entry.fact.id}"
    if ctx.catalog.has(ctx.lang, key):
        return ctx.t(key)
    text = entry_text(ctx, entry)
    if len(text) <= 60:
        return text.rstrip(".")
    cut = text[:57].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


@dataclass(frozen=True, slots=True)
class Filtered:
    entries: list[Entry]
    understood: str  # what the filter was read as: a person's name, a year, the topic's words


def filter_entries(ctx: Context, all_entries: list[Entry], query: str) -> Filtered | None:
    """Entries matching a year, a person or thing, or topic words; None when the filter means nothing."""
    query = query.strip()
    if not query:
        return Filtered(all_entries, "")
    if _YEAR.match(query):
        return Filtered([e for e in all_entries if e.date and e.date.value.startswith(query)], query)
    entity = ctx.knowledge.find_entity(query)
    if entity is not None:
        picked = [e for e in all_entries if any(entity.id in f.entities or f.subject == entity.id for f in e.facts)]
        return Filtered(picked, entity.name)
    words = [w for w in canonical(query).split() if len(w) > 2]
    if not words:
        return None
    picked = [
        e for e in all_entries if any(all(w in canonical(f.text.en + " " + f.text.fr) for w in words) for f in e.facts)
    ]
    return Filtered(picked, " ".join(words))


def filter_choices(ctx: Context, all_entries: list[Entry]) -> tuple[list[str], list[str], list[str]]:
    """What a filter can name: the people, the years and the things the timeline's events mention."""
    mentioned: dict[str, None] = {}
    years: dict[str, None] = {}
    for entry in all_entries:
        if entry.date:
            years[entry.date.value[:4]] = None
        for fact in entry.facts:
            for entity_id in (fact.subject, *fact.entities):
                if entity_id:
                    mentioned[entity_id] = None
    people: list[str] = []
    things: list[str] = []
    for entity_id in mentioned:
        entity = ctx.knowledge.entity(entity_id)
        if entity is not None:
            (people if entity.kind == "person" else things).append(entity.name)
    return people, sorted(years), things


def chart_for(ctx: Context, title: str, shown: list[Entry], all_entries: list[Entry]) -> TimelineChart:
    last_year = max((e.date.value[:4] for e in all_entries if e.date), default="")
    events: list[ChartEvent] = []
    for entry in shown:
        when = entry.date.value if entry.date else _undated_position(entry, all_entries)
        events.append(
            ChartEvent(
                number=entry.number,
                when=when,
                date_label=entry_date(ctx, entry),
                label=headline(ctx, entry),
                highlight=bool(last_year) and when.lstrip("~").startswith(last_year),
            )
        )
    return TimelineChart(
        title=title,
        lang=ctx.lang,
        events=tuple(events),
        band_label=ctx.t("timeline-chart-band", year=last_year) if last_year else "",
        undated_label=ctx.t("timeline-chart-undated"),
    )


def _undated_position(entry: Entry, all_entries: list[Entry]) -> str:
    """An undated event is drawn where the timeline places it: at the next dated event, else the last."""
    later = [e for e in all_entries if e.number > entry.number and e.date]
    earlier = [e for e in all_entries if e.number < entry.number and e.date]
    anchor = later[0] if later else (earlier[-1] if earlier else None)
    return "~" + anchor.date.value if anchor and anchor.date else ""


def timeline_item(ctx: Context, entry: Entry) -> tuple[Inline, ...]:
    return (f"{entry.number}. ", bold(entry_date(ctx, entry)), " — ", entry_text(ctx, entry))


async def handle(ctx: Context, incoming: Incoming) -> Reply:
    all_entries = entries(ctx)
    query = incoming.args.strip()
    filtered = filter_entries(ctx, all_entries, query)
    if not all_entries:
        return Reply((para(ctx.t("timeline-empty")),), ctx.lang, kind="decline")
    if filtered is None or not filtered.entries:
        people, years, things = filter_choices(ctx, all_entries)
        blocks: list[Block] = [
            para(ctx.t("timeline-nothing", filter=query)),
            bullets(
                (bold(ctx.t("timeline-by-person")), " ", ", ".join(people[:MAX_LISTED])),
                (bold(ctx.t("timeline-by-year")), " ", ", ".join(years)),
                (bold(ctx.t("timeline-by-topic")), " ", ", ".join(things[:MAX_LISTED])),
            ),
        ]
        return Reply(tuple(blocks), ctx.lang, kind="decline")
    title = ctx.t("timeline-title-filtered", filter=filtered.understood) if query else ctx.t("timeline-title")
    blocks = [
        para(bold(title)),
        bullets(*(timeline_item(ctx, e) for e in filtered.entries)),
        para(
            ctx.t("timeline-source-hint-before"),
            code(f"/source {filtered.entries[0].number}"),
            ctx.t("timeline-source-hint-after"),
        ),
    ]
    chart = chart_for(ctx, title, filtered.entries, all_entries)
    return Reply(tuple(blocks), ctx.lang, kind="info", title=title, chart=chart)
