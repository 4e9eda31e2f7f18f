"""Who may run the admin-only commands: the users in ADMIN_IDS, and the operator's own terminal.

Commands declare `admin=True` (handlers/commands.py) and the core refuses them to anyone else before the
handler runs, so a new admin command cannot forget the check. ADMIN_IDS holds user keys (`telegram:123`,
`discord:456`): the same digits on another platform are another person.
"""

from __future__ import annotations

import logging

from handlers.types import Incoming

log = logging.getLogger(__name__)

LOCAL_PLATFORMS = frozenset({"console", "cli"})


def is_admin(admin_ids: frozenset[str], incoming: Incoming) -> bool:
    """An admin is named with their platform (`Incoming.user_key`); the console and CLI are local."""
    return incoming.platform in LOCAL_PLATFORMS or incoming.user_key in admin_ids


async def may_change_chat(incoming: Incoming) -> bool:
    """Whether the sender may change what the chat receives: anyone in a private chat, else a chat admin.

    The platform answers through `Incoming.is_chat_admin`; no answer, or a failed one, is a no.
    """
    if incoming.chat_kind == "private" or incoming.platform in LOCAL_PLATFORMS:
        return True
    if incoming.is_chat_admin is None:
        return False
    try:
        return await incoming.is_chat_admin()
    except Exception:
        log.warning("could not check whether %s is an administrator of chat %s", incoming.user_key, incoming.chat_id)
        return False
