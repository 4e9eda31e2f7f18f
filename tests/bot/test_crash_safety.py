"""SIGKILL during a build leaves every source whole or absent, and the next build completes the store.

Each source is written in one transaction (`SQLiteStore.sync_source`), so a kill at any moment must leave
every source either as it was before or as it is after — never some of its facts. The build here is the
real `radford-bot build --force` (bot.cli.main); to land kills inside transactions rather than around a
20 ms write window, a wrapper announces every SQL statement on stdout and delays it by a millisecond or
two (timing only), and the test kills the process after a random number of statements.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "knowledge" / "data"
pytestmark = pytest.mark.timeout(300)

SLOW_BUILD = """
import asyncio, random, sys
import aiosqlite
from pathlib import Path

_execute = aiosqlite.Connection.execute
_executemany = aiosqlite.Connection.executemany

async def _slow(args):
    sql = args[0] if args and isinstance(args[0], str) else ""
    print("sql", (sql.split() or [""])[0].upper(), flush=True)  # the test counts statements to choose a kill
    await asyncio.sleep(random.uniform(0.0005, 0.002))

def execute(self, *args, **kwargs):
    return _Delayed(_execute, self, args, kwargs)

def executemany(self, *args, **kwargs):
    return _Delayed(_executemany, self, args, kwargs)

class _Delayed:
    # aiosqlite's execute returns an awaitable that is also an async context manager; keep both.
    def __init__(self, fn, conn, args, kwargs):
        self.fn, self.conn, self.args, self.kwargs = fn, conn, args, kwargs
    def __await__(self):
        return self._run().__await__()
    async def _run(self):
        await _slow(self.args)
        return await self.fn(self.conn, *self.args, **self.kwargs)
    async def __aenter__(self):
        self._cursor = await self._run()
        return self._cursor
    async def __aexit__(self, *exc):
        await self._cursor.close()

aiosqlite.Connection.execute = execute
aiosqlite.Connection.executemany = executemany

data_dir = sys.argv[1]
if data_dir != "-":
    import knowledge.loader as loader
    loader.DATA_DIR = Path(data_dir)
    import knowledge.builder as builder
    builder.ensure_built.__defaults__ = (Path(data_dir),)  # the CLI builds from this data folder instead
    import knowledge.base as base
    base.DATA_DIR = Path(data_dir)
