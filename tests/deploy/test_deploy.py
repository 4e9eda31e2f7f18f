"""deploy/ cannot be run here (no Docker daemon), so these check what can be checked without one: the
files parse, name paths that exist and the console script that pyproject declares, the health check
command works against a real health server, and `.env.example` lists every setting the bot reads."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from bot.core import Core
from bot.health import HealthServer
from bot.settings import Settings, read_env_file
from tests.settings_variables import variables_read

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def dockerfile() -> list[tuple[str, str]]:
    """(instruction, arguments) with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n", " ", (DEPLOY / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def instructions(name: str) -> list[str]:
    return [args for instruction, args in dockerfile() if instruction == name]


def test_the_image_is_slim_python_311_pinned_by_digest_and_runs_as_a_non_root_user() -> None:
    bases = {base.split()[0] for base in instructions("FROM")}
    [base] = bases  # the build and the runtime stage start from the same image
    assert re.fullmatch(r"python:3\.11\.\d+-slim@sha256:[0-9a-f]{64}", base), base
    [user] = instructions("USER")
    assert user not in {"root", "0"}
    assert any("useradd --system" in run and user in run for run in instructions("RUN"))


def test_the_image_copies_paths_that_exist_and_starts_the_declared_console_script() -> None:
    for copy in instructions("COPY"):
        if copy.startswith("--from="):
            continue
        *sources, _ = copy.split()
        for source in sources:
            assert (ROOT / source).exists(), source
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    [entrypoint] = instructions("ENTRYPOINT")
    assert json.loads(entrypoint)[0] in scripts
    [cmd] = instructions("CMD")
    assert json.loads(cmd) == ["run"]
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text()
    for needed in ("pyproject.toml", "README.md", "deploy/requirements.lock", "bot/", "handlers/", "knowledge/"):
        assert f"!{needed}" in ignore


def test_the_store_is_on_the_volume() -> None:
    [volume] = instructions("VOLUME")
    [path] = json.loads(volume)
    env = " ".join(instructions("ENV"))
    assert f"DATABASE_URL=sqlite:///{path}/bot.db" in env
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    service = compose["services"]["bot"]
    assert service["environment"]["DATABASE_URL"] == f"sqlite:///{path}/bot.db"
    assert any(mount.endswith(f":{path}") for mount in service["volumes"])


def test_compose_builds_this_dockerfile_with_the_env_file_and_restarts() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    service = compose["services"]["bot"]
    assert (DEPLOY / service["build"]["context"] / service["build"]["dockerfile"]).resolve() == DEPLOY / "Dockerfile"
    assert service["env_file"] == [".env"]
    assert service["restart"] == "unless-stopped"
    assert service["stop_signal"] == "SIGTERM"
    assert service["read_only"] is True and service["cap_drop"] == ["ALL"]
    for mount in service["volumes"]:
        assert mount.split(":")[0] in compose["volumes"]
    assert "ports" not in service, "nothing is published unless the operator chooses webhooks"


async def test_the_health_check_command_passes_on_a_healthy_bot_and_fails_on_a_degraded_one(tmp_path) -> None:
    [check] = instructions("HEALTHCHECK")
    command = json.loads(check[check.index("CMD") + 3 :].strip())
    assert command[0] == "python"

    class Adapter:
        name = "telegram"
        connected = True

    core = await Core.open(f"sqlite:///{tmp_path / 'bot.db'}")
    adapter = Adapter()
    server = HealthServer(core, [adapter])  # type: ignore[list-item]
    await server.start()
    try:

        async def run() -> int:
            process = await asyncio.create_subprocess_exec(
                sys.executable, *command[1:], env={"HEALTH_PORT": str(server.port)},
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
            )  # fmt: skip
            return await asyncio.wait_for(process.wait(), 20)

        assert await run() == 0
        adapter.connected = False
        assert await run() != 0
    finally:
        await server.stop()
        await core.close()


