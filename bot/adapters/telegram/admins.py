"""Who administers a Telegram group, asked with getChatMember and remembered for a minute.

Changing a group's subscriptions takes a group administrator. Asking Telegram on every command would cost
one API call per `/subscribe`; a short memory keeps that cheap, and a demoted admin loses the right
within the minute. A failed lookup is not remembered and counts as "no".
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

ADMIN_STATUSES = frozenset({"creator", "administrator"})
Lookup = Callable[[str, str], Awaitable[str]]  # (chat id, user id) → the member's status


class ChatAdmins:
    def __init__(self, lookup: Lookup, *, ttl: float = 60.0, size: int = 4096) -> None:
        self._lookup = lookup
        self._ttl = ttl
        self._size = size
        self._known: OrderedDict[tuple[str, str], tuple[bool, float]] = OrderedDict()

    async def is_admin(self, chat_id: str, user_id: str) -> bool:
        key = (chat_id, user_id)
        now = time.monotonic()
        known = self._known.get(key)
        if known is not None and known[1] > now:
            return known[0]
        try:
            status = await self._lookup(chat_id, user_id)
        except Exception as error:
            log.warning("telegram: could not check the status of user %s in chat %s: %s", user_id, chat_id, error)
            return False
        allowed = status in ADMIN_STATUSES
        self._known[key] = (allowed, now + self._ttl)
        self._known.move_to_end(key)
        while len(self._known) > self._size:
            self._known.popitem(last=False)
        return allowed
