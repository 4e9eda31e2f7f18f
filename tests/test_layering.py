"""The three floors import downwards only, and only adapters touch a platform library."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {"bot": 2, "handlers": 1, "knowledge": 0}
PLATFORM_LIBRARIES = {"telegram", "discord"}


def imported_packages(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


SOURCES = sorted(p for floor in FLOORS for p in (ROOT / floor).rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_point_down_and_platform_libraries_stay_in_adapters(path: Path) -> None:
    floor = path.relative_to(ROOT).parts[0]
    imported = imported_packages(path)
    upward = {name for name in imported if name in FLOORS and FLOORS[name] > FLOORS[floor]}
    assert not upward, f"{path.name} imports a floor above it: {upward}"
    in_adapter = path.relative_to(ROOT).parts[:2] == ("bot", "adapters")
    if not in_adapter:
        assert not imported & PLATFORM_LIBRARIES, f"{path.name} imports a platform library outside bot/adapters"
