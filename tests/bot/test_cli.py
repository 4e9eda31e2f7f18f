"""The `radford-bot` command line, run as a real process against a private store (`python -m bot`)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

KEYS = {"question", "answered", "answer", "lang", "fact_id", "score", "source", "suggestions"}


def run(
    args: list[str], database_url: str, cwd: Path, stdin: str | bytes | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.endswith(("_TOKEN", "_SECRET")) and k != "LOG_FORMAT"}
    environ.update(DATABASE_URL=database_url, PYTHONIOENCODING="utf-8", **env)
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    done = subprocess.run(  # cwd: no .env of the developer's is read
        [sys.executable, "-m", "bot", *args], input=data, capture_output=True, cwd=cwd, env=environ, timeout=60
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8", "replace")
    )


def db_path(database_url: str) -> Path:
    return Path(database_url.removeprefix("sqlite:///"))


def snapshot(database_url: str) -> tuple[int, list[tuple[object, ...]]]:
    with sqlite3.connect(db_path(database_url)) as db:
        count = db.execute("SELECT count(*) FROM facts").fetchone()[0]
        return count, db.execute("SELECT id, digest, updated_at FROM facts ORDER BY id").fetchall()


def json_lines(stdout: str) -> list[dict[str, object]]:
    assert stdout.endswith("\n")
    return [json.loads(line) for line in stdout.split("\n")[:-1]]


def test_ask_json_prints_one_object_per_input_line(database_url: str, tmp_path: Path) -> None:
    questions = ["When did Alec Radford join OpenAI?", "", "Quand Radford a-t-il rejoint OpenAI ?", "   ", "\t"]
    done = run(["ask", "--json"], database_url, tmp_path, "\n".join(questions) + "\n")
    assert done.returncode == 0, done.stderr
    replies = json_lines(done.stdout)
    assert len(replies) == len(questions)
    for question, reply in zip(questions, replies, strict=True):
        assert set(reply) >= KEYS
        assert reply["question"] == question
        assert isinstance(reply["answer"], str) and reply["answer"]
        assert isinstance(reply["suggestions"], list)
    english, empty, french, spaces, tab = replies
    assert english["answered"] is True and english["lang"] == "en"
    assert english["fact_id"] == french["fact_id"] == "radford-joins-openai"
    assert "2016" in str(english["answer"]) and "2016" in str(french["answer"])
    assert isinstance(english["score"], float) and 0 < english["score"] <= 1
    source = english["source"]
    assert isinstance(source, dict)
    assert source["id"] == "seed-radford-fr" and source["title"] and source["sentence"]
    assert french["answered"] is True and french["lang"] == "fr"
    for blank in (empty, spaces, tab):
        assert blank["answered"] is False
        assert blank["fact_id"] is None and blank["source"] is None


def test_ask_json_answers_a_last_line_without_newline(database_url: str, tmp_path: Path) -> None:
    done = run(["ask", "--json"], database_url, tmp_path, "Who is Mira Murati?\nQui est Mark Chen ?")
    replies = json_lines(done.stdout)
    assert [r["fact_id"] for r in replies] == ["profile-murati", "profile-chen"]


def test_ask_json_with_no_input_prints_nothing(database_url: str, tmp_path: Path) -> None:
    done = run(["ask", "--json"], database_url, tmp_path, "")
    assert (done.returncode, done.stdout) == (0, "")


HOSTILE = [
    "Radford " * 12_500,  # 100,000 characters
    "🙂🚀🔥💥" * 5,
    "\x01\x02\x07\x1b[31m\x7f\u200b\u202e",
    "Radford Радфорд 拉德福德 رادفورد ラドフォード",
    "'; DROP TABLE facts; --",
    "Robert'); DELETE FROM facts WHERE 1=1; --",
    "<script>alert('x')</script>",
    "<b>Who</b> is <i>Murati</i>?",
    "\u2028\u2029\x85 line separators",
    "\x00",
    "%s %d {0} {question} $(rm -rf /)",
]


def test_hostile_lines_get_a_polite_reply_and_leave_the_store_alone(database_url: str, tmp_path: Path) -> None:
    before = snapshot(database_url)
    done = run(["ask", "--json"], database_url, tmp_path, "\n".join(HOSTILE) + "\n")
    assert done.returncode == 0
    assert "Traceback" not in done.stderr
    replies = json_lines(done.stdout)
    assert len(replies) == len(HOSTILE)
    assert len(done.stdout.splitlines()) == len(HOSTILE)  # even for readers that split on U+2028 and friends
    for line, reply in zip(HOSTILE, replies, strict=True):
        assert reply["question"] == line
        assert set(reply) >= KEYS
        assert isinstance(reply["answer"], str) and reply["answer"].strip()
        assert "Traceback" not in reply["answer"]
        assert reply["answered"] is False or reply["fact_id"] is not None
    assert replies[0]["answered"] is False  # far too long to be a question
    assert snapshot(database_url) == before


def test_invalid_utf8_on_stdin_is_a_polite_reply_not_a_traceback(database_url: str, tmp_path: Path) -> None:
    lines = b"Who is Mira Murati?\n\xff\xfe\xc3 bytes\nQuand Radford a-t-il rejoint OpenAI ?\n"
    done = run(["ask", "--json"], database_url, tmp_path, lines)
    assert done.returncode == 0
    assert "Traceback" not in done.stderr
    replies = json_lines(done.stdout)
    assert len(replies) == 3
    assert replies[1]["answered"] is False
    assert replies[0]["fact_id"] == "profile-murati" and replies[2]["fact_id"] == "radford-joins-openai"


def test_ask_prints_the_answer_and_its_source(database_url: str, tmp_path: Path) -> None:
    done = run(["ask", "Quand", "Radford", "a-t-il", "rejoint", "OpenAI", "?"], database_url, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "2016" in done.stdout
    assert "Source" in done.stdout
    assert "Après avoir rejoint OpenAI en 2016" in done.stdout  # the sentence the answer rests on
    english = run(["ask", "When did Radford join OpenAI?"], database_url, tmp_path)
    assert "joined OpenAI in 2016" in english.stdout and "Source" in english.stdout


def test_ask_one_question_as_json(database_url: str, tmp_path: Path) -> None:
    done = run(["ask", "--json", "Who is Mira Murati?"], database_url, tmp_path)
    [reply] = json_lines(done.stdout)
    assert reply["answered"] is True and reply["fact_id"] == "profile-murati"


def test_ask_declines_what_the_sources_do_not_cover(database_url: str, tmp_path: Path) -> None:
    done = run(["ask", "--json", "What is the weather in Paris tomorrow?"], database_url, tmp_path)
    [reply] = json_lines(done.stdout)
    assert reply["answered"] is False and reply["fact_id"] is None


def test_build_twice_second_is_up_to_date(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'bot.db'}"
    first = run(["build"], url, tmp_path)
    assert first.returncode == 0, first.stderr
    assert "store rebuilt" in first.stdout and "0 updated, 0 removed" in first.stdout
    count, _ = snapshot(url)
    assert count > 0 and f"{count} facts" in first.stdout
    second = run(["build"], url, tmp_path)
    assert second.returncode == 0
    assert "up to date" in second.stdout and f"{count} facts" in second.stdout
    forced = run(["build", "--force"], url, tmp_path)
    assert "0 added, 0 updated, 0 removed" in forced.stdout


def test_facts_murati_lists_murati_facts(database_url: str, tmp_path: Path) -> None:
    done = run(["facts", "murati"], database_url, tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    ids = [line.split(":", 1)[0].split(" [")[0] for line in lines]
    assert {"profile-murati", "murati-resigned"} <= set(ids)
    assert all("Murati" in line for line in lines)
    assert "facts)" in done.stderr


def test_facts_json_lists_every_fact(database_url: str, tmp_path: Path) -> None:
    count, _ = snapshot(database_url)
    done = run(["facts", "--json"], database_url, tmp_path)
    facts = json_lines(done.stdout)
    assert len(facts) == count
    assert all({"id", "kind", "source", "date", "en", "fr"} <= set(f) for f in facts)


def test_facts_in_french(database_url: str, tmp_path: Path) -> None:
    done = run(["facts", "--lang", "fr", "murati"], database_url, tmp_path)
    assert "directrice de la technologie" in done.stdout


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://user@127.0.0.1:9/db",  # nothing listens there
        "sqlite://relative.db",
        "mysql://localhost/bot",
    ],
)
def test_a_bad_database_url_is_one_clear_line(tmp_path: Path, url: str) -> None:
    done = run(["ask", "Who is Murati?"], url, tmp_path)
    assert done.returncode != 0
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "DATABASE_URL" in done.stderr


@pytest.mark.parametrize("target", ["directory", "not-a-database", "under-a-file"])
def test_a_database_url_naming_no_usable_file_is_one_clear_line(tmp_path: Path, target: str) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    junk = tmp_path / "junk.db"
    junk.write_text("this is not a SQLite database, just text\n" * 100, encoding="utf-8")
    path = {"directory": folder, "not-a-database": junk, "under-a-file": junk / "bot.db"}[target]
    done = run(["ask", "Who is Murati?"], f"sqlite:///{path}", tmp_path)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert str(path) in done.stderr or str(junk) in done.stderr
    assert junk.read_text(encoding="utf-8").startswith("this is not")  # left as it was


def test_version(tmp_path: Path) -> None:
    done = run(["--version"], "sqlite:///unused.db", tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("radford-bot ")


# -- what operators read (issue 15) ----------------------------------------------------------------------


@pytest.mark.parametrize("target", ["directory", "under-a-file"])
def test_store_path_errors_name_the_setting(tmp_path: Path, target: str) -> None:
    blocker = tmp_path / "hostname"
    blocker.write_text("a file\n", encoding="utf-8")
    path = {"directory": tmp_path, "under-a-file": blocker / "bot.db"}[target]
    done = run(["facts"], f"sqlite:///{path}", tmp_path)
    assert done.returncode == 2
    reason = {"directory": "is a directory", "under-a-file": "not a directory"}[target]
    assert done.stderr.strip().endswith(f"DATABASE_URL: {path}: {reason}" + ("" if target != "directory" else
                                                                                ", not a database file"))  # fmt: skip


def test_a_malformed_token_blocks_only_the_commands_that_use_it(database_url: str, tmp_path: Path) -> None:
    bad = {"TELEGRAM_BOT_TOKEN": "not-a-token", "DISCORD_BOT_TOKEN": "Bot abc def"}
    assert run(["ask", "Who is Alec Radford?"], database_url, tmp_path, **bad).returncode == 0
    assert run(["facts", "murati"], database_url, tmp_path, **bad).returncode == 0
    chat = run(["chat"], database_url, tmp_path, stdin="/about\n", **bad)
    assert chat.returncode == 0 and "Version" in chat.stdout
    for command in (["run"], ["discord-sync"]):
        done = run(command, database_url, tmp_path, **bad)
        assert done.returncode == 2 and "TOKEN" in done.stderr, command
        assert "not-a-token" not in done.stderr and "abc def" not in done.stderr


def test_every_subcommand_help_says_what_it_does(tmp_path: Path) -> None:
    from bot.cli import build_parser

    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"ask", "chat", "run", "timeline", "backup", "ingest", "subscribers", "outbox"} <= set(commands)
    for name in commands:
        done = run([name, "--help"], "sqlite:///unused.db", tmp_path)
        assert done.returncode == 0, name
        description = done.stdout.split("\n\n")[1].strip()
        assert description and not description.startswith(("positional", "options")), (name, done.stdout)


def test_timeline_prints_the_text_and_writes_the_picture(database_url: str, tmp_path: Path) -> None:
    png = tmp_path / "murati.png"
    done = run(["timeline", "murrati", "--png", str(png), "--lang", "fr"], database_url, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Chronologie : Mira Murati")
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and 10_000 < len(data) < 2_000_000
    assert "2 events" in done.stderr and "px" in done.stderr
    plain = run(["timeline"], database_url, tmp_path)
    assert plain.returncode == 0 and "1. 2016 — " in plain.stdout
    missing = run(["timeline", "--png", str(tmp_path / "no" / "x.png")], database_url, tmp_path)
    assert missing.returncode == 2 and not (tmp_path / "no").exists()
