"""Reading a `postgresql://` DATABASE_URL: the DSN for asyncpg, and the two parameters that are ours."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from knowledge.store.errors import StoreURLError

POSTGRES_SCHEMES = frozenset({"postgresql", "postgres"})
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass(frozen=True, slots=True)
class PostgresURL:
    dsn: str
    schema: str
    pool: int


def postgres_url(url: str) -> PostgresURL:
    """Split our parameters (`schema`, `pool`) from the DSN asyncpg reads."""
    parts = urlsplit(url)
    if parts.scheme not in POSTGRES_SCHEMES:
        raise StoreURLError(f"not a PostgreSQL URL: {parts.scheme!r}")
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    schema = query.pop("schema", "public") or "public"
    if not _IDENTIFIER.match(schema):
        raise StoreURLError(f"schema={schema!r}: use lower-case letters, digits and _ (at most 63)")
    raw_pool = query.pop("pool", "4")
    if not raw_pool.isdigit() or not 1 <= int(raw_pool) <= 100:
        raise StoreURLError(f"pool={raw_pool!r}: a number of connections from 1 to 100")
    dsn = urlunsplit(("postgresql", parts.netloc, parts.path, urlencode(query), parts.fragment))
    return PostgresURL(dsn, schema, int(raw_pool))
