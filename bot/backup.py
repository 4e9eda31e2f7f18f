"""`radford-bot backup PATH`: a consistent copy of the live store through SQLite's online backup API.

Copying the file by hand while the bot writes can tear a page or miss the WAL; the backup API copies a
consistent snapshot. It copies in one step: in WAL mode that is one read transaction, which never blocks
the bot's writes, and unlike a stepwise copy it cannot restart forever under a steady stream of writes.
It runs in a worker thread (sqlite3 blocks), writes beside the target and renames at the end, so PATH is
either the previous file or a complete, integrity-checked copy.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class BackupReport:
    target: Path
    bytes: int
    schema_version: int
    facts: int


class BackupError(OSError):
    """The backup could not be made; the message says why (and the target is untouched)."""


def backup_sqlite(source: Path, target: Path, *, overwrite: bool = False) -> BackupReport:
    if not source.is_file():
        raise BackupError(f"no database at {source} (check DATABASE_URL)")
    if target.resolve() == source.resolve():
        raise BackupError("the backup must go to another file than the database itself")
    if target.exists() and not overwrite:
        raise BackupError(f"{target} exists; pass --force to replace it")
    if not target.parent.is_dir():
        # A typo in PATH must not scatter new directories around: the operator creates them on purpose.
        raise BackupError(f"{target.parent}: no such directory (create it first)")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _create_private(partial)
        with (
            contextlib.closing(sqlite3.connect(source, timeout=30)) as src,
            contextlib.closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            check = dst.execute("PRAGMA integrity_check").fetchone()
            if not check or check[0] != "ok":
                raise BackupError(f"the copy failed its integrity check: {check}")
            version = int(dst.execute("PRAGMA user_version").fetchone()[0])
            facts = _count(dst, "facts")
        os.replace(partial, target)
    except sqlite3.Error as error:
        raise BackupError(f"backup failed: {error}") from None
    finally:
        partial.unlink(missing_ok=True)
    return BackupReport(target, target.stat().st_size, version, facts)


def _create_private(path: Path) -> None:
    """An empty file only its owner can read, whatever the umask: a backup holds every user's chats and ids.

    SQLite opens an empty file as a new database and gives its journal the database's permissions.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)  # the mode given to open() is itself masked by the umask
    finally:
        os.close(fd)


def _count(db: sqlite3.Connection, table: str) -> int:
    try:
        row = db.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608 - a fixed table name
    except sqlite3.OperationalError:
        return 0
    return int(row[0])


async def backup(source: Path, target: Path, *, overwrite: bool = False) -> BackupReport:
    """Off the event loop: the bot (or anything else on the loop) keeps running meanwhile."""
    return await asyncio.to_thread(backup_sqlite, source, target, overwrite=overwrite)
