"""The process: every configured platform in one event loop, a clean stop on SIGTERM or Ctrl-C.

Each platform starts on its own: one that cannot be reached (Telegram down, no network yet) is retried
with backoff for as long as the process runs, one log line per attempt, while the others serve and
`/healthz` reports it down. Only what retrying cannot fix — a refused token — stops the run.
With no platform token the bot still runs — as the console chat — after saying which variables to set.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.adapters.base import Adapter
from bot.background import Background, senders_of
from bot.core import Core
from bot.ratelimit import QuestionLimits, SharedQuestionLimits
from bot.settings import Settings
from handlers.memory import SharedConversationMemory
from knowledge.store import engine_of

if TYPE_CHECKING:
    from bot.health import HealthServer

log = logging.getLogger(__name__)
FIRST_RETRY = 1.0  # seconds before the second try to start a platform; doubled after each failure…
MAX_RETRY = 60.0  # …up to this

PLATFORM_SETUP_HINT = """\
No platform token is set, so the bot starts as a console chat.
To put it on a platform, set one or both of these (in the environment or a .env file):
  TELEGRAM_BOT_TOKEN  — talk to @BotFather on Telegram, send /newbot, and copy the token it gives you
  DISCORD_BOT_TOKEN   — https://discord.com/developers/applications → your app → Bot → Reset Token
"""


def build_adapters(core: Core, settings: Settings) -> list[Adapter]:
    """Platform adapters for every configured token; their libraries are imported only here."""
    adapters: list[Adapter] = []
    grace = float(settings.health_grace)
    if settings.telegram_token:
        from bot.adapters.telegram import TelegramAdapter

        adapters.append(TelegramAdapter(core, settings, health_grace=grace))
    if settings.discord_token:
        from bot.adapters.discord_bot import DiscordAdapter

        adapters.append(DiscordAdapter(core, settings, health_grace=grace))
    return adapters


def background_for(core: Core, settings: Settings, senders: list[object]) -> Background:
    """Broadcasters for the platforms that can send, the feed poller and the knowledge watcher."""
    return Background(
        core,
        senders_of(senders),
        settings.database_url,
        feeds=settings.feeds,
        feeds_allow_http=settings.feeds_allow_http,
        feed_interval=settings.feed_interval,
        retention=settings.outbox_retention_days * 86400.0,
        broadcasters_sharing=settings.broadcast_processes,
    )


async def run_console(core: Core, settings: Settings | None = None) -> None:
    from platformdirs import user_data_dir

    from bot.adapters.console import ConsoleChat, ConsoleSender, PipedInput, TerminalInput, history_path, interactive
    from bot.settings import default_database_url
    from knowledge.store import StoreURLError, sqlite_path

    # History sits beside the store this chat uses, so DATABASE_URL decides where everything lives.
    url = settings.database_url if settings else default_database_url()
    try:
        store_path: Path | None = sqlite_path(url)
    except StoreURLError:  # a server database: the history goes to the user's data directory
        store_path = None
    history = history_path(store_path, Path(user_data_dir("radford-bot", appauthor=False)))
    # The terminal is the conversation: routine INFO lines would interleave with it.
    root = logging.getLogger()
    if root.level == logging.INFO:  # an explicit DEBUG still shows everything
        for handler in root.handlers:
            handler.setLevel(logging.WARNING)
    background = background_for(core, settings, [ConsoleSender()]) if settings else None
    if background:
        await background.start()
    try:
        if interactive():
            terminal = TerminalInput(history)
            with terminal.printing_above():
                await ConsoleChat(core, read_line=terminal).run()
        else:
            await ConsoleChat(core, read_line=PipedInput()).run()
    finally:
        if background:
            await background.stop()


def share_state(core: Core, settings: Settings) -> None:
    """Rate limits and follow-up memory: in the process on SQLite (one host, as before), in the store on
    PostgreSQL, where replicas share it and a user's consecutive messages may reach different ones."""
    if engine_of(settings.database_url) == "postgresql":
        core.limits = SharedQuestionLimits(core.store, settings.rate_limit_user, settings.rate_limit_chat)
        core.memory = SharedConversationMemory(core.store)
    else:
        core.limits = QuestionLimits(settings.rate_limit_user, settings.rate_limit_chat)


async def run(settings: Settings) -> int:
    core = await Core.open(settings.database_url, admin_ids=settings.admin_ids)
    share_state(core, settings)
    try:
        adapters = build_adapters(core, settings)
        if not adapters:
            sys.stderr.write(PLATFORM_SETUP_HINT + "\n")
            await run_console(core, settings)
            return 0
        background = background_for(core, settings, list(adapters))
        health = await start_health(core, adapters, settings, background)
        try:
            return await run_platforms(adapters, background)
        finally:
            if health is not None:
                await health.stop()
    finally:
        await core.close()


async def start_health(
    core: Core, adapters: list[Adapter], settings: Settings, background: Background | None = None
) -> HealthServer | None:
    """/healthz and /metrics, only when HEALTH_PORT is set."""
    if settings.health_port is None:
        return None
    from bot.health import HealthServer, broadcast_collector

    if background is not None:
        core.metrics.add_collector(broadcast_collector(background))

    server = HealthServer(core, adapters, settings.health_host, settings.health_port)
    await server.start()
    return server


async def run_platforms(
    adapters: list[Adapter],
    background: Background | None = None,
    *,
    first_retry: float = FIRST_RETRY,
    max_retry: float = MAX_RETRY,
    stop: asyncio.Event | None = None,
) -> int:
    """Run until SIGTERM or Ctrl-C (or `stop` is set); raises an adapter's fatal start error."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    started: list[Adapter] = []
    fatal: list[BaseException] = []

    async def bring_up(adapter: Adapter) -> None:
        try:
            if await start_with_retry(adapter, stop, first_retry=first_retry, max_retry=max_retry):
                started.append(adapter)
        except Exception as error:  # one of the adapter's fatal errors: a refused token
            fatal.append(error)
            stop.set()

    starting = [asyncio.create_task(bring_up(adapter), name=f"start-{adapter.name}") for adapter in adapters]
    try:
        if background:
            await background.start()
        await stop.wait()
        log.info("stopping")
    finally:
        for task in starting:
            task.cancel()
        await asyncio.gather(*starting, return_exceptions=True)
        if background:
            await background.stop()
        for adapter in reversed(started):
            try:
                await adapter.stop()
            except Exception:
                log.exception("%s adapter did not stop cleanly", adapter.name)
    if fatal:
        raise fatal[0]
    return 0


async def start_with_retry(adapter: Adapter, stop: asyncio.Event, *, first_retry: float, max_retry: float) -> bool:
    """Start `adapter`, retrying with doubling delays until it starts (True) or the run stops (False).

    Errors the adapter declares fatal (`fatal_errors`) are raised: no number of retries fixes a token.
    """
    fatal: tuple[type[Exception], ...] = getattr(adapter, "fatal_errors", ())
    delay = first_retry
    while not stop.is_set():
        try:
            await adapter.start()
        except fatal:
            raise
        except Exception as error:
            status = getattr(adapter, "status", None)
            if status is not None:
                status.failed(f"start failed: {error}")
            log.warning("%s: could not start (%s); trying again in %g s", adapter.name, error, delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
            delay = min(delay * 2, max_retry)
            continue
        log.info("%s adapter started", adapter.name)
        return True
    return False
