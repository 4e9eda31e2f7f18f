"""`radford-bot backup PATH`: a complete, consistent copy, even while another connection writes."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat
import threading

import pytest

from bot.backup import BackupError, backup, backup_sqlite
from bot.cli import main
from bot.core import Core


@pytest.fixture
async def database(tmp_path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "data" / "bot.db"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    core = await Core.open(f"sqlite:///{path}")
    await core.close()
    return path


def count(path, table: str) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_the_cli_copies_the_store_and_will_not_overwrite_without_force(database, tmp_path, capsys) -> None:
    target = tmp_path / "backups" / "bot-1.db"
    target.parent.mkdir()  # PATH's directory must exist: a backup never creates one (see below)
    assert main(["backup", str(target)]) == 0
    assert "backed up to" in capsys.readouterr().out
    assert count(target, "facts") == count(database, "facts") > 0
    with sqlite3.connect(target) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert db.execute("PRAGMA user_version").fetchone()[0] >= 2
    assert main(["backup", str(target)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["backup", "--force", str(target)]) == 0
    assert not list(target.parent.glob("*.partial"))


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_a_backup_is_readable_by_its_owner_only_whatever_the_umask(database, tmp_path, umask: int) -> None:
    """Before: created with the process umask, so world-readable under Docker's 022 (every user's chat ids)."""
    target = tmp_path / "backups" / "bot.db"
    target.parent.mkdir()
    target.write_bytes(b"an older, world-readable backup")
    target.chmod(0o644)
    previous = os.umask(umask)
    try:
        backup_sqlite(database, target, overwrite=True)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert count(target, "facts") > 0


def test_a_backup_into_a_missing_directory_is_refused_and_creates_nothing(database, tmp_path, capsys) -> None:
    target = tmp_path / "typo" / "nested" / "copy.db"
    assert main(["backup", str(target)]) == 1
    assert "no such directory" in capsys.readouterr().err
    assert not (tmp_path / "typo").exists()


def test_a_missing_database_or_a_backup_onto_itself_is_refused(database, tmp_path) -> None:
    with pytest.raises(BackupError, match="no database"):
        backup_sqlite(tmp_path / "nope.db", tmp_path / "copy.db")
    with pytest.raises(BackupError, match="another file"):
        backup_sqlite(database, database, overwrite=True)


async def test_a_backup_during_writes_is_consistent_and_leaves_the_loop_free(database, tmp_path) -> None:
    stop = threading.Event()

    def write() -> None:
        with sqlite3.connect(database, timeout=30, isolation_level=None) as db:
            n = 0
            while not stop.is_set():
                db.execute(
                    "INSERT INTO preferences (platform, scope_id, key, value) VALUES ('t', ?, 'lang', 'fr')",
                    (str(n),),
                )
                n += 1

    writer = threading.Thread(target=write)
    writer.start()
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    ticker = asyncio.create_task(tick())
    try:
        reports = [await backup(database, tmp_path / f"copy-{n}.db") for n in range(3)]
    finally:
        stop.set()
        ticker.cancel()
        await asyncio.to_thread(writer.join)
    assert ticks > 3, "the event loop kept running during the backups"
    for report in reports:
        with sqlite3.connect(report.target) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert report.facts == count(database, "facts")
