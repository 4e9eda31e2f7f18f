"""SIGKILL during a build leaves every source whole or absent, and the next build completes the store.

Each source is written in one transaction (`SQLiteStore.sync_source`), so a kill at any moment must leave
every source either as it was before or as it is after — never some of its facts. The build here is the
real `radford-bot build --force` (bot.cli.main); to land kills inside transactions rather than around a
20 ms write window, a wrapper announces every SQL statement on stdout and delays it by a millisecond or
two (timing only), and the test kills the process after a random number of statements.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
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

async def _slow(*args, **kwargs):
    print("sql", flush=True)  # the test counts statements to choose where to kill
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
        await _slow()
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
sys.exit(main(["build", "--force"]))
"""


def environment(database: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM", "DISCORD"))}
    env["DATABASE_URL"] = f"sqlite:///{database}"
    return env


def build(database: Path, data_dir: Path | None = None, *, kill_at: int | None = None, cwd: Path) -> int:
    """Run the build; return how many SQL statements it ran, or with kill_at, SIGKILL it at that statement."""
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_BUILD, str(data_dir) if data_dir else "-"],
        env=environment(database), cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    statements = 0
    for line in process.stdout:
        statements += line.strip() == "sql"
        if kill_at is not None and statements >= kill_at:
            process.send_signal(signal.SIGKILL)
            break
    _, err = process.communicate(timeout=120)
    if kill_at is None:
        assert process.returncode == 0, err
    else:
        assert process.returncode == -signal.SIGKILL, "the build ended before the kill"
    return statements


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
    total = build(reference, cwd=tmp_path)
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
    shutil.copy(old_db, tmp_path / "counting.db")
    total = build(tmp_path / "counting.db", v2, cwd=tmp_path)  # statements of a rebuild, not a first build
    rng = random.Random(9)
    mixed = 0
    for attempt in range(10):
        database = tmp_path / f"rebuild-{attempt}.db"
        shutil.copy(old_db, database)
        build(database, v2, kill_at=max(1, int(total * (attempt + rng.random()) / 10) - 3), cwd=tmp_path)
        state = snapshot(database)["sources"]
        versions = set()
        for source, facts in state.items():  # type: ignore[attr-defined]
            assert facts in (old[source], new[source]), f"source {source} is half old, half new"  # type: ignore[index]
            if old[source] != new[source]:  # type: ignore[index]
                versions.add("new" if facts == new[source] else "old")  # type: ignore[index]
        mixed += versions == {"old", "new"}
    assert mixed >= 2, "some kills should land between two sources"
