"""Text files sent with `/addarticle`: which ones are read, how large, and how they are decoded.

Shared by the adapters that accept them (Telegram documents, Discord attachments), so both refuse and
decode the same way before the text becomes `Incoming.attachment`.
"""

from __future__ import annotations

from knowledge.ingest import MAX_ARTICLE_CHARS

ARTICLE_COMMAND = "addarticle"
# An article is at most MAX_ARTICLE_CHARS characters, at most 4 bytes each in UTF-8: a larger file cannot fit.
MAX_ATTACHMENT_BYTES = 4 * MAX_ARTICLE_CHARS
_TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
_TEXT_SUFFIXES = (".txt", ".md", ".markdown")


def is_text_document(mime_type: str | None, file_name: str | None) -> bool:
    """Plain text or Markdown, by type or by name: what `/addarticle` can read."""
    mime = (mime_type or "").split(";")[0].strip().lower()
    return mime in _TEXT_TYPES or (file_name or "").lower().endswith(_TEXT_SUFFIXES)


def decode_text(data: bytes | bytearray) -> str:
    """UTF-8, with undecodable bytes replaced: a stray Latin-1 byte should not cost the whole article."""
    return bytes(data).decode("utf-8", errors="replace")
