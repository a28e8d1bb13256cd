import os

import psycopg2
import pytest
from django.db import OperationalError, close_old_connections, connection


def _terminate(pid: int) -> None:
    params = connection.get_connection_params()
    killer = psycopg2.connect(
        dbname=params.get("database") or params.get("dbname"),
        user=params.get("user"),
        host=params.get("host"),
        port=params.get("port"),
    )
    killer.autocommit = True
    with killer.cursor() as cur:
        cur.execute("SELECT pg_terminate_backend(%s)", [pid])
    killer.close()


def _request_cycle_after_restart(health_checks: bool) -> None:
    connection.settings_dict["CONN_MAX_AGE"] = 600  # persistent connections, as in production
    connection.settings_dict["CONN_HEALTH_CHECKS"] = health_checks
    connection.close()
    close_old_connections()  # what Django does when a request starts
    with connection.cursor() as cur:
        cur.execute("SELECT 1")
    _terminate(connection.connection.info.backend_pid)  # PostgreSQL restarted under the app
    close_old_connections()  # the next request starts
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM states_state")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_app_recovers_when_postgresql_restarts():
    try:
        with pytest.raises(OperationalError):
            _request_cycle_after_restart(health_checks=False)
        connection.close()
        _request_cycle_after_restart(health_checks=True)  # the settings we ship: no error
    finally:
        connection.settings_dict["CONN_MAX_AGE"] = 0
        connection.settings_dict["CONN_HEALTH_CHECKS"] = True
        connection.close()


def test_shipped_settings_check_connection_health():
    from django.conf import settings

    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.mark.postgres
def test_twenty_delegates_saving_survive_a_postgresql_restart(private_postgres):
    """A real restart (`pg_ctl restart -m fast`) of a private cluster under 20 delegates saving drafts."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    private_postgres.create_database("probe")
    env = {
        **os.environ,
        "DATABASE_URL": private_postgres.url("probe"),
        "CONN_MAX_AGE": "600",  # persistent connections, as in production
        "DEBUG": "false",  # as in production (the debug error page would query the broken connection)
        "SECURE_SSL_REDIRECT": "false",
        "REDIS_URL": "",
        "PROBE_DELEGATES": "20",
        "PROBE_RESTART": json.dumps([*private_postgres.pg_ctl_command(), "restart", "-m", "fast"]),
    }
    probe = Path(__file__).with_name("restart_probe.py")
    done = subprocess.run([sys.executable, str(probe)], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(result)
    assert result["lost"] == [], result
    assert result["every_delegate_saved_again"] and result["errors_started_after_restart"] == [], result
    assert result["saves"] > 2 * result["delegates"], result
