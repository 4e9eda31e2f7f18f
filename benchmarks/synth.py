"""Synthetic news facts and questions for the matcher benchmarks, generated from a fixed seed.

Each fact is one French or English news-style sentence ("Lena Varok joined Quintara as chief scientist in
March 2019.") with sample questions in both languages, like the curated facts. Names of people and
companies are built from syllables, so the vocabulary grows with the store the way real news does.

The store is built through the real path: each batch of sentences is one article, its facts come from
`extract_facts` (sentence splitting, dates, the gazetteer), get their sample questions attached, and are
written with `SQLiteStore.sync_source` (one transaction per article).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, replace

from knowledge.extract import Gazetteer, extract_facts
from knowledge.models import Fact, Lang, Source
from knowledge.normalize import canonical
from knowledge.store import Store

SEED = 20261126
_SYLLABLES = (
    "ka ri no va lu te mi sor dan vel qui tar bel mor zen fa ro li sa gor ven dri pal kin ost rem bas cor "
    "lio nex tra vi ul ber an ma to lo ne ga sel dor mun pri"
).split()
_FIRST = (
    "Lena Marc Sofia Hugo Nadia Omar Clara Jonas Ines Pavel Maya Theo Aisha Bruno Elsa Karim Yuki Rosa "
    "Felix Amara Louis Jeanne Ravi Nora Diego Alice Samir Greta Victor Leila"
).split()
_ROLES = (
    ("chief scientist", "directeur scientifique"),
    ("chief technology officer", "directeur technique"),
    ("head of research", "responsable de la recherche"),
    ("chief executive", "directeur général"),
    ("lead engineer", "ingénieur principal"),
    ("product director", "directeur produit"),
)
_CITIES = ("Paris", "London", "Berlin", "Montreal", "Lyon", "Toronto", "Madrid", "Zurich", "Boston", "Lisbon")
_MONTHS_EN = "January February March April May June July August September October November December".split()
_MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
_OUT_OF_SCOPE = (
    "What is the weather like in {city} today?",
    "Quel temps fait-il à {city} aujourd'hui ?",
    "Who won the football world cup in {year}?",
    "Qui a gagné la coupe du monde de football en {year} ?",
    "How tall is the Eiffel tower?",
    "Quelle est la recette de la tarte aux pommes ?",
    "What is the capital of Australia?",
    "Combien coûte un billet de train pour {city} ?",
    "How old is {first} Zwarblick?",
    "When did Grobnitz Holdings buy Plimvar?",
    "Où habite {first} Quorvensky ?",
    "Why did the price of bitcoin fall in {year}?",
)


@dataclass(frozen=True, slots=True)
class Draft:
    """One fact before extraction: its sentence and its sample questions."""

    lang: Lang
    sentence: str
    questions_en: tuple[str, ...]
    questions_fr: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    kind: str  # answerable | typo | out_of_scope
    sentence: str | None  # the sentence of the fact that answers it


class Generator:
    """Deterministic names, sentences and questions."""

    def __init__(self, seed: int = SEED) -> None:
        self.random = random.Random(seed)

    def _name(self, low: int, high: int) -> str:
        return "".join(self.random.choice(_SYLLABLES) for _ in range(self.random.randint(low, high))).capitalize()

    def person(self) -> str:
        return f"{self.random.choice(_FIRST)} {self._name(2, 3)}"

    def company(self) -> str:
        return self._name(2, 4) + self.random.choice(("", "", " Labs", " AI", " Systems"))

    def draft(self, lang: Lang) -> Draft:
        r = self.random
        person, company, other = self.person(), self.company(), self.company()
        year, month = r.randint(1995, 2026), r.randint(0, 11)
        when_en, when_fr = f"{_MONTHS_EN[month]} {year}", f"{_MONTHS_FR[month]} {year}"
        role_en, role_fr = r.choice(_ROLES)
        city = r.choice(_CITIES)
        amount = r.randint(2, 900)
        last = person.split()[1]
        pattern = r.randrange(5)
        if pattern == 0:
            en = f"{person} joined {company} as {role_en} in {when_en}."
            fr = f"{person} a rejoint {company} en tant que {role_fr} en {when_fr}."
            q_en = (f"When did {person} join {company}?", f"What role did {last} take at {company}?")
            q_fr = (f"Quand {person} a-t-il rejoint {company} ?", f"Quel poste {last} occupe chez {company} ?")
        elif pattern == 1:
            en = f"{person} left {company} in {when_en} to found {other} in {city}."
            fr = f"{person} a quitté {company} en {when_fr} pour fonder {other} à {city}."
            q_en = (f"When did {person} leave {company}?", f"Who founded {other}?")
            q_fr = (f"Quand {last} a-t-il quitté {company} ?", f"Qui a fondé {other} ?")
        elif pattern == 2:
            en = f"{company} raised {amount} million dollars from investors in {when_en}."
            fr = f"{company} a levé {amount} millions de dollars auprès d'investisseurs en {when_fr}."
            q_en = (f"How much did {company} raise?", f"When did {company} raise money?")
            q_fr = (f"Combien {company} a-t-elle levé ?", f"Quand {company} a-t-elle levé des fonds ?")
        elif pattern == 3:
            en = f"{company} acquired {other} for {amount} million dollars in {when_en}."
            fr = f"{company} a racheté {other} pour {amount} millions de dollars en {when_fr}."
            q_en = (f"Who bought {other}?", f"When did {company} acquire {other}?")
            q_fr = (f"Qui a racheté {other} ?", f"Quand {company} a-t-elle acheté {other} ?")
        else:
            en = f"{company} opened a research lab in {city} led by {person} in {when_en}."
            fr = f"{company} a ouvert un laboratoire de recherche à {city} dirigé par {person} en {when_fr}."
            q_en = (f"Where did {company} open a lab?", f"Who leads the {company} lab in {city}?")
            q_fr = (f"Où {company} a-t-elle ouvert un laboratoire ?", f"Qui dirige le laboratoire de {company} ?")
        return Draft(lang, en if lang == "en" else fr, q_en, q_fr)

    def drafts(self, count: int) -> Iterator[Draft]:
        for _ in range(count):
            yield self.draft("en" if self.random.random() < 0.5 else "fr")

    def typo(self, text: str) -> str:
        """One slip (swap, drop, double or replace a letter) in one word of five letters or more, never
        its first letter."""
        words = text.split()
        long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
        if not long:
            return text
        i = self.random.choice(long)
        word, at = words[i], self.random.randint(1, len(words[i]) - 2)
        edit = self.random.randrange(4)
        if edit == 0:
            word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        elif edit == 1:
            word = word[:at] + word[at + 1 :]
        elif edit == 2:
            word = word[:at] + word[at] + word[at:]
        else:
            word = word[:at] + self.random.choice("aeioustrn") + word[at + 1 :]
        words[i] = word
        return " ".join(words)

    def questions(self, drafts: list[Draft], count: int) -> list[Question]:
        """`count` questions: 50 % a fact's own sample question, 30 % the same with a typo, 20 % out of scope."""
        found: list[Question] = []
        for index in range(count):
            share = index % 10
            if share < 8:
                draft = self.random.choice(drafts)
                text = self.random.choice(draft.questions_en + draft.questions_fr)
                if share < 5:
                    found.append(Question(text, "answerable", draft.sentence))
                else:
                    found.append(Question(self.typo(text), "typo", draft.sentence))
            else:
                template = self.random.choice(_OUT_OF_SCOPE)
                text = template.format(
                    city=self.random.choice(_CITIES),
                    year=self.random.randint(1990, 2026),
                    first=self.random.choice(_FIRST),
                )
                found.append(Question(text, "out_of_scope", None))
        return found


