"""Slash commands built from the shared declarations (`handlers.commands.COMMANDS`), never by hand.

Each declared command becomes an `app_commands.Command` whose parameters are the declared ones (string
options, required or not, with fixed choices or autocomplete). Descriptions are `locale_str`s that carry
their catalogue key, so `CatalogTranslator` can give Discord the French text when commands are synced.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Coroutine
from typing import Any, Protocol

import discord
from discord import app_commands

from handlers.commands import Autocomplete, Command, Param, visible_commands
from handlers.i18n import DEFAULT, catalog, normalize_lang, supported

log = logging.getLogger(__name__)

MAX_DESCRIPTION = 100
MAX_CHOICE = 100

Callback = Callable[..., Coroutine[Any, Any, None]]


class Responder(Protocol):
    """What the commands call when used: the adapter in production, a stub when only syncing."""

    async def answer_command(self, interaction: discord.Interaction[Any], command: str, args: str) -> None: ...

    async def complete(
        self, interaction: discord.Interaction[Any], source: Autocomplete, current: str
    ) -> list[app_commands.Choice[str]]: ...


def interaction_lang(interaction: discord.Interaction[Any]) -> str | None:
    """The user's Discord locale as one of our languages (`fr` → French), or None if we don't speak it."""
    locale = str(interaction.locale.value if interaction.locale else "")
    return normalize_lang(locale) if supported(locale) else None


class CatalogTranslator(app_commands.Translator):
    """French (and any other catalogue language) for descriptions and choice names, from the catalogues."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        key = string.extras.get("key")
        lang = str(locale.value)
        if not key or not supported(lang) or normalize_lang(lang) == DEFAULT:
            return None
        lang = normalize_lang(lang)
        if not catalog().has(lang, key):
            return None
        text = catalog().t(lang, key)
        limit = (
            MAX_CHOICE if context.location is app_commands.TranslationContextLocation.choice_name else MAX_DESCRIPTION
        )
        return text[:limit] or None


def _localized(key: str) -> app_commands.locale_str:
    """English text for Discord's default, with the key the translator looks up for other locales."""
    return app_commands.locale_str(catalog().t(DEFAULT, key)[:MAX_DESCRIPTION], key=key)


def _callback(command: Command, responder: Responder) -> Callback:
    """A callback whose signature lists the declared parameters, as discord.py reads options from it."""

    async def callback(interaction: discord.Interaction[Any], **values: str | None) -> None:
        args = " ".join(v.strip() for v in (values.get(p.name) for p in command.params) if v and v.strip())
        await responder.answer_command(interaction, command.name, args)

    parameters = [
        inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction)
    ]
    for param in sorted(command.params, key=lambda p: not p.required):
        default = inspect.Parameter.empty if param.required else None
        annotation = str if param.required else str | None
        parameters.append(
            inspect.Parameter(param.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
        )
    callback.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    callback.__name__ = callback.__qualname__ = f"slash_{command.name}"
    callback.__doc__ = None
    return callback


def _choices(param: Param) -> list[app_commands.Choice[str]]:
    """Fixed choices; a language code is shown by its name (`English`, `français`) where known."""
    out = []
    for value in param.choices:
        key = f"language-{value}"
        name = _localized(key) if param.name == "language" and catalog().has(DEFAULT, key) else value
        out.append(app_commands.Choice(name=name, value=value))
    return out


def _autocomplete(responder: Responder, source: Autocomplete) -> Callable[..., Coroutine[Any, Any, Any]]:
    async def autocomplete(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
        return await responder.complete(interaction, source, current)

    return autocomplete


def build_command(command: Command, responder: Responder) -> app_commands.Command[Any, ..., None]:
    callback = _callback(command, responder)
    if command.params:
        callback = app_commands.describe(**{p.name: _localized(f"param-{p.command}-{p.name}") for p in command.params})(
            callback
        )
    choices = {p.name: _choices(p) for p in command.params if p.choices}
    if choices:
        callback = app_commands.choices(**choices)(callback)
    slash: app_commands.Command[Any, ..., None] = app_commands.Command(
        name=command.name, description=_localized(f"cmd-{command.name}"), callback=callback
    )
    if command.chat_admin:
        # Offered in servers to Manage Server holders only; the adapter checks that permission as well.
        slash.default_permissions = discord.Permissions(manage_guild=True)
    for param in command.params:
        if param.autocomplete and not param.choices:
            slash.autocomplete(param.name)(_autocomplete(responder, param.autocomplete))
    return slash


def register_commands(tree: app_commands.CommandTree[Any], responder: Responder) -> list[str]:
    """Add every visible declared command to `tree`; returns their names (what a sync will publish)."""
    names = []
    for command in visible_commands():
        tree.add_command(build_command(command, responder))
        names.append(command.name)
    return names
