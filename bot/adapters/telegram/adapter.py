"""The Telegram adapter: python-telegram-bot's Application around our core, by polling or by webhook.

It is both the runtime's `Adapter` and the broadcaster's `Sender`. Every reply goes through one delivery
path that turns Telegram's errors into our policy: wait out flood limits, follow migrated groups, give up
on chats that blocked us, fall back to plain text when Telegram refuses our HTML, retry network errors.
Handlers never wait on Telegram: they queue the chat's work (`ChatQueues`) and return, so a chat waiting
out a flood limit holds neither one of PTB's update slots nor anyone else's reply.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
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
    InlineQuery,
    InlineQueryResultArticle,
    InputFile,
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
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from bot.adapters.attachments import MAX_ATTACHMENT_BYTES, decode_text, is_text_document
from bot.adapters.base import DeliveryError, RecipientGone, RetryLater, TemporaryFailure
from bot.adapters.chatqueue import ChatQueues
from bot.adapters.progress import ChunkProgress
from bot.adapters.status import DEFAULT_GRACE, PlatformStatus
from bot.adapters.telegram.admins import ChatAdmins
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
from bot.core import Core, is_quiet
from bot.lease import Lease
from bot.settings import Settings
from handlers.admin import is_admin
from handlers.commands import visible_commands
from handlers.i18n import DEFAULT, SUPPORTED, catalog
from handlers.markup import para, render_plain
from handlers.types import Incoming, Reply
from knowledge.ingest import MAX_ARTICLE_CHARS
from knowledge.subscriptions import INACTIVE_PREFERENCE

log = logging.getLogger(__name__)

MAX_INLINE_RESULTS = 5
STARTERS_TTL = 300.0  # seconds the empty inline query's answers are reused, per language
MAX_BUTTONS = 5
ChatGone = Callable[[str], Awaitable[None]]
ChatMoved = Callable[[str, str], Awaitable[None]]
_ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY, Update.MY_CHAT_MEMBER]
_GONE_STATUSES = {ChatMember.BANNED, ChatMember.LEFT}


class TelegramStartError(ConnectionError):
    """The bot could not log in to Telegram. A ConnectionError, so the CLI reports it as one clear line."""


class TelegramTokenRefused(TelegramStartError):
    """Telegram refused the token: retrying cannot help, the operator must fix TELEGRAM_BOT_TOKEN."""


class _WatchedPolls(HTTPXRequest):
    """The request getUpdates goes through, reporting each poll's outcome to the adapter's status.

    A 409 Conflict (another instance polls with the same token) or a 5xx is an answer PTB retries
    forever in silence; the health check needs to know the polls stopped working.
    """

    def __init__(self, on_result: Callable[[int | None, bytes], None], timeout: float) -> None:
        super().__init__(
            connection_pool_size=1,
            connect_timeout=timeout,
            read_timeout=timeout,
            write_timeout=timeout,
            pool_timeout=timeout,
        )
        self._on_result = on_result

    async def do_request(self, *args: object, **kwargs: object) -> tuple[int, bytes]:
        try:
            code, payload = await super().do_request(*args, **kwargs)  # type: ignore[arg-type]
        except Exception as error:
            self._on_result(None, type(error).__name__.encode())
            raise
        self._on_result(code, payload)
        return code, payload


def _poll_failure(code: int | None, payload: bytes) -> str:
    """A short reason for a failed poll: the HTTP status and Telegram's description, else the exception."""
    if code is None:
        return f"getUpdates failed: {payload.decode(errors='replace')}"
    try:
        described = str(json.loads(payload).get("description", ""))
    except (ValueError, AttributeError):
        described = ""
    return f"getUpdates answered HTTP {code}" + (f": {described}" if described else "")


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


