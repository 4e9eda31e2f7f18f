"""The delivery floor: settings, the core router, the CLI, the adapters and the process runtime."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("radford-bot")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
