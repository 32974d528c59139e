"""Start a server in a process of its own (benchmarks, tests): a gunicorn server
of the portal, of the benchmark's bare Django floor, or of a checkout of Wagtail's
bakerydemo, every one with the portal's `gunicorn.conf.py` (sync workers); and
Varnish with the portal's VCL in front of gunicorn servers (`varnish`)."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[3]
GUNICORN = Path(sys.executable).parent / "gunicorn"
CONFIG = ROOT / "gunicorn.conf.py"
FLOOR_APP = "portal.operations.bench.floorapp"
VCL = ROOT / "deploy" / "varnish" / "portal.vcl"


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
def varnish(backend_ports, folder=None, port=None):
    """varnishd with the portal's VCL (its two backends on `backend_ports`, as
    `make stack` renders it) on 127.0.0.1:`port`, working in `folder` (a temporary
    one when not given); yields its base URL. Without privilege separation
    (-j none), so any folder will do."""
    if folder is None:
        with (
            tempfile.TemporaryDirectory(prefix="varnish-") as temporary,
            varnish(backend_ports, Path(temporary), port) as base,
        ):
            yield base
        return
    port = port or free_port()
    vcl = VCL.read_text()
    for default, actual in zip(("8001", "8002"), backend_ports, strict=True):
        vcl = vcl.replace(f'.port = "{default}";', f'.port = "{actual}";')
    rendered = folder / "portal.vcl"
    rendered.write_text(vcl)
    command = ["varnishd", "-F", "-j", "none", "-n", str(folder / "varnish")]
    command += ["-a", f"127.0.0.1:{port}", "-f", str(rendered), "-s", "malloc,64m"]
    log = folder / "varnishd.log"
    with log.open("w") as output:
        # Varnish keeps the real clock: under libfaketime (make test-far-dates) it never
        # starts listening, and a proxy's clock is not the portal's to move.
        environment = {
            name: value
            for name, value in os.environ.items()
            if name != "LD_PRELOAD" and not name.startswith("FAKETIME")
        }
        proxy = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=environment)
    try:
        deadline = time.monotonic() + 30
        while True:
            if proxy.poll() is not None:
                raise RuntimeError(f"varnishd stopped: {log.read_text()[-2000:]}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if time.monotonic() > deadline:
                raise RuntimeError("varnishd did not start listening")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proxy.terminate()
        try:
            proxy.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proxy.kill()
            proxy.wait()


def varnish_version():
    """'7.1.1' from `varnishd -V`, or None when varnishd is not on PATH."""
    if shutil.which("varnishd") is None:
        return None
    result = subprocess.run(["varnishd", "-V"], capture_output=True, text=True, check=False)
    first = (result.stderr or result.stdout).splitlines()[:1]
    # "varnishd (varnish-7.1.1 revision 7cee1c5…)"
    if first and "varnish-" in first[0]:
        return first[0].split("varnish-", 1)[1].split()[0]
    return "unknown"


@contextlib.contextmanager
def behind_varnish(workers=2, **environment):
    """One gunicorn server of the portal (as `gunicorn()`) with Varnish and the
    portal's VCL in front, both of the VCL's backends on that one server; yields
    Varnish's base URL."""
    with gunicorn(workers, **environment) as backend:
        port = urlsplit(backend).port
        with varnish([port, port]) as base:
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
