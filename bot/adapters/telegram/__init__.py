"""The Telegram adapter (python-telegram-bot 22): polling or webhook, inline mode, HTML replies.

The only package of the bot that imports `telegram`; the runtime imports it only when a token is set.
"""

from bot.adapters.telegram.adapter import TelegramAdapter, TelegramStartError, TelegramTokenRefused

__all__ = ["TelegramAdapter", "TelegramStartError", "TelegramTokenRefused"]
