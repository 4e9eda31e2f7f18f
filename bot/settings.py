"""Typed settings from the environment (and a `.env` file beside the working directory).

Read once at start; a wrong value stops the start with a message naming the variable and why, instead of
a traceback later. Tokens are kept out of `repr` so they can never reach a log line.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

from knowledge.store import StoreURLError, engine_of, sqlite_path

ENV_FILE = ".env"
_WEBHOOK_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class SettingsError(ValueError):
    """A setting that cannot be used; the message names the variable."""


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; `#` comments, `export ` prefixes and surrounding quotes allowed."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :]
        key, sep, value = line.partition("=")
        if not sep or not key.strip().isidentifier():
            raise SettingsError(f"{path}:{number}: expected KEY=VALUE")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def default_database_url() -> str:
    return "sqlite:///" + str(Path(user_data_dir("radford-bot", appauthor=False)) / "bot.db")


def _store_path_problem(path: Path) -> str | None:
    """Why the store cannot live at `path`, seen without touching the disk (None when it may)."""
    path = path.expanduser()
    if path.is_dir():
        return "is a directory, not a database file"
    for parent in path.parents:
        if parent.exists():
            return None if parent.is_dir() else "not a directory"
    return None


def _int(env: Mapping[str, str], name: str, default: int, *, low: int = 0, high: int = 1 << 31) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name} must be between {low} and {high}, not {value}")
    return value


def _urls(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    """Feed URLs separated by commas, semicolons or spaces; each must be http(s)."""
    urls = [part for part in env.get(name, "").replace(",", " ").replace(";", " ").split() if part]
    for url in urls:
        if not url.startswith(("http://", "https://")):
            raise SettingsError(f"{name} must list http:// or https:// URLs, not {url!r}")
    return tuple(dict.fromkeys(urls))


ADMIN_PLATFORMS = ("telegram", "discord")
BARE_ADMIN_PLATFORM = "telegram"  # what a bare id in ADMIN_IDS means, as it did before ids named a platform


def _admin_ids(env: Mapping[str, str], name: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """`telegram:123, discord:456` as user keys (`platform:id`), plus a warning per bare id.

    A Discord user whose id has the same digits as a Telegram admin's must not be an admin, so an id counts
    on its platform only. A bare id keeps working, for Telegram only, and the start logs how to write it.
    """
    raw = env.get(name, "")
    keys: list[str] = []
    notes: list[str] = []
    for item in (part.strip() for part in raw.replace(";", ",").split(",")):
        if not item:
            continue
        platform, sep, user = item.rpartition(":")
        platform = platform.strip().lower()
        user = user.strip()
        if (sep and platform not in ADMIN_PLATFORMS) or not user.lstrip("-").isdigit():
            raise SettingsError(f"{name} must list ids such as telegram:123 or discord:456, not {item!r}")
        if not sep:
            platform = BARE_ADMIN_PLATFORM
            notes.append(
                f"{name}: the bare id {user} counts for {platform} only; write {platform}:{user} (or discord:{user})"
            )
        keys.append(f"{platform}:{user}")
    return frozenset(keys), tuple(notes)


def _host(env: Mapping[str, str], name: str, default: str) -> str:
    """An address to listen on: an IP literal (127.0.0.1, ::1, 0.0.0.0) or localhost."""
    raw = env.get(name, "").strip() or default
    if raw != "localhost":
        try:
            ipaddress.ip_address(raw)
        except ValueError:
            raise SettingsError(f"{name} must be an IP address such as 127.0.0.1 or 0.0.0.0, not {raw!r}") from None
    return raw


def _shard_ids(env: Mapping[str, str], count: int | None) -> tuple[int, ...]:
    """DISCORD_SHARD_IDS: the shards this process runs (`0,1` or `0-3`), each below DISCORD_SHARD_COUNT."""
    raw = env.get("DISCORD_SHARD_IDS", "").strip()
    if not raw:
        return ()
    if count is None:
        raise SettingsError("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT (the total number of shards)")
    ids: list[int] = []
    for part in (p.strip() for p in raw.split(",")):
        low, sep, high = part.partition("-")
        if not low.strip().isdigit() or (sep and not high.strip().isdigit()):
            raise SettingsError(f"DISCORD_SHARD_IDS must list shard numbers like 0,1 or 0-3, not {part!r}")
        first, last = int(low), int(high) if sep else int(low)
        if first > last or last >= count:
            raise SettingsError(f"DISCORD_SHARD_IDS: {part!r} is not within 0-{count - 1} (the shard count)")
        ids.extend(range(first, last + 1))
    return tuple(dict.fromkeys(ids))


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    log_level: str = "INFO"
    log_json: bool = False
    telegram_token: str | None = field(default=None, repr=False)
    telegram_api_base_url: str | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: str | None = field(default=None, repr=False)
    telegram_listen: str = "127.0.0.1"
    telegram_port: int = 8443
    discord_token: str | None = field(default=None, repr=False)
    discord_shard_count: int | None = None
    discord_shard_ids: tuple[int, ...] = ()
    admin_ids: frozenset[str] = frozenset()
    health_port: int | None = None
    health_host: str = "127.0.0.1"
    health_grace: int = 90
    rate_limit_user: int = 20
    rate_limit_chat: int = 60
    feeds: tuple[str, ...] = ()
    feeds_allow_http: frozenset[str] = frozenset()
    feed_interval: int = 900
    warnings: tuple[str, ...] = ()  # logged once logging is set up (the CLI does it)
    outbox_retention_days: int = 30
    broadcast_processes: int = 1

    @property
    def platforms(self) -> list[str]:
        return [name for name, token in (("telegram", self.telegram_token), ("discord", self.discord_token)) if token]

    @property
    def secrets(self) -> list[str]:
        """Values that must never appear in a log line."""
        return [s for s in (self.telegram_token, self.discord_token, self.telegram_webhook_secret) if s]

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, *, env_file: Path | None = None, platforms: bool = True
    ) -> Settings:
        """`platforms=False` for commands that never connect to a platform (`ask`, `chat`, `facts`, …): a
        malformed token then stops only `run` and `discord-sync`, the commands that use it."""
        env = dict(read_env_file(env_file if env_file is not None else Path.cwd() / ENV_FILE))
        env.update(os.environ if environ is None else environ)
        level = env.get("LOG_LEVEL", "INFO").strip().upper() or "INFO"
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise SettingsError(f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {level!r}")
        url = env.get("DATABASE_URL", "").strip() or default_database_url()
        try:
            # The store's own reading of the URL: one rule, checked at start (and, for a file, its directory).
            store = sqlite_path(url) if engine_of(url) == "sqlite" else None
        except StoreURLError as error:
            raise SettingsError(f"DATABASE_URL: {error}") from None
        if store is not None and (problem := _store_path_problem(store)):
            raise SettingsError(f"DATABASE_URL: {store}: {problem}")
        telegram = env.get("TELEGRAM_BOT_TOKEN", "").strip() or None
        if platforms and telegram and ":" not in telegram:
            raise SettingsError("TELEGRAM_BOT_TOKEN does not look like a BotFather token (digits:letters)")
        base_url = env.get("TELEGRAM_API_BASE_URL", "").strip() or None
        if base_url and not base_url.startswith(("http://", "https://")):
            raise SettingsError("TELEGRAM_API_BASE_URL must start with http:// or https://")
        webhook = env.get("TELEGRAM_WEBHOOK_URL", "").strip() or None
        if webhook and not webhook.startswith("https://"):
            raise SettingsError("TELEGRAM_WEBHOOK_URL must start with https:// (Telegram calls HTTPS only)")
        webhook_secret = env.get("TELEGRAM_WEBHOOK_SECRET", "").strip() or None
        if webhook_secret and not _WEBHOOK_SECRET.match(webhook_secret):
            raise SettingsError("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters: A-Z, a-z, 0-9, _ or -")
        if webhook and not webhook_secret:
            # Without it anyone who finds the URL can post forged updates, admins' included.
            raise SettingsError("TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL (1-256 of A-Za-z0-9_-)")
        log_format = env.get("LOG_FORMAT", "").strip().lower()
        if log_format not in {"", "text", "json"}:
            raise SettingsError(f"LOG_FORMAT must be text or json, not {log_format!r}")
        discord = env.get("DISCORD_BOT_TOKEN", "").strip() or None
        if platforms and discord and any(c.isspace() for c in discord):
            raise SettingsError("DISCORD_BOT_TOKEN must be the token alone, without spaces or a 'Bot ' prefix")
        shards = env.get("DISCORD_SHARD_COUNT", "").strip()
        shard_count = _int(env, "DISCORD_SHARD_COUNT", 1, low=1) if shards else None
        health = env.get("HEALTH_PORT", "").strip()
        admin_ids, admin_notes = _admin_ids(env, "ADMIN_IDS")
        feeds = _urls(env, "FEEDS")
        allow_http = frozenset(_urls(env, "FEEDS_ALLOW_HTTP"))
        for url in feeds:
            if url.startswith("http://") and url not in allow_http:
                raise SettingsError(
                    f"FEEDS: {url} is plain http, which anyone on the way can alter; use https, or list it in "
                    "FEEDS_ALLOW_HTTP as well to accept it"
                )
        return cls(
            database_url=url,
            log_level=level,
            log_json=log_format == "json",
            telegram_token=telegram,
            telegram_api_base_url=base_url,
            telegram_webhook_url=webhook,
            telegram_webhook_secret=webhook_secret,
            telegram_listen=_host(env, "TELEGRAM_LISTEN", "127.0.0.1"),
            telegram_port=_int(env, "TELEGRAM_PORT", 8443, low=1, high=65535),
            discord_token=discord,
            discord_shard_count=shard_count,
            discord_shard_ids=_shard_ids(env, shard_count),
            admin_ids=admin_ids,
            health_port=_int(env, "HEALTH_PORT", 0, low=1, high=65535) if health else None,
            health_host=_host(env, "HEALTH_HOST", "127.0.0.1"),
            health_grace=_int(env, "HEALTH_GRACE", 90, low=1, high=86_400),
            rate_limit_user=_int(env, "RATE_LIMIT_PER_USER", 20, low=0, high=10_000),
            rate_limit_chat=_int(env, "RATE_LIMIT_PER_CHAT", 60, low=0, high=10_000),
            feeds=feeds,
            feeds_allow_http=allow_http,
            feed_interval=_int(env, "FEED_INTERVAL", 900, low=60, high=7 * 86400),
            warnings=admin_notes,
            outbox_retention_days=_int(env, "OUTBOX_RETENTION_DAYS", 30, low=1, high=3650),
            broadcast_processes=_int(env, "BROADCAST_PROCESSES", 1, low=1, high=1000),
        )
