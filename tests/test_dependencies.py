"""Every package the code imports is declared in pyproject.toml: the application's in `dependencies`, the
tests' and benchmarks' in the `dev` extra. Before, aiohttp was imported by the bot but only installed as
discord.py's dependency, so a discord.py that dropped it would have broken the health server."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
OWN = {"bot", "handlers", "knowledge", "tests", "benchmarks"}


def imported(*folders: str) -> dict[str, set[str]]:
    """Top-level third-party modules imported anywhere under `folders`, with the files that import them."""
    local = {path.stem for folder in folders for path in (ROOT / folder).rglob("*.py")}
    found: dict[str, set[str]] = {}
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            if "out" in path.relative_to(ROOT).parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in OWN and top not in local:
                        found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def declared(requirements: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(line).name) for line in requirements}


def undeclared(modules: dict[str, set[str]], allowed: set[str]) -> dict[str, set[str]]:
    owners = packages_distributions()
    missing = {}
    for module, files in modules.items():
        distributions = {canonicalize_name(d) for d in owners.get(module, [])}
        if not distributions & allowed:
            missing[f"{module} (from {sorted(distributions) or 'no installed distribution'})"] = files
    return missing


def test_the_application_imports_only_declared_dependencies() -> None:
    modules = imported("bot", "handlers", "knowledge")
    assert "aiohttp" in modules  # the case that was missing
    assert undeclared(modules, declared(PROJECT["dependencies"])) == {}


def test_tests_and_benchmarks_import_only_declared_packages() -> None:
    allowed = declared(PROJECT["dependencies"]) | declared(PROJECT["optional-dependencies"]["dev"])
    assert undeclared(imported("tests", "benchmarks"), allowed) == {}
