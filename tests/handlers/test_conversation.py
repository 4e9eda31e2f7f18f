"""Every command in both languages through the core, bad arguments, follow-ups and suggestions."""

from __future__ import annotations

import pytest

from bot.core import Core
from handlers.commands import COMMANDS, visible_commands
from handlers.markup import render_plain
from handlers.types import Reply
from tests.handlers.conftest import Chat


def text(reply: Reply) -> str:
    return render_plain(reply.blocks)


async def test_help_lists_every_visible_command_with_its_declared_description(chat: Chat) -> None:
    for lang, prefix in (("en", "/help"), ("fr", "/help")):
        await chat.say(f"/lang {lang}")
        reply = await chat.say(prefix)
        shown = text(reply)
        for command in visible_commands():
            assert f"/{command.name}" in shown
            assert command.description(lang) in shown
        assert reply.suggestions, "help offers example questions as buttons"


def test_every_command_has_descriptions_in_both_languages() -> None:
    for command in COMMANDS:
        en, fr = command.description("en"), command.description("fr")
        assert en and fr and en != f"cmd-{command.name}" and en != fr
        for param in command.params:
            assert param.description("en") != f"param-{command.name}-{param.name}"
            assert param.description("fr") != param.description("en")


@pytest.mark.parametrize(
    ("question", "lang", "expected"),
    [
        ("When did Alec Radford join OpenAI?", "en", "2016"),
        ("Quand Radford a-t-il rejoint OpenAI ?", "fr", "2016"),
        ("quand radfrod a t il rejoint openia", "fr", "2016"),
        ("Who was OpenAI's CTO?", "en", "Murati"),
        ("Qui était la directrice de la technologie d'OpenAI ?", "fr", "Murati"),
        ("How much stock did OpenAI sell?", "en", "800"),
        ("Whisper?", "en", "Whisper"),
    ],
)
async def test_questions_are_answered_in_the_askers_language_with_a_source(
    chat: Chat, question: str, lang: str, expected: str
) -> None:
    reply = await chat.say(question)
    assert reply.answered and reply.kind == "answer"
    assert reply.lang == lang
    assert expected in (reply.answer_text or "")
    assert reply.citation is not None and reply.citation.sentence
    assert "Source" in text(reply)


@pytest.mark.parametrize(
    "question",
    [
        "How old is Alec Radford?",
        "When was OpenAI founded?",
        "What's the weather like in Paris today?",
        "Quel est le plus long fleuve de France ?",
        "When was GPT-4 released?",
        "Who is Sam Altman?",
    ],
)
async def test_questions_the_sources_do_not_cover_are_declined_with_suggestions(chat: Chat, question: str) -> None:
    reply = await chat.say(question)
    assert not reply.answered and reply.kind == "decline"
    assert 1 <= len(reply.suggestions) <= 3
    assert all(s.query for s in reply.suggestions)


async def test_a_decline_suggests_questions_about_whom_it_named(chat: Chat) -> None:
    reply = await chat.say("How old is Alec Radford?")
    assert any("Radford" in s.query for s in reply.suggestions)


async def test_pressing_a_suggestion_asks_a_question_the_bot_answers(chat: Chat) -> None:
    reply = await chat.say("What is Mira Murati's favourite food?")
    for suggestion in reply.suggestions:
        followed = await chat.say(suggestion.query)
        assert followed.answered, suggestion.query


async def test_follow_up_pronouns_resolve_to_the_person_last_talked_about(chat: Chat) -> None:
    first = await chat.say("Who is Mira Murati?")
    assert first.answered and "Murati" in (first.answer_text or "")
    follow = await chat.say("and when did she announce her departure?")
    assert follow.answered and "2024" in (follow.answer_text or "")
    await chat.say("Qui est John Schulman ?")
    again = await chat.say("et il est parti où ?")
    assert again.answered and "Anthropic" in (again.answer_text or "")


