"""Greetings, thanks and "who are you?" get a short friendly reply, not an "I don't know"."""

from __future__ import annotations

import re

from knowledge.normalize import canonical


def _phrases(*options: str, tail: str = "") -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(options) + r")" + tail + "$")


_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "smalltalk-thanks",
        _phrases(
            "thanks?", "thank you", "thx", "ty", "merci", "cool", "super", "great", "parfait", "perfect", "nice",
            "genial", "top",
            tail=r"(?: (?:a lot|beaucoup|bien|so much|you|bot|pour (?:ca|tout)))*",
        ),
    ),
    (
        "smalltalk-bye",
        _phrases(
            "bye", "goodbye", "good bye", "see you", "ciao", "au revoir", "a plus", "a bientot",
            "bonne (?:journee|soiree|nuit)", "good ?night",
            tail=r"(?: .{0,20})?",
        ),
    ),
    (
        "smalltalk-how",
        _phrases(
            "how are you", "how s it going", "how do you do", "ca va", "comment (?:ca va|vas tu|allez vous)",
            "tu vas bien",
            tail=r"(?: .{0,20})?",
        ),
    ),
    (
        "smalltalk-who",
        _phrases(
            "who are you", "what are you", "what can you do", "what do you know", "qui es tu", "tu es qui",
            "que sais tu", "qu est ce que tu sais", "que peux tu faire", "tu sers a quoi", "what is this bot",
        ),
    ),
    (
        "smalltalk-hello",
        _phrases(
            "hello", "hi", "hey", "yo", "hiya", "good (?:morning|afternoon|evening)", "bonjour", "bonsoir", "salut",
            "coucou", "hola",
            tail=r"(?: (?:there|everyone|all|bot|toi|a tous|le bot))*",
        ),
    ),
)  # fmt: skip


def smalltalk_key(text: str) -> str | None:
    """The catalogue key of the reply `text` deserves, or None when it is not small talk."""
    words = " ".join(re.findall(r"[a-z0-9]+", canonical(text).replace("'", " ")))
    if not words or len(words) > 40:
        return None
    for key, pattern in _KINDS:
        if pattern.match(words):
            return key
    return None
