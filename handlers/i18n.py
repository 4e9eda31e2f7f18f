"""User-facing strings: one Fluent catalogue per language (`handlers/locales/<lang>.ftl`).

Handlers never hold literal sentences; they ask the catalogue, which falls back to English for a missing
message and names the missing key in the log rather than failing a reply.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource

log = logging.getLogger(__name__)
LOCALES = Path(__file__).with_name("locales")
SUPPORTED = ("en", "fr")
DEFAULT = "en"
MAX_ARG_CHARS = 200  # user text echoed into a message ("no one called …") is cut here; Fluent refuses > 1000


class Catalog:
    def __init__(self, locales: Path = LOCALES) -> None:
        self._bundles: dict[str, FluentBundle] = {}
        for lang in SUPPORTED:
            bundle = FluentBundle([lang], use_isolating=False)
            bundle.add_resource(FluentResource((locales / f"{lang}.ftl").read_text(encoding="utf-8")))
            self._bundles[lang] = bundle

    def has(self, lang: str, key: str) -> bool:
        return self._bundles[normalize_lang(lang)].has_message(key)

    def t(self, lang: str, key: str, /, **args: str | int | float) -> str:
        """The message `key` in `lang` (English if that language lacks it)."""
        args = {k: _clip(v) if isinstance(v, str) else v for k, v in args.items()}
        for candidate in (normalize_lang(lang), DEFAULT):
            bundle = self._bundles[candidate]
            if bundle.has_message(key):
                message = bundle.get_message(key)
                if message.value is None:
                    break
                text, errors = bundle.format_pattern(message.value, args)
                if errors:
                    log.warning("catalogue %s/%s: %s", candidate, key, errors)
                return str(text)
        log.error("catalogue has no message %r", key)
        return key


def _clip(value: str) -> str:
    return value if len(value) <= MAX_ARG_CHARS else value[: MAX_ARG_CHARS - 1].rstrip() + "…"


def normalize_lang(value: str | None) -> str:
    """`fr-CA`, `FR`, `fr_FR` → `fr`; anything we do not speak → English."""
    if not value:
        return DEFAULT
    head = value.replace("_", "-").split("-", 1)[0].lower()
    return head if head in SUPPORTED else DEFAULT


def supported(value: str | None) -> bool:
    return bool(value) and (value or "").replace("_", "-").split("-", 1)[0].lower() in SUPPORTED


@cache
def catalog() -> Catalog:
    return Catalog()