def test_env_example_lists_every_setting_and_loads_as_it_is() -> None:
    read = variables_read()
    assert {"TELEGRAM_BOT_TOKEN", "DATABASE_URL", "HEALTH_PORT", "RATE_LIMIT_PER_USER"} <= read
    example = read_env_file(DEPLOY / ".env.example")
    assert sorted(read - set(example)) == [], "add these to deploy/.env.example"
    settings = Settings.from_env({}, env_file=DEPLOY / ".env.example")
    assert settings.platforms == [] and settings.health_port is None


def test_env_example_comments_every_setting() -> None:
    lines = (DEPLOY / ".env.example").read_text().splitlines()
    for number, line in enumerate(lines):
        if line and not line.startswith("#"):
            above = number - 1
            while above >= 0 and lines[above] and not lines[above].startswith("#"):
                above -= 1
            assert above >= 0 and lines[above].startswith("#"), f"{line}: say what it is in a comment above"


def test_the_systemd_unit_restarts_on_failure_and_is_hardened(tmp_path) -> None:
    unit = (DEPLOY / "radford-bot.service").read_text()
    options = dict(line.split("=", 1) for line in unit.splitlines() if "=" in line and not line.startswith("#"))
    assert options["Restart"] == "on-failure" and options["RestartPreventExitStatus"] == "2"
    assert options["User"] != "root" and options["NoNewPrivileges"] == "yes"
    assert options["ProtectSystem"] == "strict" and options["StateDirectory"] == "radford-bot"
    assert options["ExecStart"].endswith("/radford-bot run")
    assert options["Environment"] == "DATABASE_URL=sqlite:////var/lib/radford-bot/bot.db"
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    local = tmp_path / "radford-bot.service"
    script = Path(sys.executable).with_name("radford-bot")
    local.write_text(unit.replace("/opt/radford-bot/.venv/bin/radford-bot", str(script)))
    result = subprocess.run([analyze, "verify", str(local)], capture_output=True, text=True, check=False)
    problems = [line for line in result.stderr.splitlines() if "radford-bot.service" in line]
    assert problems == [], result.stderr


def test_compose_keeps_the_health_endpoint_the_health_check_needs_whatever_env_says() -> None:
    """compose's `environment` wins over env_file, where .env.example leaves HEALTH_PORT empty."""
    service = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]["bot"]
    example = read_env_file(DEPLOY / ".env.example")
    merged = {**example, **{k: str(v) for k, v in service["environment"].items()}}
    settings = Settings.from_env(merged, env_file=DEPLOY / "nonexistent.env")
    assert settings.health_port == 8080 and settings.health_host == "127.0.0.1"
    assert "HEALTH_PORT=8080" in " ".join(instructions("ENV"))
    assert "or '8080'" in instructions("HEALTHCHECK")[0], "an empty HEALTH_PORT falls back to the image's port"


def test_the_postgres_compose_runs_two_webhook_replicas_on_one_store_behind_the_proxy() -> None:
    from knowledge.store import engine_of

    compose = yaml.safe_load((DEPLOY / "compose.postgres.yaml").read_text())
    services = compose["services"]
    replicas = [services[name] for name in ("bot-1", "bot-2")]
    for bot in replicas:
        env = bot["environment"]
        url = env["DATABASE_URL"].replace("${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in deploy/.env}", "pw")
        assert engine_of(url) == "postgresql"
        assert env["TELEGRAM_LISTEN"] == "0.0.0.0" and env["TELEGRAM_PORT"] == "8443"
        assert bot["depends_on"]["db"]["condition"] == "service_healthy"
        assert bot["build"]["dockerfile"] == "deploy/Dockerfile"
    assert "pg_isready" in services["db"]["healthcheck"]["test"]
    caddy = (DEPLOY / "Caddyfile").read_text()
    assert "reverse_proxy bot-1:8443 bot-2:8443" in caddy
    assert "handle /telegram/updates" in caddy
    mounted = {volume.split(":")[0] for volume in services["proxy"]["volumes"]}
    assert "./Caddyfile" in mounted and (DEPLOY / "Caddyfile").is_file()
