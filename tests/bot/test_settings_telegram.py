"""Telegram settings: webhook URL and secret are checked at start, with a message naming the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError

NO_FILE = Path("/nonexistent/.env")


def test_webhook_settings_are_read() -> None:
    settings = Settings.from_env({"TELEGRAM_BOT_TOKEN": "1:abc", "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/hook",
                                  "TELEGRAM_WEBHOOK_SECRET": "s3cret_-X", "TELEGRAM_PORT": "8443"},
                                 env_file=NO_FILE)  # fmt: skip
    assert settings.telegram_webhook_url == "https://bot.example.org/hook"
    assert settings.telegram_webhook_secret == "s3cret_-X"
    assert "s3cret" not in repr(settings) and "1:abc" not in repr(settings)
    assert "s3cret_-X" in settings.secrets


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TELEGRAM_WEBHOOK_URL", "http://bot.example.org/hook"),
        ("TELEGRAM_WEBHOOK_SECRET", "has spaces"),
        ("TELEGRAM_WEBHOOK_SECRET", "x" * 257),
        ("TELEGRAM_API_BASE_URL", "127.0.0.1:8081/bot"),
        ("TELEGRAM_BOT_TOKEN", "no-colon"),
        ("TELEGRAM_PORT", "99999"),
    ],
)
def test_bad_telegram_settings_name_the_variable(name: str, value: str) -> None:
    env = {"TELEGRAM_BOT_TOKEN": "1:abc", name: value}
    with pytest.raises(SettingsError, match=name):
        Settings.from_env(env, env_file=NO_FILE)


def test_a_webhook_without_a_secret_is_refused_naming_the_secret() -> None:
    """Without the secret, anyone who learns the webhook URL can post forged updates (an admin's included)."""
    env = {"TELEGRAM_BOT_TOKEN": "1:abc", "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/hook"}
    with pytest.raises(SettingsError, match="TELEGRAM_WEBHOOK_SECRET") as refused:
        Settings.from_env(env, env_file=NO_FILE)
    assert "\n" not in str(refused.value)
    assert Settings.from_env({**env, "TELEGRAM_WEBHOOK_SECRET": "s3cret"}, env_file=NO_FILE).telegram_webhook_secret