print("ready", flush=True)
from bot.cli import main
sys.exit(main(sys.argv[2:] or ["build", "--force"]))
"""


def environment(database: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM", "DISCORD"))}
    env["DATABASE_URL"] = f"sqlite:///{database}"
    return env


@dataclass(frozen=True)
class Run:
    statements: int  # SQL statements started before the end (or the kill)
    in_transaction: bool  # killed between a BEGIN and its COMMIT


def build(
    database: Path, data_dir: Path | None = None, *, kill_at: int | None = None, cwd: Path, cli: tuple[str, ...] = ()
) -> Run:
    """Run the build (or the `cli` command); return how many SQL statements it ran, or with kill_at, SIGKILL
    it at that statement."""
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_BUILD, str(data_dir) if data_dir else "-", *cli],
        env=environment(database), cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    statements, open_transactions = 0, 0
    for line in process.stdout:
        kind = line.split()
        if not kind or kind[0] != "sql":
            continue
        statements += 1
        verb = kind[1] if len(kind) > 1 else ""
        open_transactions += 1 if verb == "BEGIN" else -1 if verb in ("COMMIT", "ROLLBACK") else 0
        if kill_at is not None and statements >= kill_at:
            process.send_signal(signal.SIGKILL)
            break
    _, err = process.communicate(timeout=120)
    if kill_at is None:
        assert process.returncode == 0, err
        return Run(statements, False)
    else:
        assert process.returncode == -signal.SIGKILL, "the build ended before the kill"
    return Run(statements, open_transactions > 0)


def copy_db(source: Path, target: Path) -> None:
    """A copy through SQLite (a file copy could miss what is still in the -wal file)."""
    with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def snapshot(database: Path) -> dict[str, object]:
    """What the store says per source (its facts' digests), the entities, and the data digest."""
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "facts" not in tables:
            return {"sources": {}, "entities": 0, "meta": None}
        sources: dict[str, set[tuple[str, str]]] = {sid: set() for (sid,) in db.execute("SELECT id FROM sources")}
        for fact_id, source_id, digest in db.execute("SELECT id, source_id, digest FROM facts"):
            sources.setdefault(source_id, set()).add((fact_id, digest))
        entities = db.execute("SELECT count(*) FROM entities").fetchone()[0]
        meta = db.execute("SELECT value FROM meta WHERE key = 'data_digest'").fetchone()
    return {"sources": sources, "entities": entities, "meta": meta[0] if meta else None}


def changed_data(tmp_path: Path) -> Path:
    """A copy of the data folder in which every curated fact's English text differs."""
    copy = tmp_path / "data-v2"
    shutil.copytree(DATA, copy)
    facts = json.loads((copy / "facts.json").read_text(encoding="utf-8"))
    for fact in facts["facts"]:
        fact["text"]["en"] += " (revised)"
    (copy / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    return copy


def test_kills_during_a_first_build_leave_whole_sources_or_none(tmp_path) -> None:
    reference = tmp_path / "reference.db"
    total = build(reference, cwd=tmp_path).statements
    full = snapshot(reference)
    rng = random.Random(8)
    partial_builds = 0
    for attempt in range(10):
        database = tmp_path / f"killed-{attempt}.db"
        # Spread over the whole build, jittered: most statements run inside a source's transaction.
        build(database, kill_at=max(1, int(total * (attempt + rng.random()) / 10) - 5), cwd=tmp_path)
        state = snapshot(database)
        for source, facts in state["sources"].items():  # type: ignore[attr-defined]
            assert facts == full["sources"][source], f"source {source} is partial after a kill"  # type: ignore[index]
        assert state["entities"] in (0, full["entities"])
        if 0 < len(state["sources"]) < len(full["sources"]):  # type: ignore[arg-type]
            partial_builds += 1
            assert state["meta"] is None, "the build is not marked done until every source is written"
        build(database, cwd=tmp_path)  # the next build completes the store
        assert snapshot(database) == full
    assert partial_builds >= 1, "the kills should land inside the build, not only around it"


def test_kills_during_a_rebuild_leave_each_source_old_or_new(tmp_path) -> None:
    v2 = changed_data(tmp_path)
    old_db, new_db = tmp_path / "old.db", tmp_path / "new.db"
    build(old_db, cwd=tmp_path)
    build(new_db, v2, cwd=tmp_path)
    old, new = snapshot(old_db)["sources"], snapshot(new_db)["sources"]
    assert old != new
    copy_db(old_db, tmp_path / "counting.db")
    total = build(tmp_path / "counting.db", v2, cwd=tmp_path).statements  # statements of a rebuild, not a first build
    rng = random.Random(9)
    mixed = 0
    for attempt in range(10):
        database = tmp_path / f"rebuild-{attempt}.db"
        copy_db(old_db, database)
        build(database, v2, kill_at=max(1, int(total * (attempt + rng.random()) / 10) - 3), cwd=tmp_path)
        state = snapshot(database)["sources"]
        versions = set()
        for source, facts in state.items():  # type: ignore[attr-defined]
            assert facts in (old[source], new[source]), f"source {source} is half old, half new"  # type: ignore[index]
            if old[source] != new[source]:  # type: ignore[index]
                versions.add("new" if facts == new[source] else "old")  # type: ignore[index]
        mixed += versions == {"old", "new"}
    assert mixed >= 2, "some kills should land between two sources"


ARTICLE = """title: Former OpenAI researchers regroup
date: 2025-03-02

Alec Radford began advising several independent research groups in February 2025.
Mira Murati hired former OpenAI researchers for her new laboratory in March 2025.
Ilya Sutskever said in 2025 that pre-training as we know it would end.
John Schulman joined Mira Murati's company in February 2025.
"""


def ingested(database: Path) -> dict[str, object]:
    """What ingesting the article wrote: its source, facts, update rows and deliveries."""
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        source = db.execute("SELECT id FROM sources WHERE id LIKE 'article-%'").fetchall()
        facts = db.execute("SELECT id, digest FROM facts WHERE source_id LIKE 'article-%' ORDER BY id").fetchall()
        updates = db.execute("SELECT count(*) FROM updates").fetchone()[0]
        deliveries = db.execute("SELECT count(*) FROM deliveries").fetchone()[0]
    return {"source": source, "facts": facts, "updates": updates, "deliveries": deliveries}


def test_kills_during_ingest_leave_the_whole_article_with_its_deliveries_or_none(tmp_path) -> None:
    base = tmp_path / "base.db"
    build(base, cwd=tmp_path)
    with contextlib.closing(sqlite3.connect(base)) as db, db:
        db.executemany(
            "INSERT INTO subscriptions (platform, chat_id, topic, label) VALUES ('telegram', ?, '*', '*')",
            [(str(1000 + n),) for n in range(50)],
        )
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    cli = ("ingest", str(article))
    reference = tmp_path / "reference.db"
    copy_db(base, reference)
    total = build(reference, cwd=tmp_path, cli=cli).statements
    full = ingested(reference)
    assert full["facts"] and full["updates"] == 1 and full["deliveries"] == 50, full
    empty = ingested(base)
    inside = 0
    for attempt in range(8):
        database = tmp_path / f"ingest-{attempt}.db"
        copy_db(base, database)
        run = build(database, kill_at=max(1, int(total * (attempt + 0.5) / 8) - 2), cwd=tmp_path, cli=cli)
        state = ingested(database)
        # The deliveries follow the facts and their update in short batches (a big fan-out must not hold the
        # write lock): a kill may land between batches, leaving the update's fan-out to be finished.
        fanning_out = {**full, "deliveries": state["deliveries"]}
        assert state in (empty, full, fanning_out), (
            f"a kill at statement {run.statements} of {total} left a partial article"
        )
        inside += run.in_transaction
        build(database, cwd=tmp_path, cli=cli)  # ingesting again after the crash completes it (and its fan-out)
        assert ingested(database) == full
    assert inside >= 2, "some kills should land inside the ingest transaction"
