"""Logging: secrets masked wherever they appear, JSON lines that are valid JSON."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.logs import MASK, JsonFormatter, Redacting, setup_logging

TOKEN = "123456:AAH-secret-telegram-token"
SHORT = "hook_secret"


@pytest.fixture
def logger() -> Iterator[logging.Logger]:
    log = logging.getLogger("tests.logs")
    log.propagate = False
    yield log
    log.handlers.clear()
    log.propagate = True


def capture(log: logging.Logger, formatter: logging.Formatter) -> io.StringIO:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    log.handlers[:] = [handler]
    log.setLevel(logging.DEBUG)
    return stream


def test_redact_masks_every_secret() -> None:
    redacting = Redacting(logging.Formatter(), [TOKEN, SHORT, ""])
    assert redacting.redact(f"url=https://api.telegram.org/bot{TOKEN}/getMe {SHORT}") == (
        f"url=https://api.telegram.org/bot{MASK}/getMe {MASK}"
    )
    assert redacting.redact("nothing to hide") == "nothing to hide"


def test_longer_secrets_are_masked_first() -> None:
    # One secret containing another must not leave a piece of the longer one behind.
    redacting = Redacting(logging.Formatter(), ["abc", "abcdef-long"])
    assert redacting.redact("x abcdef-long y abc") == f"x {MASK} y {MASK}"


def test_secrets_in_messages_and_arguments_are_masked(logger: logging.Logger) -> None:
    stream = capture(logger, Redacting(logging.Formatter("%(levelname)s %(message)s"), [TOKEN]))
    logger.info("connecting with %s", TOKEN)
    logger.warning(f"token {TOKEN} rejected")
    output = stream.getvalue()
    assert TOKEN not in output
    assert output.count(MASK) == 2
    assert "INFO connecting with ***" in output


def test_secrets_in_tracebacks_are_masked(logger: logging.Logger) -> None:
    stream = capture(logger, Redacting(logging.Formatter("%(message)s"), [TOKEN]))
    try:
        raise RuntimeError(f"request to /bot{TOKEN}/sendMessage failed")
    except RuntimeError:
        logger.exception("delivery failed")
    output = stream.getvalue()
    assert "Traceback" in output and "RuntimeError" in output
    assert TOKEN not in output
    assert f"/bot{MASK}/sendMessage" in output


def test_the_record_itself_is_left_intact(logger: logging.Logger) -> None:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    capture(logger, Redacting(logging.Formatter("%(message)s"), [TOKEN]))
    logger.addHandler(Keep())
    logger.info("token %s", TOKEN)
    assert records[0].getMessage() == f"token {TOKEN}"


def test_json_lines_are_valid_json(logger: logging.Logger) -> None:
    stream = capture(logger, Redacting(JsonFormatter(), [TOKEN]))
    logger.info('quote " backslash \\ newline \n accent é %s', TOKEN)
    try:
        raise ValueError(TOKEN)
    except ValueError:
        logger.exception("failed")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["level"] == "INFO" and first["logger"] == "tests.logs"
    assert first["message"] == 'quote " backslash \\ newline \n accent é ***'
    assert set(first) == {"time", "level", "logger", "message"}
    assert second["level"] == "ERROR" and "ValueError: ***" in second["error"]
    assert TOKEN not in stream.getvalue()


def test_a_secret_that_json_would_escape_is_still_masked(logger: logging.Logger) -> None:
    tricky = 'se"cret\\value'
    stream = capture(logger, Redacting(JsonFormatter(), [tricky]))
    logger.info("value %s", tricky)
    line = stream.getvalue().strip()
    assert json.loads(line)["message"] == f"value {MASK}"


def test_setup_logging_installs_one_redacting_handler(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging("INFO", json_lines=True, secrets=[TOKEN])
    root = logging.getLogger()
    assert len(root.handlers) == 1
    assert isinstance(root.handlers[0].formatter, Redacting)
    assert root.level == logging.INFO
    assert logging.getLogger("httpx").level == logging.WARNING
    logging.getLogger("tests.setup").info("hello %s", TOKEN)
    entry = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert entry["message"] == f"hello {MASK}"
