"""The Discord adapter: slash commands, mentions and DMs, buttons, and delivery (the Sender).

Needs no privileged intent: slash commands carry their arguments, and Discord sends message content for
DMs and for messages that mention the bot. Commands are published by `radford-bot discord-sync`, never
on start (Discord rate-limits syncs). Every send passes `allowed_mentions` none.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import io
import json
import logging
import math
import re
import time
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
from discord import app_commands

from bot.adapters.attachments import ARTICLE_COMMAND, MAX_ATTACHMENT_BYTES, decode_text, is_text_document
from bot.adapters.base import RecipientGone, RetryLater, TemporaryFailure
from bot.adapters.discord_bot.buttons import QueryTable, SuggestionButton, suggestion_view
from bot.adapters.discord_bot.client import RadfordClient, make_client
from bot.adapters.discord_bot.render import NO_MENTIONS, Outgoing, render_reply, wants_embed
from bot.adapters.discord_bot.slash import CatalogTranslator, interaction_lang, register_commands
from bot.adapters.progress import ChunkProgress, ProgressKey
from bot.adapters.status import DEFAULT_GRACE, PlatformStatus
from bot.core import is_quiet
from handlers.commands import Autocomplete
from handlers.complete import MAX_CHOICES, complete
from handlers.i18n import DEFAULT, catalog
from handlers.markup import para
from handlers.types import ChatAdminCheck, ChatKind, Incoming, Reply
from knowledge.ingest import MAX_ARTICLE_CHARS

if TYPE_CHECKING:
    from bot.adapters.base import Adapter, Sender
    from bot.core import Core
    from bot.settings import Settings

log = logging.getLogger(__name__)

PLATFORM = "discord"
DEFER_AFTER = 2.0  # seconds: Discord drops an interaction not answered (or deferred) within 3 s
LONG_WAIT = 5.0  # seconds: a send slower than this was most likely held by the rate limiter
EPHEMERAL_KINDS = frozenset({"decline", "error"})
GONE_CODES = frozenset({50007, 50001, 50013, 10003, 10013})  # DMs closed, no access, no permission, unknown
STOP_TIMEOUT = 10.0


_USER_TYPES = frozenset({discord.MessageType.default, discord.MessageType.reply})


def _bot_mention(user_id: int) -> re.Pattern[str]:
    return re.compile(rf"<@!?{user_id}>")


def _manages_guild(permissions: discord.Permissions) -> ChatAdminCheck:
    """The chat-admin check for a guild member: Manage Server (administrators have every permission)."""
    allowed = bool(permissions.manage_guild)

    async def check() -> bool:
        return allowed

    return check


class DiscordAdapter:
    """Adapter (started by the runtime) and Sender (used by the broadcaster) for Discord."""

    name = PLATFORM
    platform = PLATFORM
    # Retrying cannot fix these; the runtime retries every other start failure (Discord unreachable…).
    fatal_errors: tuple[type[Exception], ...] = (discord.LoginFailure, discord.PrivilegedIntentsRequired)

    def __init__(self, core: Core, settings: Settings | None = None, *, health_grace: float = DEFAULT_GRACE) -> None:
        self.core = core
        self.settings = settings
        self._status = PlatformStatus(health_grace)
        self.queries = QueryTable()
        self.progress = ChunkProgress()
        self.client = make_client(self, settings)
        self.tree: app_commands.CommandTree[RadfordClient] = app_commands.CommandTree(self.client)
        self.tree.on_error = self._on_tree_error  # type: ignore[method-assign]
        register_commands(self.tree, self)
        self._gateway: asyncio.Task[None] | None = None

    # -- lifecycle ---------------------------------------------------------------------------------

    async def setup_hook(self) -> None:
        """Runs once at login: buttons listen again, the translator loads. No command sync here."""
        self.client.add_dynamic_items(SuggestionButton)
        await self.tree.set_translator(CatalogTranslator())

    async def start(self) -> None:
        token = self.settings.discord_token if self.settings else None
        if not token:
            raise RuntimeError("DISCORD_BOT_TOKEN is not set")
        if self.client.is_closed():
            self.client.clear()  # a retry after a failed start: discord.py's documented way to reopen
        try:
            await self.client.login(token)
        except BaseException as error:
            if isinstance(error, discord.LoginFailure):
                log.error("discord: DISCORD_BOT_TOKEN was rejected; reset it in the developer portal")
                self._status.failed("Discord rejected DISCORD_BOT_TOKEN")
            elif isinstance(error, Exception):
                self._status.failed(f"login failed: {error.__class__.__name__}")
            await self.client.close()  # no HTTP session left open behind a failed start
            raise
        self._gateway = asyncio.create_task(self._connect(), name="discord-gateway")

    async def _connect(self) -> None:
        try:
            await self.client.connect(reconnect=True)
        except discord.PrivilegedIntentsRequired:
            self._status.failed("a privileged intent was requested")
            log.error("discord: a privileged intent was requested; this bot should need none")
        except Exception as error:
            self._status.failed(f"gateway connection ended: {error.__class__.__name__}")
            log.exception("discord: the gateway connection ended with an error")

    async def stop(self) -> None:
        await self.client.close()
        if self._gateway is not None:
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(self._gateway, STOP_TIMEOUT)
            self._gateway = None

    @property
    def connected(self) -> bool:
        return self.client.is_ready() and not self.client.is_closed()

    @property
    def status(self) -> PlatformStatus:
        """A ready client whose last heartbeat was acknowledged (finite latency) is a success right now;
        a gateway that dropped (discord.py reconnects on its own) stops refreshing it."""
        if self.connected and math.isfinite(self.client.latency):
            self._status.ok()
        return self._status

    def on_disconnect(self) -> None:
        """The gateway connection dropped (the client tries to resume)."""
        self._status.failed("gateway disconnected")

    # -- messages: mentions and DMs are questions --------------------------------------------------

    def question_in(self, message: discord.Message) -> str | None:
        """The question a message asks the bot, or None when the message is not for the bot."""
        me = self.client.user
        if me is None or message.author.bot or message.author.id == me.id or message.type not in _USER_TYPES:
            return None
        text = message.content or ""
        if message.guild is None:
            return " ".join(_bot_mention(me.id).sub(" ", text).split())
        own_role = message.guild.self_role
        by_role = own_role is not None and any(r.id == own_role.id for r in message.role_mentions)
        if not by_role and not any(u.id == me.id for u in message.mentions):
            return None  # @everyone, @here and other people's mentions are not questions
        text = _bot_mention(me.id).sub(" ", text)
        if own_role is not None:
            text = text.replace(f"<@&{own_role.id}>", " ")
        return " ".join(text.split())

    async def on_message(self, message: discord.Message) -> None:
        try:
            question = self.question_in(message)
            if question is None:
                return
            kind: ChatKind = "private" if message.guild is None else "group"
            # A message has no user locale; a server's preferred locale is the best hint there is.
            locale = str(message.guild.preferred_locale.value) if message.guild else None
            incoming = Incoming.from_text(
                PLATFORM,
                str(message.channel.id),
                str(message.author.id),
                question,
                chat_kind=kind,
                locale=locale,
                is_chat_admin=_manages_guild(message.author.guild_permissions)
                if isinstance(message.author, discord.Member)
                else None,
            )
            if incoming.command == ARTICLE_COMMAND and message.attachments:
                text = await self._attached_text(message)
                if text is None:
                    reply = Reply((para(catalog().t(DEFAULT, "article-too-long", max=MAX_ARTICLE_CHARS)),), DEFAULT)
                    await self._send_all(message.channel, self._messages(None, reply), reply)
                    return
                incoming = dataclasses.replace(incoming, attachment=text or None)
            reply = await self.core.handle(incoming)
            if is_quiet(reply):  # already told it is rate-limited in this window: stay silent
                return
            await self._send_all(
                message.channel,
                self._messages(incoming.command, reply),
                reply,
                reference=message.to_reference(fail_if_not_exists=False),
            )
        except (discord.HTTPException, discord.RateLimited) as error:
            self._log_send_error(error, f"channel {message.channel.id}")
        except Exception:
            self._count("handler")
            log.exception("discord: failed to answer a message in channel %s", message.channel.id)

    async def _attached_text(self, message: discord.Message) -> str | None:
        """The text of an admin's first .txt/.md attachment ("" when there is none to read, or the author
        is no admin: the handler then answers as without a file); None when it is too large to be one."""
        admins = self.settings.admin_ids if self.settings else frozenset()
        found = next(
            (a for a in message.attachments if is_text_document(a.content_type, a.filename)),
            None,
        )
        if found is None or f"{PLATFORM}:{message.author.id}" not in admins:
            return ""
        if found.size > MAX_ATTACHMENT_BYTES:
            return None
        data = await found.read()
        return None if len(data) > MAX_ATTACHMENT_BYTES else decode_text(data)

    # -- slash commands and buttons ----------------------------------------------------------------

    def _incoming(
        self, interaction: discord.Interaction[Any], command: str | None, args: str, text: str, *, read_only: bool
    ) -> Incoming:
        kind: ChatKind = "private" if interaction.guild_id is None else "group"
        chat_id = interaction.channel_id or interaction.user.id
        locale = str(interaction.locale.value) if interaction.locale else None
        return Incoming(
            PLATFORM,
            str(chat_id),
            str(interaction.user.id),
            text,
            chat_kind=kind,
            locale=locale,
            command=command,
            args=args,
            read_only=read_only,
            # The member's permissions in this channel, as Discord resolved them for this interaction. Checked
            # here too: commands synced before they declared `default_permissions` have none on Discord.
            is_chat_admin=_manages_guild(interaction.permissions),
        )

    async def answer_command(self, interaction: discord.Interaction[Any], command: str, args: str) -> None:
        """`/command args`: through the core, answered in time, declines only to the asker."""
        incoming = self._incoming(interaction, command, args, f"/{command} {args}".strip(), read_only=False)
        await self._answer_interaction(interaction, incoming)

    async def answer_suggestion(self, interaction: discord.Interaction[Any], query: str) -> None:
        """A pressed suggestion button: its question (or command) asked by whoever pressed it, read-only."""
        parsed = Incoming.from_text(PLATFORM, "", "", query)
        incoming = self._incoming(interaction, parsed.command, parsed.args, query, read_only=True)
        await self._answer_interaction(interaction, incoming)

    async def complete(
        self, interaction: discord.Interaction[Any], source: Autocomplete, current: str
    ) -> list[app_commands.Choice[str]]:
        """At most 25 choices, labels and values cut to Discord's 100 characters; never raises."""
        try:
            pairs = complete(self.core.knowledge, source, current or "", interaction_lang(interaction) or DEFAULT)
        except Exception:
            log.exception("discord: autocomplete for %s failed", source)
            return []
        return [
            app_commands.Choice(name=label[:100], value=value[:100])
            for label, value in pairs[:MAX_CHOICES]
            if label.strip() and value.strip()
        ]

    async def _picture(self, reply: Reply) -> tuple[str, bytes] | None:
        """The reply's timeline picture (file name, PNG), drawn off the event loop and cached; None without one.

        A picture that cannot be drawn is logged and left out: the text timeline still goes out.
        """
        if reply.chart is None:
            return None
        from handlers.pictures import draw

        try:
            drawing = await draw(reply.chart)
        except Exception:
            log.exception("discord: could not draw the timeline picture")
            return None
        return reply.chart.filename, drawing.png

    async def _handle_with_picture(self, incoming: Incoming) -> tuple[Reply, tuple[str, bytes] | None]:
        reply = await self.core.handle(incoming)
        return reply, await self._picture(reply)

    async def _answer_interaction(self, interaction: discord.Interaction[Any], incoming: Incoming) -> None:
        # The picture is drawn inside the deadline's watch: a slow first drawing defers like a slow answer.
        task = asyncio.ensure_future(self._handle_with_picture(incoming))
        done, _ = await asyncio.wait({task}, timeout=DEFER_AFTER)
        if not done:
            # Deferred publicly: the kind of reply (and so its ephemerality) is not known yet, and the
            # first follow-up then fills in the "thinking…" message with the defer's visibility.
            try:
                await interaction.response.defer(thinking=True)
            except discord.HTTPException as error:
                self._log_send_error(error, f"interaction {interaction.id}")
        reply, picture = await task
        messages = self._messages(incoming.command, reply)
        view = suggestion_view(reply.suggestions, self.queries)
        ephemeral = reply.kind in EPHEMERAL_KINDS
        try:
            for number, out in enumerate(messages):
                extra: dict[str, Any] = {"allowed_mentions": NO_MENTIONS, "ephemeral": ephemeral}
                if number == 0 and picture is not None:
                    extra["file"] = _attach(picture, out)
                if out.embed is not None:
                    extra["embed"] = out.embed
                if view is not None and number == len(messages) - 1:
                    extra["view"] = view
                if not interaction.response.is_done():
                    await interaction.response.send_message(out.content, **extra)
                else:
                    await interaction.followup.send(out.content or discord.utils.MISSING, **extra)
        except (discord.HTTPException, discord.RateLimited) as error:
            self._log_send_error(error, f"interaction {interaction.id}")

    async def _on_tree_error(self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
        """A failure around a command: one log line, and a polite ephemeral apology if nothing was sent."""
        data: dict[str, Any] = dict(interaction.data or {})
        name = getattr(interaction.command, "name", None) or data.get("name", "?")
        if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
            log.warning("discord: /%s differs from the published commands; run radford-bot discord-sync", name)
        else:
            self._count("handler")
            log.error("discord: /%s failed: %s", name, error, exc_info=error)
        if interaction.response.is_done():
            return
        lang = interaction_lang(interaction) or DEFAULT
        with contextlib.suppress(discord.HTTPException, discord.RateLimited):
            await interaction.response.send_message(
                catalog().t(lang, "error-internal"), ephemeral=True, allowed_mentions=NO_MENTIONS
            )

    # -- sending -----------------------------------------------------------------------------------

    def _messages(self, command: str | None, reply: Reply) -> list[Outgoing]:
        return render_reply(reply, embed=wants_embed(command, reply))

    async def _send_all(
        self,
        channel: discord.abc.Messageable,
        messages: list[Outgoing],
        reply: Reply,
        *,
        reference: discord.MessageReference | None = None,
        progress: ProgressKey | None = None,
    ) -> None:
        """Send the messages in order; with `progress`, skip those a failed earlier try delivered."""
        view = suggestion_view(reply.suggestions, self.queries)
        done = self.progress.delivered(progress) if progress else 0
        picture = await self._picture(reply) if done == 0 else None
        for number, out in enumerate(messages):
            if number < done:
                continue
            extra: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
            if number == 0 and picture is not None:
                extra["file"] = _attach(picture, out)
            if out.embed is not None:
                extra["embed"] = out.embed
            if reference is not None and number == 0:
                extra["reference"] = reference
            if view is not None and number == len(messages) - 1:
                extra["view"] = view
            started = time.monotonic()
            await channel.send(out.content, **extra)
            waited = time.monotonic() - started
            if waited > LONG_WAIT:
                log.warning("discord: a send took %.1f s (held by the rate limiter)", waited)
            if progress:
                self.progress.record(progress, number + 1)
        if progress:
            self.progress.finish(progress)

    async def send(self, chat_id: str, reply: Reply) -> None:
        """Sender: deliver `reply` to a channel (or DM channel) id, mapping failures to typed errors."""
        try:
            channel_id = int(chat_id)
        except ValueError:
            raise RecipientGone(f"not a Discord channel id: {chat_id!r}") from None
        if self.client.is_closed() or self.client.user is None:
            raise TemporaryFailure("the Discord client is not logged in")
        channel = self.client.get_channel(channel_id) or self.client.get_partial_messageable(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            raise RecipientGone(f"channel {chat_id} cannot receive messages")
        messages = self._messages(None, reply)
        parts = [json.dumps([m.content, m.embed.to_dict() if m.embed else None], sort_keys=True) for m in messages]
        try:
            await self._send_all(channel, messages, reply, progress=self.progress.key(chat_id, parts))
        except discord.RateLimited as error:
            self._count("flood")
            log.warning("discord: rate limited for %.0f s sending to %s", error.retry_after, chat_id)
            raise RetryLater(error.retry_after) from error
        except (discord.Forbidden, discord.NotFound) as error:
            self._log_send_error(error, f"channel {chat_id}")
            raise RecipientGone(f"{error.status} {error.code}: {error.text}") from error
        except discord.HTTPException as error:
            if error.code in GONE_CODES:
                raise RecipientGone(f"{error.status} {error.code}: {error.text}") from error
            self._log_send_error(error, f"channel {chat_id}")
            raise TemporaryFailure(f"{error.status} {error.code}: {error.text}") from error
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            self._count("network")
            raise TemporaryFailure(f"network error: {error.__class__.__name__}") from error

    def _count(self, kind: str) -> None:
        metrics = getattr(self.core, "metrics", None)  # tests build adapters without a core
        if metrics is not None:
            metrics.platform_error(PLATFORM, kind)

    def _log_send_error(self, error: Exception, where: str) -> None:
        kind = "flood" if isinstance(error, discord.RateLimited) else "http"
        if isinstance(error, discord.Forbidden | discord.NotFound):
            kind = "gone"
        self._count(kind)
        if isinstance(error, discord.Forbidden) and error.code == 50007:
            log.warning("discord: the user behind %s has closed their DMs to the bot (50007)", where)
        elif isinstance(error, discord.Forbidden):
            log.warning("discord: missing permissions in %s (%s)", where, getattr(error, "code", "?"))
        else:
            log.warning("discord: could not send to %s: %s", where, error)


def _attach(picture: tuple[str, bytes], out: Outgoing) -> discord.File:
    """The picture as an attachment of `out`, shown inside its embed when it has one."""
    filename, png = picture
    if out.embed is not None:
        out.embed.set_image(url=f"attachment://{filename}")
    return discord.File(io.BytesIO(png), filename=filename)


if TYPE_CHECKING:

    def _implements(adapter: DiscordAdapter) -> tuple[Adapter, Sender]:
        """Type-checked only: the adapter is both what the runtime starts and what the broadcaster uses."""
        return adapter, adapter
