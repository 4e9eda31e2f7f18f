"""Publishing the slash commands: an explicit step (`radford-bot discord-sync`), never done on start.

Discord rate-limits command syncs, and a global sync replaces every command at once, so it runs only
when the declarations changed. `--guild` publishes to one server for testing (visible at once there).
"""

from __future__ import annotations

import logging
from typing import Any, NoReturn

import discord
from discord import app_commands

from bot.adapters.discord_bot.slash import CatalogTranslator, register_commands
from handlers.commands import Autocomplete

log = logging.getLogger(__name__)


class SyncError(Exception):
    """A sync Discord refused, said in words an operator can act on (the CLI prints it)."""


class _SyncOnly:
    """Stands in for the adapter: a sync only reads the commands' shape, it never runs them."""

    async def answer_command(self, interaction: discord.Interaction[Any], command: str, args: str) -> NoReturn:
        raise RuntimeError("commands are not answered while syncing")

    async def complete(self, interaction: discord.Interaction[Any], source: Autocomplete, current: str) -> NoReturn:
        raise RuntimeError("commands are not answered while syncing")


async def sync_commands(token: str, guild_id: int | None = None, *, clear: bool = False) -> list[str]:
    """Log in over HTTP only (no gateway), publish the commands, return their names as Discord has them.

    `clear` removes the server copies a `--guild` test left behind (they would show beside the global ones).
    Raises SyncError when Discord rejects the token or the sync.
    """
    try:
        return await _sync(token, guild_id, clear=clear)
    except discord.LoginFailure:
        raise SyncError("Discord rejected DISCORD_BOT_TOKEN") from None
    except discord.HTTPException as error:
        raise SyncError(f"Discord refused the sync: {error.status} {error.text}") from None


async def _sync(token: str, guild_id: int | None, *, clear: bool) -> list[str]:
    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False  # never joins voice
    client = discord.Client(intents=discord.Intents.none())
    tree: app_commands.CommandTree[discord.Client] = app_commands.CommandTree(client)
    register_commands(tree, _SyncOnly())
    async with client:
        await tree.set_translator(CatalogTranslator())
        await client.login(token)
        guild = discord.Object(id=guild_id) if guild_id is not None else None
        if guild is not None and clear:
            tree.clear_commands(guild=guild)
        elif guild is not None:
            tree.copy_global_to(guild=guild)
        synced = await tree.sync(guild=guild)
    log.info("synced %d commands %s", len(synced), f"to server {guild_id}" if guild_id else "globally")
    return [command.name for command in synced]
