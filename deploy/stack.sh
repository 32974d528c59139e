#!/usr/bin/env bash
# `make stack`: the portal as it runs past one machine, on this one. Varnish on
# HOST:PORT (default 127.0.0.1:8080, deploy/varnish/portal.vcl) in front of two
# gunicorn servers on BACKEND_PORTS (default 8001,8002) that share DATABASE_URL
# (default: the demo's SQLite file, var/portal.sqlite3) and REDIS_URL (default
# redis://127.0.0.1:6379/0 when something answers there, else a memory cache in
# each server). The servers ban the proxy's pages on every publish (PURGE_URL,
# set to the Varnish address). Beside them the job worker (`manage.py db_worker`)
# runs the background jobs the servers queue in the database (large XLIFF imports).
# Ctrl-C stops them all.
#
# Run by the Makefile, which sets SECRET_KEY and DEBUG as for `make run`.
set -euo pipefail
cd "$(dirname "$0")/.."

HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8080}
BACKEND_PORTS=${BACKEND_PORTS:-8001,8002}
BIN=${BIN:-.venv/bin}
VARNISH_STORAGE=${VARNISH_STORAGE:-malloc,256m}
# Two servers on one machine: two workers each unless said otherwise.
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-2}

if ! command -v varnishd >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Varnish is missing: installing it (apt-get install varnish)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null
    command -v varnishd >/dev/null 2>&1 || {
      echo "Varnish was installed but varnishd is not on PATH (it is in /usr/sbin)." >&2
      exit 1
    }
  else
    echo "Varnish is missing: install it (apt-get install varnish, as root) and run make stack again." >&2
    exit 1
  fi
fi

IFS=, read -r -a ports <<<"$BACKEND_PORTS"
if ((${#ports[@]} != 2)); then
  echo "BACKEND_PORTS must name two ports, e.g. 8001,8002 (deploy/varnish/portal.vcl has two backends)." >&2
  exit 1
fi
listening() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
for port in "$PORT" "${ports[@]}"; do
  if listening 127.0.0.1 "$port"; then
    echo "Port $port is in use: choose others (make stack PORT=... BACKEND_PORTS=...)." >&2
    exit 1
  fi
done

if [ -z "${REDIS_URL+set}" ]; then
  if listening 127.0.0.1 6379; then
    export REDIS_URL=redis://127.0.0.1:6379/0
  else
    echo "No Redis at 127.0.0.1:6379: each server keeps its own memory cache (set REDIS_URL to share one)."
    export REDIS_URL=
  fi
fi

# The proxy's address for the servers' bans; from this machine, so the VCL's
# purgers (127.0.0.1) admit them. Another listening address is added to the ACL.
case "$HOST" in
  0.0.0.0 | "::" | "[::]" | 127.0.0.1 | localhost) purge_host=127.0.0.1 ;;
  *) purge_host=$HOST ;;
esac
export PURGE_URL="http://$purge_host:$PORT/"

if [ "${DEBUG:-0}" != 1 ]; then
  # Production settings: static files under hashed names, which Varnish keeps as
  # long as WhiteNoise says (a year); the proxy's address among the allowed hosts.
  "$BIN/python" manage.py collectstatic --noinput >/dev/null
  export ALLOWED_HOSTS=${ALLOWED_HOSTS:-localhost,127.0.0.1,$HOST}
fi
"$BIN/python" manage.py migrate --noinput
"$BIN/python" manage.py loaddemo
"$BIN/python" manage.py ensureadmin --url "http://$HOST:$PORT/admin/"

# VCL reads no environment: a copy with these ports (and address) under var/.
workdir="$PWD/var/varnish"
mkdir -p "$workdir"
render=(-e "s/\.port = \"8001\";/.port = \"${ports[0]}\";/"
  -e "s/\.port = \"8002\";/.port = \"${ports[1]}\";/")
if [ "$purge_host" != 127.0.0.1 ]; then
  render+=(-e "s/^acl purgers {\$/acl purgers {\n    \"$purge_host\";/")
fi
sed "${render[@]}" deploy/varnish/portal.vcl >"$workdir/portal.vcl"

pids=()
stop() {
  trap - INT TERM EXIT
  echo "Stopping the stack..."
  kill "${pids[@]}" 2>/dev/null || true
  wait || true
}
trap stop INT TERM EXIT

for port in "${ports[@]}"; do
  GUNICORN_BIND="127.0.0.1:$port" "$BIN/gunicorn" portal.wsgi &
  pids+=($!)
done
# --no-reload: the worker's code reloader would leave a child behind when stopped.
"$BIN/python" manage.py db_worker --no-reload &
pids+=($!)
for port in "${ports[@]}"; do
  for _ in $(seq 300); do
    listening 127.0.0.1 "$port" && break
    sleep 0.1
  done
done
# -j none: as the invoking user, so that a clone in a private folder (/root) works
# (the packaged service keeps Varnish's privilege separation in production).
varnishd -F -j none -n "$workdir" -a "$HOST:$PORT" -f "$workdir/portal.vcl" -s "$VARNISH_STORAGE" &
pids+=($!)
for _ in $(seq 300); do
  listening "$purge_host" "$PORT" && break
  sleep 0.1
done

echo "Serving the portal through Varnish on http://$HOST:$PORT/ (servers on ports ${ports[*]}, and the job worker; Ctrl-C stops them)"
echo "Purge every page by hand: PURGE_URL=$PURGE_URL $BIN/python manage.py purgeproxy"
# Whichever stops first (Ctrl-C, or one that fails) stops the others.
wait -n
