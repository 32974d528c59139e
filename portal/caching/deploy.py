"""The deploy id: a digest of the code, templates, message catalogs and static files
this process runs, computed once when first asked (about 10 ms at start-up).

Pages and fragments are keyed by it, so a deployment that changes any of them is
served at once, without waiting for the cache to expire: a hash of the files, not
the commit, because a deployment need not carry its Git history.
"""

import functools
import hashlib
import os
from pathlib import Path

from django.conf import settings

SUFFIXES = (".py", ".html", ".txt", ".mo", ".css", ".js", ".svg", ".json")
NOT_DEPLOYED = {".venv", "var", "tests", "node_modules", ".git", "docs", "test-artifacts"}


@functools.cache
def deploy_id():
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if name not in NOT_DEPLOYED)
        for name in sorted(files):
            path = Path(folder, name)
            if path.suffix in SUFFIXES:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
