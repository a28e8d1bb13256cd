#!/usr/bin/env bash
# The reminders tests that need real services: concurrent passes on PostgreSQL and a real Celery
# worker on Redis (the same tests .ci/run runs). Needs PostgreSQL on :5432 and Redis on :6379.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/apmbc_reminders}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/4}
exec .venv/bin/pytest reminders -m "postgres or redis" -p no:randomly "$@"
