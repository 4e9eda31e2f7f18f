"""The console chat driven through its input: a scripted `read_line` and a StringIO `out`."""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

import pytest

from bot.adapters.console import PROMPT, ConsoleChat, format_reply
from bot.core import Core
from handlers.markup import para
from handlers.types import Incoming, Reply, Suggestion


@pytest.fixture
async def core(database_url: str) -> AsyncIterator[Core]:
    opened = await Core.open(database_url)
    try:
        yield opened
    finally:
        await opened.close()


class Script:
    """Feeds lines to the chat one prompt at a time; None is end of input (Ctrl-D)."""

    def __init__(self, lines: Iterable[str | None]) -> None:
        self.lines = list(lines)
        self.prompts: list[str] = []

    async def __call__(self, prompt: str) -> str | None:
        self.prompts.append(prompt)
        if not self.lines:
            raise AssertionError("the chat asked for more input than the script has")
        return self.lines.pop(0)


async def chat(core: Core, lines: Iterable[str | None]) -> tuple[str, Script]:
    script = Script(lines)
    out = io.StringIO()
    await ConsoleChat(core, read_line=script, out=out).run()
    return out.getvalue(), script


async def test_start_greets_and_eof_ends(core: Core) -> None:
    output, script = await chat(core, [None])
    assert output.startswith("bot> ")
    assert "Radford" in output.split("\n\n")[0]  # the /start greeting says what the bot is about
    assert "/quit" in output
    assert script.prompts == [PROMPT]
    assert script.lines == []


async def test_a_question_gets_an_answer_with_its_source(core: Core) -> None:
    output, _ = await chat(core, ["When did Alec Radford join OpenAI?", "/quit"])
    answer = output.split("bot> ")[2]
    assert "Alec Radford joined OpenAI in 2016" in answer
    assert "Source" in answer and "Après avoir rejoint OpenAI en 2016" in answer


async def test_a_french_question_gets_a_french_answer(core: Core) -> None:
    output, _ = await chat(core, ["Quand Alec Radford a-t-il rejoint OpenAI ?", "/quit"])
    answer = output.split("bot> ")[2]
    assert "a rejoint OpenAI en 2016" in answer and "Source" in answer


OUT_OF_SCOPE = "What is the weather like in Paris?"


async def test_typing_a_suggestion_number_asks_it(core: Core) -> None:
    first = await core.handle(Incoming.from_text("console", "probe", "probe", OUT_OF_SCOPE))
    assert first.suggestions, "a decline offers questions the bot can answer"
    picked = first.suggestions[1]
    expected = await core.handle(Incoming.from_text("console", "probe-2", "probe-2", picked.query))
    assert expected.answered and expected.answer_text

    output, _ = await chat(core, [OUT_OF_SCOPE, "2", "/quit"])
    assert f"  → {picked.query}" in output
    third = output.split("bot> ")[3]
    assert expected.answer_text in third


async def test_suggestions_are_numbered_in_the_output(core: Core) -> None:
    output, _ = await chat(core, [OUT_OF_SCOPE, "/quit"])
    assert "  [1] " in output and "  [2] " in output


async def test_a_number_without_suggestions_is_just_text(core: Core) -> None:
    out = io.StringIO()
    console = ConsoleChat(core, read_line=Script([]), out=out)
    reply = await console.send("7")
    assert "→" not in out.getvalue()
    assert reply.answered is False


@pytest.mark.parametrize("word", ["/quit", "/exit", "quit", "EXIT", "  /quit  "])
async def test_quit_ends_the_chat(core: Core, word: str) -> None:
    output, script = await chat(core, [word, "When did Alec Radford join OpenAI?"])
    assert "2016" not in output  # nothing after /quit was read or answered
    assert script.lines == ["When did Alec Radford join OpenAI?"]


async def test_blank_lines_are_skipped_and_commands_work(core: Core) -> None:
    output, script = await chat(core, ["", "   ", "/help", None])
    assert output.count("bot> ") == 2  # the greeting and /help only
    assert "/timeline" in output
    assert len(script.prompts) == 4


