"""Which environment variables bot/settings.py reads, found in its source rather than listed by hand, so a
new setting cannot slip past the tests that every variable is validated and documented."""

from __future__ import annotations

import ast
from pathlib import Path

SETTINGS_PY = Path(__file__).resolve().parents[1] / "bot" / "settings.py"


def variables_read() -> set[str]:
    """Every name read as `env.get("X", …)` or `helper(env, "X", …)`."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(SETTINGS_PY.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name: ast.expr | None = None
        if isinstance(node.func, ast.Attribute) and node.func.attr == "get" and _is_env(node.func.value):
            name = node.args[0]
        elif len(node.args) > 1 and _is_env(node.args[0]):
            name = node.args[1]
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            names.add(name.value)
    return names


def _is_env(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "env"
