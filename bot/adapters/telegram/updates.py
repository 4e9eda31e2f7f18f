"""Telegram updates as `Incoming` messages, and the rule for when the bot speaks in a group.

Private chats: every text is a question. Groups: only our commands, messages that mention the bot and
replies to the bot — a bot that chatters in groups gets removed from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from telegram import CallbackQuery, InlineQuery, Message

from bot.adapters.attachments import ARTICLE_COMMAND, is_text_document
from handlers.commands import find_command
from handlers.types import ChatKind, Incoming

PLATFORM = "telegram"


@dataclass(frozen=True, slots=True)
class BotIdentity:
    """Who we are, from getMe: needed to recognise mentions, replies and `/cmd@ourbot`."""

    id: int
    username: str

    def mention(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w@])@{re.escape(self.username)}\b", re.IGNORECASE)


def chat_kind(chat_type: str) -> ChatKind | None:
    """Our two kinds of chat; None for channels, where the bot does not talk."""
    if chat_type == "private":
        return "private"
    if chat_type in ("group", "supergroup"):
        return "group"
    return None


def incoming_from_message(message: Message, me: BotIdentity) -> Incoming | None:
    """The Incoming to answer, or None when the bot must stay silent."""
    user = message.from_user
    kind = chat_kind(message.chat.type)
    if not message.text or user is None or user.is_bot or kind is None:
        return None
    text = message.text
    base = Incoming.from_text(
        PLATFORM, str(message.chat.id), str(user.id), text, chat_kind=kind, locale=user.language_code
    )
    if base.command is not None:
        if base.addressed_to is not None:
            return base if base.addressed_to.lower() == me.username.lower() else None
        # In a group, a bare command may be meant for another bot: answer only the ones we know.
        return base if kind == "private" or find_command(base.command) is not None else None
    if kind == "private":
        return base
    stripped, mentioned = me.mention().subn(" ", text)
    replied = message.reply_to_message is not None and (
        message.reply_to_message.from_user is not None and message.reply_to_message.from_user.id == me.id
    )
    if not mentioned and not replied:
        return None
    if mentioned:
        stripped = " ".join(stripped.split())
        return Incoming.from_text(
            PLATFORM, str(message.chat.id), str(user.id), stripped, chat_kind=kind, locale=user.language_code
        )
    return base


def incoming_from_document(message: Message, me: BotIdentity) -> Incoming | None:
    """A file sent to the bot as `/addarticle` (the adapter adds its text), or None when it is not for us.

    The caption is the command: `/addarticle` (or `/addarticle@ourbot`) anywhere; in a private chat a
    text file with no command in its caption is an `/addarticle` too. Anything else is ignored.
    """
    user = message.from_user
    kind = chat_kind(message.chat.type)
    document = message.document
    if document is None or user is None or user.is_bot or kind is None:
        return None
    caption = (message.caption or "").strip()
    incoming = Incoming.from_text(
        PLATFORM, str(message.chat.id), str(user.id), caption, chat_kind=kind, locale=user.language_code
    )
    if incoming.command is None:
        if kind != "private" or not is_text_document(document.mime_type, document.file_name):
            return None
        incoming = replace(
            incoming, text=f"/{ARTICLE_COMMAND} {caption}".strip(), command=ARTICLE_COMMAND, args=caption
        )
    if incoming.command != ARTICLE_COMMAND:
        return None
    if incoming.addressed_to is not None and incoming.addressed_to.lower() != me.username.lower():
        return None
    return incoming


def incoming_from_callback(query: CallbackQuery, question: str) -> Incoming | None:
    """A pressed suggestion button, as if the user had typed its question in that chat."""
    message = query.message
    if message is None:
        return None
    kind = chat_kind(message.chat.type)
    if kind is None:
        return None
    return Incoming.from_text(
        PLATFORM,
        str(message.chat.id),
        str(query.from_user.id),
        question,
        chat_kind=kind,
        locale=query.from_user.language_code,
        read_only=True,  # a button is pressed, not a message sent: it may not change anything
    )


def incoming_from_inline(query: InlineQuery, text: str | None = None) -> Incoming:
    """An inline query: its own conversation per user, so it never mixes with a chat's memory; read-only."""
    user = query.from_user
    return Incoming.from_text(
        PLATFORM,
        f"inline-{user.id}",
        str(user.id),
        query.query if text is None else text,
        chat_kind="private",
        locale=user.language_code,
        read_only=True,  # every keystroke is a query: it may ask, never change anything
    )
