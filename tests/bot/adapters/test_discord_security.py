"""Attacks on the Discord side: any member changed a server channel's subscriptions, and a button could run
any command. Slash commands and buttons go through discord.py's own state and tree; messages through dpytest."""

from __future__ import annotations

import discord
import discord.ext.test as dpytest
import pytest
from discord_harness import button, dispatch, offline_adapter, slash
from test_discord_messages import configured, mention

from bot.adapters.discord_bot.slash import build_command
from bot.core import Core
from handlers.commands import COMMANDS

MANAGE_GUILD = 1 << 5
CHANNEL = "1330000000000000000"  # the recorded guild interaction's channel


@pytest.fixture
async def core(tmp_path):
    core = await Core.open(f"sqlite:///{tmp_path / 'bot.db'}")
    yield core
    await core.close()


def with_permissions(data: dict, permissions: int) -> dict:
    data["member"]["permissions"] = str(permissions)
    return data


async def test_subscription_commands_are_offered_to_server_managers_only(core) -> None:
    adapter = await offline_adapter(core)
    published = {c.name: build_command(c, adapter).to_dict(adapter.tree) for c in COMMANDS if not c.hidden}
    for name in ("subscribe", "unsubscribe"):
        assert int(published[name]["default_member_permissions"]) == MANAGE_GUILD
    for name in ("ask", "who", "subscriptions", "lang"):
        assert published[name]["default_member_permissions"] is None


async def test_a_member_without_manage_server_cannot_change_the_channels_subscriptions(core) -> None:
    """Before: the command was offered to everyone, and ran for everyone (commands synced earlier still are)."""
    adapter = await offline_adapter(core)
    recorded = await dispatch(adapter, slash("subscribe", {"topic": "murati"}))
    assert "administrators" in recorded.text()
    assert await core.store.chat_subscriptions("discord", CHANNEL) == []
    manager = with_permissions(slash("subscribe", {"topic": "murati"}), MANAGE_GUILD)
    recorded = await dispatch(adapter, manager)
    assert len(await core.store.chat_subscriptions("discord", CHANNEL)) == 1, recorded.text()
    recorded = await dispatch(adapter, slash("unsubscribe"))
    assert "administrators" in recorded.text()
    assert len(await core.store.chat_subscriptions("discord", CHANNEL)) == 1
    # In a DM the user is the whole chat.
    await dispatch(adapter, slash("subscribe", dm=True))
    dm_channel = slash("subscribe", dm=True)["channel_id"]
    assert len(await core.store.chat_subscriptions("discord", dm_channel)) == 1


async def test_a_button_cannot_run_a_command_that_changes_anything(core) -> None:
    adapter = await offline_adapter(core)
    pressed = await dispatch(adapter, with_permissions(button("rb:q:/subscribe murati", "Follow"), MANAGE_GUILD))
    assert "not from an inline query or a button" in pressed.text()
    assert await core.store.chat_subscriptions("discord", CHANNEL) == []
    listing = await dispatch(adapter, button("rb:q:/subscriptions", "My subscriptions"))
    assert "administrators" not in listing.text() and listing.text()


async def test_a_mention_needs_manage_server_to_change_subscriptions(core) -> None:
    adapter = await configured(core)
    try:
        channel = dpytest.get_config().channels[0]
        await dpytest.message(f"{mention(adapter)} /subscribe")
        assert "administrators" in dpytest.get_message().content
        assert await core.store.chat_subscriptions("discord", str(channel.id)) == []
        guild = dpytest.get_config().guilds[0]
        member = dpytest.get_config().members[0]
        managers = dpytest.backend.make_role(
            "managers", guild, permissions=discord.Permissions(manage_guild=True).value
        )
        await dpytest.add_role(member, managers)
        await dpytest.message(f"{mention(adapter)} /subscribe", member=guild.get_member(member.id))
        reply = dpytest.get_message().content
        assert len(await core.store.chat_subscriptions("discord", str(channel.id))) == 1, reply
    finally:
        await dpytest.empty_queue()
