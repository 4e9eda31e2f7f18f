"""Copy a whole store to another (SQLite to PostgreSQL, or back), then prove the copy: counts and checksums.

Tables go in the order their references need, a page of rows per transaction, ids kept (a delivery names
its subscription and update by id); PostgreSQL's id sequences are then moved past the copied ids. The
transient shared state (leases, rate buckets, follow-up turns) is not copied, nor the saved matcher index:
the target's first start rebuilds and saves it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.store.errors import StoreError
from knowledge.store.shared_facts import SharedFacts

# In dependency order; each with the column it is ordered by, and whether its `id` is auto-numbered.
TABLES: tuple[tuple[str, str, bool], ...] = (
    ("sources", "id", False),
    ("entities", "id", False),
    ("facts", "id", False),
    ("fact_sources", "fact_id, source_id", False),
    ("meta", "key", False),
    ("preferences", "platform, scope_id, key", False),
    ("subscriptions", "id", True),
    ("updates", "id", True),
    ("deliveries", "id", True),
    ("feeds", "url", False),
    ("feed_entries", "feed_url, entry_key", False),
)
SKIPPED_META = frozenset({"matcher_index"})
PAGE = 5_000


class CopyError(StoreError):
    """The target is not empty, or the copy does not match its source."""


@dataclass(frozen=True, slots=True)
class CopyReport:
    counts: dict[str, int] = field(default_factory=dict)
    checksum: str = ""


async def copy_store(source: SharedFacts, target: SharedFacts) -> CopyReport:
    """Copy `source` into the empty `target`; raises CopyError unless counts and fact checksums then agree."""
    for table, _, _ in TABLES:
        row = await target._fetchone(f"SELECT count(*) FROM {table}")  # noqa: S608 - our table names
        if row and int(row[0]):
            raise CopyError(f"the target store is not empty ({table} has {int(row[0])} rows): copy into a new one")
    counts: dict[str, int] = {}
    for table, order, numbered in TABLES:
        counts[table] = await _copy_table(source, target, table, order)
        if numbered and target.dialect.reset_ids:
            await target._execute(target.dialect.reset_ids.format(table=table))
    report = CopyReport(counts, await source.knowledge_digest())
    await verify(source, target, report)
    return report


async def _copy_table(source: SharedFacts, target: SharedFacts, table: str, order: str) -> int:
    copied = 0
    async for rows in source._pages(f"SELECT * FROM {table} ORDER BY {order}", size=PAGE):  # noqa: S608
        if table == "meta":
            rows = [r for r in rows if r["key"] not in SKIPPED_META]
        if not rows:
            continue
        columns = list(rows[0].keys())
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608 - column names from our own schema
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        async with target._transaction():
            await target._executemany(sql, [tuple(r[c] for c in columns) for r in rows])
        copied += len(rows)
    return copied


async def verify(source: SharedFacts, target: SharedFacts, report: CopyReport) -> None:
    for table, _, _ in TABLES:
        row = await target._fetchone(f"SELECT count(*) FROM {table}")  # noqa: S608 - our table names
        found = int(row[0]) if row else 0
        if found != report.counts[table]:
            raise CopyError(f"{table}: {report.counts[table]} rows copied but {found} in the target")
    if await target.knowledge_digest() != report.checksum:
        raise CopyError("the facts' checksum differs between the source and the target")
