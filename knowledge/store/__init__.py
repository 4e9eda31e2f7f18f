"""The store: its interface and errors, one module per engine for facts and one for subscriptions, and the
factory that picks an engine by URL. Callers import from here; only the factory names an engine."""

from knowledge.store.errors import SchemaTooNewError, StoreError, StoreURLError
from knowledge.store.factory import engine_of, open_store, sqlite_path
from knowledge.store.interface import Store, SyncReport

__all__ = [
    "SchemaTooNewError",
    "Store",
    "StoreError",
    "StoreURLError",
    "SyncReport",
    "engine_of",
    "open_store",
    "sqlite_path",
]
