"""Who may run the admin-only commands: the users in ADMIN_IDS, and the operator's own terminal.

Commands declare `admin=True` (handlers/commands.py) and the core refuses them to anyone else before the
handler runs, so a new admin command cannot forget the check. ADMIN_IDS holds user keys (`telegram:123`,
`discord:456`): the same digits on another platform are another person.
"""

from __future__ import annotations

from handlers.types import Incoming

LOCAL_PLATFORMS = frozenset({"console", "cli"})


def is_admin(admin_ids: frozenset[str], incoming: Incoming) -> bool:
    """An admin is named with their platform (`Incoming.user_key`); the console and CLI are local."""
    return incoming.platform in LOCAL_PLATFORMS or incoming.user_key in admin_ids
