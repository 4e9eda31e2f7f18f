"""A failure that carries a token in its message: the user gets the catalogue's apology, the log the
traceback with the token masked, in plain and in JSON lines."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

import handlers.routes as routes
from bot.core import Core
from bot.logs import setup_logging
from bot.settings import Settings
from handlers.context import Context
from handlers.i18n import catalog
from handlers.markup import render_plain
from handlers.types import Incoming, Reply

TOKEN = "987654:SECRET-token-value"
WEBHOOK_SECRET = "hook_secret_value"


@pytest.fixture
async def core(tmp_path) -> AsyncIterator[Core]:
    core = await Core.open(f"sqlite:///{tmp_path / 'bot.db'}")
    yield core
    await core.close()


@pytest.fixture
def leaky_help(monkeypatch: pytest.MonkeyPatch) -> None:
    async def leak(ctx: Context, incoming: Incoming) -> Reply:
        raise RuntimeError(f"could not reach https://api.telegram.org/bot{TOKEN}/sendMessage ({WEBHOOK_SECRET})")

    assert routes.handler_for("help") is not None
    monkeypatch.setattr("handlers.help.handle_help", leak)


@pytest.mark.parametrize("json_lines", [False, True])
async def test_a_leaking_failure_is_masked_in_the_log_and_absent_from_the_reply(
    core: Core, leaky_help: None, capsys: pytest.CaptureFixture[str], json_lines: bool
) -> None:
    settings = Settings(database_url="sqlite:///x.db", telegram_token=TOKEN, telegram_webhook_secret=WEBHOOK_SECRET)
    setup_logging("INFO", json_lines=json_lines, secrets=settings.secrets)
    reply = await core.handle(Incoming.from_text("telegram", "1", "1", "/help"))
    text = render_plain(reply.blocks)
    assert reply.kind == "error" and text == catalog().t("en", "error-internal")
    err = capsys.readouterr().err
    assert "RuntimeError" in err and "***" in err
    assert TOKEN not in err and TOKEN.split(":")[1] not in err and WEBHOOK_SECRET not in err
    if json_lines:
        [line] = err.strip().splitlines()
        assert "Traceback" in json.loads(line)["error"]
    assert core.stats.errors == 1
    assert core.metrics.questions == {}, "a command is not a question"


def test_the_telegram_tokens_secret_half_and_its_url_encoding_are_masked_too(capsys) -> None:
    import logging

    settings = Settings(database_url="sqlite:///x.db", telegram_token=TOKEN)
    setup_logging("INFO", secrets=settings.secrets)
    logging.getLogger("test").warning("half %s, encoded %s", TOKEN.split(":")[1], TOKEN.replace(":", "%3A"))
    err = capsys.readouterr().err
    assert "SECRET-token-value" not in err and "half ***, encoded ***" in err
