"""Answers that hold on any phrasing: wrapped, noisy or polite questions reach the fact a plain one does, and
a question that names a thing or asks for a relation the fact does not state never gets that fact.

The examples are ours (written for the issue that asked for this); the blind sets in `data/` measure it."""

from __future__ import annotations

import pytest

from knowledge.base import Knowledge
from knowledge.store.sqlite_facts import SQLiteStore


@pytest.fixture
async def knowledge(store: SQLiteStore) -> Knowledge:
    return await Knowledge.load(store)


@pytest.mark.parametrize(
    ("question", "fact_id"),  # fact_id: the right fact, or the right ones separated by spaces
    [
        # Courtesy, scene-setting and request frames around the question
        (
            "Hi! Sorry to bother you, I'm writing a school report on OpenAI: could you tell me in which year "
            "Radford started working there? Thanks a lot",
            "radford-joins-openai",
        ),
        (
            "Bonjour ! Pourriez-vous me dire, s'il vous plaît, quand Alec Radford a rejoint OpenAI ? Merci beaucoup",
            "radford-joins-openai",
        ),
        ("Hey there, quick question: when did Radford join OpenAI?? thx", "radford-joins-openai"),
        # Noise
        ("@everyone who is Mira Murati?", "profile-murati"),
        ("<@123456789012345678> who is Mira Murati?", "profile-murati"),
        ("https://example.com who is Mira Murati??? 😀", "profile-murati"),
        ("**who** is _Mira Murati_ ?!?!", "profile-murati"),
        # Nicknames and casual words
        ("the brains behind GPT", "profile-radford"),
        ("l'inventeur du GPT", "profile-radford"),
        ("Anthropic, c'est la boîte de qui ?", "amodei-founder-anthropic profile-anthropic"),
        # A profile answers for its own subject
        ("qu'est-ce que GPT-2 ?", "profile-gpt-2"),
        ("What is GPT-1?", "profile-gpt-1"),
        # A "when" inside a what-question is a conjunction, and typos of question words are still read
        ("wen did the gpt2 paper come out", "gpt2-paper-2019"),
        # A slip in a short word of a name given in full is still that name
        ("Which company did Jon Schulman move to?", "schulman-joins-anthropic-2024 profile-schulman"),
        ("What was Barret Zof's job?", "profile-zoph"),
        ("Mira Murrati, c'était quoi son poste ?", "profile-murati murati-resigned"),
        # General news vocabulary: joined = intégré, relies on = architecture, a rival
        ("Depuis quelle année Radford avait-il intégré OpenAI ?", "radford-joins-openai"),
        ("Which company did Schulman go to, a rival of OpenAI?", "schulman-joins-anthropic-2024 profile-anthropic"),
        # A choice offered: the fact that gives one of them answers
        ("Did Radford or Murati build GPT-1?", "radford-built-gpt1"),
        ("Le papier GPT-2, c'était en 2019 ou en 2020 ?", "gpt2-paper-2019"),
        # A nickname said with other words is still the nickname
        ("Who is GPT's dad?", "profile-radford radford-father-of-gpt"),
        ("Le papa du GPT a quitté OpenAI quand ?", "radford-leaves-openai radford-departure-reported-2024"),
        # What someone did after leaving is stated by a fact that they left to join somewhere
        ("And Schulman, what did he do once he had left OpenAI?", "schulman-joins-anthropic-2024 profile-schulman"),
        ("Hey, for a class presentation, in two words: who is Bob McGrew?", "profile-mcgrew"),
        # What someone said: crediting or thanking someone says something
        (
            "What did Ilya say about Alec Radford's work?",
            "sutskever-credits-radford-amodei sutskever-neurips-2024-talk",
        ),
        # A name set aside is not one the answer must involve; "where does X work" asks for a role
        ("À part Radford, qui a quitté OpenAI avant décembre 2024 ?", "earlier-departures openai-exodus"),
        ("Mark Chen works where?", "profile-chen chen-statement"),  # both say: research director at OpenAI
        # Imperative requests and "in a few words" are how people ask "who is"
        ("Présente-moi Mira Murati en deux mots", "profile-murati"),
        ("Describe Barret Zoph briefly", "profile-zoph"),
        # A sale of shares is a sale, though "ventes" alone are a year's sales
        ("Ventes d'actions OpenAI ?", "openai-share-sale"),
    ],
)
async def test_any_phrasing_reaches_the_fact(knowledge: Knowledge, question: str, fact_id: str) -> None:
    result = knowledge.ask(question)
    assert result.answered, (question, result.reason, result.best)
    assert result.fact is not None and result.fact.id in fact_id.split(), (question, result.fact)


@pytest.mark.parametrize(
    "question",
    [
        "did Ilya Sutskever leave OpenAI?",  # his profile does not say he left
        "Est-ce que Sutskever a quitté OpenAI ?",
        "what will his next paper be about?",  # no fact is about a next paper
        "What will Radford publish next?",
        "Quel sera le prochain article de Radford ?",
        "When did Mark Chen join OpenAI?",  # nothing says when he joined
        "Did Murati join Anthropic?",  # Schulman did
        "What is Radford's salary?",  # a word no fact uses is what the question turns on
        "Quelle est la fortune d'Ilya Sutskever ?",
        "radford il a des enfants ?",
        "Who is the CEO of OpenAI?",
        "When was GPT-3 released?",
        "When was Anthropic founded?",  # the Schulman fact mentions its founding, its date is Schulman's move
        # What someone did after leaving, or whether they are still somewhere, must be stated
        "What did Mira Murati do after she left OpenAI?",
        "Qu'a fait Bob McGrew après son départ ?",
        "What did Mira Murati do after OpenAI?",  # after an organisation: after leaving it
        "Is John Schulman still at Anthropic today?",
        # A real word is not a typo of a word the facts use
        "Donne-moi une bonne recette de gâteau",
        "Quel est le salaire moyen chez Anthropic ?",
        "J'ai un trou, tu proposes quoi comme film ?",  # chit-chat
        "How big is Mira Murati's net worth?",  # "worth watching" is attention, not money
        "Quel sera le prochain produit de Radford ?",  # a next project is not the projects he led
        "What did Bob McGrew say about Radford leaving?",  # asked what a person said: a fact must say it
        "Qu'a dit Barret Zoph à propos de Sutskever ?",
        # A valuation, a revenue or a profit must be stated, not any sum: the share sale gives none of them
        "What's OpenAI's valuation after that share sale?",
        "À combien est valorisée OpenAI après la vente d'actions ?",
        "What was OpenAI's revenue last year?",
    ],
)
async def test_a_neighbouring_fact_is_not_an_answer(knowledge: Knowledge, question: str) -> None:
    result = knowledge.ask(question)
    assert not result.answered, (question, result.fact)


async def test_a_slip_of_three_letters_weighs_like_a_small_word(store: SQLiteStore) -> None:
    """ "otu" is "out" mistyped, not a rare word the question turns on: the question is answered as spelled right."""
    knowledge = await Knowledge.load(store)
    right = knowledge.ask("when did the gpt-2 paper come out?")
    slipped = knowledge.ask("when did the gpt-2 paper come otu?")
    assert right.answered and slipped.answered and slipped.fact == right.fact
