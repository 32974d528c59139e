"""One archive of everything the portal holds, and its exact restoration.

The archive is a zip file:

- `manifest.json`: format, when it was made, the migrations it was made at,
  the number of records per model and every media file's SHA-256;
- `data.json`: every record of every model, both languages, versions,
  pending changes, users, roles and the admin's log, in dependency order;
  content types and permissions are named by natural key, so they match
  whatever ids the target database gave them;
- `storage/<storage>/<name>`: the picture originals and renditions, and the
  service guides' PDF forms.

Left out, because they are rebuilt or belong to the running site only: content
types and permissions (made by `migrate`), sessions, sign-in attempts, and the
search index (rebuilt after a restore).
"""

import contextlib
import datetime
import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from portal.pictures.storage import (
    ORIGINALS_DIR,
    RENDITIONS_DIR,
    originals,
    renditions_storage,
)

FORMAT = "foreign-affairs-portal-backup/1"
LEFT_OUT = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "portal.searchentry",
    "portal.siterevision",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
}
# Tables that must be empty before a restore: the content and its people.
MUST_BE_EMPTY = ("auth.User", "cities.City", "cities.Country", "news.Article", "portal.Office")


class BackupError(Exception):
    """A message for the person running the command."""


class ExactJSONEncoder(DjangoJSONEncoder):
    """Times to the microsecond: Django's encoder cuts them to milliseconds, and a
    restored archive would then differ from the database it was made from."""

    def default(self, value):
        if isinstance(value, datetime.datetime | datetime.time):
            text = value.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(value)


def archived_models():
    # Many-to-many links travel with their records (`Group.permissions`), so the
    # tables Django makes for them are not archived apart.
    models = [
        model
        for model in apps.get_models()
        if model._meta.label_lower not in LEFT_OUT and not model._meta.proxy and model._meta.managed
    ]
    ordered = serializers.sort_dependencies([(None, models)], allow_cycles=True)
    return ordered


def storages():
    """`{label: (storage, folder)}`: where archived files come from and go back to."""
    from django.core.files.storage import default_storage

    from office.pdf import FORMS_DIR

    return {
        "originals": (originals, ORIGINALS_DIR),
        "default": (renditions_storage(), RENDITIONS_DIR),
        "forms": (default_storage, FORMS_DIR),
    }


def serialize_all():
    """`(json_text, counts)`: every archived record, in an order that loads."""
    stream = io.StringIO()
    counts, first = {}, True
    stream.write("[")
    for model in archived_models():
        queryset = model._base_manager.order_by(model._meta.pk.name)
        counts[model._meta.label] = queryset.count()
        if not counts[model._meta.label]:
            continue
        text = serializers.serialize(
            "json",
            queryset.iterator(),
            use_natural_foreign_keys=True,
            indent=None,
            cls=ExactJSONEncoder,
        )
        body = text.strip()[1:-1]
        if body:
            stream.write(("" if first else ",") + "\n" + body)
            first = False
    stream.write("\n]\n")
    return stream.getvalue(), counts


def applied_migrations():
    recorder = MigrationRecorder(connections[DEFAULT_DB_ALIAS])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


@contextlib.contextmanager
def _snapshot():
    """One consistent view of the database for the whole backup: a transaction
    (on PostgreSQL REPEATABLE READ, when this is the outermost one)."""
    connection = connections[DEFAULT_DB_ALIAS]
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def _picture_files():
    """`{member: (storage, name)}` for the files the archived records name."""
    from office.models import GuideForm
    from portal.pictures.models import referenced_files

    originals_in_use, renditions_in_use = referenced_files()
    forms_in_use = set(GuideForm.objects.values_list("file", flat=True))
    files = {}
    for label, names in (
        ("originals", originals_in_use),
        ("default", renditions_in_use),
        ("forms", forms_in_use),
    ):
        storage, _directory = storages()[label]
        for name in sorted(names):
            files[f"storage/{label}/{name}"] = (storage, name)
    return files


def write_backup(path):
    """Write the archive to `path` (readable by its owner only); returns the manifest."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        with _snapshot():
            manifest = _write_archive(partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)  # never a half-written archive under the real name
    return manifest


def _write_archive(partial):
    """The zip: records, picture files, and the manifest with their checksums."""
    data, counts = serialize_all()
    pictures = _picture_files()
    digests = {}
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with (
        os.fdopen(descriptor, "wb") as stream,
        zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        archive.writestr("data.json", data)
        for member, (storage, name) in pictures.items():
            try:
                with storage.open(name, "rb") as picture:
                    content = picture.read()
            except FileNotFoundError:
                raise BackupError(f"{name} is named by a record but missing.") from None
            # Pictures are compressed already: stored as they are.
            archive.writestr(member, content, compress_type=zipfile.ZIP_STORED)
            digests[member] = hashlib.sha256(content).hexdigest()
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "database": connections[DEFAULT_DB_ALIAS].vendor,
            "migrations": applied_migrations(),
            "records": counts,
            "files": digests,
            "data_sha256": hashlib.sha256(data.encode()).hexdigest(),
        }
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, sort_keys=True))
    return manifest
