"""Relations a fact states through others: whether someone stays is answered by their leaving."""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.base import Knowledge
from knowledge.ingest import ingest_article, parse_article
from knowledge.matcher import MatchResult, read_question
from knowledge.store.sqlite_facts import SQLiteStore

ARTICLES = Path(__file__).with_name("data") / "articles"


async def ingest(store: SQLiteStore, name: str) -> None:
    """Ingests the test article `name` ("h1.en") as an operator would, with its title, date and language."""
    meta = json.loads((ARTICLES / f"{name}.meta.json").read_text(encoding="utf-8"))
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    await ingest_article(store, parse_article(text, title=meta["title"], date=meta["date"], lang=meta["lang"]))


def assert_answers(knowledge: Knowledge, question: str, snippet: str) -> None:
    """`question` is answered by a fact whose source sentence says `snippet`."""
    result = knowledge.ask(question)
    assert result.answered and result.fact is not None, (question, result.reason)
    assert snippet in result.fact.sentence, (question, result.fact.sentence)


def assert_declines(knowledge: Knowledge, *questions: str) -> None:
    for question in questions:
        assert not knowledge.ask(question).answered, question


async def test_whether_someone_stays_is_answered_by_their_leaving(store: SQLiteStore) -> None:
    await ingest(store, "h1.en")
    knowledge = await Knowledge.load(store)
    for question in ("Will Felix Brandt stay on at Pellucid?", "Brandt va-t-il rester chez Pellucid ?"):
        assert_answers(knowledge, question, "leave")


async def test_whether_someone_leaves_is_answered_by_their_staying(store: SQLiteStore) -> None:
    """ "Does Halloway leave Veltrix completely?" is answered by his remaining on the board as chair too."""
    await ingest(store, "u25.en")
    knowledge = await Knowledge.load(store)
    result = knowledge.ask("Does Halloway leave Veltrix completely?")
    said = [c.fact.sentence for c in (result.best, result.rival) if c is not None]
    # The news that he steps down comes first; his staying on as chair, which no longer lacks "leave", beside it.
    assert result.answered and any("remain on the board" in sentence for sentence in said), said


async def test_a_part_of_something_is_not_a_departure(store: SQLiteStore) -> None:
    """ "la partie en cash" is the cash portion, not someone who left ("partie"); "parts" are pieces."""
    await ingest(store, "u5.en")
    knowledge = await Knowledge.load(store)
    reading = read_question(
        "comment norvane va payer la partie en cash ?", knowledge.matcher.analyzer, knowledge.matcher.entities, {}, "fr"
    )
    assert not isinstance(reading, MatchResult) and "leave" not in reading.relations
    assert_answers(knowledge, "comment norvane va payer la partie en cash ?", "cash portion")


async def test_a_project_named_as_a_thing_is_not_a_plan_for_the_future(store: SQLiteStore) -> None:
    """ "les travaux du projet" is the project the story is about: its start is asked, not what anyone intends;
    "ses projets" and "what does she plan" still ask what is to come."""
    knowledge = await Knowledge.load(store)
    analyzer, entities = knowledge.matcher.analyzer, knowledge.matcher.entities
    for question, future in [
        ("les travaux du projet commencent quand ?", False),
        ("what was bothering the mayor about the depot plans?", False),
        ("Quels sont les projets de Radford ?", True),  # whose plans: what he intends
        ("Quels sont ses projets ?", True),
        ("Quels sont ses projets pour ce projet ?", True),
        ("Does the company plan to expand?", True),  # the verb
        ("What does Radford plan to do next?", True),
        ("combien le consortium va investir dans le projet ?", True),  # "va investir": to come, whatever the project
    ]:
        reading = read_question(question, analyzer, entities, {}, "en")
        assert not isinstance(reading, MatchResult)
        assert ("future" in reading.relations) is future, question


