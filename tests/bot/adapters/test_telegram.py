"""The Telegram adapter end to end: the real python-telegram-bot against the fake Bot API in fake_telegram.

Nothing of PTB is mocked: updates are long-polled (or posted to the webhook) over HTTP on 127.0.0.1, and
every assertion reads what the bot really sent to the fake API.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from fake_telegram import TOKEN, FakeTelegram, parse_html, utf16_len

from bot.adapters.attachments import MAX_ATTACHMENT_BYTES
from bot.adapters.base import RecipientGone, RetryLater
from bot.adapters.telegram import TelegramAdapter, TelegramStartError
from bot.adapters.telegram.keys import CallbackKeys
from bot.core import Core
from bot.settings import Settings
from handlers.commands import visible_commands
from handlers.context import LANG_KEY
from handlers.markup import bold, bullets, para
from handlers.types import Incoming, Reply, Suggestion
from knowledge.subscriptions import INACTIVE_PREFERENCE
from tests.bot.adapters.local import free_port
from tests.conftest import ARTICLE

pytestmark = [
    pytest.mark.timeout(30),
    # PTB's own RetryAfter constructor warns about its int→timedelta migration; the adapter handles both.
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]
USER = 1001
GROUP = -5001
JOIN_EN = "When did Alec Radford join OpenAI?"


@pytest.fixture
def database_url(tmp_path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


@pytest.fixture
async def core(database_url: str) -> AsyncIterator[Core]:
    core = await Core.open(database_url)
    yield core
    await core.close()


def make_settings(fake: FakeTelegram, database_url: str, **extra: object) -> Settings:
    return Settings(database_url=database_url, telegram_token=TOKEN, telegram_api_base_url=fake.base_url,
                    **extra)  # type: ignore[arg-type]  # fmt: skip


def make_adapter(core: Core, settings: Settings) -> TelegramAdapter:
    return TelegramAdapter(core, settings, request_timeout=1.0, poll_timeout=1, backoff=0.05)


@pytest.fixture
async def bot(fake: FakeTelegram, core: Core, database_url: str) -> AsyncIterator[TelegramAdapter]:
    adapter = make_adapter(core, make_settings(fake, database_url))
    await adapter.start()
    yield adapter
    await adapter.stop()


async def ask(fake: FakeTelegram, text: str, **options: object) -> list:
    """A user writes `text`; returns the bot's first reply in that chat."""
    chat = int(options.get("chat_id", USER))  # type: ignore[call-overload]
    before = len(fake.sent)
    await fake.user_message(text, **options)
    return await fake.replies(chat, after=before)


async def inline_answer(fake: FakeTelegram, query_id: str) -> dict:
    def found() -> dict | None:
        return next((a for a in fake.inline_answers if a["inline_query_id"] == query_id), None)

    answer: dict = await fake.wait_for(found)
    return answer


# -- starting ---------------------------------------------------------------------------------------------


async def test_start_registers_commands_in_english_and_french_and_keeps_pending_updates(
    fake: FakeTelegram, core: Core, database_url: str
) -> None:
    await fake.user_message("/start")  # sent while the bot was down
    adapter = make_adapter(core, make_settings(fake, database_url))
    await adapter.start()
    try:
        [reply] = await fake.replies(USER)
        assert "Alec Radford" in reply.text
        assert adapter.connected
    finally:
        await adapter.stop()
    assert not adapter.connected
    deletes = [params for method, params in fake.calls if method == "deleteWebhook"]
    assert deletes and all(str(p.get("drop_pending_updates", "False")).lower() == "false" for p in deletes)
    names = [c.name for c in visible_commands()]
    assert [c["command"] for c in fake.commands[None]] == names
    assert [c["command"] for c in fake.commands["fr"]] == names
    english = {c["command"]: c["description"] for c in fake.commands[None]}
    french = {c["command"]: c["description"] for c in fake.commands["fr"]}
    assert english["help"] != french["help"]
    assert english["help"] == next(c for c in visible_commands() if c.name == "help").description("en")


