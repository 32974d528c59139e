"""Where pictures live: originals privately, renditions publicly.

`STORAGES["originals"]` keeps what staff uploaded (cleaned) and is never
served; `STORAGES["default"]` holds the renditions visitors load, under
MEDIA_URL. Both may be any Django storage backend (README: object storage).
"""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

ORIGINALS_DIR = "originals"
RENDITIONS_DIR = "renditions"


class _OriginalsStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["originals"]


originals = _OriginalsStorage()


def originals_storage():
    """The storage of `Picture.image` (a callable, so migrations name no backend)."""
    return originals


def renditions_storage():
    return storages["default"]


@receiver(setting_changed)
def _reset(setting, **kwargs):
    if setting in ("STORAGES", "MEDIA_ROOT"):
        originals._wrapped = empty


def walk(storage, directory):
    """Every file name under `directory` of `storage`, recursively."""
    try:
        folders, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{directory}/{name}"
    for folder in folders:
        yield from walk(storage, f"{directory}/{folder}")