async def test_a_move_elsewhere_does_not_say_whether_someone_stayed_there(store: SQLiteStore) -> None:
    """Schulman left OpenAI to join Anthropic: that says nothing of whether he is still at Anthropic."""
    knowledge = await Knowledge.load(store)
    result = knowledge.ask("Is John Schulman still working at Anthropic?")
    assert not (result.answered and result.fact is not None and "join" in result.fact.text.en.lower())


async def test_how_many_people_needs_a_fact_that_counts_someone(store: SQLiteStore) -> None:
    """ "How many people" counts whoever a sentence counts in its own words (seven members of a team), but the
    year someone joined counts no one."""
    assert_declines(await Knowledge.load(store), "How many people work at OpenAI?", "how many ppl work at openai rn?")
    await ingest(store, "t3.en")
    assert_answers(
        await Knowledge.load(store), "how many people from his team are going with Ashworth?", "seven members"
    )


async def test_how_much_money_needs_a_fact_that_gives_a_sum(store: SQLiteStore) -> None:
    """ "How much was Radford paid?" is not answered by how long he stayed; "how much did OpenAI sell" is."""
    knowledge = await Knowledge.load(store)
    assert_declines(
        knowledge,
        "How much was Radford paid at OpenAI?",
        "Radford gagnait combien chez OpenAI ?",
        "What was Radford's pay at OpenAI?",  # no "how much", the same want of a sum
        "What is OpenAI paying Radford now?",
    )
    result = knowledge.ask("How much in shares did OpenAI sell over the past year?")
    assert result.answered and result.fact is not None and "800" in result.fact.text.en


async def test_how_much_of_no_named_thing_needs_a_fact_that_counts_more_than_time(store: SQLiteStore) -> None:
    """ "How much was Radford making?" (read as building) is not answered by the eight years he stayed; how long he
    stayed is, and "le combien ?" asks a day."""
    knowledge = await Knowledge.load(store)
    assert_declines(knowledge, "How much was Radford making at OpenAI?")
    assert_answers(knowledge, "combien de temps Radford est-il resté chez OpenAI ?", "2016")
    result = knowledge.ask("Radford est parti le combien ?")
    assert result.answered and result.fact is not None and result.fact.date is not None


def test_a_sum_is_money_or_a_share() -> None:
    from knowledge.matcher import gives_sum

    for text in ("C$18.5 million", "12 000 euros", "a 7.5 percent pay rise", "310 pence a share", "£38m"):
        assert gives_sum(text), text
    assert not gives_sum("He joined in 2016 and stayed about eight years.")


async def test_the_news_of_something_is_not_a_request_for_its_source(store: SQLiteStore) -> None:
    """ "How did the community take the news of his exit?" asks about the reaction; "Who reported it?" asks who
    published it, and the answer cites them."""
    knowledge = await Knowledge.load(store)
    reaction = knowledge.ask("How did the AI community take the news of Radford's exit?")
    assert reaction.answered and not reaction.cites
    assert reaction.fact is not None and "shock" in reaction.fact.text.en
    source = knowledge.ask("Who reported that Radford was leaving OpenAI?")
    assert source.answered and source.cites


async def test_a_name_set_aside_need_not_be_in_the_answer(store: SQLiteStore) -> None:
    """ "Does Altisène have offices outside Brussels?" is answered by its Luxembourg office, which says nothing
    of Brussels; "outside" and "hors de" set a name aside as "besides" does."""
    await ingest(store, "h2.fr")
    knowledge = await Knowledge.load(store)
    questions = ("Does Altisène have offices outside Brussels?", "Altisène a-t-elle des bureaux hors de Bruxelles ?")
    for question in questions:
        assert_answers(knowledge, question, "Luxembourg")


async def test_a_sentence_that_counts_employees_says_how_many_work_there(store: SQLiteStore) -> None:
    """ "Sonatrace employs about 230 people" never says "work", yet it is how many work there."""
    await ingest(store, "n1.en")
    knowledge = await Knowledge.load(store)
    for question in ("ils sont combien a bosser chez sonatrace", "How many people work at Sonatrace?"):
        assert_answers(knowledge, question, "230")


