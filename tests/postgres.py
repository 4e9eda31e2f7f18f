"""The PostgreSQL server the store tests run against: TEST_DATABASE_URL, a fresh schema per test.

Where no server answers, PostgreSQL tests are skipped with the reason; under CI=true that is a failure,
so a CI run can never pass without having tested the PostgreSQL engine.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from functools import cache

import pytest

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"


def base_url() -> str:
    return os.environ.get("TEST_DATABASE_URL", "").strip() or DEFAULT_URL


@cache
def unreachable_reason() -> str | None:
    """Why PostgreSQL cannot be used here (None when it can); asked once per session."""
    import asyncpg

    async def probe() -> None:
        connection = await asyncpg.connect(base_url(), timeout=5)
        await connection.close()

    try:
        # In a thread of its own: the caller may be inside a running event loop (an async fixture).
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, probe()).result()
    except Exception as error:  # any failure to connect is a reason to skip, reported as is
        return f"PostgreSQL at {base_url()} is unreachable ({type(error).__name__}: {error})"
    return None


def require_postgres() -> None:
    reason = unreachable_reason()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; under CI=true a PostgreSQL test may not be skipped")
    pytest.skip(reason)


def with_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}schema={schema}"


@asynccontextmanager
async def fresh_schema(prefix: str = "t") -> AsyncIterator[str]:
    """A DATABASE_URL for a schema of its own, dropped afterwards."""
    import asyncpg

    require_postgres()
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        yield with_schema(base_url(), schema)
    finally:
        connection = await asyncpg.connect(base_url())
        try:
            await connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        finally:
            await connection.close()
