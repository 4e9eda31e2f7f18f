"""Who may run the admin-only commands: the user ids in ADMIN_IDS, and the operator's own terminal.

Commands declare `admin=True` (handlers/commands.py) and the core refuses them to anyone else before the
handler runs, so a new admin command cannot forget the check.
"""

from __future__ import annotations

from handlers.types import Incoming

LOCAL_PLATFORMS = frozenset({"console", "cli"})


def is_admin(admin_ids: frozenset[str], incoming: Incoming) -> bool:
    """Ids are compared as the platform gives them (numeric strings); the console and CLI are local."""
    return incoming.platform in LOCAL_PLATFORMS or incoming.user_id in admin_ids