def source_for(batch: int, lang: Lang, drafts: list[Draft]) -> Source:
    title = f"Synthetic news {batch}"
    return Source(f"synthetic-{batch:06d}", title, lang, None, None, "benchmark", "\n".join(d.sentence for d in drafts))


def facts_for(source: Source, drafts: list[Draft], gazetteer: Gazetteer) -> list[Fact]:
    """The article's facts as ingestion extracts them, with the drafts' sample questions attached."""
    by_sentence = {canonical(d.sentence): d for d in drafts}
    facts: list[Fact] = []
    for fact in extract_facts(source.id, source.text or "", source.lang, gazetteer):
        draft = by_sentence.get(canonical(fact.sentence))
        if draft is not None:
            fact = replace(fact, questions_en=draft.questions_en, questions_fr=draft.questions_fr)
        facts.append(fact)
    return facts


async def write_store(store: Store, count: int, *, batch_size: int = 1000, seed: int = SEED) -> list[Draft]:
    """Add `count` synthetic facts to `store` (already built from knowledge/data); returns their drafts."""
    generator = Generator(seed)
    gazetteer = Gazetteer(await store.entities())
    every: list[Draft] = []
    batch = 0
    while len(every) < count:
        lang: Lang = "en" if batch % 2 == 0 else "fr"
        drafts = [generator.draft(lang) for _ in range(min(batch_size, count - len(every)))]
        source = source_for(batch, lang, drafts)
        await store.sync_source(source, facts_for(source, drafts, gazetteer))
        every += drafts
        batch += 1
    return every
