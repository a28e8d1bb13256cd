import os
import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def _compose_command() -> list[str] | None:
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


def test_compose_file_passes_compose_config():
    command = _compose_command()
    if command is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs docker compose (or docker-compose) to validate deploy/compose.yaml")
        pytest.skip("no docker compose client")
    env = dict(os.environ)
    for line in (DEPLOY / "env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            key, value = line.split("=", 1)
            env[key] = value
    result = subprocess.run(
        [*command, "-f", "compose.yaml", "config"], cwd=DEPLOY, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "celery" in result.stdout and "gunicorn" in result.stdout
