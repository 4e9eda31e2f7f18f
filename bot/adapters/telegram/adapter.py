"""The Telegram adapter: python-telegram-bot's Application around our core, by polling or by webhook.

It is both the runtime's `Adapter` and the broadcaster's `Sender`. Every reply goes through one delivery
path that turns Telegram's errors into our policy: wait out flood limits, follow migrated groups, give up
on chats that blocked us, fall back to plain text when Telegram refuses our HTML, retry network errors.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import timedelta
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    CallbackQuery,
    ChatMember,
    Document,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBDeprecationWarning

from bot.adapters.attachments import MAX_ATTACHMENT_BYTES, decode_text, is_text_document
from bot.adapters.base import DeliveryError, RecipientGone, RetryLater, TemporaryFailure
from bot.adapters.progress import ChunkProgress
from bot.adapters.telegram.keys import CallbackKeys
from bot.adapters.telegram.render import html_to_text, render_html
from bot.adapters.telegram.updates import (
    PLATFORM,
    BotIdentity,
    incoming_from_callback,
    incoming_from_document,
    incoming_from_inline,
    incoming_from_message,
)
from bot.core import Core
from bot.lease import Lease
from bot.settings import Settings
from handlers.commands import visible_commands
from handlers.i18n import DEFAULT, SUPPORTED, catalog
from handlers.markup import para, render_plain
from handlers.types import Incoming, Reply
from knowledge.ingest import MAX_ARTICLE_CHARS
from knowledge.subscriptions import INACTIVE_PREFERENCE

log = logging.getLogger(__name__)

MAX_INLINE_RESULTS = 5
MAX_BUTTONS = 5
ChatGone = Callable[[str], Awaitable[None]]
ChatMoved = Callable[[str, str], Awaitable[None]]
_ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY, Update.MY_CHAT_MEMBER]
_GONE_STATUSES = {ChatMember.BANNED, ChatMember.LEFT}


class TelegramStartError(ConnectionError):
    """The bot could not log in to Telegram. A ConnectionError, so the CLI reports it as one clear line."""


class _AttachmentTooBig(Exception):
    """An /addarticle file larger than an article may be."""


class _ParseRefused(Exception):
    """Telegram could not parse our HTML: resend as plain text."""


def _seconds(value: int | float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _retry_after(error: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        return _seconds(error.retry_after)


def _pressed_label(query: CallbackQuery) -> str | None:
    """The label of the button that was pressed, found by its data in the message's keyboard.

    A long question's key lives only in memory (keys.py) and is forgotten on a restart; the label is the
    question as the user saw it, so asking it again is what they meant (Discord's buttons do the same).
    """
    message = query.message
    if not isinstance(message, Message) or message.reply_markup is None or not query.data:
        return None
    for row in message.reply_markup.inline_keyboard:
        for button in row:
            if button.callback_data == query.data and button.text.strip():
                return button.text.strip()
    return None


class _ChatLocks:
    """One lock per chat while it is in use, so replies in a chat keep their order."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    async def run(self, chat_id: str, work: Callable[[], Awaitable[None]]) -> None:
        lock, users = self._locks.get(chat_id, (asyncio.Lock(), 0))
        self._locks[chat_id] = (lock, users + 1)
        try:
            async with lock:
                await work()
        finally:
            lock, users = self._locks[chat_id]
            if users <= 1:
                del self._locks[chat_id]
            else:
                self._locks[chat_id] = (lock, users - 1)


class TelegramAdapter:
    """Adapter and Sender for Telegram. Timeouts and retry counts are arguments so tests can shrink them."""

    name = "telegram"
    platform = PLATFORM

    def __init__(
        self,
        core: Core,
        settings: Settings,
        *,
        request_timeout: float = 10.0,
        poll_timeout: int = 30,
        max_attempts: int = 4,
        backoff: float = 1.0,
        max_flood_wait: float = 60.0,
        poller_lease: float = 30.0,
        on_chat_gone: ChatGone | None = None,
        on_chat_moved: ChatMoved | None = None,
    ) -> None:
        if not settings.telegram_token:
            raise ValueError("TelegramAdapter needs TELEGRAM_BOT_TOKEN")
        self.core = core
        self.settings = settings
        self.request_timeout = request_timeout
        self.poll_timeout = poll_timeout
        self.max_attempts = max_attempts
        self.backoff = backoff
        self.max_flood_wait = max_flood_wait
        self.poller_lease = poller_lease
        self._lease: Lease | None = None
        self._unpolling: asyncio.Task[None] | None = None
        self.on_chat_gone = on_chat_gone
        self.on_chat_moved = on_chat_moved
        self.keys = CallbackKeys()
        self.progress = ChunkProgress()
        self._locks = _ChatLocks()
        self._app: Application | None = None  # type: ignore[type-arg]
        self._me: BotIdentity | None = None
        self._running = False

    # -- lifecycle ---------------------------------------------------------------------------------------

    def _build(self) -> Application:  # type: ignore[type-arg]
        builder = ApplicationBuilder().token(self.settings.telegram_token or "")
        if self.settings.telegram_api_base_url:
            base = self.settings.telegram_api_base_url
            builder = builder.base_url(base).base_file_url(base.removesuffix("/bot") + "/file/bot")
        timeout = self.request_timeout
        builder = (
            builder.connect_timeout(timeout)
            .read_timeout(timeout)
            .write_timeout(timeout)
            .pool_timeout(timeout)
            .get_updates_connect_timeout(timeout)
            .get_updates_read_timeout(timeout)
            .get_updates_write_timeout(timeout)
            .get_updates_pool_timeout(timeout)
            .concurrent_updates(True)
        )
        app = builder.build()
        app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT, self._on_message))
        app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.Document.ALL, self._on_document))
        app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, self._on_migrate))
        app.add_handler(ChatMemberHandler(self._on_membership, ChatMemberHandler.MY_CHAT_MEMBER))
        app.add_handler(CallbackQueryHandler(self._on_callback))
        app.add_handler(InlineQueryHandler(self._on_inline))
        app.add_error_handler(self._on_error)
        return app

    @property
    def webhook(self) -> bool:
        return bool(self.settings.telegram_webhook_url)

    async def start(self) -> None:
        """Log in (getMe), register the commands, then poll or serve the webhook, keeping pending updates."""
        app = self._build()
        await self._log_in(app)
        self._app = app
        try:
            self._me = BotIdentity(app.bot.id, app.bot.username)
            await self.register_commands()
            await app.start()
            await self._receive(app)
        except BaseException:
            await self.stop()
            raise
        self._running = True

    async def _log_in(self, app: Application) -> None:  # type: ignore[type-arg]
        """getMe, retried with backoff while the network fails; a clear error (never the token) otherwise."""
        failures = 0
        while True:
            try:
                await app.initialize()
                return
            except InvalidToken:
                await app.bot.shutdown()
                raise TelegramStartError(
                    "Telegram refused TELEGRAM_BOT_TOKEN; copy it again from @BotFather (/mybots → API Token)"
                ) from None
            except NetworkError as error:
                failures += 1
                reason = error.message.replace(self.settings.telegram_token or "\0", "***")
                if failures >= self.max_attempts:
                    await app.bot.shutdown()
                    raise TelegramStartError(f"could not reach the Telegram Bot API: {reason}") from None
                delay = self.backoff * 2 ** (failures - 1)
                log.warning("telegram: logging in failed (%s); retry %d in %.1f s", reason, failures, delay)
                await asyncio.sleep(delay)

    async def _receive(self, app: Application) -> None:  # type: ignore[type-arg]
        updater = app.updater
        assert updater is not None
        if self.webhook:
            url = self.settings.telegram_webhook_url or ""
            await updater.start_webhook(
                listen=self.settings.telegram_listen,
                port=self.settings.telegram_port,
                url_path=urlsplit(url).path.lstrip("/"),
                webhook_url=url,
                secret_token=self.settings.telegram_webhook_secret,
                allowed_updates=_ALLOWED_UPDATES,
                drop_pending_updates=False,
            )
            log.info(
                "telegram: @%s receiving updates by webhook on %s:%d",
                self.me.username,
                self.settings.telegram_listen,
                self.settings.telegram_port,
            )
        else:
            await self._take_polling_lease()
            await updater.start_polling(
                timeout=timedelta(seconds=self.poll_timeout),
                allowed_updates=_ALLOWED_UPDATES,
                drop_pending_updates=False,
                error_callback=self._on_polling_error,
            )
            log.info("telegram: @%s polling for updates", self.me.username)

    async def _take_polling_lease(self) -> None:
        """Only one process may call getUpdates for a bot: two fight over it (409 Conflict) and both lose.

        Waits one lease period for a holder that died (a restart after a crash), then refuses to poll.
        """
        lease = Lease(self.core.store, f"telegram-poller:{self.me.id}", ttl=self.poller_lease)
        deadline = time.monotonic() + self.poller_lease + 1.0
        while not await lease.acquire():
            if time.monotonic() > deadline:
                holder = await lease.other_holder()
                raise TelegramStartError(
                    f"another process ({holder}) is already polling Telegram for @{self.me.username}: "
                    "refusing to poll twice; run several replicas with TELEGRAM_WEBHOOK_URL instead"
                )
            await asyncio.sleep(min(2.0, self.poller_lease / 3))
        self._lease = lease
        lease.keep(lost=self._lost_polling_lease)

    def _lost_polling_lease(self) -> None:
        log.error("telegram: another process took over polling for @%s; this one stops polling", self.me.username)
        app = self._app
        if app is not None and app.updater is not None and app.updater.running:
            self._unpolling = asyncio.get_running_loop().create_task(app.updater.stop())

    async def stop(self) -> None:
        """Stop receiving, let in-flight replies finish, close the HTTP client."""
        app, self._app = self._app, None
        self._running = False
        lease, self._lease = self._lease, None
        if lease is not None:
            await lease.release()
        if app is None:
            return
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()

    @property
    def connected(self) -> bool:
        return self._running

    @property
    def me(self) -> BotIdentity:
        if self._me is None:
            raise RuntimeError("the Telegram adapter is not started")
        return self._me

    @property
    def app(self) -> Application:  # type: ignore[type-arg]
        if self._app is None:
            raise RuntimeError("the Telegram adapter is not started")
        return self._app

    async def register_commands(self) -> None:
        """setMyCommands from the shared declarations: English by default, plus each other language."""
        for lang in SUPPORTED:
            commands = [BotCommand(c.name, c.description(lang)[:256]) for c in visible_commands()]
            try:
                await self.app.bot.set_my_commands(commands, language_code=None if lang == "en" else lang)
            except TelegramError as error:
                log.warning("telegram: could not register the %s command list: %s", lang, error)

    # -- incoming ----------------------------------------------------------------------------------------

    async def _on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.message
        if message is None:
            return
        incoming = incoming_from_message(message, self.me)
        if incoming is None:
            return
        reply_to = message.message_id if incoming.chat_kind == "group" else None
        await self._locks.run(incoming.chat_id, lambda: self._answer(incoming, reply_to))

    async def _on_document(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A .txt/.md file for `/addarticle`: its text becomes `Incoming.attachment` (admins only)."""
        message = update.message
        if message is None or message.document is None:
            return
        incoming = incoming_from_document(message, self.me)
        if incoming is None:
            return
        document = message.document
        # Only an admin's file is worth downloading; anyone else gets the handler's polite refusal.
        if incoming.user_id in self.settings.admin_ids and is_text_document(document.mime_type, document.file_name):
            text = await self._download_text(incoming.chat_id, document)
            if text is None:
                return
            incoming = replace(incoming, attachment=text)
        reply_to = message.message_id if incoming.chat_kind == "group" else None
        await self._locks.run(incoming.chat_id, lambda: self._answer(incoming, reply_to))

    async def _download_text(self, chat_id: str, document: Document) -> str | None:
        """The document's text (UTF-8, undecodable bytes replaced), or None after telling the chat why not."""
        too_big = MAX_ATTACHMENT_BYTES
        try:
            if document.file_size is not None and document.file_size > too_big:
                raise _AttachmentTooBig
            data = await (await document.get_file()).download_as_bytearray()
            if len(data) > too_big:
                raise _AttachmentTooBig
        except _AttachmentTooBig:
            log.info("telegram: a %s-byte attachment in chat %s was refused", document.file_size, chat_id)
            await self._notice(chat_id, "article-too-long", max=MAX_ARTICLE_CHARS)
            return None
        except (TelegramError, RuntimeError) as error:
            log.warning("telegram: could not download an attachment in chat %s: %s", chat_id, error)
            await self._notice(chat_id, "error-internal")
            return None
        return decode_text(data)

    async def _notice(self, chat_id: str, key: str, **args: str | int) -> None:
        """A short message from the catalogue, in English: sent before the core could pick a language."""
        reply = Reply((para(catalog().t(DEFAULT, key, **args)),), DEFAULT, kind="decline")
        try:
            await self._deliver(chat_id, reply, reply_to=None, max_wait=self.max_flood_wait)
        except DeliveryError as error:
            log.warning("telegram: notice to chat %s not delivered: %s", chat_id, error)

    async def _on_migrate(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.message
        if message is not None and message.migrate_to_chat_id is not None:
            await self._moved(str(message.chat.id), str(message.migrate_to_chat_id))

    async def _on_membership(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Blocked, kicked or left: mark the chat inactive at once; unblocked or re-added: active again."""
        change = update.my_chat_member
        if change is None:
            return
        chat_id = str(change.chat.id)
        if change.new_chat_member.status in _GONE_STATUSES:
            await self._gone(chat_id, f"bot is now {change.new_chat_member.status}")
        else:
            await self._reactivate(chat_id)

    async def _on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        question = self.keys.decode(query.data) or _pressed_label(query)
        incoming = incoming_from_callback(query, question) if question else None
        try:
            # Always answer, so the client's spinner stops, even for a button we no longer know.
            await query.answer()
        except TelegramError as error:
            log.info("telegram: could not answer a callback query: %s", error)
        if incoming is None:
            if question is None:
                log.info("telegram: a button with unknown data %r was pressed", query.data)
            return
        await self._locks.run(incoming.chat_id, lambda: self._answer(incoming, None))

    async def _on_inline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.inline_query
        if query is None:
            return
        questions = [query.query.strip()] if query.query.strip() else []
        replies: list[tuple[str, Reply]] = []
        if questions:
            replies.append((questions[0], await self.core.handle(incoming_from_inline(query))))
            follow = [s.query for s in replies[0][1].suggestions if not s.query.startswith("/")]
        else:
            start = await self.core.handle(incoming_from_inline(query, "/start"))
            follow = [s.query for s in start.suggestions if not s.query.startswith("/")]
        for text in follow[: MAX_INLINE_RESULTS - len(replies)]:
            # The bot's own follow-ups: they must not spend the user's rate-limit tokens.
            reply = await self.core.handle(incoming_from_inline(query, text), limit=False)
            if reply.answered:
                replies.append((text, reply))
        results = [self._inline_result(str(n), question, reply) for n, (question, reply) in enumerate(replies)]
        try:
            await query.answer([r for r in results if r is not None], cache_time=30, is_personal=True)
        except TelegramError as error:
            log.info("telegram: could not answer an inline query: %s", error)

    def _inline_result(self, result_id: str, question: str, reply: Reply) -> InlineQueryResultArticle | None:
        chunks = render_html(reply.blocks)
        if not chunks:
            return None
        plain = reply.answer_text or render_plain(reply.blocks)
        return InlineQueryResultArticle(
            id=result_id,
            title=(reply.title or question)[:100],
            description=" ".join(plain.split())[:200],
            input_message_content=InputTextMessageContent(
                chunks[0],
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            ),
        )

    async def _answer(self, incoming: Incoming, reply_to: int | None) -> None:
        """Ask the core, then deliver; a delivery failure is logged, never raised into PTB."""
        await self._reactivate(incoming.chat_id)
        reply = await self.core.handle(incoming)
        try:
            await self._deliver(incoming.chat_id, reply, reply_to=reply_to, max_wait=self.max_flood_wait)
        except RecipientGone as error:
            log.info("telegram: chat %s is gone (%s); not replying", incoming.chat_id, error)
        except DeliveryError as error:
            log.warning("telegram: reply to chat %s not delivered: %s", incoming.chat_id, error)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Anything our handlers did not catch: one log line with the update, never a silent loss."""
        described = update.to_dict() if isinstance(update, Update) else repr(update)
        self._count("handler")
        log.error("telegram: failed to handle update %s", described, exc_info=context.error)

    def _on_polling_error(self, error: TelegramError) -> None:
        self._count("polling")
        log.warning("telegram: polling failed, PTB retries: %s", error)

    # -- outgoing ----------------------------------------------------------------------------------------

    async def send(self, chat_id: str, reply: Reply) -> None:
        """Sender: deliver `reply` to `chat_id`, waiting out short flood limits, else raise DeliveryError.

        A retry of a reply that failed part-way resumes after the messages already delivered.
        """
        await self._deliver(chat_id, reply, reply_to=None, max_wait=self.max_flood_wait, resume=True)

    def _keyboard(self, reply: Reply) -> InlineKeyboardMarkup | None:
        buttons = [
            [InlineKeyboardButton(s.label[:64], callback_data=self.keys.encode(s.query))]
            for s in reply.suggestions[:MAX_BUTTONS]
            if s.label.strip() and s.query.strip()
        ]
        return InlineKeyboardMarkup(buttons) if buttons else None

    async def _deliver(
        self, chat_id: str, reply: Reply, *, reply_to: int | None, max_wait: float, resume: bool = False
    ) -> None:
        chunks = render_html(reply.blocks)
        if not chunks:
            log.warning("telegram: an empty %s reply for chat %s was not sent", reply.kind, chat_id)
            return
        markup = self._keyboard(reply)
        target = chat_id
        key = self.progress.key(chat_id, chunks) if resume else None
        done = self.progress.delivered(key) if key else 0
        for number, chunk in enumerate(chunks):
            if number < done:
                continue
            last = number == len(chunks) - 1
            keyboard = markup if last else None
            answering = reply_to if number == 0 else None
            try:
                target = await self._send_text(target, chunk, ParseMode.HTML, keyboard, answering, max_wait)
            except _ParseRefused as error:
                log.warning("telegram: HTML refused for chat %s (%s); sending plain text", target, error)
                target = await self._send_text(target, html_to_text(chunk), None, keyboard, answering, max_wait)
            if key:
                self.progress.record(key, number + 1)
        if key:
            self.progress.finish(key)

    async def _send_text(
        self,
        chat_id: str,
        text: str,
        parse_mode: str | None,
        markup: InlineKeyboardMarkup | None,
        reply_to: int | None,
        max_wait: float,
    ) -> str:
        """One sendMessage under our error policy; returns the chat id, which a migration may change."""
        failures = 0
        floods = 0
        while True:
            try:
                await self.app.bot.send_message(
                    chat_id,
                    text,
                    parse_mode=parse_mode,
                    reply_markup=markup,
                    reply_parameters=(
                        ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
                    ),
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                )
                return chat_id
            except RetryAfter as error:
                wait = _retry_after(error)
                floods += 1
                self._count("flood")
                if wait > max_wait or floods > self.max_attempts:
                    raise RetryLater(wait, f"flood limit for chat {chat_id}: retry after {wait:g} s") from error
                log.warning("telegram: flood limit for chat %s, waiting %g s as told", chat_id, wait)
                await asyncio.sleep(wait)
            except ChatMigrated as error:
                new_id = str(error.new_chat_id)
                await self._moved(chat_id, new_id)
                chat_id = new_id
            except Forbidden as error:
                self._count("gone")
                await self._gone(chat_id, error.message)
                raise RecipientGone(error.message) from error
            except BadRequest as error:
                reason = error.message.lower()
                if parse_mode is not None and "parse entities" in reason:
                    self._count("parse")
                    raise _ParseRefused(error.message) from error
                if "chat not found" in reason or "user is deactivated" in reason:
                    self._count("gone")
                    await self._gone(chat_id, error.message)
                    raise RecipientGone(error.message) from error
                self._count("bad_request")
                raise DeliveryError(error.message) from error
            except NetworkError as error:  # TimedOut included; BadRequest is handled above
                failures += 1
                self._count("network")
                if failures >= self.max_attempts:
                    raise TemporaryFailure(f"chat {chat_id}: {error.message}") from error
                delay = self.backoff * 2 ** (failures - 1) * random.uniform(0.75, 1.25)
                log.warning(
                    "telegram: sending to chat %s failed (%s); retry %d in %.1f s",
                    chat_id,
                    error.message,
                    failures,
                    delay,
                )
                await asyncio.sleep(delay)
            except TelegramError as error:
                self._count("other")
                raise DeliveryError(error.message) from error

    def _count(self, kind: str) -> None:
        self.core.metrics.platform_error(PLATFORM, kind)

    # -- chat bookkeeping --------------------------------------------------------------------------------

    async def _gone(self, chat_id: str, reason: str) -> None:
        """Blocked or removed: mark the chat inactive, so broadcasts pause until it writes again."""
        log.info("telegram: chat %s no longer reachable (%s); marked inactive", chat_id, reason)
        await self.core.store.set_preference(PLATFORM, chat_id, INACTIVE_PREFERENCE, "1")
        if self.on_chat_gone is not None:
            await self.on_chat_gone(chat_id)

    async def _reactivate(self, chat_id: str) -> None:
        """Lift the inactive mark of a chat that talks to us again; never raises.

        It runs before every answer, and the core promises a reply whatever the database does: a failure
        here is logged and the mark stays until the chat's next message, but the user is still answered.
        """
        try:
            if await self.core.store.get_preference(PLATFORM, chat_id, INACTIVE_PREFERENCE):
                log.info("telegram: chat %s is writing again; marked active", chat_id)
                await self.core.store.set_preference(PLATFORM, chat_id, INACTIVE_PREFERENCE, None)
        except Exception:
            log.warning(
                "telegram: could not lift the inactive mark of chat %s; answering anyway", chat_id, exc_info=True
            )

    async def _moved(self, old_id: str, new_id: str) -> None:
        """A group became a supergroup: its chat-scoped state (the inactive mark) follows it to the new id.

        `/lang` is stored per user, not per chat, so there is no language to move: the members keep theirs.
        """
        log.info("telegram: chat %s migrated to %s", old_id, new_id)
        store = self.core.store
        value = await store.get_preference(PLATFORM, old_id, INACTIVE_PREFERENCE)
        if value is not None:
            await store.set_preference(PLATFORM, new_id, INACTIVE_PREFERENCE, value)
            await store.set_preference(PLATFORM, old_id, INACTIVE_PREFERENCE, None)
        if self.on_chat_moved is not None:
            await self.on_chat_moved(old_id, new_id)
