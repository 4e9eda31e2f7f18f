"""Who says each quoted sentence, when the sentence itself does not name them.

A quotation often runs over several sentences and names its speaker only at its end, by a pronoun
(« J'ai fondé Altisène pour … Aujourd'hui, … », a-t-il déclaré.), or continues the previous sentence's
quotation ("…," Duarte said. "The teams that…"). Such sentences are facts whose answer must say who spoke,
and which answer "what did X say?", not "who founded Altisène?".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from knowledge.extract_mentions import Mention
from knowledge.normalize import fold1

_OPEN = re.compile(r"^\W{0,3}?[«“\"]")
_CLOSE = re.compile(r"[»”\"]")
# "a-t-il déclaré", "she said", "said he", "il a ajouté", "insiste-t-elle": a pronoun speaks.
_PRONOUN_SPEECH = re.compile(
    r"\b(?:a-t-(?P<fr>il|elle)\s+\w+|(?P<en>he|she)\s+(?:said|says|added|told|wrote|explained|noted|argued)"
    r"|(?:said|says|added)\s+(?P<en2>he|she)|(?P<fr2>il|elle)\s+a\s+(?:dit|declare|ajoute|explique|affirme|precise|conclu"
    r"|resume|souligne|estime|indique|assure)"
    # "résume-t-elle", "insiste-t-il", "conclut-elle", "dit-il": the inverted verb after a quotation.
    r"|[a-z]+-t-(?P<fr3>il|elle)|(?:dit|conclut|poursuit|reconnait|admet|sourit|observe|rappelle|note|lance)-(?P<fr4>il|elle))\b",
    re.IGNORECASE,
)
_FEMALE = frozenset({"elle", "she"})

Speaker = Callable[[str, Sequence[Mention]], str | None]


def _last_person(
    mentions: Sequence[Sequence[Mention]],
    before: int,
    kinds: Mapping[str, str],
    genders: Mapping[str, str | None],
    female: bool | None,
) -> str | None:
    """The person named last before sentence `before` (within three sentences), of the pronoun's gender."""
    for index in range(before - 1, max(before - 4, -1), -1):
        for mention in reversed(mentions[index]):
            if kinds.get(mention.entity) != "person":
                continue
            gender = genders.get(mention.entity)
            if female is None or gender is None or (gender == "f") == female:
                return mention.entity
    return None


def quote_speakers(
    sentences: Sequence[str],
    mentions: Sequence[Sequence[Mention]],
    kinds: Mapping[str, str],
    genders: Mapping[str, str | None],
    speaker: Speaker,
) -> dict[int, str]:
    """Sentence index → who says it, for the quoted sentences that do not name their speaker themselves.
    `speaker` finds the person a reporting verb names in one sentence ("…," said X; selon X)."""
    found: dict[int, str] = {}
    previous: str | None = None  # who spoke in the sentence before, if it was speech
    i = 0
    while i < len(sentences):
        sentence = sentences[i]
        opening = _OPEN.search(sentence)
        if opening is None:
            previous = speaker(sentence, mentions[i]) if _CLOSE.search(sentence) else None
            i += 1
            continue
        # The quotation ends in this sentence or a later one (unclosed: this sentence alone).
        end = i
        while end < len(sentences) and not _CLOSE.search(sentences[end], opening.end() if end == i else 0):
            end += 1
        if end == len(sentences):
            end = i
        closing = sentences[end]
        close = _CLOSE.search(closing, opening.end() if end == i else 0)
        tail = fold1(closing[close.end() :]) if close else ""
        who = speaker(closing, mentions[end])
        if who is None and (pronoun := _PRONOUN_SPEECH.search(tail)) is not None:
            word = next(g for g in pronoun.groups() if g).lower()
            who = _last_person(mentions, i, kinds, genders, word in _FEMALE)
        if who is None and len(tail.strip(' .!?"»”')) == 0:
            who = previous  # a quotation that goes on from the previous sentence's
        if who is not None:
            for index in range(i, end + 1):
                if speaker(sentences[index], mentions[index]) is None:
                    found[index] = who
        previous = who
        i = end + 1
    return found
