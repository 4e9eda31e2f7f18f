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
    assert len(report["added"]) == 2 and report["deliveries"] == 3
    assert main(["ingest", str(article), "--url", "https://example.org/a"]) == 0
    assert "0 new facts" in capsys.readouterr().out
    assert main(["subscribers"]) == 0
    table = capsys.readouterr().out
    assert "Mira Murati" in table and "digest" in table and "everything" in table
    assert main(["outbox", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)["counts"]
    assert counts == {
        "discord": {"pending": 1, "sent": 0, "parked": 0},
        "telegram": {"pending": 2, "sent": 0, "parked": 0},
    }


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
