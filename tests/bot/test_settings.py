"""Settings from the environment and a .env file: typed values, clear errors naming the variable, no secret in repr."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, default_database_url, read_env_file

TELEGRAM = "123456:AAH-secret-telegram-token"
DISCORD = "MTA.discord-secret-token"


def no_file(tmp_path: Path) -> Path:
    return tmp_path / "missing.env"


def test_defaults_with_an_empty_environment(tmp_path: Path) -> None:
    settings = Settings.from_env({}, env_file=no_file(tmp_path))
    assert settings.database_url == default_database_url()
    assert settings.database_url.startswith("sqlite:///") and settings.database_url.endswith("bot.db")
    assert settings.log_level == "INFO" and settings.log_json is False
    assert settings.platforms == [] and settings.secrets == []
    assert settings.telegram_port == 8443 and settings.health_port is None
    assert settings.admin_ids == frozenset()


def test_values_from_a_mapping(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
            "LOG_LEVEL": " debug ",
            "LOG_FORMAT": "JSON",
            "TELEGRAM_BOT_TOKEN": TELEGRAM,
            "DISCORD_BOT_TOKEN": DISCORD,
            "DISCORD_SHARD_COUNT": "4",
            "DISCORD_SHARD_IDS": "0-1, 3",
            "ADMIN_IDS": "12, 34;56",
            "HEALTH_PORT": "8080",
        },
        env_file=no_file(tmp_path),
    )
    assert settings.database_url == f"sqlite:///{tmp_path / 'bot.db'}"
    assert settings.log_level == "DEBUG" and settings.log_json is True
    assert settings.platforms == ["telegram", "discord"]
    assert settings.discord_shard_count == 4 and settings.discord_shard_ids == (0, 1, 3)
    assert settings.admin_ids == frozenset({"telegram:12", "telegram:34", "telegram:56"})
    assert len(settings.warnings) == 3 and "telegram:12" in settings.warnings[0]
    assert settings.health_port == 8080


def test_a_dotenv_file_with_comments_quotes_and_export(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# the bot's settings\n"
        "\n"
        f'export TELEGRAM_BOT_TOKEN="{TELEGRAM}"\n'
        "DATABASE_URL='sqlite:////srv/bot/bot.db'\n"
        "   LOG_LEVEL = warning   \n"
        "  # an indented comment\n"
        "ADMIN_IDS=1,2\n",
        encoding="utf-8",
    )
    assert read_env_file(env_file) == {
        "TELEGRAM_BOT_TOKEN": TELEGRAM,
        "DATABASE_URL": "sqlite:////srv/bot/bot.db",
        "LOG_LEVEL": "warning",
        "ADMIN_IDS": "1,2",
    }
    settings = Settings.from_env({}, env_file=env_file)
    assert settings.telegram_token == TELEGRAM
    assert settings.database_url == "sqlite:////srv/bot/bot.db"
    assert settings.log_level == "WARNING"
    assert settings.admin_ids == frozenset({"telegram:1", "telegram:2"})


def test_the_environment_wins_over_the_dotenv_file(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("LOG_LEVEL=ERROR\nLOG_FORMAT=json\n", encoding="utf-8")
    settings = Settings.from_env({"LOG_LEVEL": "DEBUG"}, env_file=env_file)
    assert settings.log_level == "DEBUG"
    assert settings.log_json is True


def test_the_dotenv_file_in_the_working_directory_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text("LOG_LEVEL=ERROR\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert Settings.from_env({}).log_level == "ERROR"


def test_quotes_inside_a_value_are_kept(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("A=\"x\nB='it's'\nC=\"mismatched'\n", encoding="utf-8")
    assert read_env_file(env_file) == {"A": '"x', "B": "it's", "C": "\"mismatched'"}


@pytest.mark.parametrize("line", ["JUSTAWORD", "1BAD=x", "BAD KEY=x", "=value"])
def test_a_malformed_dotenv_line_says_where(tmp_path: Path, line: str) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(f"# ok\nLOG_LEVEL=INFO\n{line}\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"\.env:3: expected KEY=VALUE"):
        Settings.from_env({}, env_file=env_file)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("LOG_LEVEL", "verbose"),
        ("DATABASE_URL", "postgresql://user@host/db?pool=0"),
        ("DATABASE_URL", "sqlite:///:memory:"),
        ("DATABASE_URL", "sqlite://relative.db"),
        ("DATABASE_URL", "sqlite:///"),
        ("TELEGRAM_BOT_TOKEN", "no-colon"),
        ("TELEGRAM_API_BASE_URL", "ftp://example.org"),
        ("TELEGRAM_WEBHOOK_URL", "http://example.org/hook"),
        ("TELEGRAM_WEBHOOK_SECRET", "not allowed!"),
        ("TELEGRAM_PORT", "eighty"),
        ("TELEGRAM_PORT", "0"),
        ("TELEGRAM_PORT", "65536"),
        ("HEALTH_PORT", "-1"),
        ("HEALTH_PORT", "http"),
        ("DISCORD_SHARD_COUNT", "0"),
        ("DISCORD_SHARD_COUNT", "two"),
        ("DISCORD_SHARD_IDS", "0-3"),  # without DISCORD_SHARD_COUNT
        ("ADMIN_IDS", "12,alice"),
    ],
)
def test_each_invalid_value_names_its_variable(tmp_path: Path, name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value}, env_file=no_file(tmp_path))


@pytest.mark.parametrize("ids", ["4", "0-4", "3-1", "a", "1-x"])
def test_shard_ids_must_be_within_the_shard_count(tmp_path: Path, ids: str) -> None:
    with pytest.raises(SettingsError, match="DISCORD_SHARD_IDS"):
        Settings.from_env({"DISCORD_SHARD_COUNT": "4", "DISCORD_SHARD_IDS": ids}, env_file=no_file(tmp_path))


def test_an_invalid_value_in_the_dotenv_file_names_its_variable(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("TELEGRAM_PORT=lots\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="TELEGRAM_PORT"):
        Settings.from_env({}, env_file=env_file)


def test_secrets_are_not_in_repr(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"TELEGRAM_BOT_TOKEN": TELEGRAM, "DISCORD_BOT_TOKEN": DISCORD, "TELEGRAM_WEBHOOK_SECRET": "hook_secret_1"},
        env_file=no_file(tmp_path),
    )
    text = repr(settings) + str(settings)
    for secret in (TELEGRAM, DISCORD, "hook_secret_1"):
        assert secret not in text
    assert sorted(settings.secrets) == sorted([TELEGRAM, DISCORD, "hook_secret_1"])
    assert "database_url" in repr(settings)  # the rest is still there to debug with


def test_empty_values_mean_unset(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"TELEGRAM_BOT_TOKEN": "  ", "DATABASE_URL": "", "LOG_LEVEL": "", "HEALTH_PORT": " "},
        env_file=no_file(tmp_path),
    )
    assert settings.telegram_token is None
    assert settings.database_url == default_database_url()
    assert settings.log_level == "INFO"
    assert settings.health_port is None


def test_database_url_follows_the_stores_own_rule_a_bare_path_included() -> None:
    assert Settings.from_env({"DATABASE_URL": "/var/lib/radford-bot/bot.db"}, env_file=None).database_url.endswith(
        "bot.db"
    )
