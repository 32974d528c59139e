"""Start a gunicorn server in a process of its own (benchmarks, tests): the
portal, the benchmark's bare Django floor, or a checkout of Wagtail's
bakerydemo, every one with the portal's `gunicorn.conf.py` (sync workers)."""

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GUNICORN = Path(sys.executable).parent / "gunicorn"
CONFIG = ROOT / "gunicorn.conf.py"
FLOOR_APP = "portal.operations.bench.floorapp"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(workers=2, app="portal.wsgi", **environment):
    """A gunicorn server of the portal (or of `app`, e.g. FLOOR_APP); yields its base URL."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(environment)
    with _serve([str(GUNICORN), app], ROOT, env, workers) as base:
        yield base


@contextlib.contextmanager
def bakerydemo(checkout, workers=2):
    """Wagtail's bakerydemo from `checkout` (its own .venv, its own settings and
    SQLite database), under the portal's gunicorn settings; yields its base URL.

    None of the portal's environment reaches it (bakerydemo reads DATABASE_URL)."""
    checkout = Path(checkout)
    command = [str(checkout / ".venv" / "bin" / "gunicorn"), "bakerydemo.wsgi", "-c", str(CONFIG)]
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/")}
    with _serve(command, checkout, env, workers) as base:
        yield base


@contextlib.contextmanager
def _serve(command, cwd, env, workers):
    port = free_port()
    env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_ACCESS_LOG": "/dev/null",
    }
    server = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        _wait_until_listening(port, server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_listening(port, server, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: {server.stderr.read()[-2000:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.1)
    raise RuntimeError("gunicorn did not start listening")
