"""Delivery (the Sender used by the broadcaster), sharding and settings of the Discord adapter."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import aiohttp
import discord
import pytest
from discord_harness import message_payload, offline_adapter

from bot.adapters.base import RecipientGone, RetryLater, TemporaryFailure
from bot.adapters.discord_bot import DiscordAdapter
from bot.adapters.discord_bot.client import RadfordClient, ShardedRadfordClient, make_client
from bot.settings import Settings, SettingsError
from handlers.markup import para
from handlers.types import Reply, Suggestion

CHANNEL = "1330000000000000000"
LEAVE = Suggestion("When did he leave?", "When did Alec Radford leave OpenAI?")
REPLY = Reply((para("Radford joined in 2016. @everyone"),), "en", kind="info", suggestions=(LEAVE,))


def http_error(kind: type[discord.HTTPException], status: int, code: int) -> discord.HTTPException:
    response = SimpleNamespace(status=status, reason="error")
    return kind(response, {"code": code, "message": "refused"})  # type: ignore[arg-type]


@pytest.fixture
async def bot():
    return await offline_adapter(core=None)


def fail_with(monkeypatch, bot, error: BaseException) -> None:
    async def send_message(channel_id, *, params):
        raise error

    monkeypatch.setattr(bot.client.http, "send_message", send_message)


async def test_send_delivers_with_no_mentions_and_buttons(monkeypatch, bot):
    sent = []

    async def send_message(channel_id, *, params):
        sent.append((channel_id, params.payload))
        return message_payload(params.payload, str(channel_id))

    monkeypatch.setattr(bot.client.http, "send_message", send_message)
    await bot.send(CHANNEL, REPLY)
    ((channel_id, payload),) = sent
    assert channel_id == int(CHANNEL)
    assert "@\u200beveryone" in payload["content"]
    assert payload["allowed_mentions"]["parse"] == []
    assert payload["components"][0]["components"][0]["custom_id"].startswith("rb:q:")


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (discord.Forbidden, 50007),
        (discord.Forbidden, 50013),
        (discord.Forbidden, 50001),
        (discord.NotFound, 10003),
    ],
)
async def test_closed_dms_and_missing_permissions_mean_the_recipient_is_gone(monkeypatch, bot, caplog, error, code):
    fail_with(monkeypatch, bot, http_error(error, 403 if error is discord.Forbidden else 404, code))
    with caplog.at_level(logging.WARNING), pytest.raises(RecipientGone):
        await bot.send(CHANNEL, REPLY)
    assert caplog.records
    if code == 50007:
        assert "closed their DMs" in caplog.text


async def test_a_long_rate_limit_asks_to_retry_later(monkeypatch, bot):
    fail_with(monkeypatch, bot, discord.RateLimited(120.0))
    with pytest.raises(RetryLater) as raised:
        await bot.send(CHANNEL, REPLY)
    assert raised.value.retry_after == 120.0


@pytest.mark.parametrize(
    "error",
    [http_error(discord.DiscordServerError, 502, 0), aiohttp.ClientConnectionError("reset"), TimeoutError()],
)
async def test_server_and_network_errors_are_temporary(monkeypatch, bot, error):
    fail_with(monkeypatch, bot, error)
    with pytest.raises(TemporaryFailure):
        await bot.send(CHANNEL, REPLY)


async def test_a_retry_after_a_partial_send_resumes_after_the_delivered_messages(monkeypatch, bot):
    sent = []
    calls = 0

    async def send_message(channel_id, *, params):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise http_error(discord.DiscordServerError, 502, 0)
        sent.append(params.payload["content"])
        return message_payload(params.payload, str(channel_id))

    monkeypatch.setattr(bot.client.http, "send_message", send_message)
    long = Reply((para(" ".join(f"Fact {n}: Radford joined OpenAI in 2016." for n in range(200))),), "en")
    with pytest.raises(TemporaryFailure):
        await bot.send(CHANNEL, long)
    assert len(sent) == 1
    await bot.send(CHANNEL, long)  # the broadcaster's retry
    assert len(sent) > 2 and len(set(sent)) == len(sent), "no part was sent twice"
    total = len(sent)
    await bot.send(CHANNEL, long)  # delivered in full before: sent whole again
    assert len(sent) == 2 * total


async def test_a_malformed_chat_id_is_gone(bot):
    with pytest.raises(RecipientGone):
        await bot.send("not-a-channel", REPLY)


def test_no_shard_settings_means_the_plain_client():
    client = make_client(None, Settings(database_url="sqlite:///x.db"))  # type: ignore[arg-type]
    assert type(client) is RadfordClient
    assert not isinstance(client, discord.AutoShardedClient)


def test_shards_use_discord_pys_sharded_client():
    settings = Settings.from_env(
        {"DISCORD_SHARD_COUNT": "4", "DISCORD_SHARD_IDS": "0-1, 3", "DATABASE_URL": "sqlite:///x.db"},
        env_file=None,
    )
    assert settings.discord_shard_ids == (0, 1, 3)
    client = make_client(None, settings)  # type: ignore[arg-type]
    assert isinstance(client, ShardedRadfordClient) and isinstance(client, discord.AutoShardedClient)
    assert client.shard_count == 4
    assert client.shard_ids == [0, 1, 3]
    assert client.allowed_mentions is not None and client.allowed_mentions.everyone is False


@pytest.mark.parametrize(
    "env",
    [
        {"DISCORD_SHARD_IDS": "0"},
        {"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "2"},
        {"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "one"},
        {"DISCORD_SHARD_COUNT": "4", "DISCORD_SHARD_IDS": "3-1"},
        {"DISCORD_SHARD_COUNT": "0"},
    ],
)
def test_bad_shard_settings_are_refused_by_name(env, tmp_path):
    with pytest.raises(SettingsError, match="DISCORD_SHARD"):
        Settings.from_env(env, env_file=tmp_path / "none.env")


async def test_sending_before_login_is_a_temporary_failure():
    with pytest.raises(TemporaryFailure):
        await DiscordAdapter(core=None).send(CHANNEL, REPLY)  # type: ignore[arg-type]
