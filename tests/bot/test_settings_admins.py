"""ADMIN_IDS name each admin with their platform: the same digits on another platform are someone else."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.cli import main
from bot.core import Core
from bot.settings import Settings, SettingsError
from handlers.admin import is_admin
from handlers.markup import render_plain
from handlers.types import Incoming

NO_FILE = Path("/nonexistent/.env")


def test_ids_carry_their_platform() -> None:
    settings = Settings.from_env({"ADMIN_IDS": "telegram:123, Discord:456"}, env_file=NO_FILE)
    assert settings.admin_ids == frozenset({"telegram:123", "discord:456"})
    assert settings.warnings == ()


def test_a_bare_id_counts_for_telegram_only_with_a_warning() -> None:
    settings = Settings.from_env({"ADMIN_IDS": "123"}, env_file=NO_FILE)
    assert settings.admin_ids == frozenset({"telegram:123"})
    [warning] = settings.warnings
    assert "ADMIN_IDS" in warning and "telegram" in warning and "telegram:123" in warning


@pytest.mark.parametrize("value", ["matrix:12", "telegram:", "telegram:abc", ":12"])
def test_unknown_platforms_and_bad_ids_are_refused(value: str) -> None:
    with pytest.raises(SettingsError, match="ADMIN_IDS"):
        Settings.from_env({"ADMIN_IDS": value}, env_file=NO_FILE)


def test_a_discord_user_with_a_telegram_admins_number_is_no_admin() -> None:
    """The attack: Discord user 123 was an admin because Telegram admin 123 has the same number."""
    admins = Settings.from_env({"ADMIN_IDS": "123"}, env_file=NO_FILE).admin_ids
    assert is_admin(admins, Incoming("telegram", "123", "123"))
    assert not is_admin(admins, Incoming("discord", "999", "123"))
    discord_admins = Settings.from_env({"ADMIN_IDS": "discord:123"}, env_file=NO_FILE).admin_ids
    assert is_admin(discord_admins, Incoming("discord", "999", "123"))
    assert not is_admin(discord_admins, Incoming("telegram", "123", "123"))


async def test_the_core_refuses_addarticle_to_the_same_number_on_another_platform(core: Core) -> None:
    core.admin_ids = frozenset({"telegram:123"})
    forged = await core.handle(Incoming.from_text("discord", "5", "123", "/addarticle Title\n\nOpenAI said so."))
    assert forged.kind == "decline" and "administrators" in render_plain(forged.blocks)
    assert not [f for f in core.knowledge.facts if f.source.startswith("article-")]


def test_the_warning_reaches_the_log_at_start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ADMIN_IDS", "77")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    logging.getLogger().handlers.clear()
    assert main(["subscribers"]) == 0
    err = capsys.readouterr().err
    assert "ADMIN_IDS" in err and "telegram:77" in err
