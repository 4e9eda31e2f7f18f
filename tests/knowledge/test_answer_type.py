"""A question that asks "which company…?" needs a fact that names a company besides the ones it gives; one that
asks who founded, runs or heads something needs a fact that names a person."""

from __future__ import annotations

import pytest

from bot.core import Core
from handlers.types import Incoming
from knowledge.answer_type import (
    ORGANIZATION,
    PERSON,
    asks_exact_day,
    asks_since_when,
    asks_title,
    counted_words,
    name_of_new_organisation,
    name_of_role,
    names_a_person,
    organisation_named,
    quotes_title,
    role_named,
    wanted_kind,
)
from knowledge.base import Knowledge
from knowledge.ingest import ingest_article, parse_article
from knowledge.markers import gives_day
from knowledge.store.sqlite_facts import SQLiteStore


@pytest.mark.parametrize(
    "question",
    [
        "Which company did she join?",
        "which start-up did he found",
        "What new lab is he starting?",
        "Quelle entreprise a-t-elle rejointe ?",
        "Pour quel concurrent travaille-t-il maintenant ?",
        "Dans quelle université enseignait-il ?",
        "What is her company called?",
        "what's the name of his start-up",
        "Quel est le nom de sa nouvelle société ?",
        "Comment s'appelle sa boîte ?",
        "Which foundry manufactures the Lucia chip?",
        "Quel cabinet va réaliser l'audit ?",
        "Which Belgian hospitals use Parloir?",
        "Quels autres journaux font partie du GEPI ?",
        "Which car supplier did she work for in Munich?",
        "Chez quel équipementier a-t-elle travaillé ?",
        "Which investors bought those OpenAI shares?",
        "Qui sont les nouveaux investisseurs qui ont acheté les actions ?",
        "Could you name the backers of the round?",
        "OpenAI new investors names",
        "investisseurs openai noms vente actions",
        "What are the names of the investors?",
        "Pourriez-vous me donner les noms des nouveaux investisseurs ?",
        "which other AI companies is he teaming up with, any names?",
    ],
)
def test_questions_that_want_an_organisation_named(question: str) -> None:
    assert wanted_kind(question) == ORGANIZATION


@pytest.mark.parametrize(
    "question",
    [
        "Who founded the company?",
        "who runs the bank now",
        "Qui dirige Kestrel aujourd'hui ?",
        "Who is the new CEO of Veltris?",
        "Qui a remplacé Delvaux ?",
        "qui est a la tete du groupe BlackMarrow",
        "ok and who is in charge of the network?",
        "Which two board members voted against ending the contract?",
        "quels élus ont voté contre ?",
    ],
)
def test_questions_that_want_a_person_named(question: str) -> None:
    assert wanted_kind(question) == PERSON


@pytest.mark.parametrize(
    "question",
    [
        "What does the company do?",
        "Who is Mira Murati?",  # the answer is about her: no other person needed
        "Who led the round?",  # a fund, often
        "Who made the trains?",  # a maker
        "Is Sutskever one of the people who founded OpenAI?",  # a relative "who" asks nothing
        "What is OpenAI?",
        "Quand la société a-t-elle été créée ?",
        "Combien d'employés compte l'entreprise ?",
        "Which outlet reported it?",  # a source, which the answer cites: not an entity the fact must name
        "What percentage of members voted for the merger?",  # a share of them, not their names
        "Did the investors name a new chief executive?",  # "name" as what they did
    ],
)
def test_questions_that_do_not(question: str) -> None:
    assert wanted_kind(question) is None


ARTICLE = """Harbor Analytics names a new research chief

Maya Lindgren has joined Harbor Analytics as head of research, the Oslo-based company said on Monday. Lindgren
spent six years at Fjordline Systems, where she led the speech team, before she left in March 2025. Harbor
Analytics was founded in 2018 by Erik Solberg and employs about 140 people across two offices. Solberg said the
company would publish its first open model later this year, without giving a date or a name for it.
"""


@pytest.fixture
async def knowledge(store: SQLiteStore) -> Knowledge:
    await ingest_article(store, parse_article(ARTICLE, date="2025-06-02", lang="en"), notify=False)
    return await Knowledge.load(store)


