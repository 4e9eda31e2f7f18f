"""The running bot picks up what another process wrote: new facts for answers, deliveries for chats."""

from __future__ import annotations

import asyncio
import io
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

from bot.adapters.console import ConsoleSender
from bot.background import Background, senders_of
from bot.core import Core
from handlers.types import Incoming
from knowledge.base import Knowledge
from knowledge.builder import UPDATED_KEY
from knowledge.ingest import ingest_article, parse_article
from knowledge.store import open_store
from knowledge.store.sqlite_facts import SQLiteStore
from tests.conftest import ARTICLE
from tests.postgres import fresh_schema

ROOT = Path(__file__).resolve().parents[2]


async def test_rows_another_process_wrote_arrive_within_seconds(core: Core, tmp_path: Path) -> None:
    await core.handle(Incoming.from_text("console", "local", "local", "/subscribe"))
    out = io.StringIO()
    background = Background(core, [ConsoleSender(out)], f"sqlite:///{tmp_path / 'bot.db'}", poll_interval=0.05)
    await background.start()
    try:
        # As `radford-bot ingest` would, from its own process.
        other = await SQLiteStore.open(tmp_path / "bot.db")
        try:
            report = await ingest_article(other, parse_article(ARTICLE))
        finally:
            await other.close()
        for _ in range(200):
            known = any(f.id in report.added for f in core.knowledge.facts)
            if known and "twenty researchers" in out.getvalue():
                break
            await asyncio.sleep(0.02)
    finally:
        await background.stop()
    assert out.getvalue().count("twenty researchers") == 1
    assert any(f.id in report.added for f in core.knowledge.facts)
    assert (await core.store.outbox_counts()) == {("console", "sent"): 1}


async def test_a_rebuild_elsewhere_refreshes_the_running_knowledge(core: Core, tmp_path: Path) -> None:
    """A build or a repeats-only ingest writes no update row, only meta.last_update: that must be enough."""
    background = Background(core, [], f"sqlite:///{tmp_path / 'bot.db'}", poll_interval=0.05)
    await background.start()
    try:
        other = await SQLiteStore.open(tmp_path / "bot.db")
        try:
            [fact, *_] = await other.facts()
            source = await other.source_by_id(fact.source)
            assert source is not None
            renamed = replace(fact, text=replace(fact.text, en="Rebuilt: " + fact.text.en))
            await other.sync_source(source, [renamed], prune=False)
            await other.set_meta(UPDATED_KEY, "2099-01-01T00:00:00Z")
        finally:
            await other.close()
        for _ in range(200):
            if core.knowledge.last_update == "2099-01-01T00:00:00Z":
                break
            await asyncio.sleep(0.02)
    finally:
        await background.stop()
    assert core.knowledge.last_update == "2099-01-01T00:00:00Z"
    assert any(f.text.en.startswith("Rebuilt: ") for f in core.knowledge.facts)


def test_senders_of_picks_adapters_that_can_send() -> None:
    class Quiet:
        name = "quiet"

    console = ConsoleSender(io.StringIO())
    assert senders_of([Quiet(), console]) == [console]


async def test_an_article_removed_elsewhere_stops_being_used_within_seconds(core: Core, tmp_path: Path) -> None:
    from knowledge.ingest import remove_article

    report = await ingest_article(core.store, parse_article(ARTICLE), notify=False, now=5000.0)
    await core.knowledge.refresh()
    ask = Incoming.from_text("console", "local", "local", "What did Mira Murati announce?")
    assert (await core.handle(ask)).fact_id in report.added
    background = Background(core, [], f"sqlite:///{tmp_path / 'bot.db'}", poll_interval=0.05)
    await background.start()
    try:
        other = await SQLiteStore.open(tmp_path / "bot.db")
        try:  # `radford-bot remove`, from its own process, in the same second as the ingest
            assert await remove_article(other, report.source_id, now=5000.0)
        finally:
            await other.close()
        for _ in range(200):
            if core.knowledge.source(report.source_id) is None:
                break
            await asyncio.sleep(0.02)
    finally:
        await background.stop()
    assert core.knowledge.source(report.source_id) is None
    assert not [f for f in core.knowledge.facts if f.source == report.source_id]
    assert (await core.handle(ask)).fact_id not in report.added


async def test_on_postgres_an_ingest_by_another_process_reaches_the_index_within_two_seconds(tmp_path: Path) -> None:
    """LISTEN/NOTIFY, not the poll: the poll interval here is a minute."""
    async with fresh_schema("notify") as url:
        store = await open_store(url)
        try:
            core = Core(await Knowledge.load(store), store)
            background = Background(core, [], url, poll_interval=60.0)
            await background.start()
            try:
                article = tmp_path / "article.md"
                article.write_text(ARTICLE, encoding="utf-8")
                before = len(core.knowledge.facts)
                known = {f.id for f in core.knowledge.facts}

                async def changed_at() -> float:
                    while len(core.knowledge.facts) == before:  # noqa: ASYNC110 - the knowledge has no event to await
                        await asyncio.sleep(0.01)
                    return time.monotonic()

                watch = asyncio.create_task(changed_at())
                ingest = await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "bot", "ingest", str(article),
                    cwd=tmp_path, env={**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)},
                    stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
                )  # fmt: skip
                _, err = await ingest.communicate()
                assert ingest.returncode == 0, err.decode()[-2000:]
                done = time.monotonic()  # the ingest has committed and exited
                took = await asyncio.wait_for(watch, timeout=10) - done
            finally:
                await background.stop()
            assert len(core.knowledge.facts) > before
            assert took < 2.0, f"reached the index {took:.2f} s after the ingest"
            new = [f for f in core.knowledge.facts if f.id not in known]
            assert new and all(f.source.startswith("article-") for f in new), "the other process's article"
        finally:
            await store.close()


async def test_after_an_ingest_elsewhere_the_saved_index_is_rebuilt_for_the_next_start(
    core: Core, tmp_path: Path
) -> None:
    """The running matcher is extended in place; a child `radford-bot index` saves the new state's index."""
    from knowledge.discovered import all_entities
    from knowledge.index_cache import index_key

    url = f"sqlite:///{tmp_path / 'bot.db'}"
    background = Background(core, [], url, poll_interval=0.05, index_delay=0.1)
    await background.start()
    try:
        other = await SQLiteStore.open(tmp_path / "bot.db")
        try:
            report = await ingest_article(other, parse_article(ARTICLE))
            assert report.added
            key = await index_key(other, await all_entities(other))
            deadline = time.monotonic() + 90
            while not (await other.saved_index() or "").startswith(key + ":"):
                assert time.monotonic() < deadline, "the index was never saved for the new facts"
                await asyncio.sleep(0.1)
        finally:
            await other.close()
    finally:
        await background.stop()
    # The next start loads it: no build.
    again = await SQLiteStore.open(tmp_path / "bot.db")
    try:
        import knowledge.base

        def no_build(*_: object, **__: object) -> None:
            raise AssertionError("the saved index should have been loaded")

        original = knowledge.base._build_matcher
        knowledge.base._build_matcher = no_build  # type: ignore[assignment]
        try:
            loaded = await Knowledge.load(again)
        finally:
            knowledge.base._build_matcher = original
        assert {f.id for f in loaded.facts} >= set(report.added)
    finally:
        await again.close()
