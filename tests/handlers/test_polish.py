"""The conversation polish (issue 15): timeline text and picture data, /source, suggestions, help in
French, /lang names, /who and /people, /subscribe modes and small talk — through the core, as a user."""

from __future__ import annotations

import re

import pytest

from bot.core import Core
from handlers.commands import COMMANDS, visible_commands
from handlers.markup import render_plain
from handlers.pictures import draw
from handlers.routes import HANDLERS, handler_for
from handlers.smalltalk import smalltalk_key
from handlers.suggest import reads_as_question
from handlers.timeline_png import position
from handlers.types import Reply
from tests.handlers.conftest import Chat


def text(reply: Reply) -> str:
    return render_plain(reply.blocks)


def entry_lines(reply: Reply) -> list[str]:
    return [line for line in text(reply).splitlines() if re.match(r"^• \d+\. ", line)]


# -- the declarations -------------------------------------------------------------------------------------


def test_every_declared_command_has_a_handler_and_the_declarations_name_none() -> None:
    assert set(HANDLERS) == {c.name for c in COMMANDS}
    assert all(callable(handler_for(c.name)) for c in COMMANDS)  # each names a function that exists
    for command in COMMANDS:
        assert not any(callable(getattr(command, field)) for field in command.__slots__)  # type: ignore[attr-defined]


def test_commands_and_help_import_without_a_cycle() -> None:
    import ast
    from pathlib import Path

    source = Path(__file__).parents[2] / "handlers" / "commands.py"
    imported = {node.module for node in ast.walk(ast.parse(source.read_text())) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"__future__", "dataclasses", "typing", "handlers.i18n"}, imported


# -- the text timeline ------------------------------------------------------------------------------------


async def test_timeline_says_each_date_once_and_merges_two_facts_of_one_event(chat: Chat) -> None:
    lines = entry_lines(await chat.say("/timeline"))
    assert any(line.endswith("June 2018 — OpenAI published the GPT-1 paper, \"Improving Language Understanding "
                             "by Generative Pre-Training\", by Alec Radford (first author), Karthik Narasimhan, "
                             "Tim Salimans and Ilya Sutskever.") for line in lines)  # fmt: skip
    for line in lines:
        date = line.split(" — ", 1)[0].split(". ", 1)[1]
        assert date not in line.split(" — ", 1)[1], f"the date is said twice: {line}"
        assert not re.search(r" — (?:In|On) ", line), line
    assert sum("June 2018" in line for line in lines) == 1, "the GPT-1 paper and the pre-training idea are one event"
    assert sum("Radford" in line and "left OpenAI" in line for line in lines) == 1
    assert [int(line[2:].split(".")[0]) for line in lines] == list(range(1, len(lines) + 1))


async def test_a_filter_echoes_what_it_understood(chat: Chat) -> None:
    reply = await chat.say("/timeline murrati")
    assert reply.title == "Timeline: Mira Murati" and text(reply).startswith("Timeline: Mira Murati")
    assert all("Murati" in line for line in entry_lines(reply))
    assert (await chat.say("/timeline 2024")).title == "Timeline: 2024"
    await chat.say("/lang fr")
    assert (await chat.say("/timeline murrati")).title == "Chronologie : Mira Murati"


async def test_an_unknown_filter_says_so_and_lists_what_it_can_filter_by(chat: Chat) -> None:
    reply = await chat.say("/timeline zorglub")
    shown = text(reply)
    assert reply.kind == "decline" and "zorglub" in shown
    assert "Mira Murati" in shown and "2018" in shown and "CLIP" in shown
    assert reply.chart is None


async def test_entries_lead_to_their_source_by_number_whatever_the_filter(chat: Chat) -> None:
    full = entry_lines(await chat.say("/timeline"))
    murati = entry_lines(await chat.say("/timeline murati"))
    assert murati and all(line in full for line in murati), "an entry keeps its number under a filter"
    number = int(murati[0][2:].split(".")[0])
    source = await chat.say(f"/source {number}")
    assert source.kind == "info" and "Murati" in text(source)
    assert "/source" in text(await chat.say("/timeline"))


