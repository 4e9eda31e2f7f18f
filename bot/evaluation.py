"""`radford-bot eval FILE.jsonl`: answer quality on a question set, the way the shared scorer judges it.

A row is `{"q": …, "lang": "en"|"fr", "expect": [regex, …] | null, "style": …, "intent": …}`. An in-scope row
(`expect` a list) counts when the bot answers and every regex is found in the lower-cased, accent-folded
answer of at most 600 characters; an out-of-scope row (`expect` null) counts when the bot declines. Rows whose
`intent` is "near" are the near-topic ones (about the story, not covered): declining those is what keeps a
bot honest, so they get a line of their own. The operator who adds facts and the developer who tunes the
matcher read the same report.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.core import Core

MAX_ANSWER_CHARS = 600


class EvalFileError(ValueError):
    """A question file that cannot be scored: says which line and why."""


@dataclass(frozen=True, slots=True)
class Row:
    question: str
    lang: str
    expect: tuple[str, ...] | None
    style: str | None
    intent: str | None

    @property
    def in_scope(self) -> bool:
        return self.expect is not None


@dataclass(frozen=True, slots=True)
class Outcome:
    row: Row
    answered: bool
    answer: str
    right: bool


def fold(text: str) -> str:
    """Lower case without accents: what the expected patterns are written against."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def judge(expect: Sequence[str] | None, answered: bool, answer: str) -> bool:
    if expect is None:
        return not answered
    if not answered or not answer or len(answer) > MAX_ANSWER_CHARS:
        return False
    folded = fold(answer)
    return all(re.search(pattern, folded) for pattern in expect)


def parse_rows(lines: Iterable[str], name: str = "<questions>") -> list[Row]:
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            question, expect = data["q"], data.get("expect")
            if not isinstance(question, str) or not (expect is None or isinstance(expect, list)):
                raise TypeError("'q' must be text and 'expect' a list of patterns or null")
            for pattern in expect or ():
                re.compile(pattern)
        except (ValueError, KeyError, TypeError, re.error) as error:
            raise EvalFileError(f"{name}:{number}: {error}") from error
        rows.append(
            Row(
                question,
                str(data.get("lang") or "?"),
                tuple(expect) if expect is not None else None,
                data.get("style"),
                data.get("intent"),
            )
        )
    return rows


def load_rows(path: Path) -> list[Row]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise EvalFileError(f"{path}: {error}") from error
    return parse_rows(text.splitlines(), str(path))


async def evaluate(core: Core, rows: Sequence[Row]) -> list[Outcome]:
    """Each question as a conversation of its own, as `ask --json` answers it."""
    from handlers.types import Incoming

    outcomes = []
    for number, row in enumerate(rows):
        reply = await core.handle(Incoming.from_text("cli", f"eval-{number}", "eval", row.question))
        answer = reply.answer_text or ""
        outcomes.append(Outcome(row, reply.answered, answer, judge(row.expect, reply.answered, answer)))
    return outcomes


def accuracy(outcomes: Sequence[Outcome]) -> float:
    return sum(o.right for o in outcomes) / len(outcomes) if outcomes else 0.0


def _line(label: str, outcomes: Sequence[Outcome]) -> str:
    right = sum(o.right for o in outcomes)
    return f"  {label:<22} {right:>4}/{len(outcomes):<4} {100 * accuracy(outcomes):5.1f}%"


def groups(outcomes: Sequence[Outcome]) -> dict[str, dict[str, list[Outcome]]]:
    """The outcomes by scope (in scope, out of scope, near-topic, off-topic), by language of the in-scope
    questions, and by style where rows carry one."""
    by: dict[str, dict[str, list[Outcome]]] = {"scope": defaultdict(list), "in scope, by language": defaultdict(list)}
    by["style"] = defaultdict(list)
    for outcome in outcomes:
        row = outcome.row
        if row.in_scope:
            by["scope"]["in scope"].append(outcome)
            by["in scope, by language"][row.lang].append(outcome)
        else:
            by["scope"]["out of scope"].append(outcome)
            by["scope"]["near-topic" if row.intent == "near" else "off-topic"].append(outcome)
        if row.style:
            by["style"][row.style].append(outcome)
    return {title: dict(sorted(group.items())) for title, group in by.items() if group}


def summary(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Every figure the report prints, as data (`eval --json`)."""

    def figure(group: Sequence[Outcome]) -> dict[str, float | int]:
        return {"right": sum(o.right for o in group), "total": len(group), "accuracy": round(accuracy(group), 4)}

    by = {title: {key: figure(group) for key, group in sub.items()} for title, sub in groups(outcomes).items()}
    return {"overall": figure(outcomes), **by}


def report(outcomes: Sequence[Outcome], *, misses: bool = True) -> str:
    lines = [_line("overall", outcomes)]
    for title, sub in groups(outcomes).items():
        lines.append(f"{title}:")
        lines.extend(_line(key, group) for key, group in sub.items())
    wrong = [o for o in outcomes if not o.right]
    if misses and wrong:
        lines.append(f"misses ({len(wrong)}):")
        for o in wrong:
            said = o.answer.replace("\n", " ")[:160] if o.answered else "(declined)"
            wanted = "a decline" if o.row.expect is None else " & ".join(o.row.expect)
            lines.append(f"  [{o.row.lang}/{o.row.style or '-'}] {o.row.question!r}")
            lines.append(f"      wanted {wanted}; said {said}")
    return "\n".join(lines)
