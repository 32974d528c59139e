"""Static files in production: hashed names, compressed, cached for a year."""

import gzip
import os
import re
import subprocess
import sys
import urllib.request

from portal.operations.bench.server import ROOT, gunicorn

PRODUCTION = {"DEBUG": "0", "SECRET_KEY": "static-test-" + "s" * 50, "ALLOWED_HOSTS": "127.0.0.1"}


def test_static_files_are_hashed_compressed_and_cached_for_a_year(tmp_path):
    environment = {
        **PRODUCTION,
        "STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    }
    env = {**os.environ, **environment}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    [hashed] = [p.name for p in (tmp_path / "static" / "portal").glob("site.*.css")]
    assert re.fullmatch(r"site\.[0-9a-f]{12}\.css", hashed)
    with gunicorn(workers=1, **environment) as base:
        request = urllib.request.Request(
            f"{base}/static/portal/{hashed}", headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(request) as response:
            headers, body = response.headers, response.read()
    assert response.status == 200
    assert headers["Content-Encoding"] == "gzip" and b"--civic" in gzip.decompress(body)
    max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
    assert max_age >= 365 * 24 * 3600 and "immutable" in headers["Cache-Control"]
