"""`radford-bot discord-sync` and start-up, against discord.py's HTTP client with the network faked."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import aiohttp
import discord
import discord.http
import pytest
from discord_harness import APP_ID, BOT_USER

from bot.adapters.discord_bot import DiscordAdapter
from bot.cli import main
from bot.settings import Settings

GUILD = 1320000000000000000
_ids = itertools.count(1380000000000000000)


class FakeAPI:
    """Answers the few REST routes a login and a sync use; records every request."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, Any]] = []
        self.unreachable = 0  # logins that fail as if Discord could not be reached

    async def request(self, http: discord.http.HTTPClient, route: discord.http.Route, **kwargs: Any) -> Any:
        body = kwargs.get("json")
        self.calls.append((route.method, route.path, body))
        if route.path == "/users/@me" and self.unreachable > 0:
            self.unreachable -= 1
            raise aiohttp.ClientConnectionError("Cannot connect to host discord.com:443")
        if route.path == "/users/@me":
            if http.token == "bad-token":
                raise discord.LoginFailure("Improper token has been passed.")
            return BOT_USER
        if route.path == "/oauth2/applications/@me":
            return {
                "id": str(APP_ID),
                "name": "radford-bot",
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": BOT_USER,
                "verify_key": "0" * 64,
                "flags": 0,
            }
        if route.path.endswith("/commands") and route.method == "PUT":
            guild = route.path.split("/guilds/")[1].split("/")[0] if "/guilds/" in route.path else None
            return [
                dict(
                    c,
                    id=str(next(_ids)),
                    application_id=str(APP_ID),
                    version="1",
                    **({"guild_id": str(GUILD)} if guild else {}),
                )
                for c in body
            ]
        raise AssertionError(f"unexpected request {route.method} {route.path}")

    def commands_put(self) -> list[tuple[str, str, Any]]:
        return [c for c in self.calls if c[0] == "PUT" and c[1].endswith("/commands")]


@pytest.fixture
def api(monkeypatch):
    fake = FakeAPI()

    async def request(http, route, **kwargs):
        return await fake.request(http, route, **kwargs)

    monkeypatch.setattr(discord.http.HTTPClient, "request", request)
    return fake


def test_discord_sync_to_a_guild_publishes_localized_commands(api, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DISCORD_BOT_TOKEN", "fake-token")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    monkeypatch.chdir(tmp_path)
    assert main(["discord-sync", "--guild", str(GUILD)]) == 0
    ((_, path, body),) = api.commands_put()
    assert path == "/applications/{application_id}/guilds/{guild_id}/commands"
    by_name = {c["name"]: c for c in body}
    assert {"ask", "who", "timeline", "help"} <= set(by_name)
    assert by_name["ask"]["description_localizations"]["fr"].startswith("Poser une question")
    (person,) = by_name["who"]["options"]
    assert person["autocomplete"] and not person["required"], "/who alone lists everyone the bot knows"
    assert person["description_localizations"]["fr"]
    (language,) = by_name["lang"]["options"]
    assert [c["value"] for c in language["choices"]] == ["en", "fr", "auto"]
    assert all(len(c["description"]) <= 100 for c in body)
    out = capsys.readouterr().out
    assert f"to server {GUILD}" in out and "/ask" in out
    assert "fake-token" not in out


def test_discord_sync_globally(api, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DISCORD_BOT_TOKEN", "fake-token")
    monkeypatch.chdir(tmp_path)
    assert main(["discord-sync"]) == 0
    ((_, path, _),) = api.commands_put()
    assert path == "/applications/{application_id}/commands"
    assert "globally" in capsys.readouterr().out


def test_discord_sync_needs_a_token(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("DISCORD_BOT_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["discord-sync"]) == 2
    assert "DISCORD_BOT_TOKEN" in capsys.readouterr().err


def test_discord_sync_reports_a_rejected_token(api, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DISCORD_BOT_TOKEN", "bad-token")
    monkeypatch.chdir(tmp_path)
    assert main(["discord-sync"]) == 1
    err = capsys.readouterr().err
    assert "rejected" in err and "bad-token" not in err


def test_discord_sync_rejects_a_malformed_guild_id(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit):
        main(["discord-sync", "--guild", "my-server"])


async def test_start_logs_in_and_never_syncs(api, monkeypatch, tmp_path):
    connected = []

    async def connect(self, *, reconnect: bool = True) -> None:
        connected.append(reconnect)

    monkeypatch.setattr(discord.Client, "connect", connect)
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'bot.db'}", discord_token="fake-token")
    adapter = DiscordAdapter(core=None, settings=settings)  # type: ignore[arg-type]
    await adapter.start()
    await adapter.stop()
    assert connected == [True]
    assert [c[1] for c in api.calls] == ["/users/@me", "/oauth2/applications/@me"]
    assert api.commands_put() == []
    assert not adapter.connected


def test_discord_sync_clear_removes_a_servers_copies(api, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DISCORD_BOT_TOKEN", "fake-token")
    monkeypatch.chdir(tmp_path)
    assert main(["discord-sync", "--guild", str(GUILD), "--clear"]) == 0
    ((_, path, body),) = api.commands_put()
    assert "/guilds/" in path and body == []
    assert main(["discord-sync", "--clear"]) == 2


async def test_a_rejected_token_stops_the_start_cleanly(api, tmp_path, caplog):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'bot.db'}", discord_token="bad-token")
    adapter = DiscordAdapter(core=None, settings=settings)  # type: ignore[arg-type]
    with pytest.raises(discord.LoginFailure):
        await adapter.start()
    assert adapter.client.is_closed()
    assert "rejected" in caplog.text and "bad-token" not in caplog.text


def test_the_guide_lists_every_published_command() -> None:
    """docs/discord.md §4 must name every slash command a sync publishes, or operators miss some."""
    from pathlib import Path

    from handlers.commands import visible_commands

    guide = (Path(__file__).parents[3] / "docs" / "discord.md").read_text(encoding="utf-8")
    section = guide.split("## 4.", 1)[1].split("\n## ", 1)[0]
    missing = [c.name for c in visible_commands() if f"`/{c.name}`" not in section]
    assert missing == []


async def test_discord_unreachable_at_start_is_retried_while_the_other_platform_serves(api, monkeypatch, tmp_path):
    from bot.runtime import run_platforms

    connected: list[bool] = []

    async def connect(self, *, reconnect: bool = True) -> None:
        connected.append(reconnect)

    monkeypatch.setattr(discord.Client, "connect", connect)
    api.unreachable = 2
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'bot.db'}", discord_token="fake-token")
    adapter = DiscordAdapter(core=None, settings=settings)  # type: ignore[arg-type]

    class Other:
        name = "telegram"
        started = False

        async def start(self) -> None:
            self.started = True

        async def stop(self) -> None: ...

    other = Other()
    stop = asyncio.Event()
    run = asyncio.create_task(run_platforms([adapter, other], first_retry=0.05, stop=stop))  # type: ignore[list-item]
    for _ in range(200):
        if connected:
            break
        await asyncio.sleep(0.02)
    stop.set()
    assert await asyncio.wait_for(run, 10) == 0
    assert other.started
    assert [path for _, path, _ in api.calls].count("/users/@me") == 3, "two failed logins, then one that worked"
    assert connected == [True]
    assert adapter.status.last_error == "start failed: Cannot connect to host discord.com:443"
