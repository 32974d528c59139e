#!/usr/bin/env bash
# `make run`: the portal on HOST:PORT (gunicorn, which reads gunicorn.conf.py) and its
# job worker (`manage.py db_worker`, django-tasks' database worker: it runs the
# background jobs, such as a large XLIFF import, that the portal queues in its
# database). Ctrl-C stops both; so does either one stopping.
#
# Run by the Makefile, which sets SECRET_KEY and DEBUG and prepares the database.
set -euo pipefail
cd "$(dirname "$0")/.."

HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
BIN=${BIN:-.venv/bin}

pids=()
stop() {
  trap - INT TERM EXIT
  kill "${pids[@]}" 2>/dev/null || true
  wait || true
}
trap stop INT TERM EXIT

# --no-reload: the worker's code reloader would leave a child behind when stopped.
"$BIN/python" manage.py db_worker --no-reload &
pids+=($!)
"$BIN/gunicorn" portal.wsgi --bind "$HOST:$PORT" &
pids+=($!)
wait -n