async def test_the_chart_holds_the_events_the_text_lists(chat: Chat) -> None:
    for command in ("/timeline", "/timeline 2024", "/timeline murati"):
        reply = await chat.say(command)
        assert reply.chart is not None
        numbers = [int(line[2:].split(".")[0]) for line in entry_lines(reply)]
        drawing = await draw(reply.chart)
        assert list(drawing.numbers) == numbers
        assert drawing.png.startswith(b"\x89PNG\r\n\x1a\n")
        assert 600 <= drawing.width <= 1600 and 300 <= drawing.height <= 2400
        assert all(len(label) <= 60 for label in drawing.labels), "labels stay short enough for a phone"
    again = await draw(reply.chart)
    assert again.seconds == 0.0 and again.png == drawing.png, "the second drawing comes from the cache"


async def test_the_chart_speaks_the_chats_language_and_groups_the_departures(chat: Chat) -> None:
    await chat.say("/lang fr")
    reply = await chat.say("/timeline")
    assert reply.chart is not None and reply.chart.lang == "fr"
    drawing = await draw(reply.chart)
    assert "1. Alec Radford rejoint OpenAI" in drawing.labels
    departures = [e for e in reply.chart.events if e.highlight]
    assert departures and all(e.when.lstrip("~").startswith("2024") for e in departures)
    assert "2024" in reply.chart.band_label
    assert all(position(e.when) is not None for e in reply.chart.events)


# -- /source ------------------------------------------------------------------------------------------------


async def test_source_without_argument_is_the_last_answers_whole_sentence(chat: Chat) -> None:
    none_yet = await chat.say("/source")
    assert none_yet.kind == "decline"
    answer = await chat.say("When did Alec Radford join OpenAI?")
    assert answer.citation is not None
    source = await chat.say("/source")
    assert source.kind == "info" and source.fact_id == answer.fact_id
    assert f"“{answer.citation.sentence}”" in text(source), "the whole sentence, never cut"


async def test_long_source_sentences_are_never_cut(core: Core, chat: Chat) -> None:
    longest = max(core.knowledge.facts, key=lambda f: len(f.sentence))
    assert len(longest.sentence) > 200
    reply = await chat.say(f"/source {longest.id}")
    assert longest.sentence in text(reply)
    question = longest.questions("en")[0] if longest.questions("en") else None
    if question:
        answer = await chat.say(question)
        if answer.fact_id == longest.id:
            assert longest.sentence in text(answer)