async def test_which_company_is_answered_by_a_fact_naming_another_company(knowledge: Knowledge) -> None:
    result = knowledge.ask("Which company did Maya Lindgren leave in March 2025?")
    assert result.answered and result.fact is not None
    assert "Fjordline" in result.fact.text.en


@pytest.mark.parametrize(
    "question",
    [
        "Which company did Erik Solberg work for before founding Harbor Analytics?",
        "Quelle entreprise Erik Solberg dirigeait-il avant Harbor Analytics ?",
    ],
)
async def test_which_company_is_declined_when_the_facts_name_only_the_questions_own(
    knowledge: Knowledge, question: str
) -> None:
    # Every sentence about Solberg names Harbor Analytics alone: where he worked before is not there.
    result = knowledge.ask(question)
    assert not result.answered, result.fact


FERRY = """Nordlys Ferries adds two electric ships

Nordlys Ferries, the Tromsø operator founded in 2011 by Ingrid Haugen, will add two electric ships to its fleet
next spring, the company said on Tuesday. The ships are being built by Vestvik Yard, a shipbuilder in Ålesund that
was sold to a Danish group in 2024, and will each carry up to 300 passengers on the route to Skjervøy. Haugen said
the new ships would cut the company's fuel bill by about a third.
"""


async def test_who_founded_or_runs_needs_a_fact_naming_a_person(store: SQLiteStore) -> None:
    await ingest_article(store, parse_article(FERRY, date="2026-03-03", lang="en"), notify=False)
    knowledge = await Knowledge.load(store)
    founded = knowledge.ask("Who founded Nordlys Ferries?")
    assert founded.answered and founded.fact is not None and "Haugen" in founded.fact.text.en
    # The one sentence about the shipyard names no one: who runs it is not in the article (it was its answer).
    for question in ("Who runs Vestvik Yard?", "Who is the CEO of Vestvik Yard?", "Qui dirige Vestvik Yard ?"):
        assert not knowledge.ask(question).answered, question


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Alice Zentra left Paldan AI in December 2012 to found Cornex AI in Berlin.", True),
        ("Louis Tocorro a quitté Lukaquinex en mai 2013 pour fonder Dorzen Systems.", True),
        ("The ships are being built by Vestvik Yard, a shipbuilder sold to a Danish group.", False),
    ],
)
def test_a_full_name_answers_who_even_when_the_store_has_no_entity_for_it(text: str, names: bool) -> None:
    """Facts extracted from a bundled source with the gazetteer alone (as the benchmarks' stores are) know no new
    people: "Who founded Cornex AI?" is still answered by the sentence that gives the founder's full name."""
    assert names_a_person(text) is names


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("How many employees does Nordlys have?", "employees does nordlys have"),
        ("Combien de salariés emploie la coopérative ?", "salaries emploie la cooperative"),
        ("Veltrion a fait combien de chiffre d'affaires ?", "chiffre d'affaires"),
        ("Combien coûte le billet ?", None),
        ("How much did it raise?", None),
    ],
)
def test_what_a_how_many_question_counts(question: str, counted: str | None) -> None:
    assert counted_words(question) == counted


async def test_how_many_needs_a_fact_that_counts_what_is_asked(store: SQLiteStore) -> None:
    await ingest_article(store, parse_article(FERRY, date="2026-03-03", lang="en"), notify=False)
    knowledge = await Knowledge.load(store)
    ships = knowledge.ask("How many passengers will each new ship carry?")
    assert ships.answered and ships.fact is not None and "300" in ships.fact.text.en
    # The article counts passengers, not crew members or employees: no sentence about the ships answers these.
    for question in ("How many employees does Nordlys Ferries have?", "Combien de salariés compte Nordlys Ferries ?"):
        assert not knowledge.ask(question).answered, question


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("How long has Helen Okonjo-Barrett been chief executive of the trust?", True),
        ("do you happen to know how long Sir Anthony Brereton has been chairman of Thornbury?", True),
        ("Depuis quand Gregory Amsel dirige-t-il Pellucid ?", True),
        ("ça fait combien de temps qu'elle est présidente ?", True),
        ("How long did Radford work at OpenAI?", True),
        ("How long did the strike last?", False),
        ("How long did the strike at Sète go on?", False),  # "at" of a place, not of an employer
        ("How long was Okonjo at Thornbury?", True),
        ("How long does the AESL contract run?", False),
        ("When did Radford join OpenAI?", False),
    ],
)
def test_questions_that_ask_since_when_a_state_has_held(question: str, asks: bool) -> None:
    assert asks_since_when(question) is asks