async def test_a_refused_token_is_a_clear_error_without_the_token(
    fake: FakeTelegram, core: Core, database_url: str
) -> None:
    settings = Settings(database_url=database_url, telegram_token="999:refused-token",
                        telegram_api_base_url=fake.base_url)  # fmt: skip
    with pytest.raises(TelegramStartError, match="TELEGRAM_BOT_TOKEN") as error:
        await make_adapter(core, settings).start()
    assert "refused-token" not in str(error.value)


async def test_an_unreachable_api_is_retried_then_a_clear_error(core: Core, database_url: str) -> None:
    settings = Settings(database_url=database_url, telegram_token=TOKEN,
                        telegram_api_base_url=f"http://127.0.0.1:{free_port()}/bot")  # fmt: skip
    adapter = make_adapter(core, settings)
    with pytest.raises(TelegramStartError, match="could not reach") as error:
        await adapter.start()
    assert TOKEN not in str(error.value)
    assert not adapter.connected


async def test_start_offers_suggestion_buttons(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    [reply] = await ask(fake, "/start")
    assert reply.parse_mode == "HTML"
    buttons = reply.buttons()
    assert buttons, "suggestions come as inline keyboard buttons"
    assert all(len(b["callback_data"].encode()) <= 64 for b in buttons)


# -- questions --------------------------------------------------------------------------------------------


async def test_english_question_is_answered_with_the_fact(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    [reply] = await ask(fake, JOIN_EN)
    assert "2016" in reply.text
    assert "Source" in reply.text
    assert reply.reply_to is None, "no reply quote needed in a private chat"


async def test_french_question_is_answered_in_french(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    [reply] = await ask(fake, "Quand Alec Radford a-t-il quitté OpenAI ?", language_code="fr")
    assert "décembre 2024" in reply.text
    assert "Source :" in reply.text


async def test_language_code_picks_the_language_of_a_command(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    [reply] = await ask(fake, "/help", language_code="fr")
    assert "Commandes" in reply.text or "commandes" in reply.text


async def test_a_lang_choice_outranks_the_app_language(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    await ask(fake, "/lang fr", language_code="en")
    [reply] = await ask(fake, JOIN_EN, language_code="en")
    assert "2016" in reply.text and "Source :" in reply.text


async def test_timeline(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    [reply] = await ask(fake, "/timeline")
    assert "<b>" in reply.raw, "titles and dates are bold"
    assert "2016" in reply.text and "2024" in reply.text
    assert "• " in reply.text


async def test_timeline_sends_its_picture_as_a_photo_then_the_text(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    from handlers.pictures import draw

    [reply] = await ask(fake, "/timeline murrati")
    [photo] = [p for p in fake.photos if p.chat_id == USER]
    assert photo.upload.data.startswith(b"\x89PNG\r\n\x1a\n") and 10_000 < len(photo.upload.data) < 2_000_000
    assert photo.upload.filename.endswith(".png")
    assert photo.caption == "Timeline: Mira Murati", "the caption echoes the filter as understood"
    assert photo.message_id < reply.message_id, "the picture first, the text timeline beside it"
    assert reply.text.startswith("Timeline: Mira Murati")
    chart = (await bot.core.handle(Incoming.from_text("telegram", str(USER), str(USER), "/timeline murrati"))).chart
    assert chart is not None
    drawing = await draw(chart)
    assert drawing.png == photo.upload.data, "the photo is the renderer's drawing of this chart (cached)"
    for label in drawing.labels:
        number = label.split(".")[0]
        assert f"\n• {number}. " in "\n" + reply.text, f"the chart's event {label!r} is in the text timeline"


async def test_pressing_a_suggestion_answers_it_and_stops_the_spinner(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    [start] = await ask(fake, "/start")
    button = start.buttons()[0]
    before = len(fake.sent)
    query_id = await fake.press_button(start, button)
    [answer] = await fake.replies(USER, after=before)
    await fake.wait_for(lambda: any(a["callback_query_id"] == query_id for a in fake.callback_answers))
    assert answer.text and answer.text != start.text


async def test_an_unknown_button_is_still_answered(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    [start] = await ask(fake, "/start")
    query_id = await fake.press_button(start, {"callback_data": "k:forgotten"})
    await fake.wait_for(lambda: any(a["callback_query_id"] == query_id for a in fake.callback_answers))
    await asyncio.sleep(0.2)
    assert [s for s in fake.sent if s.chat_id == USER] == [start]


async def test_a_long_question_button_still_works_after_a_restart(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    """Its key is only in memory; once forgotten, the button's label is asked, as Discord does."""
    long_query = JOIN_EN + " Tell me the year he joined, as the sources say."
    await fake.user_message("/start")
    await fake.replies(USER)
    await bot.send(str(USER), Reply((para("Try:"),), "en", suggestions=(Suggestion(JOIN_EN, long_query),)))
    [offer] = [s for s in fake.sent if s.text == "Try:"]
    [button] = offer.buttons()
    assert button["callback_data"].startswith("k:")
    bot.keys = CallbackKeys()  # what a restart leaves
    before = len(fake.sent)
    query_id = await fake.press_button(offer, button)
    [answer] = await fake.replies(USER, after=before)
    assert "2016" in answer.text
    await fake.wait_for(lambda: any(a["callback_query_id"] == query_id for a in fake.callback_answers))


async def test_inline_query_offers_answers(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    query_id = await fake.inline_query(JOIN_EN)
    answer = await inline_answer(fake, query_id)
    results = answer["results"]
    assert results and "2016" in results[0]["shown"]
    assert results[0]["input_message_content"]["parse_mode"] == "HTML"
    assert str(answer.get("is_personal")).lower() == "true"


async def test_empty_inline_query_offers_starter_answers(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    query_id = await fake.inline_query("", language_code="fr")
    answer = await inline_answer(fake, query_id)
    assert answer["results"]


# -- groups -----------------------------------------------------------------------------------------------


async def test_group_ignores_chatter_and_other_bots_but_answers_mentions_replies_and_commands(
    fake: FakeTelegram, bot: TelegramAdapter
) -> None:
    group = {"chat_id": GROUP, "chat_type": "supergroup", "user_id": 77}
    await fake.user_message(JOIN_EN, **group)
    await fake.user_message("/help@other_bot", **group)
    await fake.user_message("/frobnicate", **group)
    mention = await fake.user_message(f"@{fake.username} {JOIN_EN}", **group)
    [answer] = await fake.replies(GROUP)
    assert "2016" in answer.text
    assert answer.reply_to == mention["message_id"], "in a group the bot quotes the message it answers"

    follow = await fake.user_message("Quand l'a-t-il quitté ?", reply_to=answer, **group)
    command = await fake.user_message(f"/timeline@{fake.username}", **group)
    await fake.replies(GROUP, count=3)
    await asyncio.sleep(0.2)
    answered = {s.reply_to for s in fake.sent if s.chat_id == GROUP}
    assert answered == {mention["message_id"], follow["message_id"], command["message_id"]}


# -- rendering --------------------------------------------------------------------------------------------


async def test_hostile_text_comes_back_escaped(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    hostile = "<b>&</pre>"
    [reply] = await ask(fake, f"/timeline {hostile}")
    assert reply.parse_mode == "HTML", "no fallback: the HTML was valid"
    assert hostile in reply.text
    assert "&lt;b&gt;&amp;&lt;/pre&gt;" in reply.raw

    [reply] = await ask(fake, f"{hostile} Who is Alec Radford? & <i>")
    assert reply.parse_mode == "HTML"
    assert parse_html(reply.raw) == reply.text


async def test_long_reply_is_split_on_boundaries(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    await ask(fake, "/start")
    lines = [f"Line {n}: <tag> & more text about Radford, OpenAI and GPT." for n in range(400)]
    reply = Reply((para(bold("A long answer")), bullets(*lines)), "en",
                  suggestions=(Suggestion("Next", JOIN_EN),))  # fmt: skip
    before = len(fake.sent)
    await bot.send(str(USER), reply)
    parts = [s for s in fake.sent[before:] if s.chat_id == USER]
    assert len(parts) > 3
    assert all(utf16_len(p.text) <= 4096 for p in parts)
    assert all(p.parse_mode == "HTML" for p in parts)
    shown = "\n".join(p.text for p in parts)
    assert all(line in shown for line in lines), "no line was cut in two"
    assert all(p.text.split("\n")[-1].startswith("• Line") for p in parts[1:])
    assert [bool(p.buttons()) for p in parts] == [False] * (len(parts) - 1) + [True]


async def test_a_broadcast_retried_after_a_partial_send_resumes_where_it_stopped(
    fake: FakeTelegram, bot: TelegramAdapter
) -> None:
    await ask(fake, "/start")
    lines = [f"Line {n}: more text about Radford, OpenAI and GPT." for n in range(400)]
    reply = Reply((bullets(*lines),), "en", suggestions=(Suggestion("Next", JOIN_EN),))
    fake.flood(retry_after=3600, chat_id=USER, after=2)  # the third part hits a long flood limit
    before = len(fake.sent)
    with pytest.raises(RetryLater):
        await bot.send(str(USER), reply)
    assert len([s for s in fake.sent[before:] if s.chat_id == USER]) == 2
    await bot.send(str(USER), reply)  # the broadcaster's retry
    parts = [s for s in fake.sent[before:] if s.chat_id == USER]
    assert len(parts) > 3
    assert len({p.text for p in parts}) == len(parts), "no part was sent twice"
    assert all(line in "\n".join(p.text for p in parts) for line in lines)
    assert parts[-1].buttons() and not any(p.buttons() for p in parts[:-1])
    # Delivered in full: the same text later is a new message, sent whole.
    await bot.send(str(USER), reply)
    assert len([s for s in fake.sent[before:] if s.chat_id == USER]) == 2 * len(parts)


async def test_refused_html_is_resent_as_plain_text(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    fake.fail("sendMessage", 400, "Bad Request: can't parse entities: Unsupported start tag", chat_id=USER)
    [reply] = await ask(fake, "/timeline")
    assert reply.parse_mode is None
    assert "<b>" not in reply.raw and "2016" in reply.text


# -- errors -----------------------------------------------------------------------------------------------


async def test_flood_limit_is_waited_out(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    fake.flood("sendMessage", retry_after=1, chat_id=USER)
    started = time.monotonic()
    [reply] = await ask(fake, JOIN_EN)
    assert time.monotonic() - started >= 1.0
    assert "2016" in reply.text
    assert sum(1 for method, p in fake.calls if method == "sendMessage" and p.get("chat_id") == USER) == 2


async def test_a_hanging_request_is_retried(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    fake.hang("sendMessage", seconds=1.5, chat_id=USER)
    [reply] = await ask(fake, JOIN_EN)
    assert "2016" in reply.text
    assert len([s for s in fake.sent if s.chat_id == USER]) == 1


async def test_a_blocked_user_marks_the_chat_inactive_until_it_writes_again(
    fake: FakeTelegram, bot: TelegramAdapter, core: Core
) -> None:
    await ask(fake, "/start")
    fake.blocked.add(USER)
    await fake.user_message(JOIN_EN)
    await fake.wait_for(lambda: any(m == "sendMessage" and p.get("chat_id") == USER for m, p in fake.calls[-3:]))
    for _ in range(50):
        if await core.store.get_preference("telegram", str(USER), INACTIVE_PREFERENCE):
            break
        await asyncio.sleep(0.05)
    assert await core.store.get_preference("telegram", str(USER), INACTIVE_PREFERENCE) == "1"
    with pytest.raises(RecipientGone):
        await bot.send(str(USER), Reply((para("news"),), "en"))

    fake.blocked.clear()
    [reply] = await ask(fake, JOIN_EN)
    assert "2016" in reply.text
    assert await core.store.get_preference("telegram", str(USER), INACTIVE_PREFERENCE) is None


async def test_blocking_and_unblocking_the_bot_toggles_the_inactive_mark(
    fake: FakeTelegram, bot: TelegramAdapter, core: Core
) -> None:
    async def mark() -> str | None:
        return await core.store.get_preference("telegram", str(USER), INACTIVE_PREFERENCE)

    gone: list[str] = []

    async def on_gone(chat_id: str) -> None:
        gone.append(chat_id)

    bot.on_chat_gone = on_gone
    await fake.bot_status("kicked")
    for _ in range(100):
        if await mark():
            break
        await asyncio.sleep(0.02)
    assert await mark() == "1"
    assert gone == [str(USER)]
    await fake.bot_status("member")
    for _ in range(100):
        if not await mark():
            break
        await asyncio.sleep(0.02)
    assert await mark() is None


async def test_a_migrated_group_is_followed_with_its_settings(
    fake: FakeTelegram, bot: TelegramAdapter, core: Core
) -> None:
    await fake.user_message("hello", chat_id=GROUP, chat_type="group")
    # /lang is per user (handlers/settings.py), so a "lang" under the group's id is nothing the migration owns.
    await core.store.set_preference("telegram", str(GROUP), LANG_KEY, "fr")
    await core.store.set_preference("telegram", str(USER), LANG_KEY, "fr")
    fake.migrate(GROUP, -1009001)
    moved: list[tuple[str, str]] = []

    async def on_moved(old: str, new: str) -> None:
        moved.append((old, new))

    bot.on_chat_moved = on_moved
    await bot.send(str(GROUP), Reply((para("news"),), "en"))
    assert [s.chat_id for s in fake.sent if s.text == "news"] == [-1009001]
    assert moved == [(str(GROUP), "-1009001")]
    assert await core.store.get_preference("telegram", "-1009001", LANG_KEY) is None
    assert await core.store.get_preference("telegram", str(GROUP), LANG_KEY) == "fr"
    # The member's own choice needs no move: they are answered in French in the supergroup too.
    [reply] = await ask(fake, "/about", chat_id=-1009001, chat_type="supergroup", user_id=USER)
    assert "faits" in reply.text


# -- webhook ----------------------------------------------------------------------------------------------


async def test_webhook_mode_receives_updates_and_checks_the_secret(
    fake: FakeTelegram, core: Core, database_url: str
) -> None:
    port = free_port()
    settings = make_settings(fake, database_url, telegram_webhook_url="https://bot.example.org/telegram/hook",
                             telegram_webhook_secret="s3cret-token", telegram_listen="127.0.0.1",
                             telegram_port=port)  # fmt: skip
    adapter = make_adapter(core, settings)
    await adapter.start()
    try:
        assert fake.webhook is not None
        assert fake.webhook["url"] == "https://bot.example.org/telegram/hook"
        assert fake.webhook["secret_token"] == "s3cret-token"
        assert not any(method == "getUpdates" for method, _ in fake.calls)
        update = {"update_id": 99, "message": fake.make_message(JOIN_EN)}
        url = f"http://127.0.0.1:{port}/telegram/hook"
        async with aiohttp.ClientSession() as session:
            async with session.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}) as bad:
                assert bad.status == 403
            headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}
            async with session.post(url, json=update, headers=headers) as good:
                assert good.status == 200
        [reply] = await fake.replies(USER)
        assert "2016" in reply.text
    finally:
        await adapter.stop()


async def test_an_adapter_for_a_webhook_without_a_secret_cannot_be_built(
    fake: FakeTelegram, core: Core, database_url: str
) -> None:
    settings = make_settings(fake, database_url, telegram_webhook_url="https://bot.example.org/telegram/hook")
    with pytest.raises(ValueError, match="TELEGRAM_WEBHOOK_SECRET"):
        make_adapter(core, settings)
    assert fake.calls == []


async def test_an_unexpected_failure_reaches_the_error_handler_and_the_bot_goes_on(
    fake: FakeTelegram, bot: TelegramAdapter, core: Core, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    real = bot._deliver
    calls = 0

    async def broken_once(chat_id: str, reply: Reply, **options: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("disk on fire")
        await real(chat_id, reply, **options)

    monkeypatch.setattr(bot, "_deliver", broken_once)
    with caplog.at_level("ERROR"):
        sent = await fake.user_message("/help my secret diagnosis", chat_id=GROUP, chat_type="group", user_id=77)
        for _ in range(100):
            if any("failed to handle a message" in r.getMessage() for r in caplog.records):
                break
            await asyncio.sleep(0.02)
    record = next(r for r in caplog.records if "failed to handle a message" in r.getMessage())
    assert record.exc_info and "disk on fire" in str(record.exc_info[1])
    assert f"chat {GROUP}" in record.getMessage()
    assert core.metrics.platform_errors[("telegram", "handler")] == 1
    # The chat is named; the text and the sender's name never reach the log.
    assert sent["text"] == "/help my secret diagnosis"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "secret diagnosis" not in logged and "/help" not in logged and "Ada" not in logged
    [reply] = await ask(fake, JOIN_EN)
    assert "2016" in reply.text


async def test_a_failing_inactive_check_still_gets_an_answer(
    fake: FakeTelegram, bot: TelegramAdapter, core: Core, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    """The core never raises, so the adapter's own bookkeeping before it must not cost the user a reply."""
    real = core.store.get_preference

    async def broken(platform: str, scope_id: str, key: str) -> str | None:
        if key == INACTIVE_PREFERENCE:
            raise RuntimeError("database is locked")
        return await real(platform, scope_id, key)

    monkeypatch.setattr(core.store, "get_preference", broken)
    with caplog.at_level("WARNING"):
        [reply] = await ask(fake, JOIN_EN)
    assert "2016" in reply.text
    assert any("could not lift the inactive mark" in r.getMessage() for r in caplog.records)


# -- /addarticle with a file ------------------------------------------------------------------------------


async def test_an_admins_text_file_is_added_as_an_article(fake: FakeTelegram, core: Core, database_url: str) -> None:
    core.admin_ids = frozenset({f"telegram:{USER}"})
    adapter = make_adapter(core, make_settings(fake, database_url, admin_ids=core.admin_ids))
    await adapter.start()
    try:
        broken = ARTICLE.encode() + b"\nBroken byte: \xff.\n"
        await fake.user_document(broken, file_name="broken.txt", caption="/addarticle")
        [refusal] = await fake.replies(USER)
        assert "not UTF-8" in refusal.text  # one line, and nothing stored
        assert not [f for f in core.knowledge.facts if f.source.startswith("article-")]
        await fake.user_document(ARTICLE.encode(), file_name="murati.txt", caption="/addarticle")
        [reply] = (await fake.replies(USER, 2))[1:]
        assert "4 new facts" in reply.text  # every statement of the article, the weather included
        assert fake.downloads[-1] == "documents/doc-" + fake.downloads[-1].rsplit("-", 1)[1]
        assert len([f for f in core.knowledge.facts if f.source.startswith("article-")]) == 4
        # Markdown by name, no caption, in a private chat: an /addarticle too (nothing new the second time).
        before = len(fake.sent)
        await fake.user_document(ARTICLE.encode(), file_name="again.md", mime_type=None)
        [again] = await fake.replies(USER, after=before)
        assert "already in my sources" in again.text
        # Too large to be an article: refused before any download.
        before, downloads = len(fake.sent), len(fake.downloads)
        await fake.user_document(b"x" * (MAX_ATTACHMENT_BYTES + 1), caption="/addarticle")
        [big] = await fake.replies(USER, after=before)
        assert "too long" in big.text and len(fake.downloads) == downloads
    finally:
        await adapter.stop()


async def test_other_files_and_other_people_are_not_downloaded(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    await fake.user_document(ARTICLE.encode(), caption="/addarticle")  # USER is no admin
    [refused] = await fake.replies(USER)
    assert "administrators" in refused.text
    before = len(fake.sent)
    await fake.user_document(ARTICLE.encode(), chat_id=GROUP, chat_type="group")  # a file shared in a group
    await fake.user_document(b"%PDF", file_name="paper.pdf", mime_type="application/pdf")  # not text
    await ask(fake, "/help")
    assert len(fake.sent) == before + 1 and fake.downloads == []
