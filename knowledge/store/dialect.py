"""What differs between the engines' SQL, side by side; every other statement is written once, in `?` style.

Statements shared by both engines use `?` placeholders and the SQL both engines speak (`ON CONFLICT … DO
NOTHING`, `RETURNING`, row values). A fragment that cannot be shared is a field of `Dialect`, with the
SQLite and PostgreSQL values next to each other below; `translate` turns `?` into `$1, $2…` for asyncpg.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Dialect:
    name: str
    # The current time as ISO-8601 UTC text (the `*_at` columns people read).
    now_iso: str
    # Appended to the SELECT that picks deliveries to claim. SQLite serialises writers with BEGIN IMMEDIATE,
    # so a plain SELECT is enough; PostgreSQL lets several claimers run at once, each skipping rows another
    # has locked, so N broadcasters share one queue without waiting on each other or taking a row twice.
    claim_lock: str
    numbered_placeholders: bool
    # Appended to a SELECT that reads a row to update it in the same transaction (rate buckets): SQLite's
    # BEGIN IMMEDIATE already excludes other writers; PostgreSQL needs the row locked.
    row_lock: str
    # Every `id:digest` of the facts as one string, in id order, built by the engine (a million rows
    # through Python took seconds): SQLite keeps a subquery's order in group_concat, PostgreSQL is told.
    fact_digests: str
    # After rows were copied in with their ids: move the id generator past them (SQLite needs nothing).
    reset_ids: str


SQLITE = Dialect(
    name="sqlite",
    now_iso="strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
    claim_lock="",
    numbered_placeholders=False,
    row_lock="",
    reset_ids="",
    fact_digests="SELECT group_concat(id || ':' || digest, ',') FROM (SELECT id, digest FROM facts ORDER BY id)",
)

POSTGRES = Dialect(
    name="postgresql",
    now_iso="""to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')""",
    claim_lock="FOR UPDATE OF d SKIP LOCKED",
    numbered_placeholders=True,
    row_lock="FOR UPDATE",
    reset_ids="SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table}",
    fact_digests="SELECT string_agg(id || ':' || digest, ',' ORDER BY id) FROM facts",
)

_PLACEHOLDER = re.compile(r"'[^']*'|\?")


@lru_cache(maxsize=512)
def numbered(sql: str) -> str:
    """`?` → `$1, $2…` (outside quoted literals), as PostgreSQL's protocol wants them."""
    counter = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal counter
        if match.group(0) != "?":
            return match.group(0)
        counter += 1
        return f"${counter}"

    return _PLACEHOLDER.sub(replace, sql)


def translate(dialect: Dialect, sql: str) -> str:
    return numbered(sql) if dialect.numbered_placeholders else sql