HARBOUR = """Kestrelmouth port approves offshore wind base

The Kestrelmouth Port Authority approved on Thursday plans by the Greyhaven consortium to build a base for offshore
wind turbines on the north quay. "This is the biggest investment the harbour has seen in a generation," said the
authority's chair, Margaret Ellison. The base was founded on a former fish market, which closed in 1998, and will
employ about 200 people once it opens in 2028, the consortium said. Greyhaven's chief executive, Tom Reed, has led
the consortium since 2019.
"""


async def test_since_when_is_declined_when_the_facts_only_give_the_title(store: SQLiteStore) -> None:
    await ingest_article(store, parse_article(HARBOUR, date="2026-03-05", lang="en"), notify=False)
    knowledge = await Knowledge.load(store)
    # The article calls Ellison the authority's chair, and never says since when.
    for question in (
        "How long has Margaret Ellison been chair of the Kestrelmouth Port Authority?",
        "Depuis quand Margaret Ellison préside-t-elle la Kestrelmouth Port Authority ?",
    ):
        assert not knowledge.ask(question).answered, question
    led = knowledge.ask("How long has Tom Reed been in charge of Greyhaven?")
    assert led.answered and led.fact is not None and "2019" in led.fact.text.en


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("What's the name of the Wall Street analyst quoted?", "analyst"),
        ("Comment s'appelle l'analyste de Wall Street cité ?", "analyste"),
        ("il s'appelle comment le délégué CGT ?", "delegue"),
        ("spokesperson name?", "spokesperson"),
        ("Who is the lawyer for the victim?", "lawyer"),
        ("What's the analyst's name?", "analyst"),
        ("the wall street analyst quoted, what's his name?", "analyst"),
        ("l'analyste cité, c'est quoi son nom ?", "analyste"),
        ("Who is the source of this news?", None),  # a source is what the reply's citation gives
        ("Who is the new chief executive of Tessaline?", None),  # a title: the facts name who holds it
        ("What did the analyst say?", None),
    ],
)
def test_questions_that_ask_the_name_of_someone_mentioned_by_role(question: str, role: str | None) -> None:
    assert name_of_role(question) == role


async def test_a_strong_match_that_does_not_give_the_name_asked_is_declined(core: Core) -> None:
    """Every word of "dis-moi le nom de l'analyste de Wall Street cité" is in the analyst's fact; the name is not."""
    for question in ("dis-moi le nom de l'analyste de wall street cité", "the wall street analyst quoted, his name?"):
        reply = await core.handle(Incoming.from_text("console", "local", "local", question))
        assert not reply.answered, question


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("A Wall Street analyst said that the departure of technical souls like Alec Radford could signal…", False),
        ("Un analyste de Wall Street a souligné que le départ d'Alec Radford pourrait annoncer…", False),
        ("a Wall Street analyst commented on Alec Radford's departure.", False),
        ("Rosalind Achterberg, an analyst at Fenwick, said the deal was fair.", True),
        ("said the analyst Jane Doe.", True),
        ("an analyst at Fenwick Partners, Jane Doe, said", True),
        ("le porte-parole de la société, Jean Dupont, a indiqué", True),
        ("Nothing about anyone here.", None),
        ("The analysis by Jane Doe found no fault.", None),  # an analysis is no analyst
        ("The analyst added, Jane Doe noted, that…", False),  # "added" is no "at"
    ],
)
def test_a_role_is_named_only_by_a_name_in_apposition(text: str, named: bool | None) -> None:
    role = "porte-parole" if "porte" in text else "analyst"
    assert role_named([text], role) is named