class TelegramAdapter:
    """Adapter and Sender for Telegram. Timeouts and retry counts are arguments so tests can shrink them."""

    name = "telegram"
    platform = PLATFORM
    fatal_errors: tuple[type[Exception], ...] = (TelegramTokenRefused,)  # the runtime retries anything else

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
        stop_grace: float = 10.0,
        health_grace: float = DEFAULT_GRACE,
        poller_lease: float = 30.0,
        on_chat_gone: ChatGone | None = None,
        on_chat_moved: ChatMoved | None = None,
    ) -> None:
        if not settings.telegram_token:
            raise ValueError("TelegramAdapter needs TELEGRAM_BOT_TOKEN")
        if settings.telegram_webhook_url and not settings.telegram_webhook_secret:
            raise ValueError("TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL")
        self.core = core
        self.settings = settings
        self.request_timeout = request_timeout
        self.poll_timeout = poll_timeout
        self.max_attempts = max_attempts
        self.backoff = backoff
        self.max_flood_wait = max_flood_wait
        self.stop_grace = stop_grace  # seconds a stop lets queued replies go out before dropping them
        self.poller_lease = poller_lease
        self._lease: Lease | None = None
        self._unpolling: asyncio.Task[None] | None = None
        self.on_chat_gone = on_chat_gone
        self.on_chat_moved = on_chat_moved
        self.keys = CallbackKeys()
        self.progress = ChunkProgress()
        self.chat_admins = ChatAdmins(self._member_status)
        self._starters: dict[str, tuple[float, list[tuple[str, Reply]]]] = {}
        self._queues = self._new_queues()
        self._status = PlatformStatus(health_grace)
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
        polls = _WatchedPolls(self._polled, timeout)
        builder = (
            builder.connect_timeout(timeout)
            .read_timeout(timeout)
            .write_timeout(timeout)
            .pool_timeout(timeout)
            .get_updates_request(polls)
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

    def _new_queues(self) -> ChatQueues:
        return ChatQueues(
            "telegram", on_drop=lambda _chat: self._count("queue_full"), on_error=lambda _chat: self._count("handler")
        )

    @property
    def webhook(self) -> bool:
        return bool(self.settings.telegram_webhook_url)

    async def start(self) -> None:
        """Log in (getMe), register the commands, then poll or serve the webhook, keeping pending updates."""
        app = self._build()
        if self._queues.stopping.is_set():
            self._queues = self._new_queues()  # started again after a stop
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
        self._status.ok()

    async def _log_in(self, app: Application) -> None:  # type: ignore[type-arg]
        """getMe, retried with backoff while the network fails; a clear error (never the token) otherwise."""
        failures = 0
        while True:
            try:
                await app.initialize()
                return
            except InvalidToken:
                self._status.failed("Telegram refused TELEGRAM_BOT_TOKEN")
                await app.bot.shutdown()
                raise TelegramTokenRefused(
                    "Telegram refused TELEGRAM_BOT_TOKEN; copy it again from @BotFather (/mybots → API Token)"
                ) from None
            except NetworkError as error:
                failures += 1
                reason = error.message.replace(self.settings.telegram_token or "\0", "***")
                self._status.failed(f"getMe failed: {reason}")
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
        """Stop receiving, let queued replies go out for up to `stop_grace` seconds, close the HTTP client.

        A chat waiting out a flood limit gives up at once (its reply is dropped with a log line): a stop
        never waits for Telegram's window to pass.
        """
        app = self._app
        self._running = False
        lease, self._lease = self._lease, None
        if lease is not None:
            await lease.release()
        if app is None:
            return
        try:
            if app.updater is not None and app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()
            dropped = await self._queues.close(self.stop_grace)
            if dropped:
                log.warning("telegram: stopping; %d queued messages were not answered", dropped)
        finally:
            self._app = None
            await app.shutdown()

    @property
    def connected(self) -> bool:
        return self._running

    @property
    def status(self) -> PlatformStatus:
        """Polling: each getUpdates that returns is a success. A webhook receives updates only when
        Telegram has some, so there a running webhook server is the heartbeat."""
        if self._running and self.webhook:
            self._status.ok()
        return self._status

    def _polled(self, code: int | None, payload: bytes) -> None:
        if code == 200:
            self._status.ok()
        else:
            token = self.settings.telegram_token or "\0"
            self._status.failed(_poll_failure(code, payload).replace(token, "***"))

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
        incoming = self._with_admin_check(incoming)
        reply_to = message.message_id if incoming.chat_kind == "group" else None
        self._queues.put(incoming.chat_id, lambda: self._answer(incoming, reply_to))

    async def _on_document(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A .txt/.md file for `/addarticle`: its text becomes `Incoming.attachment` (admins only)."""
        message = update.message
        if message is None or message.document is None:
            return
        incoming = incoming_from_document(message, self.me)
        if incoming is None:
            return
        document = message.document
        reply_to = message.message_id if incoming.chat_kind == "group" else None

        async def work() -> None:
            answering = incoming
            # Only an admin's file is worth downloading; anyone else gets the handler's polite refusal.
            if is_admin(self.settings.admin_ids, answering) and is_text_document(
                document.mime_type, document.file_name
            ):
                text = await self._download_text(answering.chat_id, document)
                if text is None:
                    return
                answering = replace(answering, attachment=text)
            await self._answer(answering, reply_to)

        self._queues.put(incoming.chat_id, work)

    def _with_admin_check(self, incoming: Incoming) -> Incoming:
        """In a group, the core may ask whether the sender administers it (for /subscribe and the like)."""
        if incoming.chat_kind != "group":
            return incoming
        chat_id, user_id = incoming.chat_id, incoming.user_id
        return replace(incoming, is_chat_admin=lambda: self.chat_admins.is_admin(chat_id, user_id))

    async def _member_status(self, chat_id: str, user_id: str) -> str:
        member = await self.app.bot.get_chat_member(chat_id, int(user_id))
        return str(member.status)

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
        self._queues.put(incoming.chat_id, lambda: self._answer(incoming, None))

    async def _on_inline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.inline_query
        if query is None:
            return
        if query.query.strip():
            first = await self.core.handle(incoming_from_inline(query))
            replies = [(query.query.strip(), first), *(await self._follow_ups(query, first, 1))]
        else:
            replies = await self._starter_answers(query)
        results = [self._inline_result(str(n), question, reply) for n, (question, reply) in enumerate(replies)]
        try:
            await query.answer([r for r in results if r is not None], cache_time=30, is_personal=True)
        except TelegramError as error:
            log.info("telegram: could not answer an inline query: %s", error)

    async def _follow_ups(self, query: InlineQuery, reply: Reply, have: int) -> list[tuple[str, Reply]]:
        """Answers to the questions `reply` suggests, up to the result limit (not to the commands)."""
        follow = [s.query for s in reply.suggestions if not s.query.startswith("/")]
        found: list[tuple[str, Reply]] = []
        for text in follow[: MAX_INLINE_RESULTS - have]:
            # The bot's own follow-ups: they must not spend the user's rate-limit tokens.
            answer = await self.core.handle(incoming_from_inline(query, text), limit=False)
            if answer.answered:
                found.append((text, answer))
        return found

    async def _starter_answers(self, query: InlineQuery) -> list[tuple[str, Reply]]:
        """What the empty query offers: the same for everyone who speaks a language, so computed once per
        language every few minutes; it used to run the matcher four times, unlimited, per empty query."""
        lang = await self.core.resolve_lang(incoming_from_inline(query, "/start"))
        now = asyncio.get_running_loop().time()
        cached = self._starters.get(lang)
        if cached is not None and cached[0] > now:
            return cached[1]
        start = await self.core.handle(replace(incoming_from_inline(query, "/start"), locale=lang))
        answers = await self._follow_ups(query, start, 0)
        self._starters[lang] = (now + STARTERS_TTL, answers)
        return answers

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
        if is_quiet(reply):
            log.debug("telegram: chat %s was already told it is rate-limited; not replying", incoming.chat_id)
            return
        try:
            await self._deliver(incoming.chat_id, reply, reply_to=reply_to, max_wait=self.max_flood_wait)
        except RecipientGone as error:
            log.info("telegram: chat %s is gone (%s); not replying", incoming.chat_id, error)
        except DeliveryError as error:
            log.warning("telegram: reply to chat %s not delivered: %s", incoming.chat_id, error)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Anything our handlers did not catch: one log line, never a silent loss.

        It names the update and the chat, and carries the exception; never the message's text or the
        user's name (logs are kept and shipped further than the chats they come from).
        """
        self._count("handler")
        if isinstance(update, Update):
            chat = update.effective_chat
            log.error(
                "telegram: failed to handle update %s (chat %s)",
                update.update_id,
                chat.id if chat is not None else "none",
                exc_info=context.error,
            )
        else:
            log.error("telegram: failed outside an update (%s)", type(update).__name__, exc_info=context.error)

    def _on_polling_error(self, error: TelegramError) -> None:
        self._count("polling")
        log.warning("telegram: polling failed, PTB retries: %s", error)

    # -- outgoing ----------------------------------------------------------------------------------------

    async def send(self, chat_id: str, reply: Reply) -> None:
        """Sender: deliver `reply` to `chat_id`, waiting out short flood limits, else raise DeliveryError.

        A retry of a reply that failed part-way resumes after the messages already delivered.
        """
        if self._app is None:
            raise TemporaryFailure("the Telegram adapter is not started (yet)")
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
        if reply.chart is not None and done == 0:
            target = await self._send_chart(target, reply, reply_to, max_wait)
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

        async def send(target: str) -> object:
            return await self.app.bot.send_message(
                target,
                text,
                parse_mode=parse_mode,
                reply_markup=markup,
                reply_parameters=(ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None),
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )

        return await self._under_policy(chat_id, send, parse_mode, max_wait)

    async def _send_chart(self, chat_id: str, reply: Reply, reply_to: int | None, max_wait: float) -> str:
        """The reply's timeline picture as a photo, its title as the caption; the text follows it.

        Drawn in a worker thread (and cached), so the chats answered meanwhile never wait on it. A picture
        that cannot be drawn is logged and skipped: the text timeline still goes out.
        """
        chart = reply.chart
        if chart is None:
            return chat_id
        from handlers.pictures import draw

        try:
            drawing = await draw(chart)
        except Exception:
            log.exception("telegram: could not draw the timeline picture for chat %s", chat_id)
            return chat_id

        async def send(target: str) -> object:
            return await self.app.bot.send_photo(
                target,
                InputFile(drawing.png, filename=chart.filename),
                caption=chart.title[:1024],
                reply_parameters=(ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None),
            )

        return await self._under_policy(chat_id, send, None, max_wait)

    async def _under_policy(
        self, chat_id: str, send: Callable[[str], Awaitable[object]], parse_mode: str | None, max_wait: float
    ) -> str:
        """One Bot API call under our error policy: wait out short floods, follow migrations, retry the network."""
        failures = 0
        floods = 0
        while True:
            try:
                await send(chat_id)
                return chat_id
            except RetryAfter as error:
                wait = _retry_after(error)
                floods += 1
                self._count("flood")
                if wait > max_wait or floods > self.max_attempts or self._queues.stopping.is_set():
                    raise RetryLater(wait, f"flood limit for chat {chat_id}: retry after {wait:g} s") from error
                log.warning("telegram: flood limit for chat %s, waiting %g s as told", chat_id, wait)
                # Only this chat's worker (or a broadcaster) waits here; a stop cuts the wait short.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._queues.stopping.wait(), wait)
                if self._queues.stopping.is_set():
                    raise RetryLater(wait, f"stopping during a flood limit for chat {chat_id}") from error
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
