"""Greetings, thanks and "who are you?" get a short friendly reply, not an "I don't know"."""

from __future__ import annotations

import re

from knowledge.normalize import canonical

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("smalltalk-thanks", re.compile(r"^(?:thanks?|thank you|thx|ty|merci|merci beaucoup|cool|super|great|parfait|perfect|nice|genial)(?: (?:a lot|beaucoup|bien|so much|you|bot))*$")),
    ("smalltalk-bye", re.compile(r"^(?:bye|goodbye|good bye|see you|ciao|au revoir|a plus|a bientot|bonne (?:journee|soiree|nuit)|good ?night)(?: .{0,20})?$")),
    ("smalltalk-how", re.compile(r"^(?:how are you|how s it going|how do you do|ca va|comment (?:ca va|vas tu|allez vous)|tu vas bien)(?: .{0,20})?$")),
    ("smalltalk-who", re.compile(r"^(?:who are you|what are you|what can you do|what do you know|qui es tu|tu es qui|que sais tu|qu est ce que tu sais|que peux tu faire|tu sers a quoi|what is this bot)$")),
    ("smalltalk-hello", re.compile(r"^(?:hello|hi|hey|yo|hiya|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|coucou|hola)(?: (?:there|everyone|all|bot|toi|a tous|le bot))*$")),
)


def smalltalk_key(text: str) -> str | None:
    """The catalogue key of the reply `text` deserves, or None when it is not small talk."""
    words = " ".join(re.findall(r"[a-z0-9]+", canonical(text).replace("'", " ")))
    if not words or len(words) > 40:
        return None
    for key, pattern in _KINDS:
        if pattern.match(words):
            return key
    return None
