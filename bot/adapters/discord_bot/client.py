"""The gateway client: discord.py's own, plain or sharded, with intents and limits chosen once here."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol

import discord

from bot.adapters.discord_bot.render import NO_MENTIONS

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger(__name__)

MAX_RATELIMIT_WAIT = 60.0  # longer waits raise RateLimited (→ RetryLater) instead of blocking


class Hooks(Protocol):
    """What the client hands over to the adapter."""

    async def setup_hook(self) -> None: ...

    async def on_message(self, message: discord.Message) -> None: ...

    def on_disconnect(self) -> None: ...


def intents() -> discord.Intents:
    """The default (non-privileged) intents, minus typing events we never use."""
    chosen = discord.Intents.default()
    chosen.message_content = False
    chosen.members = False
    chosen.presences = False
    chosen.typing = False
    return chosen


class RadfordClient(discord.Client):
    """discord.py's client, wired to the adapter for setup, messages and readiness."""

    def __init__(self, adapter: Hooks, **options: Any) -> None:
        super().__init__(**options)
        self.adapter = adapter

    async def setup_hook(self) -> None:
        await self.adapter.setup_hook()

    async def on_ready(self) -> None:
        log.info(
            "discord: connected as %s in %d servers (%d shard(s))",
            self.user,
            len(self.guilds),
            self.shard_count or 1,
        )

    async def on_message(self, message: discord.Message) -> None:
        await self.adapter.on_message(message)

    async def on_disconnect(self) -> None:
        self.adapter.on_disconnect()


class ShardedRadfordClient(RadfordClient, discord.AutoShardedClient):
    """The same client over discord.py's own sharding (Discord requires shards past 2,500 servers)."""


def _no_voice_warnings() -> None:
    """This bot never joins voice, so discord.py's "PyNaCl/davey is not installed" warnings are noise."""
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False


def make_client(adapter: Hooks, settings: Settings | None) -> RadfordClient:
    """A sharded client when shards are configured, else a plain one; both never ping anyone."""
    options: dict[str, Any] = {
        "intents": intents(),
        "allowed_mentions": NO_MENTIONS,
        "max_ratelimit_timeout": MAX_RATELIMIT_WAIT,
        "chunk_guilds_at_startup": False,
    }
    _no_voice_warnings()
    count = settings.discord_shard_count if settings else None
    ids = settings.discord_shard_ids if settings else ()
    if count is None and not ids:
        return RadfordClient(adapter, **options)
    return ShardedRadfordClient(adapter, shard_count=count, shard_ids=list(ids) or None, **options)
