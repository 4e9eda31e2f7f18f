"""The in-memory record of how far a multi-message reply got."""

from __future__ import annotations

from bot.adapters.progress import ChunkProgress


def test_progress_is_per_chat_and_reply_bounded_and_dropped_when_done() -> None:
    progress = ChunkProgress(capacity=2)
    a = progress.key("1", ["one", "two"])
    assert a == progress.key("1", ["one", "two"])
    assert a != progress.key("2", ["one", "two"]) and a != progress.key("1", ["onetwo"])
    progress.record(a, 1)
    assert progress.delivered(a) == 1
    progress.finish(a)
    assert progress.delivered(a) == 0
    for chat in "123":
        progress.record(progress.key(chat, ["x"]), 1)
    assert len(progress) == 2 and progress.delivered(progress.key("1", ["x"])) == 0