async def test_a_sum_of_money_says_what_something_cost(store: SQLiteStore) -> None:
    await ingest(store, "u20.fr")
    assert_answers(await Knowledge.load(store), "combien coutent les fouilles elles-memes", "2,3 millions")


async def test_a_percentage_says_a_rate_and_a_lawyer_defends(store: SQLiteStore) -> None:
    """What a sentence says in a number or a role: "recovers more than 95 percent of the lithium" is a recovery
    rate; "a lawyer for the victim" is who defends her."""
    for name, question, expected in (
        ("u37.en", "taux de récupération du lithium ?", "95 percent"),
        ("u2.fr", "Qui défend la victime ?", "Oudjani"),
    ):
        await ingest(store, name)
        assert_answers(await Knowledge.load(store), question, expected)


async def test_what_a_statement_before_the_question_says_happened_is_not_asked(store: SQLiteStore) -> None:
    """ "I remember Brightwater had a CTO before Marchetti arrived; when did Daniel Reyes leave?" asks when Reyes
    left: the arrival is background, and a fact need not state it."""
    await ingest(store, "a1.en")
    knowledge = await Knowledge.load(store)
    question = (
        "Je me souviens que Brightwater avait déjà un directeur technique avant l'arrivée de Marchetti ; "
        "à quelle date Daniel Reyes a-t-il quitté ce poste ?"
    )
    assert_answers(knowledge, question, "Daniel Reyes, who stepped down as CTO in November 2023")


async def test_the_words_of_background_sentences_weigh_less_than_the_question_s(store: SQLiteStore) -> None:
    """Every word of "I saw a screenshot … but it was cropped." once weighed as much as the question's own: no fact
    covered enough of the message, and the bot declined what the last sentence asks plainly."""
    knowledge = await Knowledge.load(store)
    question = (
        "I saw a headline saying OpenAI was quite gracious about Radford's resignation, and I'd like to know what "
        "their research director actually said in the statement quoted in the article."
    )
    assert_answers(knowledge, question, "Mark Chen")
    question = (
        "Ma collègue soutient que GPT-1 a été conçu par une grosse équipe et que Radford n'y a joué qu'un petit rôle ; "
        "moi je pensais l'inverse. On a parié un café là-dessus. Que dit l'article sur sa contribution à GPT-1 ?"
    )
    assert_answers(knowledge, question, "GPT-1")


async def test_how_many_counts_the_noun_an_english_compound_ends_with(store: SQLiteStore) -> None:
    """ "How many soil samples…" counts samples: "We went through more than 4,800 samples" answers it, though it
    never says "soil". A French phrase names its noun first, so "combien d'arrêts sur la ligne" still counts stops."""
    await ingest(store, "u23.en")
    knowledge = await Knowledge.load(store)
    assert_answers(
        knowledge, "How many soil samples did the Dundee team go through before they found the right one?", "4,800"
    )
    reading = read_question(
        "combien d'arrêts sur la ligne", knowledge.matcher.analyzer, knowledge.matcher.entities, {}, "fr"
    )
    assert not isinstance(reading, MatchResult) and not reading.counted_alike


async def test_how_old_is_answered_by_a_sentence_that_gives_the_age_and_only_for_that_person(
    store: SQLiteStore,
) -> None:
    """ "Halloran, 54, the founder…" says how old Halloran is; it says nothing of Maureen Toal's age, and nothing in
    the seed story says Radford's."""
    await ingest(store, "u43.en")
    knowledge = await Knowledge.load(store)
    for question in ("How old is Viktor Halloran?", "quel âge a Halloran ?", "Halloran age?"):
        assert_answers(knowledge, question, "54")
    assert_declines(knowledge, "How old is Maureen Toal?", "How old is Alec Radford?", "Maureen Toal age?")


