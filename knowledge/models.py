"""Plain data types shared by the store, the builder and the matcher."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["en", "fr"]
LANGS: tuple[Lang, Lang] = ("en", "fr")
Precision = Literal["year", "month", "day"]


@dataclass(frozen=True, slots=True)
class Localized:
    """One text in both languages; `get` falls back to English, then French."""

    en: str
    fr: str

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True, slots=True)
class FactDate:
    """A date with the precision the source gives (`2016`, `2018-06`, `2024-12-20`)."""

    value: str
    precision: Precision

    @property
    def sort_key(self) -> str:
        """ISO prefixes sort a month before the days in it ("2024-12" < "2024-12-20")."""
        return self.value


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    lang: Lang
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    role: Localized
    part_of: str | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    kind: str
    subject: str | None
    entities: tuple[str, ...]
    source: str
    sentence: str
    text: Localized
    date: FactDate | None = None
    when: Localized | None = None
    before: str | None = None
    timeline: bool = False
    questions_en: tuple[str, ...] = ()
    questions_fr: tuple[str, ...] = ()
    curated: bool = True
    extra_sources: tuple[str, ...] = field(default=())

    def questions(self, lang: str | None = None) -> tuple[str, ...]:
        if lang == "en":
            return self.questions_en
        if lang == "fr":
            return self.questions_fr
        return self.questions_en + self.questions_fr