async def test_the_name_of_an_unnamed_analyst_is_declined_and_what_they_said_is_answered(core: Core) -> None:
    for number, question in enumerate(
        ("What's the name of the Wall Street analyst quoted?", "Comment s'appelle l'analyste de Wall Street cité ?")
    ):
        reply = await core.handle(Incoming("cli", f"analyst{number}", "eval", question))
        assert not reply.answered, question
    reply = await core.handle(Incoming("cli", "analyst-said", "eval", "What did the Wall Street analyst say?"))
    assert reply.answered and "analyst" in (reply.answer_text or "")


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("whats the name of radford's new lab or startup?", "lab"),
        ("comment s'appelle la nouvelle boite de radford ?", "boite"),
        ("Comment s'appelle le labo que Radford va créer ?", "labo"),
        ("Is Radford starting his own company? What's it called?", "company"),
        ("Radford nouvelle startup nom", "startup"),
        ("Comment s'appelle son nouveau labo ?", "labo"),
        ("What is the name of the company Radford left?", None),  # not a new one: the facts name it
        ("Which startup did he join?", None),
    ],
)
def test_questions_that_ask_the_name_of_a_new_organisation(question: str, noun: str | None) -> None:
    assert name_of_new_organisation(question) == noun


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Daniel Ashworth left to found a startup, Lanternfish, in May.", True),
        ("La start-up toulousaine Aéroculture Systèmes a levé 12 millions.", True),
        ("Lanternfish, the startup he founded, raised $85 million.", True),
        ("Sa nouvelle société, Corvid Robotics, emploie 40 personnes.", True),  # another noun of the family
        ("He plans to launch a startup next year.", False),  # mentioned, not named
        ("Alec Radford left OpenAI to pursue independent research.", False),  # not even mentioned
        ("Alec Radford, who started at OpenAI in 2016, left.", False),  # "started" is no start-up
    ],
)
def test_a_new_organisation_is_named_beside_its_noun(text: str, named: bool) -> None:
    assert organisation_named([text]) is named


async def test_the_name_of_a_new_startup_the_sources_do_not_give_is_declined(core: Core) -> None:
    for number, question in enumerate(
        ("What's the name of Radford's new startup?", "Comment s'appelle le labo que Radford va créer ?")
    ):
        reply = await core.handle(Incoming("cli", f"startup{number}", "eval", question))
        assert not reply.answered, question


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What was the title of Sutskever's NeurIPS talk?", True),
        ("Quel était le titre de la conférence de Sutskever à NeurIPS ?", True),
        ("Bonjour, quel était le titre exact de l'intervention d'Ilya ?", True),
        ("GPT-2 paper title?", True),
        ("what was the 2018 paper called?", True),
        ("Comment s'appelait son livre ?", True),
        ("What is Mark Chen's job title?", False),  # a job title is a role, not a work's title
        ("Quel est son titre chez OpenAI ?", False),
        ("Quel titre de conférence est cité pour les propos de Sutskever ?", False),  # which conference: NeurIPS
    ],
)
def test_a_question_asks_a_title_only_of_a_work(question: str, asked: bool) -> None:
    assert asks_title(question) is asked


def test_a_title_is_given_by_a_quotation_of_two_words_or_more() -> None:
    assert quotes_title('the GPT-2 paper, "Language Models are Unsupervised Multitask Learners", by Alec Radford')
    assert quotes_title("le jeu « Terres d'Ombre » a déçu")
    assert not quotes_title("Ilya Sutskever gave a talk in which he credited Radford")
    assert not quotes_title('a "landmark" paper')


@pytest.mark.parametrize(
    "question",
    ["whats the name of the wall street analist quoted?", "What's the name of the Wall Street anaylst quoted?"],
)
def test_a_misspelt_role_is_still_read_as_that_role(question: str) -> None:
    assert name_of_role(question) == "analyst"


def test_who_exactly_were_the_investors_wants_an_organisation() -> None:
    assert wanted_kind("who exactly were the new investors buying openai shares?") == ORGANIZATION