async def test_a_french_inversion_repeating_a_named_noun_asks_about_no_person(core: Core) -> None:
    """ "la démission a-t-elle…": the pronoun is the resignation's; "a-t-elle démissionné ?" points at someone."""
    chat = Chat(core, chat="inversion", user="inversion", locale="fr")
    for question in (
        "Quel jour la démission a-t-elle été révélée ?",
        "Quand l'annonce a-t-elle été faite ?",
        "la demission est elle definitive",  # typed without hyphens
        "Combien de chercheurs ont quitté l'entreprise, s'il vous plaît ?",  # the "il" of "s'il" is no one
    ):
        assert "De qui parlez-vous" not in text(await chat.say(question)), question
    fresh = Chat(core, chat="pointing", user="pointing", locale="fr")  # nobody talked about yet
    assert "De qui parlez-vous" in text(await fresh.say("Et quand a-t-elle démissionné ?"))


async def test_a_pronoun_for_someone_the_question_describes_is_not_a_follow_up(core: Core) -> None:
    """ "the analyst… when he commented": the question says whom it means, though it names no one."""
    chat = Chat(core, chat="described", user="described")
    reply = await chat.say("What did the analyst say when he commented on the departures?")
    assert "Whom do you mean" not in text(reply)
    fresh = Chat(core, chat="undescribed", user="undescribed")
    assert "Whom do you mean" in text(await fresh.say("and what did he say about it?"))


async def test_spoken_french_naming_its_pronoun_after_the_question_word_is_not_a_follow_up(core: Core) -> None:
    """ "il a dit quoi l'analyste ?": the pronoun's noun comes after the question word, in spoken French."""
    chat = Chat(core, chat="dislocated", user="dislocated", locale="fr")
    for question in (
        "il a dit quoi l'analyste de Wall Street ?",
        "elle a été annoncée quand la démission ?",
        "il bosse où exactement le chercheur ?",
    ):
        assert "De qui parlez-vous" not in text(await chat.say(question)), question
    fresh = Chat(core, chat="dislocated-none", user="dislocated-none", locale="fr")
    assert "De qui parlez-vous" in text(await fresh.say("il a quitté le poste quand ?"))
    assert "De qui parlez-vous" in text(await fresh.say("il bosse dans la tech ou la finance ?"))  # "ou" is "or"


async def test_follow_ups_stay_within_their_chat(core: Core) -> None:
    alice, bob = Chat(core, chat="a", user="a"), Chat(core, chat="b", user="b")
    await alice.say("Who is Mira Murati?")
    reply = await bob.say("when did she announce her departure?")
    assert not reply.answered and reply.kind == "decline"
    assert any(s.query.startswith("/who ") for s in reply.suggestions)


@pytest.mark.parametrize(
    ("greeting", "lang"), [("hello", "en"), ("Bonjour !", "fr"), ("merci", "fr"), ("thanks!", "en")]
)
async def test_small_talk_gets_a_friendly_reply_not_a_decline(chat: Chat, greeting: str, lang: str) -> None:
    reply = await chat.say(greeting)
    assert reply.kind == "smalltalk" and not reply.answered
    assert reply.lang == lang
    assert reply.suggestions


async def test_timeline_in_order_with_precision_and_undated_events_placed(chat: Chat) -> None:
    reply = await chat.say("/timeline")
    lines = text(reply).splitlines()
    joined = "\n".join(lines)
    assert joined.index("2016") < joined.index("June 2018") < joined.index("February 2019")
    assert joined.index("before Radford's departure") < joined.index(". December 2024")
    french = await Chat(chat.core, chat="fr", user="fr", locale="fr").say("/timeline 2018")
    assert "juin 2018" in text(french) and "2016 —" not in text(french)


async def test_timeline_filters_and_bad_filters(chat: Chat) -> None:
    murati = text(await chat.say("/timeline murati"))
    assert "Murati" in murati and "Whisper" not in murati
    nothing = await chat.say("/timeline 1850")
    assert nothing.kind == "decline" and "1850" in text(nothing)


async def test_who_profiles_people_even_with_typos_and_refuses_strangers(chat: Chat) -> None:
    reply = await chat.say("/who murrati")
    assert reply.title == "Mira Murati" and "CTO" in text(reply)
    unknown = await chat.say("/who nobody")
    assert unknown.kind == "decline" and "nobody" in text(unknown)
    assert {s.label for s in unknown.suggestions} >= {"Alec Radford"}
    empty = await chat.say("/who")
    assert empty.kind == "decline"


