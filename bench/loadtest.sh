#!/usr/bin/env bash
# About 50 delegates saving and submitting for a minute against gunicorn on PostgreSQL (loopback).
# Fails on any server error or lost submission; appends the figures to bench/RESULTS.md.
#   bench/loadtest.sh            (LOAD_USERS=50 LOAD_SECONDS=60 LOAD_WORKERS=4 to change)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
DB=${LOAD_DB:-apmbc_load}
WORKERS=${LOAD_WORKERS:-4}
export DATABASE_URL="$PG/$DB" DEBUG=false LOG_LEVEL=ERROR AXES_ENABLED=false
export SECRET_KEY=${SECRET_KEY:-load-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz}
export ALLOWED_HOSTS=127.0.0.1,localhost
export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false SECURE_HSTS_SECONDS=0
export REDIS_URL= CELERY_TASK_ALWAYS_EAGER=true CONN_MAX_AGE=60

$PY - <<EOF
import psycopg2
conn = psycopg2.connect("$PG/postgres"); conn.autocommit = True
with conn.cursor() as cur:
    cur.execute("DROP DATABASE IF EXISTS $DB")
    cur.execute("CREATE DATABASE $DB")
EOF
$PY manage.py migrate -v0
$PY manage.py load_demo >/dev/null

PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.venv/bin/gunicorn config.wsgi:application --workers "$WORKERS" --bind "127.0.0.1:$PORT" --log-level warning --timeout 120 &
GPID=$!
trap 'kill "$GPID" 2>/dev/null || true; wait "$GPID" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  $PY -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/healthz', timeout=1)" 2>/dev/null && break
  sleep 0.2
done
$PY bench/loadtest.py --base "http://127.0.0.1:$PORT" --users "${LOAD_USERS:-50}" --seconds "${LOAD_SECONDS:-60}" \
  --workers "$WORKERS" --out "${LOAD_OUT:-bench/RESULTS.md}"
