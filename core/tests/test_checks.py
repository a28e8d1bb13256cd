import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from core.checks import check_secret_key, refuse_insecure_start

GOOD_KEY = "k3y-" + "x9Qz" * 15


def test_embedded_key_is_an_error_with_debug_off(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = django_settings.DEV_SECRET_KEY
    assert [e.id for e in check_secret_key()] == ["core.E001"]


@pytest.mark.parametrize("key", ["change-me-to-a-long-random-string", "django-insecure-abc" + "d" * 50])
def test_placeholder_keys_are_errors_with_debug_off(settings, key):
    settings.DEBUG = False
    settings.SECRET_KEY = key
    assert [e.id for e in check_secret_key()] == ["core.E001"]


def test_embedded_key_is_fine_in_development(settings):
    settings.DEBUG = True
    settings.SECRET_KEY = django_settings.DEV_SECRET_KEY
    assert check_secret_key() == []


def test_a_real_key_passes(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = GOOD_KEY
    assert check_secret_key() == []
    refuse_insecure_start()


def test_the_wsgi_application_refuses_to_start_with_the_embedded_key(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = django_settings.DEV_SECRET_KEY
    with pytest.raises(ImproperlyConfigured, match="Refusing to start"):
        refuse_insecure_start()


def test_check_deploy_fails_without_secret_key(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = django_settings.DEV_SECRET_KEY
    with pytest.raises(SystemCheckError, match="core.E001"):
        call_command("check", "--deploy")


def _check_in_subprocess(env_extra: dict) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings", "ALLOWED_HOSTS": "example.org"}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "ERROR"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_with_debug_off_and_no_secret_key_in_the_environment_fails():
    result = _check_in_subprocess({"DEBUG": "false"})
    assert result.returncode != 0
    assert "core.E001" in result.stderr


def test_check_deploy_with_a_secret_key_passes():
    result = _check_in_subprocess({"DEBUG": "false", "SECRET_KEY": GOOD_KEY})
    assert result.returncode == 0, result.stderr


def test_a_deployment_copied_from_env_example_refuses_to_start_until_its_key_is_replaced():
    """deploy/env.example turns DEBUG off, so its placeholder key is refused (systemd loads that file)."""
    example = {}
    for line in (django_settings.BASE_DIR / "deploy" / "env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            key, value = line.split("=", 1)
            example[key] = value
    assert example["DEBUG"] == "false"
    keep = {k: example[k] for k in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS")}
    result = _check_in_subprocess(keep)
    assert result.returncode != 0 and "core.E001" in result.stderr
    assert _check_in_subprocess({**keep, "SECRET_KEY": GOOD_KEY}).returncode == 0
