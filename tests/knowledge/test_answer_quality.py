"""Regression guards on answer quality, judged exactly as ../shared/eval/score.py judges.

The public dev set must stay at 95% or better. Our own question sets, written from the article alone by
people who never saw the facts (the blind ones also never saw the matcher or earlier sets), must not slip
below their floors. (The sample questions were written from the facts by an author who saw none of these sets, so a
plain question like "When did Alec Radford join OpenAI?" may well appear in both.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core import Core
from bot.evaluation import judge as judge_answer
from handlers.types import Incoming

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = ROOT.parent / "shared" / "eval" / "dev.jsonl"
OWN_SET = Path(__file__).with_name("data") / "questions.jsonl"
SECOND_SET = Path(__file__).with_name("data") / "questions_second.jsonl"
BLIND_TUNE = Path(__file__).with_name("data") / "blind_tune.jsonl"
BLIND_HOLDOUT = Path(__file__).with_name("data") / "blind_holdout.jsonl"  # held out in the first session
BLIND_HOLDOUT2 = Path(__file__).with_name("data") / "blind_holdout2.jsonl"  # held out in the second
BLIND_HOLDOUT3 = Path(__file__).with_name("data") / "blind_holdout3.jsonl"  # held out in the third, first round
BLIND_HOLDOUT4 = Path(__file__).with_name("data") / "blind_holdout4.jsonl"  # held out in the third, second round
BLIND_HOLDOUT5 = Path(__file__).with_name("data") / "blind_holdout5.jsonl"  # held out in the fourth
BLIND_HOLDOUT6 = Path(__file__).with_name("data") / "blind_holdout6.jsonl"  # held out in the fifth
BLIND_HOLDOUT7 = Path(__file__).with_name("data") / "blind_holdout7.jsonl"  # held out in the sixth
BLIND_HOLDOUT8 = Path(__file__).with_name("data") / "blind_holdout8.jsonl"  # held out in the seventh
BLIND_HOLDOUT9 = Path(__file__).with_name("data") / "blind_holdout9.jsonl"  # held out in the eighth
BLIND_HOLDOUT10 = Path(__file__).with_name("data") / "blind_holdout10.jsonl"  # held out in the ninth
BLIND_HOLDOUT11 = Path(__file__).with_name("data") / "blind_holdout11.jsonl"  # held out in the tenth
BLIND_HOLDOUT12 = Path(__file__).with_name("data") / "blind_holdout12.jsonl"  # held out in the eleventh
BLIND_HOLDOUT13 = Path(__file__).with_name("data") / "blind_holdout13.jsonl"  # held out in the twelfth
BLIND_HOLDOUT14 = Path(__file__).with_name("data") / "blind_holdout14.jsonl"  # held out in the thirteenth
BLIND_HOLDOUT15 = Path(__file__).with_name("data") / "blind_holdout15.jsonl"  # held out in the fourteenth
BLIND_HOLDOUT16 = Path(__file__).with_name("data") / "blind_holdout16.jsonl"  # held out in the fifteenth
BLIND_HOLDOUT17 = Path(__file__).with_name("data") / "blind_holdout17.jsonl"  # held out in the sixteenth
BLIND_HOLDOUT18 = Path(__file__).with_name("data") / "blind_holdout18.jsonl"  # held out in the seventeenth
BLIND_HOLDOUT19 = Path(__file__).with_name("data") / "blind_holdout19.jsonl"  # held out in the eighteenth
BLIND_HOLDOUT20 = Path(__file__).with_name("data") / "blind_holdout20.jsonl"  # held out in the nineteenth


def judge(row: dict[str, object], answered: bool, answer: str) -> bool:
    expect = row["expect"]
    assert expect is None or isinstance(expect, list)
    return judge_answer(expect, answered, answer)


def load(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


async def score(core: Core, rows: list[dict[str, object]]) -> tuple[float, list[str]]:
    misses = []
    for number, row in enumerate(rows):
        reply = await core.handle(Incoming("cli", f"q{number}", "eval", str(row["q"])))
        if not judge(row, reply.answered, reply.answer_text or ""):
            misses.append(f"{row['q']!r} -> answered={reply.answered} {(reply.answer_text or '')[:80]!r}")
    return 1 - len(misses) / len(rows), misses


@pytest.mark.skipif(not DEV_SET.is_file(), reason="the shared dev set is not beside this checkout")
async def test_dev_set_stays_above_ninety_percent(core: Core) -> None:
    accuracy, misses = await score(core, load(DEV_SET))
    assert accuracy >= 0.95, "\n".join(misses)


@pytest.mark.parametrize(
    ("path", "floor"),
    [
        (OWN_SET, 0.92),  # 94.0% at the ninth session's end
        (SECOND_SET, 0.95),
        (BLIND_TUNE, 0.90),
        (BLIND_HOLDOUT, 0.85),
        (BLIND_HOLDOUT2, 0.80),
        (BLIND_HOLDOUT3, 0.82),  # 72.9% at first contact, 76.7% at the end of its round; 84.8% at the ninth's end
        (BLIND_HOLDOUT4, 0.82),  # 75.2% at first contact and at the end of its session; 84.3% at the ninth's
        (BLIND_HOLDOUT5, 0.84),  # 81.9% at first contact (the fourth session's start), 86.2% at the ninth's end
        (BLIND_HOLDOUT6, 0.88),  # 85.2% at first contact (the fifth session's start), 91.0% at the ninth's end
        (BLIND_HOLDOUT7, 0.77),  # 74.6% at first contact (the sixth session's start), 79.0% at the ninth's end
        (BLIND_HOLDOUT8, 0.84),  # 81.2% at first contact (the seventh session's start), 86.7% at the ninth's end
        (BLIND_HOLDOUT9, 0.78),  # 77.1% at first contact (the eighth session's start), 80.8% at the ninth's end
        (BLIND_HOLDOUT10, 0.79),  # 77.1% at first contact (the ninth session's start), 81.2% at its end
        (BLIND_HOLDOUT11, 0.79),  # 79.2% at first contact (the tenth session's start), 79.6% at the eleventh's end
        (BLIND_HOLDOUT12, 0.81),  # 81.7% at first contact (the eleventh session's start) and at its end
        (BLIND_HOLDOUT13, 0.84),  # 84.2% at first contact (the twelfth session's start), 85.0% at its end
        (BLIND_HOLDOUT14, 0.79),  # 78.3% at first contact (the thirteenth session's start), 80.8% at its end
        (BLIND_HOLDOUT15, 0.80),  # 81.2% at first contact (the fourteenth session's start) and at its end
        (BLIND_HOLDOUT16, 0.83),  # 80.8% at first contact (the fifteenth session's start), 81.7% at its end, 85.0%
        # at the sixteenth's end (58 of its expected patterns had capitals or accents no folded answer has)
        (BLIND_HOLDOUT17, 0.86),  # 88.3% at first contact (the sixteenth session's start), 88.8% at its end
        (BLIND_HOLDOUT18, 0.76),  # 77.9% at first contact (the seventeenth session's start), 78.3% at its end
        (BLIND_HOLDOUT19, 0.78),  # 80.8% at first contact (the eighteenth session's start), 80.0% at its end
        (BLIND_HOLDOUT20, 0.85),  # 87.1% at first contact (the nineteenth session's start) and at its end
    ],
    ids=[
        "own",
        "second",
        "blind-tune",
        "blind-holdout",
        "blind-holdout2",
        "blind-holdout3",
        "blind-holdout4",
        "blind-holdout5",
        "blind-holdout6",
        "blind-holdout7",
        "blind-holdout8",
        "blind-holdout9",
        "blind-holdout10",
        "blind-holdout11",
        "blind-holdout12",
        "blind-holdout13",
        "blind-holdout14",
        "blind-holdout15",
        "blind-holdout16",
        "blind-holdout17",
        "blind-holdout18",
        "blind-holdout19",
        "blind-holdout20",
    ],
)
async def test_own_question_sets_stay_above_their_floors(core: Core, path: Path, floor: float) -> None:
    rows = load(path)
    assert len(rows) >= 100
    accuracy, misses = await score(core, rows)
    assert accuracy >= floor, "\n".join(misses)
