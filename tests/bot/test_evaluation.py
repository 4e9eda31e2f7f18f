"""`radford-bot eval`: judging exactly as the shared scorer does, figures by scope, language and style."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core import Core
from bot.evaluation import EvalFileError, evaluate, judge, parse_rows, report, summary
from tests.bot.test_cli import run

ROWS = [
    {"q": "When did Alec Radford join OpenAI?", "lang": "en", "expect": ["2016"], "style": "plain"},
    {"q": "quand radford a rejoint openai", "lang": "fr", "expect": ["2016"], "style": "noaccent"},
    {"q": "When did Radford join OpenAI?", "lang": "en", "expect": ["1999"], "style": "plain"},
    {"q": "How old is Alec Radford?", "lang": "en", "expect": None, "intent": "near", "style": "plain"},
    {"q": "Raconte-moi une blague", "lang": "fr", "expect": None, "style": "casual"},
]


def test_judge_follows_the_shared_scorer() -> None:
    assert judge(["2016"], True, "Alec Radford a rejoint OpenAI en 2016.")
    assert judge(["independ|indep"], True, "Il se consacre à la recherche indépendante.")  # accents folded
    assert not judge(["2016"], False, "2016")  # a decline is never right in scope
    assert not judge(["2016"], True, "2016 " + "x" * 600)  # too long
    assert not judge(["murati", "2016"], True, "Murati")  # every pattern must match
    assert judge(None, False, "")
    assert not judge(None, True, "anything")


def test_bad_rows_name_their_line() -> None:
    with pytest.raises(EvalFileError, match=r"set:2"):
        parse_rows(['{"q": "ok", "expect": null}', '{"q": "x", "expect": ["("]}'], "set")
    with pytest.raises(EvalFileError, match=r"set:1"):
        parse_rows(["not json"], "set")
    with pytest.raises(EvalFileError, match=r"set:1"):
        parse_rows(['{"q": "x", "expect": "2016"}'], "set")


async def test_figures_by_scope_language_and_style(core: Core) -> None:
    outcomes = await evaluate(core, parse_rows(json.dumps(r) for r in ROWS))
    assert [o.right for o in outcomes] == [True, True, False, True, True]
    figures = summary(outcomes)
    assert figures["overall"] == {"right": 4, "total": 5, "accuracy": 0.8}
    assert figures["scope"]["in scope"]["right"] == 2
    assert figures["scope"]["near-topic"] == {"right": 1, "total": 1, "accuracy": 1.0}
    assert figures["scope"]["off-topic"]["total"] == 1
    assert figures["in scope, by language"]["en"] == {"right": 1, "total": 2, "accuracy": 0.5}
    assert figures["style"]["noaccent"]["right"] == 1
    text = report(outcomes)
    assert "misses (1):" in text
    assert "When did Radford join OpenAI?" in text and "1999" in text


def test_eval_command(tmp_path: Path, database_url: str) -> None:
    questions = tmp_path / "set.jsonl"
    questions.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    done = run(["eval", str(questions), "--json"], database_url, tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["overall"]["right"] == 4
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"q": 1}\n', encoding="utf-8")
    done = run(["eval", str(bad)], database_url, tmp_path)
    assert done.returncode == 2 and "bad.jsonl:1" in done.stderr