async def test_an_articles_sentence_may_answer_why_whatever_words_give_its_reason(store: SQLiteStore) -> None:
    """ "Bernard Lestrade a quitté son poste fin février, après avoir démissionné pour marquer son désaccord…" answers
    why he left, though no "because" says so; a curated fact answers why only through its why-samples, so the seed
    story still declines why McGrew left."""
    await ingest(store, "u30.fr")
    knowledge = await Knowledge.load(store)
    assert_answers(knowledge, "pourquoi bernard lestrade a quitte le musee", "désaccord")
    assert_declines(knowledge, "Why did Bob McGrew quit?")


async def test_a_funding_round_named_by_its_letter_is_not_another_round(store: SQLiteStore) -> None:
    """n1's Sonatrace raised "€64 million in a Series B round": that answers the Series B, not the Series A."""
    await ingest(store, "n1.en")
    knowledge = await Knowledge.load(store)
    assert_answers(knowledge, "How much did Sonatrace raise in its Series B?", "64")
    assert_declines(knowledge, "Combien Sonatrace avait-elle levé lors de sa série A ?")


async def test_a_revenue_or_a_valuation_must_be_stated_not_any_sum(store: SQLiteStore) -> None:
    """u26's Pixelune states its chiffre d'affaires; it gives no valuation and no profit, whatever sums it gives."""
    await ingest(store, "u26.fr")
    knowledge = await Knowledge.load(store)
    assert_answers(knowledge, "What was Pixelune's revenue last year?", "27 millions")
    assert_declines(knowledge, "How much profit did Pixelune make in 2025?", "What is Pixelune valued at?")


async def test_a_sites_employees_are_its_workers(store: SQLiteStore) -> None:
    """ "L'usine de Vénissieux, qui emploie 420 salariés…" says how many workers the plant has."""
    await ingest(store, "u44.fr")
    assert_answers(await Knowledge.load(store), "Venissieux workers number", "420")


async def test_the_word_company_weighs_little_against_what_is_asked(store: SQLiteStore) -> None:
    """ "Où est basée la société Brightwater ?" asks where Brightwater is: "the Austin, Texas-based developer…"
    answers it though it never says "société", ahead of a sentence about "the company" opening an office."""
    await ingest(store, "a1.en")
    assert_answers(await Knowledge.load(store), "Ou est basee la societe Brightwater ?", "Austin")


async def test_how_many_staff_is_answered_by_any_count_of_people_working_there(store: SQLiteStore) -> None:
    """ "How many staff does Nordhavn have?" counts people, as "how many people" does: "Nordhavn, which employs 62
    people…" answers it."""
    await ingest(store, "u11.en")
    assert_answers(await Knowledge.load(store), "How many staff does Nordhavn have?", "62")


async def test_which_company_needs_a_company_named_in_the_sentence_not_only_linked_to_it(store: SQLiteStore) -> None:
    """ "Elle rejoint ensuite, à Munich, un équipementier automobile…" is linked to Parloir, the article's company,
    but names no car supplier; the sentence naming the investors Parloir raised money from still answers which
    investors."""
    await ingest(store, "t6.fr")
    knowledge = await Knowledge.load(store)
    assert_declines(knowledge, "Which car supplier did Nadia Ferrand work for in Munich?")
    assert_answers(knowledge, "Which investors did Parloir raise money from in 2024?", "Bpifrance")


async def test_casual_words_for_leaving_and_for_the_person_asked_about(store: SQLiteStore) -> None:
    """ "s'est tiré" is chat French for leaving, and "le mec", "the guy" point at whom the question is about: left
    unknown, each weighed as much as the point of the question and sank the match."""
    knowledge = await Knowledge.load(store)
    assert_answers(knowledge, "bob mcgrew il s'est tiré quand ?", "McGrew")
    assert_answers(knowledge, "c'est qui le mec qu'on appelle le papa de GPT là ?", "père du GPT")
    assert_answers(knowledge, "john schulman, who's that guy again", "Schulman")


