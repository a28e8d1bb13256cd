#!/usr/bin/env bash
# Benchmark on scale data: PostgreSQL + gunicorn (DEBUG off), p50/p95 of the pages that grow with data.
#
#   bench/run.sh                 # fresh database: migrate, demo data, seed_scale, then measure
#   BENCH_REUSE=1 bench/run.sh   # measure again on the database already loaded
#
# Environment: BENCH_PG (server URL, default postgres://postgres@127.0.0.1:5432), BENCH_DB (apmbc_bench),
# BENCH_WORKERS (gunicorn workers, default: number of CPUs), BENCH_REQUESTS (per page, default 200),
# BENCH_OUT (the results file, default bench/RESULTS.md).
# Writes bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
GUNICORN=${GUNICORN:-.venv/bin/gunicorn}
PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
DB=${BENCH_DB:-apmbc_bench}
WORKERS=${BENCH_WORKERS:-$(nproc)}

export DATABASE_URL="$PG/$DB"
export DEBUG=false
export SECRET_KEY=${SECRET_KEY:-bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz}
export ALLOWED_HOSTS=127.0.0.1,localhost
# Plain HTTP on localhost: no HTTPS redirect, cookies not marked Secure.
export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false SECURE_HSTS_SECONDS=0
export AXES_ENABLED=false
export REDIS_URL= CELERY_TASK_ALWAYS_EAGER=true
export CONN_MAX_AGE=${CONN_MAX_AGE:-600}
export LOG_LEVEL=ERROR

if [ "${BENCH_REUSE:-0}" != "1" ]; then
  echo "== fresh database $DB"
  $PY - <<EOF
import psycopg2
conn = psycopg2.connect("$PG/postgres")
conn.autocommit = True
with conn.cursor() as cur:
    cur.execute("DROP DATABASE IF EXISTS $DB")
    cur.execute("CREATE DATABASE $DB")
EOF
  $PY manage.py migrate -v0
  $PY manage.py load_demo >/dev/null
  $PY manage.py seed_scale --states 200 --years 30
  $PY - <<EOF
import psycopg2
conn = psycopg2.connect("$DATABASE_URL")
conn.autocommit = True
conn.cursor().execute("VACUUM ANALYZE")
EOF
fi

PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LOG=$(mktemp -t bench-gunicorn.XXXXXX)
echo "== gunicorn, $WORKERS workers, on 127.0.0.1:$PORT"
$GUNICORN config.wsgi:application --workers "$WORKERS" --bind "127.0.0.1:$PORT" --log-level warning \
  --error-logfile "$LOG" &
GPID=$!
trap 'kill "$GPID" 2>/dev/null || true; wait "$GPID" 2>/dev/null || true' EXIT

for _ in $(seq 1 50); do
  if $PY -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/healthz', timeout=1)" 2>/dev/null; then
    break
  fi
  sleep 0.2
done

$PY bench/measure.py --base "http://127.0.0.1:$PORT" --workers "$WORKERS" --requests "${BENCH_REQUESTS:-200}" \
  --out "${BENCH_OUT:-bench/RESULTS.md}"