async def test_ctrl_c_at_the_prompt_ends_the_chat(core: Core) -> None:
    async def interrupted(prompt: str) -> str | None:
        raise KeyboardInterrupt

    out = io.StringIO()
    await ConsoleChat(core, read_line=interrupted, out=out).run()
    assert out.getvalue().count("bot> ") == 1


async def test_hostile_input_gets_a_polite_reply(core: Core) -> None:
    lines: list[str | None] = ["x" * 100_000, "\x00\x1b[31m", "<script>alert(1)</script>", "'; DROP TABLE facts; --"]
    count = await core.store.count_facts()
    output, _ = await chat(core, [*lines, None])
    assert output.count("bot> ") == 1 + 4
    assert "Traceback" not in output
    assert await core.store.count_facts() == count


def test_format_reply_lists_numbered_suggestions() -> None:
    reply = Reply((para("Hello"),), "en", suggestions=(Suggestion("First?", "q1"), Suggestion("Second?", "q2")))
    assert format_reply(reply) == "Hello\n  [1] First?\n  [2] Second?"


# -- the terminal: history, notifications above the prompt, piped input ---------------------------------


def test_history_lives_beside_the_store_or_in_the_data_directory(tmp_path) -> None:
    from bot.adapters.console import history_path

    data = tmp_path / "data"
    assert history_path(tmp_path / "stores" / "bot.db", data) == tmp_path / "stores" / "console_history"
    assert history_path(Path("bot.db"), data) == data / "console_history", "never the current directory"
    assert history_path(None, data) == data / "console_history", "a server database: the data directory"


async def test_a_notification_while_typing_is_printed_above_the_prompt_which_is_redrawn(tmp_path) -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.vt100 import Vt100_Output

    from bot.adapters.console import ConsoleSender, TerminalInput

    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=24, columns=100), term="xterm")  # type: ignore[arg-type]
    history = tmp_path / "console_history"
    with create_pipe_input() as keys, create_app_session(input=keys, output=output):
        terminal = TerminalInput(history, terminal={"input": keys, "output": output})
        with terminal.printing_above():
            reading = asyncio.ensure_future(terminal(PROMPT))
            await asyncio.sleep(0.3)
            keys.send_text("When did Mira Mur")
            await asyncio.sleep(0.3)
            await ConsoleSender().send("local", Reply((para("News about Mira Murati"),), "en"))
            await asyncio.sleep(0.5)
            keys.send_text("ati leave?\r")
            line = await asyncio.wait_for(reading, 5)
    assert line == "When did Mira Murati leave?", "the typing went on undisturbed"
    shown = screen.getvalue()
    news = shown.index("News about Mira Murati")
    assert "When did Mira Mur" in shown[:news], "typed before the news arrived"
    assert "When did Mira Mur" in shown[news:], "the prompt and the typed text are drawn again below the news"
    assert "When did Mira Murati leave?" in history.read_text(encoding="utf-8")


async def test_ctrl_d_in_the_terminal_ends_the_chat(core: Core, tmp_path) -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from bot.adapters.console import TerminalInput

    with create_pipe_input() as keys:
        terminal = TerminalInput(tmp_path / "h", terminal={"input": keys, "output": DummyOutput()})
        out = io.StringIO()
        keys.send_text("\x04")  # Ctrl-D
        await asyncio.wait_for(ConsoleChat(core, read_line=terminal, out=out).run(), 10)
    assert out.getvalue().count("bot> ") == 1 and out.getvalue().endswith("\n")


def test_piped_input_echoes_each_line_and_ends_without_a_stray_prompt(database_url: str, tmp_path) -> None:
    env = {**os.environ, "DATABASE_URL": database_url}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    env.pop("DISCORD_BOT_TOKEN", None)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input="When did Alec Radford join OpenAI?\n/source\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert f"\n{PROMPT}When did Alec Radford join OpenAI?\nbot> " in done.stdout
    assert f"\n{PROMPT}/source\nbot> " in done.stdout
    assert done.stdout.endswith("\n") and not done.stdout.rstrip().endswith(PROMPT.strip())
    assert done.stdout.count(PROMPT) == 2, "a prompt only with the lines it read"
    assert not (tmp_path / "console_history").exists(), "nothing is written to the current directory"
