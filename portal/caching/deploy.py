"""The deploy id: a digest of the code, templates, catalogs and static files (not the
commit: a deployment need not carry its history), computed once at start-up (25 ms)."""

import functools
import hashlib
import os
import time
from pathlib import Path

from django.conf import settings

_STARTED = time.time()
SUFFIXES = (".py", ".html", ".txt", ".mo", ".css", ".js", ".svg", ".json")
NOT_DEPLOYED = {".venv", "var", "tests", "node_modules", ".git", "docs", "test-artifacts"}


@functools.cache
def deploy_id():
    digest, root = hashlib.sha256(), Path(settings.BASE_DIR)
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if name not in NOT_DEPLOYED)
        for path in (Path(folder, name) for name in sorted(files)):
            if path.suffix in SUFFIXES:
                digest.update(str(path.relative_to(root)).encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def deploy_started():  # when this process loaded the code: a validator's lower bound
    return _STARTED
