"""`/subscribe [topic] [immediate|digest [HH:MM]]`, `/unsubscribe [topic]` and `/subscriptions`.

A topic is everything (the default), a person or thing the bot knows (matched as forgivingly as in
questions: `/subscribe murrati`), or else a keyword. Subscriptions belong to the chat, so a group can
subscribe as a whole; subscribing twice only updates the mode.
"""

from __future__ import annotations

from handlers.context import Context
from handlers.markup import Block, bold, bullets, code, para
from handlers.types import ONE_SHOT_PLATFORMS, Incoming, Reply, Suggestion
from knowledge.normalize import canonical
from knowledge.subscriptions import Mode, Subscription
from knowledge.topics import Topic, entity_topic, everything, keyword_topic, parse_digest_time

MAX_SUBSCRIPTIONS = 20
MAX_TOPIC_CHARS = 60
DEFAULT_DIGEST_TIME = "08:00"
_EVERYTHING = {"", "all", "everything", "tout", "tous", "toutes", "*"}
_DIGEST = {"digest", "daily", "resume", "quotidien", "journalier"}
_IMMEDIATE = {"immediate", "immediately", "instant", "now", "immediat", "direct"}
_FILLER = {"at", "a", "on", "le", "mode"}
# Words that ask for a delivery rhythm the bot does not offer: `/subscribe murati weekly` is refused.
_OTHER_MODES = {
    "weekly", "monthly", "hourly", "yearly", "annually", "biweekly", "fortnightly", "realtime", "live", "never",
    "hebdo", "hebdomadaire", "mensuel", "mensuelle", "horaire", "annuel", "annuelle", "jamais", "semaine",
}  # fmt: skip


def parse_request(text: str) -> tuple[str, Mode | None, str | None, bool]:
    """Topic text, mode, digest time, and whether a time-looking word was not a valid time."""
    words = text.split()
    mode: Mode | None = None
    digest_time: str | None = None
    bad_time = False
    topic: list[str] = []
    for index, word in enumerate(words):
        key = canonical(word).strip(".,;!")
        before_time = index + 1 < len(words) and parse_digest_time(words[index + 1]) is not None
        if key in _DIGEST:
            mode = "digest"
        elif key in _IMMEDIATE:
            mode = "immediate"
        elif (parsed := parse_digest_time(word)) is not None:
            digest_time = parsed
        elif key in _FILLER and (mode is not None or before_time):
            continue
        elif ":" in word and word.replace(":", "").isdigit():
            bad_time = True
        else:
            topic.append(word)
    if digest_time is not None and mode is None:
        mode = "digest"
    return " ".join(topic), mode, digest_time, bad_time


def unknown_mode(ctx: Context, text: str) -> str | None:
    """The word after a topic that reads as a delivery mode the bot does not have (`murati weekly`).

    Either a rhythm word (weekly, hebdomadaire…), or a word the facts never use following a name the bot
    knows, which cannot be part of that name: a keyword topic is still free to be several words.
    """
    words = text.split()
    if not words:
        return None
    last = canonical(words[-1]).strip(".,;!")
    if last in _OTHER_MODES:
        return words[-1]
    if len(words) < 2 or ctx.knowledge.matcher.analyzer.knows(last):
        return None
    entity = ctx.knowledge.find_entity(" ".join(words[:-1]))
    if entity is None:
        return None
    names = {w for alias in (entity.name, *entity.aliases) for w in canonical(alias).split()}
    return None if last in names else words[-1]


def resolve_topic(ctx: Context, text: str) -> Topic | None:
    """Everything, a known entity (fuzzy), or a keyword; None when the text holds nothing usable."""
    if canonical(text).strip() in _EVERYTHING:
        return everything(ctx.t("topic-everything"))
    entity = ctx.knowledge.find_entity(text)
    if entity is not None:
        return entity_topic(entity.id, entity.name)
    return keyword_topic(text)


def topic_label(ctx: Context, subscription: Subscription) -> str:
    return ctx.t("topic-everything") if subscription.topic == "*" else subscription.label


def mode_text(ctx: Context, subscription: Subscription) -> str:
    if subscription.mode == "digest":
        return ctx.t("subscribe-mode-digest", time=subscription.digest_time or DEFAULT_DIGEST_TIME)
    return ctx.t("subscribe-mode-immediate")


