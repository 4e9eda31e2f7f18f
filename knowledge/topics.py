"""Subscription topics: everything, one person (or organisation, project), or a keyword.

A topic is stored as a short string so the database can keep (platform, chat, topic) unique:
`*`, `entity:<id>` or `word:<canonical words>`. Matching a fact is pure and cheap, because it runs for
every subscription inside the ingest transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from knowledge.models import Fact
from knowledge.normalize import canonical

EVERYTHING = "*"
_TIME = re.compile(r"^([01]?\d|2[0-3])[:hH.]([0-5]\d)$")


@dataclass(frozen=True, slots=True)
class Topic:
    """What a subscriber wants to hear about; `key` is what the database stores."""

    key: str
    label: str

    @property
    def everything(self) -> bool:
        return self.key == EVERYTHING

    @property
    def entity_id(self) -> str | None:
        return self.key.removeprefix("entity:") if self.key.startswith("entity:") else None

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.key.removeprefix("word:").split()) if self.key.startswith("word:") else ()


def everything(label: str = EVERYTHING) -> Topic:
    return Topic(EVERYTHING, label)


def entity_topic(entity_id: str, name: str) -> Topic:
    return Topic(f"entity:{entity_id}", name)


def keyword_topic(text: str) -> Topic | None:
    """A keyword topic from free text, or None when nothing usable is left (punctuation only)."""
    words = re.findall(r"[a-z0-9]+", canonical(text))
    if not words:
        return None
    return Topic("word:" + " ".join(words), " ".join(text.split()))


def fact_matches(topic_key: str, fact: Fact) -> bool:
    """Whether a new fact concerns a topic: the entity is named in it, or every keyword appears in it."""
    if topic_key == EVERYTHING:
        return True
    if topic_key.startswith("entity:"):
        entity_id = topic_key.removeprefix("entity:")
        return fact.subject == entity_id or entity_id in fact.entities
    if topic_key.startswith("word:"):
        haystack = set(re.findall(r"[a-z0-9]+", canonical(f"{fact.text.en} {fact.text.fr} {fact.sentence}")))
        return all(word in haystack for word in topic_key.removeprefix("word:").split())
    return False


def parse_digest_time(text: str) -> str | None:
    """`8:00`, `08h00`, `8.30` → `08:00` / `08:30`; None when it is not a time of day."""
    match = _TIME.match(text.strip())
    if not match:
        return None
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def next_digest_at(digest_time: str, now: float) -> float:
    """The next moment (Unix seconds, UTC) the clock shows `digest_time`, strictly after `now`."""
    hour, minute = (int(part) for part in digest_time.split(":"))
    current = datetime.fromtimestamp(now, UTC)
    due = current.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if due.timestamp() <= now:
        due += timedelta(days=1)
    return due.timestamp()
