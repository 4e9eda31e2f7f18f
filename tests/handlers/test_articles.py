"""Articles in the conversation: answers in the asker's language, /who and the present, notifications,
and /removearticle."""

from __future__ import annotations

from pathlib import Path

from bot.core import Core
from handlers.i18n import catalog
from handlers.markup import render_plain
from handlers.notify import Article, update_reply
from knowledge.ingest import ingest_article, parse_article
from tests.handlers.conftest import Chat

ARTICLES = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "articles"
OWN_EN = ARTICLES / "own1.en.txt"
MURATI_NEWS = """title: Murati's new start-up names its chief scientist

Mira Murati, the former chief technology officer of OpenAI, is now the chief executive of Thinking Machines
Lab, the company said on Tuesday. She founded the company in February 2025 with several former OpenAI
researchers, and it has since raised $2 billion from a group of investors led by Andreessen Horowitz.
Thinking Machines Lab is based in San Francisco, where most of its fifty employees work.
"""


async def add(core: Core, text: str, date: str, lang: str | None = None) -> str:
    report = await ingest_article(core.store, parse_article(text, date=date, lang=lang), notify=False)
    await core.knowledge.refresh()
    return report.source_id


async def test_a_relation_answers_a_french_user_in_french_without_the_quote_note(core: Core) -> None:
    await add(core, OWN_EN.read_text(encoding="utf-8"), "2025-03-03", "en")
    chat = Chat(core, locale="fr")
    reply = await chat.say("Qui est le directeur technique de Corvid Robotics ?")
    text = render_plain(reply.blocks)
    assert reply.answered and (reply.answer_text or "").startswith(
        "Tomas Ekberg est directeur technique (CTO) de Corvid Robotics."
    )
    assert "cité tel que le dit la source" not in text
    # A sentence without a recognised relation is quoted in English, with the note.
    quoted = await chat.say("Qu'a dit Verhoeven des entrepôts ?")
    assert quoted.answered and "Warehouses" in (quoted.answer_text or "")
    assert "cité tel que le dit la source" in render_plain(quoted.blocks)


async def test_a_near_tie_in_one_article_is_answered_with_both_sentences(core: Core) -> None:
    """Who runs Parloir since 2025: the sentence on Ferrand's new role and the one on Roussel taking the chair fit
    almost equally; the reply gives the best and quotes the other under its own heading, not as a button."""
    await add(core, (ARTICLES / "t6.fr.txt").read_text(encoding="utf-8"), "2026-01-10", "fr")
    reply = await Chat(core, locale="fr").say("Qui dirige Parloir depuis début 2025 ?")
    text = render_plain(reply.blocks)
    assert reply.answered and "Mathieu Roussel" in (reply.answer_text or "")
    assert "Dans le même article : Mathieu Roussel" in text
    assert not any("Roussel" in suggestion.label for suggestion in reply.suggestions)
    # A question one sentence answers on its own gets that sentence alone.
    alone = await Chat(core, locale="fr").say("Combien de chercheurs compte l'équipe de Nadia Ferrand ?")
    assert alone.answered and "Dans le même article" not in render_plain(alone.blocks)


BAKERY_NEWS = """title: Harwick bakers open a second bakery in Lowmere

The Harwick Bakers' Cooperative opened a second bakery in the town of Lowmere on Monday. The new bakery will employ
45 people, the cooperative's chair, Ruth Ellison, said. It cost 2.1 million pounds, paid for by members and a
regional grant. The first loaves were sold at dawn to a queue of regulars.
"""
MILL_NEWS = """title: Tindall Mills to reopen its flour plant in Carrow

Tindall Mills will reopen its flour plant in Carrow next spring after two years of closure. The reopened plant will
employ 60 people, chief executive Owen Marsh said. The company is investing 3 million pounds in new milling lines.
Farmers in the valley have welcomed the decision.
"""


async def test_a_question_two_stories_answer_alike_gets_both_under_their_headlines(core: Core) -> None:
    """ "How many people will the new site employ?" names no story, and two fit it as well: the reply gives both,
    the second under its own article's headline, rather than one story's figure as the answer."""
    await add(core, BAKERY_NEWS, "2026-03-02", "en")
    await add(core, MILL_NEWS, "2026-03-03", "en")
    reply = await Chat(core).say("How many people will the new site employ?")
    text = render_plain(reply.blocks)
    assert reply.answered and "45 people" in (reply.answer_text or "") and "60 people" in (reply.answer_text or "")
    assert "Also, from “Tindall Mills to reopen its flour plant in Carrow”: The reopened plant" in text
    # Named, the story is no longer in doubt
    named = await Chat(core).say("How many people will the Harwick bakery employ?")
    assert named.answered and "60 people" not in (named.answer_text or "")


