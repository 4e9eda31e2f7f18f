"""Offline plumbing for the Discord adapter tests: a real client and connection state, recorded HTTP.

Interactions are built from recorded INTERACTION_CREATE payloads (data/) and dispatched through
discord.py's own state and command tree; every interaction response goes through discord.py's webhook
adapter, which is swapped for one that records the request instead of reaching the network.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

from bot.adapters.discord_bot import DiscordAdapter

DATA = Path(__file__).with_name("data")
APP_ID = 1300000000000000000
BOT_USER = {
    "id": str(APP_ID),
    "username": "radford-bot",
    "discriminator": "0",
    "avatar": None,
    "bot": True,
    "global_name": None,
    "public_flags": 0,
}
EPHEMERAL = 64
_ids = itertools.count(1311000000000000000)


def payload(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def slash(
    command: str,
    options: dict[str, str] | None = None,
    *,
    locale: str = "en-US",
    dm: bool = False,
    focused: str | None = None,
) -> dict[str, Any]:
    """An INTERACTION_CREATE for `/command option:value` (type 4, autocomplete, when `focused` is set)."""
    data = copy.deepcopy(payload("interaction_create_dm.json" if dm else "interaction_create_guild.json"))
    data["id"] = str(next(_ids))
    data["type"] = 4 if focused else 2
    data["locale"] = locale
    opts = []
    for name, value in (options or {}).items():
        opt: dict[str, Any] = {"name": name, "type": 3, "value": value}
        if name == focused:
            opt["focused"] = True
        opts.append(opt)
    data["data"] = {"id": str(next(_ids)), "name": command, "type": 1, "options": opts}
    return data


def button(custom_id: str, label: str, *, locale: str = "en-US", dm: bool = False) -> dict[str, Any]:
    """An INTERACTION_CREATE for a press on a button of one of the bot's messages."""
    data = copy.deepcopy(payload("interaction_create_dm.json" if dm else "interaction_create_guild.json"))
    data["id"] = str(next(_ids))
    data["type"] = 3
    data["locale"] = locale
    data["data"] = {"custom_id": custom_id, "component_type": 2}
    data["message"] = {
        "id": str(next(_ids)), "channel_id": data["channel_id"], "author": BOT_USER, "content": "answer",
        "timestamp": "2024-12-20T10:00:00.000000+00:00", "edited_timestamp": None, "tts": False,
        "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
        "pinned": False, "type": 0, "flags": 0,
        "components": [{"type": 1, "components": [
            {"type": 2, "style": 2, "label": label, "custom_id": custom_id}]}],
    }  # fmt: skip
    return data


def message_payload(body: dict[str, Any], channel_id: str = "1330000000000000000") -> dict[str, Any]:
    """The message Discord returns for a follow-up (interaction webhooks always wait for it)."""
    return {
        "id": str(next(_ids)),
        "channel_id": channel_id,
        "author": BOT_USER,
        "content": body.get("content") or "",
        "timestamp": "2024-12-20T10:00:00.000000+00:00",
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": body.get("embeds") or [],
        "pinned": False,
        "type": 0,
        "flags": body.get("flags", 0),
        "components": body.get("components") or [],
        "webhook_id": str(APP_ID),
    }


@dataclass
class Call:
    method: str
    path: str
    payload: dict[str, Any]
    files: list[tuple[str, bytes]] = field(default_factory=list)  # (file name, content) of each attachment

    @property
    def data(self) -> dict[str, Any]:
        """The message of a callback (`data`) or of a follow-up (the payload itself)."""
        return self.payload.get("data", {}) if self.path.endswith("/callback") else self.payload


@dataclass
class Recorder(AsyncWebhookAdapter):
    """discord.py's webhook adapter with the network replaced by a list of calls."""

    calls: list[Call] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    async def request(
        self,
        route: Any,
        session: Any = None,
        *,
        payload: dict[str, Any] | None = None,
        multipart: list[dict[str, Any]] | None = None,
        **_: Any,
    ) -> Any:
        files: list[tuple[str, bytes]] = []
        if payload is None and multipart:
            payload = json.loads(multipart[0]["value"])
            for part in multipart[1:]:
                value = part["value"]
                files.append((part.get("filename") or "", value if isinstance(value, bytes) else value.read()))
        body = payload or {}
        self.calls.append(Call(route.method, route.path, body, files))
        if route.path.endswith("/callback"):
            flags = (body.get("data") or {}).get("flags", 0)
            return {
                "interaction": {
                    "id": str(route.webhook_id),
                    "type": 2,
                    "response_message_id": str(next(_ids)),
                    "response_message_loading": body.get("type") == 5,
                    "response_message_ephemeral": bool(flags & EPHEMERAL),
                }
            }
        return message_payload(body)

    def messages(self) -> list[Call]:
        """Calls that posted a message: callback type 4 and follow-ups."""
        return [
            c
            for c in self.calls
            if (c.path.endswith("/callback") and c.payload.get("type") == 4) or c.path.startswith("/webhooks/")
        ]

    def text(self) -> str:
        parts = []
        for call in self.messages():
            parts.append(call.data.get("content") or "")
            for embed in call.data.get("embeds") or []:
                parts += [embed.get("title") or "", embed.get("description") or ""]
        return "\n".join(parts)


def _is_view_timeout(task: asyncio.Task[Any]) -> bool:
    """A view's timeout timer (15 minutes for ephemeral messages): not part of answering."""
    return "timeout" in getattr(task.get_coro(), "__qualname__", "")


async def settle() -> None:
    """Wait until every task the dispatch started (command tree, views, events) has finished."""
    for _ in range(200):
        others = [
            t
            for t in asyncio.all_tasks()
            if t is not asyncio.current_task() and not t.done() and not _is_view_timeout(t)
        ]
        if not others:
            return
        await asyncio.wait(others, timeout=5)


async def offline_adapter(core: Any) -> DiscordAdapter:
    """A DiscordAdapter whose client is set up as after login, without any network."""
    adapter = DiscordAdapter(core)
    client = adapter.client
    await client._async_setup_hook()
    client._connection.user = discord.ClientUser(state=client._connection, data=BOT_USER)  # type: ignore[arg-type]
    client._connection.application_id = APP_ID
    await adapter.setup_hook()
    return adapter


async def dispatch(adapter: DiscordAdapter, data: dict[str, Any]) -> Recorder:
    """Feed one INTERACTION_CREATE to discord.py as the gateway would; return what it sent back."""
    recorder = Recorder()
    token = async_context.set(recorder)
    try:
        adapter.client._connection.parse_interaction_create(data)  # type: ignore[arg-type]
        await settle()
    finally:
        async_context.reset(token)
    return recorder
