"""Restore an archive made by `portal.operations.backup`, exactly, or not at all.

The archive is checked first (format, migrations, every file's checksum, no
member outside its storage); records and files are then restored together, so
after a failure nothing is kept and the restore can be run again.
"""

import hashlib
import io
import json
import tempfile
import zipfile

from django.apps import apps
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction
from django.db.models.signals import pre_save

from portal.operations.backup import (
    FORMAT,
    MUST_BE_EMPTY,
    BackupError,
    applied_migrations,
    storages,
)


def read_manifest(archive):
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError) as error:
        raise BackupError(f"This is not a portal backup: {error}") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def _member_target(member):
    """`(storage, name)` a member restores to; refuses anything but picture files."""
    label, _slash, name = member.removeprefix("storage/").partition("/")
    storage_and_directory = storages().get(label)
    if (
        not member.startswith("storage/")
        or storage_and_directory is None
        or not name.startswith(storage_and_directory[1] + "/")
        or ".." in name.split("/")
    ):
        raise BackupError(f"Unexpected file in the archive: {member}")
    return storage_and_directory[0], name


def check_archive(archive, manifest):
    for member in manifest["files"]:
        _member_target(member)
    data = archive.read("data.json")
    if hashlib.sha256(data).hexdigest() != manifest["data_sha256"]:
        raise BackupError("data.json does not match its checksum: the archive is damaged.")
    for member, digest in manifest["files"].items():
        if hashlib.sha256(archive.read(member)).hexdigest() != digest:
            raise BackupError(f"{member} does not match its checksum: the archive is damaged.")
    missing = sorted(set(manifest["migrations"]) - set(applied_migrations()))
    if missing:
        raise BackupError(
            "Run `manage.py migrate` first: the backup was made at migrations this "
            f"database lacks ({', '.join(missing[:5])}…)."
        )
    return data


def check_empty():
    filled = [label for label in MUST_BE_EMPTY if apps.get_model(label)._base_manager.exists()]
    if filled:
        raise BackupError(
            "The database is not empty (it has "
            + ", ".join(filled)
            + "): restore into a freshly migrated database."
        )


def _keep_versions_as_archived(sender, instance, raw=False, **kwargs):
    """Loading a record sets its many-to-many links after saving it; without this,
    django-simple-history would record that as a new version of the record."""
    if raw:
        instance.skip_history_when_saving = True


def _load(data):
    with tempfile.NamedTemporaryFile("wb", suffix=".json") as fixture:
        fixture.write(data)
        fixture.flush()
        pre_save.connect(_keep_versions_as_archived, dispatch_uid="restore")
        try:
            call_command("loaddata", fixture.name, verbosity=0)
        except (DatabaseError, DeserializationError) as error:
            raise BackupError(f"The records could not be loaded: {error}") from None
        finally:
            pre_save.disconnect(dispatch_uid="restore")


def restore_backup(path):
    """Load the archive at `path` into this empty, migrated database and storages."""
    from django.contrib.auth.models import Group

    from portal.editorial.roles import ensure_roles
    from portal.search.index import rebuild

    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise BackupError(f"Cannot open {path}: {error}") from None
    with archive:
        manifest = read_manifest(archive)
        data = check_archive(archive, manifest)
        check_empty()
        written = []
        try:
            with transaction.atomic():
                # `migrate` made the roles; the archive's roles replace them, ids and all.
                Group.objects.all().delete()
                _load(data)
                ensure_roles()
                rebuild()
                # The files last, still inside the transaction: if one cannot be
                # written, the records are not kept either, and restore can be run again.
                for member in manifest["files"]:
                    storage, name = _member_target(member)
                    storage.delete(name)
                    written.append((storage, name))
                    saved = storage.save(name, io.BytesIO(archive.read(member)))
                    if saved != name:
                        raise BackupError(f"The storage stored {name} as {saved}.")
        except BaseException:
            for storage, name in written:
                storage.delete(name)
            raise
    return manifest
