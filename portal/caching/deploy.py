"""The deploy id: a digest of the code, templates, catalogs and static files this
process runs (not the Git commit: a deployment need not carry its history),
computed once when first asked (about 25 ms). Pages and fragments are keyed by it,
so a restart after any change serves new ones at once."""

import functools
import hashlib
import os
from pathlib import Path

from django.conf import settings

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
