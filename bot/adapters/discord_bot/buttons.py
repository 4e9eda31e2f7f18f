"""Suggestions as buttons that keep working after a restart: the question travels in the custom id.

A `custom_id` holds at most 100 characters; a longer question is kept in a bounded in-memory table under
a short hash, and if that was forgotten (restart) the button's own label is asked instead.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from typing import Any, Protocol

import discord

from handlers.types import Suggestion

MAX_CUSTOM_ID = 100
MAX_LABEL = 80
MAX_BUTTONS = 25
_PREFIX_QUERY = "rb:q:"
_PREFIX_KEY = "rb:k:"
_TEMPLATE = re.compile(r"^rb:(?P<kind>[qk]):(?P<value>.+)$", re.DOTALL)


class SuggestionTarget(Protocol):
    """What a pressed button needs: somewhere to ask the question, and the long-question table."""

    queries: QueryTable

    async def answer_suggestion(self, interaction: discord.Interaction[Any], query: str) -> None: ...


class QueryTable:
    """The most recent long questions by key (bounded, so memory stays flat however long the bot runs)."""

    def __init__(self, size: int = 4096) -> None:
        self._size = size
        self._items: OrderedDict[str, str] = OrderedDict()

    def key_for(self, query: str) -> str:
        key = hashlib.sha256(query.encode("utf-8")).hexdigest()[:24]
        self._items[key] = query
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)
        return key

    def get(self, key: str) -> str | None:
        return self._items.get(key)


def _label(text: str) -> str:
    text = " ".join(text.split()) or "…"
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


class SuggestionButton(discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=_TEMPLATE):
    """One suggestion; pressing it asks its question as the presser, in the presser's locale."""

    def __init__(self, custom_id: str, label: str) -> None:
        super().__init__(
            discord.ui.Button(label=_label(label), style=discord.ButtonStyle.secondary, custom_id=custom_id)
        )

    @classmethod
    def for_suggestion(cls, suggestion: Suggestion, queries: QueryTable) -> SuggestionButton:
        custom_id = _PREFIX_QUERY + suggestion.query
        if len(custom_id) > MAX_CUSTOM_ID:
            custom_id = _PREFIX_KEY + queries.key_for(suggestion.query)
        return cls(custom_id, suggestion.label)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> SuggestionButton:
        label = getattr(item, "label", None) or match["value"]
        return cls(match.group(0), str(label))

    def query(self, queries: QueryTable | None) -> str:
        match = _TEMPLATE.match(self.custom_id)
        if match is None:  # pragma: no cover - the template matched when this button was built
            return ""
        if match["kind"] == "q":
            return match["value"]
        remembered = queries.get(match["value"]) if queries else None
        return remembered or (self.item.label or "").rstrip("…").strip()

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        target: SuggestionTarget | None = getattr(interaction.client, "adapter", None)
        if target is None:  # pragma: no cover - only our client registers this item
            return
        await target.answer_suggestion(interaction, self.query(target.queries))


def suggestion_view(suggestions: tuple[Suggestion, ...], queries: QueryTable) -> discord.ui.View | None:
    """A persistent view (no timeout) with one button per suggestion, or None when there are none."""
    if not suggestions:
        return None
    view = discord.ui.View(timeout=None)
    for suggestion in suggestions[:MAX_BUTTONS]:
        view.add_item(SuggestionButton.for_suggestion(suggestion, queries))
    return view