async def test_what_the_sources_leave_unsaid_is_declined_however_close_the_words(core: Core) -> None:
    """Each question shares most of its words with one fact that does not say what it asks: a work's title, the
    names of buyers, what came before a move or after a resignation."""
    for question in (
        "Quel était le titre de la conférence de Sutskever à NeurIPS ?",
        "Could you please name the investors who bought those OpenAI shares? Thank you.",
        "What did Radford do before he joined OpenAI?",
        "Que faisait Radford avant de rejoindre OpenAI ?",
        "Could you tell me what Mira Murati went on to do after she resigned from OpenAI?",
        "Hi, could you tell me who is funding Radford's independent research? Thanks!",  # funding must be stated
    ):
        reply = await core.handle(Incoming.from_text("console", "local", "local", question))
        assert not reply.answered, question
    for question, snippet in (
        ("What was the title of the GPT-2 paper?", "Multitask"),
        ("What did Schulman do after leaving OpenAI?", "Anthropic"),
        ("Will OpenAI keep working with Radford after he leaves?", "Alec"),
    ):
        reply = await core.handle(Incoming.from_text("console", "local", "local", question))
        assert reply.answered and snippet in (reply.answer_text or ""), question


async def test_a_fact_sharing_only_the_kind_of_answer_is_no_answer(store: SQLiteStore) -> None:
    """ "How long did the strike last?" shares only "how long" with Radford's eight years at OpenAI."""
    knowledge = await Knowledge.load(store)
    for question in ("How long did the strike last?", "Combien de temps a duré la grève ?"):
        result = knowledge.ask(question)
        assert not result.answered, (question, result.fact)
        ranked = [result.best, *result.alternatives] if result.best else list(result.alternatives)
        assert all(candidate.lacks for candidate in ranked if "Radford" in candidate.fact.text.en), question


async def test_what_someone_said_is_answered_only_by_their_own_words(core: Core) -> None:
    """ "Did Radford tweet anything about leaving?" asks for Radford's words: Mark Chen's about him, or a newspaper's
    report that he was leaving, are someone else's."""
    for question in (
        "Did Radford tweet anything about leaving?",
        "On what exact date did Radford announce his resignation?",
    ):
        reply = await core.handle(Incoming.from_text("console", "local", "local", question))
        assert not reply.answered or "Chen" not in (reply.answer_text or ""), question
        assert "The Information" not in (reply.answer_text or ""), question
    for question, speaker in (
        ("What did Mark Chen say about Radford?", "Chen"),
        ("Qu'a déclaré Mark Chen au sujet de Radford ?", "Chen"),
        ("Who said GPT-2 and GPT-3 were largely due to Radford?", "Sutskever"),  # Radford is spoken of, not speaking
        ("What did Sutskever say about Radford?", "Sutskever"),
    ):
        reply = await core.handle(Incoming.from_text("console", "local", "local", question))
        assert reply.answered and speaker in (reply.answer_text or ""), question


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Lucky Rook Gaming CEO?", PERSON),
        ("pdg kestrel", PERSON),
        ("CEO of Velden?", PERSON),
        ("what does the CEO think?", None),
    ],
)
def test_keywords_for_a_title_ask_who_holds_it(question: str, kind: str | None) -> None:
    assert wanted_kind(question) == kind


def test_an_exact_date_needs_a_day_not_a_month() -> None:
    assert asks_exact_day("On what exact date did Murati resign?") and asks_exact_day("Quel jour est-il parti ?")
    assert not asks_exact_day("when exactly did he come up with it? month and year pls")  # said loosely
    assert gives_day("On 25 September 2024, Murati announced…") and gives_day("le 1er avril")
    assert gives_day("announced on Thursday")
    assert not gives_day("in September 2024") and not gives_day("Radford joined OpenAI in 2016.")


@pytest.mark.parametrize(
    "question",
    ["How old is the CEO?", "When did he become CEO?", "Is there a new CEO?", "CEO salary?", "PDG depuis quand ?"],
)
def test_a_title_in_a_question_about_its_holder_does_not_ask_who_holds_it(question: str) -> None:
    assert wanted_kind(question) is None


def test_a_long_run_of_letters_after_a_title_is_read_at_once() -> None:
    """The keyword pattern once tried every split of a long word into four (two minutes on this message)."""
    assert wanted_kind("ceo " + "a" * 490 + "!") is None
    assert wanted_kind("CEO " + "字" * 200 + "。") is None


def test_real_words_are_not_mended_into_roles_nor_a_newspaper_into_a_day() -> None:
    assert name_of_role("What's the name of the journalism school she attended?") is None
    assert not asks_exact_day("Quel journal a annoncé le départ de Murati ?")
    assert not asks_since_when("How long was the strike at the plant?")