async def test_a_salary_is_a_sum_not_a_percentage_but_a_premium_may_be_one(store: SQLiteStore) -> None:
    """ "Son action a gagné 6,4 %" shares "gagné" with a salary question and gives no salary; a premium or a share of
    turnover is rightly a percentage."""
    await ingest(store, "u34.fr")
    await ingest(store, "u5.en")
    knowledge = await Knowledge.load(store)
    assert_declines(knowledge, "Quel est le salaire de la PDG d'Hydrelis ?")
    assert_answers(knowledge, "What premium does the offer represent over the recent trading price?", "34%")


async def test_a_view_of_a_price_need_not_quote_the_sum(store: SQLiteStore) -> None:
    """Asked what an analyst thinks of a price, the analyst's words ("paying a premium") lack nothing: no sum needed."""
    await ingest(store, "h1.en")
    knowledge = await Knowledge.load(store)
    result = knowledge.ask("What does the analyst think of the price Pellucid pays for Orrin?")
    found = [c for c in (result.best, *result.alternatives) if c is not None and "premium" in c.fact.sentence]
    assert found and found[0].lacks == 0, found


def test_a_speaker_is_who_says_not_who_is_spoken_of() -> None:
    from knowledge.matcher import _speaks
    from knowledge.models import Entity, Fact, Localized

    def person(entity_id: str, name: str) -> Entity:
        return Entity(entity_id, "person", name, (name.split()[-1],), Localized("", ""))

    def speaks(who: Entity, text: str) -> bool:
        return _speaks(who, Fact("f", "event", None, (), "s", text, Localized(text, text)), (text,))

    radford, ellison = person("radford", "Alec Radford"), person("ellison", "Margaret Ellison")
    chen = person("chen", "Mark Chen")
    assert not speaks(radford, "Chen said Radford was leaving.")
    assert not speaks(radford, "Mark Chen thanked Radford for his work.")
    report = "The Information reported that Radford, who joined in 2016, was leaving, Chen confirmed."
    assert not speaks(radford, report)
    assert speaks(ellison, "Margaret Ellison, who chairs the authority, said the decision was right.")
    assert speaks(chen, "« Nous avons un profond respect », a déclaré Mark Chen.")
    assert speaks(chen, "Selon Chen, le départ était prévu.")


async def test_a_title_says_the_role_someone_holds(store: SQLiteStore) -> None:
    """ "prend ses fonctions de PDG" asks about a role; the sentence that names her chief executive states one."""
    await ingest(store, "t5.en")
    knowledge = await Knowledge.load(store)
    assert_answers(knowledge, "Quand est-ce que Maren Okafor prend ses fonctions de PDG ?", "Maren Okafor")


async def test_a_salary_rise_is_a_pay_rise(store: SQLiteStore) -> None:
    await ingest(store, "v64.fr")
    knowledge = await Knowledge.load(store)
    assert_answers(knowledge, "What pay rise did the dockers get?", "hausse de salaire")


async def test_who_spoke_for_someone_asks_who_said_something(store: SQLiteStore) -> None:
    await ingest(store, "u2.fr")
    knowledge = await Knowledge.load(store)
    assert_answers(knowledge, "Who spoke for the metropolitan authority about the shuttle contract?", "Lestrade")


async def test_the_president_of_a_co_operative_is_its_chair(store: SQLiteStore) -> None:
    """ "président" and "la présidente de" are one concept, in either language, not "the mayor of"."""
    await ingest(store, "u38.fr")
    knowledge = await Knowledge.load(store)
    assert_answers(knowledge, "Who is the president of the Vernadel cellar?", "Barrachin")
    analyzer = knowledge.matcher.analyzer
    assert analyzer.concepts("président", lang="fr") == analyzer.concepts("la présidente de", lang="fr")


async def test_a_sentence_naming_an_organisation_speaks_of_a_company(store: SQLiteStore) -> None:
    """ "la boîte", "the company": a sentence that names the organisation need not say the word."""
    await ingest(store, "u28.fr")
    knowledge = await Knowledge.load(store)
    assert_answers(knowledge, "elle s'occupait de quoi sophie laval dans la boite ?", "Sophie Laval")
