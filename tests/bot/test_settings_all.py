"""Every setting the bot reads: a good value is taken, a bad one stops the start naming the variable.

The table must cover every variable bot/settings.py reads (checked from its source), so a new setting
cannot arrive without its tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.settings import Settings, SettingsError
from tests.settings_variables import variables_read

NO_FILE = Path("/nonexistent/.env")

# variable: (a good value, the attribute, what it becomes, bad values); extra variables some values need.
CASES: dict[str, tuple[str, str, Any, list[str]]] = {
    "LOG_LEVEL": ("debug", "log_level", "DEBUG", ["LOUD", "5"]),
    "LOG_FORMAT": ("JSON", "log_json", True, ["yaml", "jsonl"]),
    "DATABASE_URL": (
        "sqlite:////tmp/x.db",
        "database_url",
        "sqlite:////tmp/x.db",
        ["postgresql://db/x?schema=X-Y", "sqlite:///:memory:", "sqlite://x.db"],
    ),
    "TELEGRAM_BOT_TOKEN": ("1:abc", "telegram_token", "1:abc", ["abc"]),
    "TELEGRAM_API_BASE_URL": (
        "http://127.0.0.1:8081/bot",
        "telegram_api_base_url",
        "http://127.0.0.1:8081/bot",
        ["127.0.0.1:8081/bot"],
    ),
    "TELEGRAM_WEBHOOK_URL": ("https://b.example/h", "telegram_webhook_url", "https://b.example/h", ["http://b/h"]),
    "TELEGRAM_WEBHOOK_SECRET": ("ab_-9", "telegram_webhook_secret", "ab_-9", ["a b", "x" * 257, "é"]),
    "TELEGRAM_LISTEN": ("0.0.0.0", "telegram_listen", "0.0.0.0", ["everywhere", "bot.example.org"]),
    "TELEGRAM_PORT": ("88", "telegram_port", 88, ["0", "65536", "https"]),
    "DISCORD_BOT_TOKEN": ("abc.def.ghi", "discord_token", "abc.def.ghi", ["Bot abc.def.ghi"]),
    "DISCORD_SHARD_COUNT": ("4", "discord_shard_count", 4, ["0", "four"]),
    "DISCORD_SHARD_IDS": ("0,2-3", "discord_shard_ids", (0, 2, 3), ["4", "3-1", "a"]),
    "ADMIN_IDS": (
        "telegram:1, discord:2;-3",
        "admin_ids",
        frozenset({"telegram:1", "discord:2", "telegram:-3"}),
        ["alice", "1,@bob", "slack:1", "discord:x"],
    ),
    "HEALTH_PORT": ("9100", "health_port", 9100, ["0", "70000", "x"]),
    "HEALTH_HOST": ("::1", "health_host", "::1", ["example.com", "1.2.3"]),
    "HEALTH_GRACE": ("30", "health_grace", 30, ["0", "soon", "1.5"]),
    "RATE_LIMIT_PER_USER": ("5", "rate_limit_user", 5, ["-1", "ten", "20000"]),
    "RATE_LIMIT_PER_CHAT": ("0", "rate_limit_chat", 0, ["-5", "1.5"]),
    "FEEDS": (
        "https://a.example/feed, http://b.example/rss",
        "feeds",
        ("https://a.example/feed", "http://b.example/rss"),
        ["ftp://a.example/feed", "a.example/feed", "http://c.example/rss"],
    ),
    "FEEDS_ALLOW_HTTP": (
        "http://b.example/rss",
        "feeds_allow_http",
        frozenset({"http://b.example/rss"}),
        ["b.example"],
    ),
    "FEED_INTERVAL": ("600", "feed_interval", 600, ["59", "soon"]),
    "OUTBOX_RETENTION_DAYS": ("7", "outbox_retention_days", 7, ["0", "week", "4000"]),
    "BROADCAST_PROCESSES": ("3", "broadcast_processes", 3, ["0", "three"]),
}
NEEDS = {
    "DISCORD_SHARD_IDS": {"DISCORD_SHARD_COUNT": "4"},
    "TELEGRAM_WEBHOOK_URL": {"TELEGRAM_WEBHOOK_SECRET": "s3cret"},
    "FEEDS": {"FEEDS_ALLOW_HTTP": "http://b.example/rss"},
}


def test_the_table_covers_every_variable_the_bot_reads() -> None:
    assert set(CASES) == variables_read()


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_good_value_is_taken(name: str) -> None:
    good, attribute, expected, _ = CASES[name]
    settings = Settings.from_env({**NEEDS.get(name, {}), name: good}, env_file=NO_FILE)
    assert getattr(settings, attribute) == expected


@pytest.mark.parametrize(("name", "bad"), [(name, bad) for name, case in sorted(CASES.items()) for bad in case[3]])
def test_a_bad_value_names_the_variable(name: str, bad: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({**NEEDS.get(name, {}), name: bad}, env_file=NO_FILE)


def test_defaults_without_any_variable() -> None:
    settings = Settings.from_env({}, env_file=NO_FILE)
    assert settings.platforms == [] and settings.health_port is None and settings.health_host == "127.0.0.1"
    assert (settings.rate_limit_user, settings.rate_limit_chat) == (20, 60)
    assert settings.telegram_listen == "127.0.0.1" and not settings.log_json


def test_shard_ids_need_a_shard_count() -> None:
    with pytest.raises(SettingsError, match="DISCORD_SHARD_COUNT"):
        Settings.from_env({"DISCORD_SHARD_IDS": "0"}, env_file=NO_FILE)


def test_a_bad_token_is_never_repeated_in_the_error() -> None:
    for name, value in (("TELEGRAM_BOT_TOKEN", "secret-no-colon"), ("DISCORD_BOT_TOKEN", "Bot secret.tok.en")):
        with pytest.raises(SettingsError) as caught:
            Settings.from_env({name: value}, env_file=NO_FILE)
        assert "secret" not in str(caught.value)


def test_the_cli_stops_with_exit_2_and_one_line_naming_the_variable(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HEALTH_PORT", "http")
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("radford-bot: configuration error: HEALTH_PORT must be a whole number")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_an_env_file_is_read_and_the_environment_wins(tmp_path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("# comment\nexport RATE_LIMIT_PER_USER=7\nHEALTH_PORT='9100'\n")
    settings = Settings.from_env({"HEALTH_PORT": "9200"}, env_file=env_file)
    assert settings.rate_limit_user == 7 and settings.health_port == 9200
    env_file.write_text("NOT A SETTING\n")
    with pytest.raises(SettingsError, match=r"\.env:1"):
        Settings.from_env({}, env_file=env_file)