async def test_two_curated_facts_that_tie_are_both_given(core: Core) -> None:
    """ "Radford départ OpenAI" fits the wave of departures his exit came in and his exit itself almost equally: the
    asker gets both, each from the seed article."""
    reply = await Chat(core, locale="fr").say("Radford départ OpenAI")
    assert reply.answered and "vague d'exode" in (reply.answer_text or "")
    assert "Dans le même article : Alec Radford a quitté OpenAI" in render_plain(reply.blocks)
    # A rival from another curated source says where it comes from.
    coauthors = await Chat(core).say("Name the co-authors of GPT-2")
    assert "Jeffrey Wu" in (coauthors.answer_text or "")
    assert "Also, from “Language Models are Unsupervised Multitask Learners”:" in render_plain(coauthors.blocks)


async def test_who_lists_every_sources_facts_newest_role_first(core: Core) -> None:
    await add(core, MURATI_NEWS, "2025-03-04", "en")
    reply = await Chat(core).say("/who Mira Murati")
    text = render_plain(reply.blocks)
    assert "Thinking Machines Lab" in text  # the article's fact, not only curated ones
    bullets = [line for line in text.splitlines() if line.startswith("•")]
    assert "is now the chief executive of Thinking Machines Lab" in bullets[0]  # the newest role comes first


async def test_a_question_about_the_present_gets_the_newest_fact(core: Core) -> None:
    chat = Chat(core)
    before = await chat.say("What is Mira Murati doing now?")
    await add(core, MURATI_NEWS, "2025-03-04", "en")
    after = await chat.say("What is Mira Murati doing now?")
    assert after.answered and "Thinking Machines" in (after.answer_text or "")
    assert before.answer_text != after.answer_text
    french = await Chat(core, locale="fr").say("Que fait Mira Murati aujourd'hui ?")
    assert french.answered and "Thinking Machines" in (french.answer_text or "")


async def test_the_timeline_places_new_events_at_their_own_dates(core: Core) -> None:
    await add(core, MURATI_NEWS, "2025-03-04", "en")
    timeline = core.knowledge.timeline()
    founded = next(f for f in timeline if "founded the company in February 2025" in f.sentence)
    assert founded.date is not None and founded.date.value == "2025-02"
    assert timeline.index(founded) > max(i for i, f in enumerate(timeline) if f.curated and f.date)


async def test_notifications_quote_only_what_has_no_rendering(core: Core) -> None:
    source_id = await add(core, OWN_EN.read_text(encoding="utf-8"), "2025-03-03", "en")
    facts = tuple(f for f in core.knowledge.facts if f.source == source_id)
    source = core.knowledge.source(source_id)
    rendered = tuple(f for f in facts if f.text.en != f.text.fr)[:2]
    quoted = tuple(f for f in facts if f.text.en == f.text.fr)[:1]
    french = render_plain(
        update_reply(catalog(), "fr", None, [Article(source, source_id, rendered)], digest=False).blocks
    )
    assert rendered[0].text.fr in french and "cité tel que le dit la source" not in french
    mixed = render_plain(
        update_reply(catalog(), "fr", None, [Article(source, source_id, rendered + quoted)], digest=False).blocks
    )
    assert "cité tel que le dit la source, en anglais" in mixed


async def test_removearticle_is_for_admins_and_takes_effect_at_once(core: Core) -> None:
    source_id = await add(core, OWN_EN.read_text(encoding="utf-8"), "2025-03-03", "en")
    stranger = Chat(core, platform="telegram", chat="9", user="9")
    refused = await stranger.say(f"/removearticle {source_id}")
    assert refused.kind == "decline" and core.knowledge.source(source_id) is not None
    admin = Chat(core)  # the console is the operator's own terminal
    assert (await admin.say("Who is the CTO of Corvid Robotics?")).answered
    removed = await admin.say(f"/removearticle {source_id}")
    assert removed.kind == "info" and "Former Helix research chief" in render_plain(removed.blocks)
    assert core.knowledge.source(source_id) is None
    assert not (await admin.say("Who is the CTO of Corvid Robotics?")).answered
    assert "no source" in render_plain((await admin.say(f"/removearticle {source_id}")).blocks)
    assert "not an added article" in render_plain((await admin.say("/removearticle seed-radford-fr")).blocks)


async def test_sources_list_an_added_articles_id_for_removearticle(core: Core) -> None:
    source_id = await add(core, OWN_EN.read_text(encoding="utf-8"), "2025-03-03", "en")
    listing = render_plain((await Chat(core).say("/sources")).blocks)
    assert source_id in listing and "seed-radford-fr" not in listing
