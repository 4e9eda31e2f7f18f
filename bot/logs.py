"""Logging: one line per event, plain or JSON, with every configured secret masked wherever it appears."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable

MASK = "***"


def variants(secret: str) -> list[str]:
    """A secret as it may show up: whole, URL-encoded, and a Telegram token's secret half on its own."""
    found = [secret, secret.replace(":", "%3A"), secret.replace(":", "%3a")]
    _, colon, half = secret.partition(":")
    if colon and len(half) >= 8:
        found.append(half)
    return found


class Redacting(logging.Formatter):
    """Wraps a formatter and masks every secret in what it produced, traceback included.

    Redacting the finished text (rather than the record, which other handlers share) keeps the record
    intact for anyone else and catches a secret wherever it hides: message, arguments or exception.
    """

    def __init__(self, inner: logging.Formatter, secrets: Iterable[str]) -> None:
        super().__init__()
        self._inner = inner
        # JSON lines escape quotes, backslashes and control characters: mask a secret's escaped form too.
        forms = {f for s in secrets if s for v in variants(s) for f in (v, json.dumps(v, ensure_ascii=False)[1:-1])}
        self._secrets = sorted(forms, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(self._inner.format(record))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(level: str = "INFO", *, json_lines: bool = False, secrets: Iterable[str] = ()) -> None:
    handler = logging.StreamHandler(sys.stderr)
    inner = JsonFormatter() if json_lines else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handler.setFormatter(Redacting(inner, secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "aiosqlite", "discord.gateway", "discord.client"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
