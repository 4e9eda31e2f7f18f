"""`radford-bot ingest`, `subscribers` and `outbox`, as an operator runs them; FEEDS settings."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import Settings, SettingsError
from knowledge.store.sqlite_facts import SQLiteStore
from knowledge.topics import entity_topic, everything
from tests.conftest import ARTICLE


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "bot.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    return path


def subscribe(path: Path) -> None:
    async def go() -> None:
        store = await SQLiteStore.open(path)
        await store.subscribe("telegram", "1", everything())
        await store.subscribe(
            "telegram", "2", entity_topic("murati", "Mira Murati"), mode="digest", digest_time="08:00"
        )
        await store.subscribe("discord", "3", everything())
        await store.close()

    asyncio.run(go())


def test_ingest_then_subscribers_and_outbox(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = database.parent / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["build"]) == 0
    subscribe(database)
    capsys.readouterr()
    assert main(["ingest", str(article), "--url", "https://example.org/a", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["added"]) == 4 and report["deliveries"] == 3
    assert main(["ingest", str(article), "--url", "https://example.org/a"]) == 0
    assert "already in the store (4 facts): nothing changed" in capsys.readouterr().out
    assert main(["subscribers"]) == 0
    table = capsys.readouterr().out
    assert "Mira Murati" in table and "digest" in table and "everything" in table
    assert main(["outbox", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)["counts"]
    assert counts == {
        "discord": {"pending": 1, "sent": 0, "parked": 0},
        "telegram": {"pending": 2, "sent": 0, "parked": 0},
    }


def test_subscribers_json_labels_are_the_same_in_every_language(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async def go() -> None:
        store = await SQLiteStore.open(database)
        await store.subscribe("telegram", "1", everything("everything"), lang="en")
        await store.subscribe("telegram", "2", everything("tout"), lang="fr")
        await store.subscribe("telegram", "3", entity_topic("murati", "Mira Murati"), lang="fr")
        await store.close()

    asyncio.run(go())
    capsys.readouterr()
    assert main(["subscribers", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(r["topic"], r["label"], r["active"]) for r in rows} == {
        ("*", "everything", 2),
        ("entity:murati", "murati", 1),
    }


def test_counts_are_pluralised(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.operator import plural

    assert plural(1, "chat") == "1 chat" and plural(0, "chat") == "0 chats" and plural(2, "new fact") == "2 new facts"
    article = database.parent / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["build"]) == 0

    async def one() -> None:
        store = await SQLiteStore.open(database)
        await store.subscribe("telegram", "1", everything())
        await store.close()

    asyncio.run(one())
    capsys.readouterr()
    assert main(["ingest", str(article)]) == 0
    out = capsys.readouterr().out
    assert "4 new facts" in out and "1 chat to notify" in out and "1 chats" not in out


def test_ingest_refuses_bad_input_without_a_traceback(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = database.parent / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    assert main(["ingest", str(empty)]) == 1
    assert main(["ingest", str(database.parent / "missing.txt")]) == 1
    assert main(["ingest", str(empty), "--date", "soon"]) == 1
    err = capsys.readouterr().err
    assert "no text" in err and "Traceback" not in err


def test_feeds_setting() -> None:
    settings = Settings.from_env({"FEEDS": "https://a.example/rss, https://b.example/atom https://a.example/rss"},
                                 env_file=Path("/nonexistent"))  # fmt: skip
    assert settings.feeds == ("https://a.example/rss", "https://b.example/atom")
    assert settings.feed_interval == 900
    with pytest.raises(SettingsError, match="FEEDS"):
        Settings.from_env({"FEEDS": "ftp://old.example/feed"}, env_file=Path("/nonexistent"))
    with pytest.raises(SettingsError, match="FEED_INTERVAL"):
        Settings.from_env({"FEED_INTERVAL": "5"}, env_file=Path("/nonexistent"))


def store_counts(path: Path) -> tuple[int, int]:
    async def go() -> tuple[int, int]:
        store = await SQLiteStore.open(path)
        try:
            return len(await store.sources()), await store.count_facts()
        finally:
            await store.close()

    return asyncio.run(go())


def test_binary_empty_and_huge_files_get_one_line_and_leave_the_store_alone(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build"]) == 0
    before = store_counts(database)
    binary = database.parent / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    empty = database.parent / "empty.txt"
    empty.write_bytes(b"")
    huge = database.parent / "huge.txt"
    huge.write_bytes(b"OpenAI news. " * (10 * 1024 * 1024 // 13))  # 10 MB
    latin = database.parent / "latin.txt"
    latin.write_bytes(("Un article écrit en Latin-1, " * 20).encode("latin-1"))
    capsys.readouterr()
    for path, reason in ((binary, "binary"), (empty, "no text"), (huge, "more than"), (latin, "not UTF-8")):
        assert main(["ingest", str(path)]) == 1
        err = capsys.readouterr().err
        assert reason in err and err.count("\n") == 1 and "Traceback" not in err, err
    assert store_counts(database) == before


def test_sources_lists_and_remove_deletes_an_article(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = database.parent / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["build"]) == 0
    before = store_counts(database)
    capsys.readouterr()
    assert main(["ingest", str(article), "--date", "2025-02-18", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["seconds"] < 2.0  # extraction, storage and indexing of a short article
    assert main(["sources", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    mine = next(r for r in rows if r["id"] == report["source"])
    assert mine == {"id": report["source"], "title": "Murati's new lab hires former OpenAI researchers",
                    "date": "2025-02-18", "lang": "en", "facts": len(report["added"])}  # fmt: skip
    assert main(["sources"]) == 0
    assert report["source"] in capsys.readouterr().out
    assert main(["remove", report["source"]]) == 0
    assert "removed" in capsys.readouterr().out
    assert store_counts(database) == before
    assert main(["remove", report["source"]]) == 1
    assert main(["remove", "seed-radford-fr"]) == 1
    assert "not an ingested article" in capsys.readouterr().err