async def handle_subscribe(ctx: Context, incoming: Incoming) -> Reply:
    if incoming.platform in ONE_SHOT_PLATFORMS:
        return Reply((para(ctx.t("subscribe-needs-chat")),), ctx.lang, kind="decline")
    text, mode, digest_time, bad_time = parse_request(incoming.args)
    if bad_time:
        return Reply((para(ctx.t("subscribe-bad-time")),), ctx.lang, kind="decline")
    if len(text) > MAX_TOPIC_CHARS:
        return Reply((para(ctx.t("subscribe-topic-too-long", max=MAX_TOPIC_CHARS)),), ctx.lang, kind="decline")
    if (wrong := unknown_mode(ctx, text)) is not None:
        # Refused before anything is stored: an existing subscription keeps its mode.
        return Reply((para(ctx.t("subscribe-bad-mode", mode=wrong)),), ctx.lang, kind="decline")
    topic = resolve_topic(ctx, text)
    if topic is None:
        return Reply((para(ctx.t("subscribe-usage")),), ctx.lang, kind="decline")
    current = await ctx.store.chat_subscriptions(incoming.platform, incoming.chat_id)
    if len(current) >= MAX_SUBSCRIPTIONS and all(s.topic != topic.key for s in current):
        return Reply((para(ctx.t("subscribe-too-many", max=MAX_SUBSCRIPTIONS)),), ctx.lang, kind="decline")
    chosen: Mode = mode or "immediate"
    subscription, changed = await ctx.store.subscribe(
        incoming.platform,
        incoming.chat_id,
        topic,
        chat_kind=incoming.chat_kind,
        lang=ctx.lang,
        mode=chosen,
        digest_time=(digest_time or DEFAULT_DIGEST_TIME) if chosen == "digest" else None,
    )
    key = "subscribe-done" if changed else "subscribe-already"
    blocks: list[Block] = [
        para(ctx.t(key, topic=topic_label(ctx, subscription), mode=mode_text(ctx, subscription))),
        para(ctx.t("subscribe-hint")),
    ]
    return Reply(
        tuple(blocks),
        ctx.lang,
        kind="info",
        suggestions=(Suggestion(ctx.t("subscriptions-button"), "/subscriptions"),),
    )


async def handle_unsubscribe(ctx: Context, incoming: Incoming) -> Reply:
    """No topic stops everything; `everything`/`all` stops that topic if the chat has it, else everything."""
    text = incoming.args.strip()
    current = await ctx.store.chat_subscriptions(incoming.platform, incoming.chat_id)
    means_all = canonical(text).strip() in _EVERYTHING
    if not text or (means_all and all(s.topic != "*" for s in current)):
        removed = await ctx.store.unsubscribe(incoming.platform, incoming.chat_id, None)
        key = "unsubscribe-all" if removed else "unsubscribe-none"
        return Reply((para(ctx.t(key, count=removed)),), ctx.lang, kind="info")
    topic = resolve_topic(ctx, text)
    wanted = canonical(text).strip()
    match = next((s for s in current if topic is not None and s.topic == topic.key), None) or next(
        (s for s in current if canonical(s.label).strip() == wanted), None
    )
    if match is None:
        return Reply(
            (para(ctx.t("unsubscribe-unknown", topic=text)),),
            ctx.lang,
            kind="decline",
            suggestions=_list_button(ctx),
        )
    await ctx.store.unsubscribe(incoming.platform, incoming.chat_id, match.topic)
    return Reply((para(ctx.t("unsubscribe-done", topic=topic_label(ctx, match))),), ctx.lang, kind="info")


async def handle_subscriptions(ctx: Context, incoming: Incoming) -> Reply:
    current = await ctx.store.chat_subscriptions(incoming.platform, incoming.chat_id)
    if not current:
        return Reply((para(ctx.t("subscriptions-none")),), ctx.lang, kind="info")
    items = []
    for subscription in current:
        paused = "" if subscription.active else " " + ctx.t("subscriptions-paused")
        items.append((bold(topic_label(ctx, subscription)), " — ", mode_text(ctx, subscription) + paused))
    title = ctx.t("subscriptions-title")
    blocks: list[Block] = [
        para(bold(title)),
        bullets(*items),
        para(ctx.t("subscriptions-hint"), " ", code("/unsubscribe")),
    ]
    return Reply(tuple(blocks), ctx.lang, kind="info", title=title)


def _list_button(ctx: Context) -> tuple[Suggestion, ...]:
    return (Suggestion(ctx.t("subscriptions-button"), "/subscriptions"),)
