#!/usr/bin/env bash
# With REDIS_URL set: a Celery worker and beat in the background, the web server in the foreground.
set -euo pipefail
PORT=${1:-8000}
mkdir -p var
.venv/bin/celery -A config worker -l info --logfile var/worker.log &
WORKER=$!
.venv/bin/celery -A config beat -l info --schedule var/celerybeat-schedule --logfile var/beat.log &
BEAT=$!
trap 'kill $WORKER $BEAT 2>/dev/null || true' EXIT
echo "Celery worker (pid $WORKER) and beat (pid $BEAT) started; logs in var/worker.log and var/beat.log"
.venv/bin/python manage.py runserver 127.0.0.1:"$PORT"
