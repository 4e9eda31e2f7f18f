"""What can go wrong opening a store, as exceptions whose message an operator can act on."""

from __future__ import annotations


class StoreError(Exception):
    """A store that cannot be used as asked; the message says why."""


class StoreURLError(StoreError, ValueError):
    """A DATABASE_URL this bot cannot use; the message says why."""


class SchemaTooNewError(StoreError):
    """The store was migrated by a newer version of the bot: running older code on it could corrupt it."""

    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"the store's schema is at version {found}, but this code knows migrations up to {known} only: "
            "upgrade the bot (or restore a backup made by this version)"
        )
        self.found = found
        self.known = known