async def test_people_sources_about(chat: Chat) -> None:
    people = text(await chat.say("/people"))
    for name in ("Alec Radford", "Mira Murati", "Bob McGrew", "John Schulman", "Ilya Sutskever", "Mark Chen"):
        assert name in people
    sources = text(await chat.say("/sources"))
    assert "père du GPT" in sources and "Improving Language Understanding" in sources
    about = text(await chat.say("/about"))
    assert "facts" in about and "sources" in about


async def test_lang_is_persisted_per_user_and_validated(core: Core) -> None:
    chat = Chat(core, user="polyglot")
    assert (await chat.say("/lang de")).kind == "decline"
    set_fr = await chat.say("/lang fr")
    assert set_fr.lang == "fr"
    reply = await chat.say("When did Alec Radford join OpenAI?")
    assert reply.lang == "fr" and "2016" in (reply.answer_text or "")
    assert (await chat.say("/lang auto")).kind == "info"
    assert (await chat.say("When did Alec Radford join OpenAI?")).lang == "en"


async def test_platform_locale_decides_when_the_text_does_not(core: Core) -> None:
    chat = Chat(core, user="fr-user", locale="fr-FR")
    assert (await chat.say("/help")).lang == "fr"
    assert (await chat.say("Murati")).lang == "fr"


async def test_ask_command_and_unknown_command(chat: Chat) -> None:
    assert (await chat.say("/ask Who founded Anthropic?")).answered
    assert (await chat.say("/ask")).kind == "decline"
    unknown = await chat.say("/frobnicate")
    assert unknown.kind == "decline" and "/frobnicate" in text(unknown)


@pytest.mark.parametrize(
    "hostile",
    [
        "",
        "   ",
        "x" * 100_000,
        "🤖🔥🤖",
        "\x00\x07\x1b[31m",
        "'; DROP TABLE facts; --",
        "<script>alert(1)</script>",
        "Радфорд 雷德福 راdford",
        "/who " + "a" * 10_000,
        "/timeline \x00",
    ],
)
async def test_bad_input_gets_a_polite_reply_and_leaves_the_store_unchanged(core: Core, hostile: str) -> None:
    before = await core.store.count_facts()
    reply = await Chat(core).say(hostile)
    assert reply.kind in {"decline", "info", "smalltalk"}
    assert render_plain(reply.blocks).strip()
    assert await core.store.count_facts() == before


@pytest.mark.parametrize(
    ("question", "publisher"),
    [
        ("Which newspaper reported that Mira Murati was stepping down?", "CNN"),
        ("Quel journal a annoncé que Schulman partait chez Anthropic ?", "The Information"),
    ],
)
async def test_a_question_about_who_reported_the_news_is_answered_with_its_publisher(
    chat: Chat, question: str, publisher: str
) -> None:
    reply = await chat.say(question)
    assert reply.answered and publisher in (reply.answer_text or ""), (question, reply.answer_text)


async def test_a_pronoun_in_a_new_chat_is_whom_the_one_well_fitting_fact_is_about(core: Core) -> None:
    """ "Il prévoit aussi de travailler avec d'autres acteurs de l'IA ?" fits Radford's plan clearly: it is
    answered. A pronoun of the other gender, or a question many people's facts fit, still asks whom."""
    fresh = Chat(core, chat="fits", user="fits", locale="fr")
    reply = await fresh.say("Il prévoit aussi de travailler avec d'autres acteurs de l'IA ?")
    assert reply.answered and "Radford" in (reply.answer_text or "")
    other = Chat(core, chat="fits-she", user="fits-she", locale="fr")
    she = await other.say("Elle prévoit aussi de travailler avec d'autres acteurs de l'IA ?")
    assert "De qui parlez-vous" in text(she)
    vague = Chat(core, chat="fits-vague", user="fits-vague")
    assert "Whom do you mean" in text(await vague.say("when did she announce her departure?"))
    # Several facts fit, all of them Radford's: that is no doubt about whom it means.
    same = Chat(core, chat="fits-same", user="fits-same")
    reply = await same.say("what does him leaving say about the big ai companies, like what problem does it show")
    assert reply.answered and "talent" in (reply.answer_text or "")
