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


# "ok thanks", "merci beaucoup", "cool", "super, merci !": short acknowledgements made only of these words,
# with at least one that acknowledges (so "you" or "a lot" alone are not thanks).
_ACKNOWLEDGING = frozenset(
    "ok okay okey oki k thanks thank thx ty tks merci cool super great parfait perfect nice genial top "
    "excellent awesome bravo alright noted entendu compris dac accord gotcha wonderful formidable".split()
)
_ALSO = frozenset(
    "you a lot so much very many bien beaucoup mille fois pour ca tout bot le d all right got it that s "
    "thats fine good tres vraiment really oh ah well et and c est".split()
)
_THANKING = frozenset({"thanks", "thank", "thx", "ty", "tks", "merci"})
_EMOJI = {
    "smalltalk-thanks": frozenset("🙏❤♥🥰😍🤝"),
    "smalltalk-ok": frozenset("👍👌😊🙂😀😃😄😁💯✅👏💪🆗"),
    "smalltalk-hello": frozenset("👋"),
    "smalltalk-bye": frozenset("✌"),
}
_EMOJI_NOISE = frozenset("\ufe0f\u200d!. ") | {chr(c) for c in range(0x1F3FB, 0x1F400)}  # skin tones, VS-16, ZWJ


def _emoji_key(text: str) -> str | None:
    """👍 and friends: the reply a message made only of such emoji deserves."""
    chars = {c for c in text.strip() if c not in _EMOJI_NOISE}
    if not chars:
        return None
    for key, emoji in _EMOJI.items():
        if chars <= emoji:
            return key
    return None


def smalltalk_key(text: str) -> str | None:
    """The catalogue key of the reply `text` deserves, or None when it is not small talk."""
    if len(text) <= 12 and (key := _emoji_key(text)) is not None:
        return key
    words = " ".join(re.findall(r"[a-z0-9]+", canonical(text).replace("'", " ")))
    if not words or len(words) > 40:
        return None
    tokens = words.split()
    if set(tokens) <= _ACKNOWLEDGING | _ALSO and set(tokens) & _ACKNOWLEDGING:
        return "smalltalk-thanks" if set(tokens) & _THANKING else "smalltalk-ok"
    for key, pattern in _KINDS:
        if pattern.match(words):
            return key
    return None
