"""Discord adapter package (named `discord_bot` so it can never shadow the `discord` library)."""

from bot.adapters.discord_bot.adapter import DiscordAdapter

__all__ = ["DiscordAdapter"]