async def test_source_is_listed_in_help_and_readme(chat: Chat) -> None:
    from pathlib import Path

    assert "/source" in text(await chat.say("/help"))
    assert "/source" in (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


# -- suggestions --------------------------------------------------------------------------------------------


QUESTIONS = [
    "When did Alec Radford join OpenAI?",
    "Who is Mira Murati?",
    "Whisper?",
    "Quand Radford a-t-il quitté OpenAI ?",
    "Who was OpenAI's CTO?",
]


@pytest.mark.parametrize("question", QUESTIONS)
async def test_suggestions_never_repeat_the_answer_and_are_real_questions(core: Core, question: str) -> None:
    chat = Chat(core)
    reply = await chat.say(question)
    assert reply.answered
    for suggestion in reply.suggestions:
        assert reads_as_question(suggestion.query), suggestion
        assert suggestion.label == suggestion.query, "never a cut label"
        assert suggestion.query.strip(" ?").lower() != question.strip(" ?").lower()
        again = await Chat(core, chat="other").say(suggestion.query)
        assert again.answered and again.fact_id != reply.fact_id, f"{suggestion.query!r} repeats the answer"
        assert again.lang == reply.lang, "suggestions are in the chat's language"


async def test_suggestions_are_never_keyword_strings(core: Core) -> None:
    chat = Chat(core)
    offered = []
    for question in [*QUESTIONS, "/help", "/start", "How old is Alec Radford?", "Quel âge a Mira Murati ?"]:
        offered += [s.query for s in (await chat.say(question)).suggestions if not s.query.startswith("/")]
    assert offered
    assert all(q.endswith("?") and q[0].isupper() and not q.endswith("…") for q in offered), offered


async def test_a_decline_suggests_about_what_the_question_named(core: Core) -> None:
    murati = await Chat(core).say("How old is Mira Murati?")
    whisper = await Chat(core).say("How many languages does Whisper speak in Klingon?")
    generic = await Chat(core).say("What is the weather like in Paris?")
    assert murati.kind == "decline" and any("Murati" in s.query for s in murati.suggestions)
    assert whisper.kind == "decline" and any("Whisper" in s.query for s in whisper.suggestions)
    assert murati.suggestions != generic.suggestions != whisper.suggestions


async def test_decline_suggestions_follow_the_chats_language(core: Core) -> None:
    reply = await Chat(core).say("Quel âge a Mira Murati ?")
    assert reply.lang == "fr" and reply.suggestions
    assert all(s.query.endswith(" ?") for s in reply.suggestions), "French questions, French spacing"


# -- commands and small talk ---------------------------------------------------------------------------------


async def test_french_help_is_french_throughout_and_mentions_lang_auto(chat: Chat) -> None:
    await chat.say("/lang fr")
    shown = text(await chat.say("/help"))
    assert "/lang auto" in shown
    for english in ("[person]", "[filter]", "[topic]", "[language]", "[number]", "Commands", "Try asking"):
        assert english not in shown, english
    assert "/who [personne]" in shown and "/timeline [filtre]" in shown
    for command in visible_commands():
        assert command.usage("fr") in shown


@pytest.mark.parametrize(
    ("words", "lang"),
    [("english", "en"), ("anglais", "en"), ("français", "fr"), ("francais", "fr"), ("French", "fr"), ("fr", "fr")],
)
async def test_lang_understands_language_names(chat: Chat, words: str, lang: str) -> None:
    reply = await chat.say(f"/lang {words}")
    assert reply.kind == "info" and reply.lang == lang
    assert (await chat.say("/about")).lang == lang


async def test_who_without_a_name_or_unknown_and_people_list_the_same_everyone(core: Core, chat: Chat) -> None:
    everyone = [p.name for p in core.knowledge.people()]
    replies = [await chat.say("/who"), await chat.say("/who Zorglub"), await chat.say("/people")]
    for reply in replies:
        listed = [line.removeprefix("• ").split(" — ")[0] for line in text(reply).splitlines() if line.startswith("• ")]
        assert listed == everyone


async def test_subscribe_with_an_unknown_mode_is_refused_and_changes_nothing(chat: Chat) -> None:
    await chat.say("/subscribe murati digest 08:00")
    before = text(await chat.say("/subscriptions"))
    for request in ("/subscribe murati weekly", "/subscribe Mira Murati hebdomadaire", "/subscribe weekly"):
        reply = await chat.say(request)
        assert reply.kind == "decline", request
        assert "immediate" in text(reply) and "digest" in text(reply)
    assert text(await chat.say("/subscriptions")) == before
    assert (await chat.say("/subscribe openai departures")).kind == "info", "a keyword topic may be two words"


@pytest.mark.parametrize("message", ["ok thanks", "merci beaucoup", "cool", "👍", "Thanks!", "super, merci !", "ok"])
async def test_acknowledgements_get_a_short_friendly_reply(chat: Chat, message: str) -> None:
    reply = await chat.say(message)
    assert reply.kind == "smalltalk", message
    assert smalltalk_key(message) in {"smalltalk-thanks", "smalltalk-ok"}


@pytest.mark.parametrize("message", ["Who is OK?", "ok so when did Radford leave OpenAI?", "you"])
def test_questions_with_acknowledging_words_are_not_small_talk(message: str) -> None:
    assert smalltalk_key(message) is None


async def test_drawing_runs_off_the_event_loop() -> None:
    import asyncio
    import time

    from handlers.chart import ChartEvent, TimelineChart

    events = tuple(ChartEvent(n, f"20{16 + n % 9}-0{1 + n % 9}", "a date", f"event {n}") for n in range(1, 12))
    chart = TimelineChart(f"Loop test {time.time()}", "en", events)  # never drawn before: not in the cache
    gaps: list[float] = []
    drawing = asyncio.ensure_future(draw(chart))
    last = time.perf_counter()
    while not drawing.done():
        await asyncio.sleep(0.005)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    result = await drawing
    assert result.seconds > 0 and len(gaps) > 3, "the loop kept turning while the picture was drawn"
    # On the loop, one gap would last the whole drawing; off it, the loop turns every few milliseconds.
    assert max(gaps) < result.seconds * 0.6, f"the loop stalled {max(gaps):.3f} s of {result.seconds:.3f} s"
