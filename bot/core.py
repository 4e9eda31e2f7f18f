"""The core: one Incoming in, one Reply out, the same for every platform.

It resolves the reply language (the user's /lang choice, else the message's own language, else the
platform locale, else the chat's last language), routes commands through the declarations and free text
to the question handler, and turns any failure into a polite reply plus one clear log line.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field, replace

from bot import __version__
from bot.metrics import Metrics
from bot.ratelimit import QuestionLimits
from handlers import ask
from handlers.admin import is_admin, may_change_chat
from handlers.commands import find_command
from handlers.context import LANG_KEY, Context
from handlers.i18n import Catalog, catalog, normalize_lang, supported
from handlers.markup import para
from handlers.memory import ConversationMemory
from handlers.routes import handler_for
from handlers.types import ONE_SHOT_PLATFORMS, Incoming, Reply
from knowledge.base import Knowledge
from knowledge.language import language_evidence
from knowledge.matcher import MAX_QUESTION_CHARS
from knowledge.store import Store, open_store

log = logging.getLogger(__name__)
# Longer than any platform lets a user send: beyond it the core replies "too long" without looking further.
MAX_INPUT_CHARS = 16_384
_OUTCOMES = {"answer": "answered", "decline": "declined"}


@dataclass(slots=True)
class Stats:
    """Counters the runtime exposes (health, metrics)."""

    handled: int = 0
    answered: int = 0
    declined: int = 0
    errors: int = 0
    commands: dict[str, int] = field(default_factory=dict)


class Core:
    def __init__(
        self,
        knowledge: Knowledge,
        store: Store,
        *,
        strings: Catalog | None = None,
        memory: ConversationMemory | None = None,
        admin_ids: frozenset[str] = frozenset(),
    ) -> None:
        self.knowledge = knowledge
        self.store = store
        self.admin_ids = admin_ids
        self.catalog = strings or catalog()
        self.memory = memory or ConversationMemory()
        self.stats = Stats()
        self.metrics = Metrics()
        self.limits = QuestionLimits()  # the runtime replaces it with the configured limits

    @classmethod
    async def open(cls, database_url: str, *, admin_ids: frozenset[str] = frozenset()) -> Core:
        store = await open_store(database_url)
        reader: Store | None = None
        try:
            knowledge = await Knowledge.load(store)
            # Knowledge refreshes read on their own connection, never queued in front of a chat's statements.
            knowledge.reader = reader = await open_store(database_url)
        except BaseException:
            if reader is not None:
                await reader.close()
            await store.close()
            raise
        return cls(knowledge, store, admin_ids=admin_ids)

    async def close(self) -> None:
        reader, self.knowledge.reader = self.knowledge.reader, None
        if reader is not None and reader is not self.store:
            await reader.close()
        await self.store.close()

    async def resolve_lang(self, incoming: Incoming) -> str:
        if incoming.platform not in ONE_SHOT_PLATFORMS:
            preferred = await self.store.get_preference(incoming.platform, incoming.user_id, LANG_KEY)
            if preferred:
                return preferred
        # Only prose says which language its writer speaks: `/lang de` or `/who Mira Murati` does not.
        text = incoming.args if incoming.command == "ask" else "" if incoming.command else incoming.text
        evidence = language_evidence(text[: 2 * MAX_QUESTION_CHARS]) if text.strip() else None
        if evidence:
            return evidence
        if supported(incoming.locale):
            return normalize_lang(incoming.locale)
        turn = self.memory.recall(incoming.chat_key)
        return turn.lang if turn and turn.lang else "en"

    async def handle(self, incoming: Incoming, *, limit: bool = True) -> Reply:
        """Never raises: a failure becomes an apologetic reply and an ERROR log line with the traceback.

        `limit=False` is for questions the bot asks on the user's behalf (inline follow-ups), which must
        not spend the user's rate-limit tokens.
        """
        started = time.perf_counter()
        lang = "en"
        incoming = valid_unicode(incoming)
        try:
            await self.seen(incoming)
            await self.memory.load(incoming.chat_key)
            lang = await self.resolve_lang(incoming)
            ctx = Context(self.knowledge, self.catalog, self.memory, self.store, lang, __version__, self.admin_ids)
            reply = await self._guarded(ctx, incoming, limit)
            await self.memory.save(incoming.chat_key)
        except Exception:
            self.stats.errors += 1
            log.exception("failed to handle a %s message in chat %s", incoming.platform, incoming.chat_id)
            reply = Reply((para(self.catalog.t(lang, "error-internal")),), lang, kind="error")
        self.stats.handled += 1
        if reply.kind == "answer":
            self.stats.answered += 1
        elif reply.kind == "decline":
            self.stats.declined += 1
        self._measure(incoming, reply, time.perf_counter() - started)
        log.debug(
            "%s %s → %s in %.1f ms",
            incoming.platform,
            incoming.command or "question",
            reply.kind,
            1000 * (time.perf_counter() - started),
        )
        return reply

    async def _guarded(self, ctx: Context, incoming: Incoming, limit: bool) -> Reply:
        """The input cap and the rate limits, before any handler sees the message."""
        if len(incoming.text) > MAX_INPUT_CHARS or len(incoming.args) > MAX_INPUT_CHARS:
            return Reply((para(ctx.t("decline-too-long", max=MAX_QUESTION_CHARS)),), ctx.lang, kind="decline")
        if limit and is_question(incoming):
            verdict = await self.limits.acheck(incoming)
            if not verdict.allowed:
                self.metrics.limited(incoming.platform, verdict.scope)
                wait = max(1, math.ceil(verdict.retry_after))
                text = ctx.t("rate-limited-chat" if verdict.scope == "chat" else "rate-limited", seconds=wait)
                extra: dict[str, object] = {"rate_limited": True, QUIET: not verdict.notify}
                return Reply((para(text),), ctx.lang, kind="decline", extra=extra)
        return await self._route(ctx, incoming)

    def _measure(self, incoming: Incoming, reply: Reply, seconds: float) -> None:
        platform = incoming.platform
        self.metrics.observe_latency(platform, seconds)
        if incoming.command is not None:
            self.metrics.command(platform, incoming.command if find_command(incoming.command) else "unknown")
        if is_question(incoming):
            outcome = "limited" if reply.extra.get("rate_limited") else _OUTCOMES.get(reply.kind, reply.kind)
            self.metrics.question(platform, reply.lang, outcome)

    async def seen(self, incoming: Incoming) -> None:
        """A chat that talks to the bot is reachable again: subscriptions that failures paused resume."""
        where = (incoming.platform, incoming.chat_id)
        try:
            if await self.store.chat_seen(*where):
                log.info("%s chat %s is back: its subscriptions are active again", *where)
        except Exception:
            log.exception("could not reactivate the subscriptions of %s chat %s", *where)

    async def _route(self, ctx: Context, incoming: Incoming) -> Reply:
        if incoming.command is None:
            return await ask.answer(ctx, incoming, incoming.text)
        command = find_command(incoming.command)
        if command is None:
            return Reply((para(ctx.t("unknown-command", command=incoming.command)),), ctx.lang, kind="decline")
        # Counted by declared name only: what users type must not grow this without bound.
        self.stats.commands[command.name] = self.stats.commands.get(command.name, 0) + 1
        if command.admin and not is_admin(ctx.admin_ids, incoming):
            log.info("%s user %s tried the admin command /%s", incoming.platform, incoming.user_id, command.name)
            return Reply((para(ctx.t("admin-only")),), ctx.lang, kind="decline")
        if command.writes and incoming.read_only:
            log.info("%s user %s sent /%s from an inline query or a button", incoming.platform, incoming.user_id,
                     command.name)  # fmt: skip
            return Reply((para(ctx.t("read-only-refused", command=command.name)),), ctx.lang, kind="decline")
        if command.chat_admin and not await may_change_chat(incoming):
            log.info("%s user %s is no administrator of chat %s: /%s refused", incoming.platform, incoming.user_id,
                     incoming.chat_id, command.name)  # fmt: skip
            return Reply((para(ctx.t("chat-admin-only", command=command.name)),), ctx.lang, kind="decline")
        return await handler_for(command.name)(ctx, incoming)


def valid_unicode(incoming: Incoming) -> Incoming:
    """Lone surrogates (a JSON "\\udb6e" decodes to one) cannot be stored or sent: they become U+FFFD."""
    try:
        incoming.text.encode("utf-8")
        incoming.args.encode("utf-8")
    except UnicodeEncodeError:
        return replace(incoming, text=_replace_surrogates(incoming.text), args=_replace_surrogates(incoming.args))
    return incoming


def _replace_surrogates(text: str) -> str:
    return "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text)


QUIET = "quiet"
"""`Reply.extra` key: the chat was already told this (it is rate-limited), so a message is better left
unsent where nothing demands an answer; an interaction or an inline query still shows it."""


def is_quiet(reply: Reply) -> bool:
    return bool(reply.extra.get(QUIET))


def is_question(incoming: Incoming) -> bool:
    """Free text and `/ask`: what goes to the matcher, and so what the rate limits count."""
    return incoming.command is None or incoming.command == "ask"
