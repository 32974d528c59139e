"""`backup` and `restore`: one archive, and an exact round trip."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import uuid
import zipfile

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from cities.models import CityPhoto
from news.models import HistoricalArticle
from portal.operations.bench.server import ROOT
from tests.backup_content import make_everything


def archive_data(path):
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("data.json")), json.loads(archive.read("manifest.json"))


def tree(*folders):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_a_backup_restored_into_an_empty_database_is_exact(
    transactional_db, tmp_path, media_dirs, django_capture_on_commit_callbacks
):
    make_everything()
    first = tmp_path / "first.zip"
    call_command("backup", str(first))
    data, manifest = archive_data(first)
    files = tree(*media_dirs)
    models = {record["model"] for record in data}
    assert {
        "cities.city",
        "news.article",
        "news.historicalarticle",
        "auth.user",
        "auth.group",
    } <= models
    assert {"cities.cityphoto", "news.leadimage", "cities.historicalcity"} <= models
    # The demo's three guides each have a PDF form the portal made.
    assert len(manifest["files"]) == len(files) == 2 + 2 * 3 * 2 + 1 + 3, (
        "two originals, 12 renditions, a guide's form, the demo's three forms"
    )
    assert "office.guideform" in models

    stamps = sorted(HistoricalArticle.objects.values_list("history_id", "history_date"))
    assert any(when.microsecond % 1000 for _id, when in stamps), "times with microseconds"

    call_command("flush", interactive=False)  # a freshly migrated database
    for folder in media_dirs:
        shutil.rmtree(folder)
    call_command("restore", str(first))

    second = tmp_path / "second.zip"
    call_command("backup", str(second))
    restored = archive_data(second)[0]
    differing = [
        (
            a["model"],
            a["pk"],
            {k: (v, b["fields"].get(k)) for k, v in a["fields"].items() if b["fields"].get(k) != v},
        )
        for a, b in zip(data, restored, strict=False)
        if a != b
    ]
    assert differing == [] and len(restored) == len(data), "every record back, ids and all"
    assert tree(*media_dirs) == files, "every file back, byte for byte"
    restored_stamps = sorted(HistoricalArticle.objects.values_list("history_id", "history_date"))
    assert restored_stamps == stamps, "to the microsecond"

    # And the restored site works: pages, pictures, search, sign-in.
    visitor = Client()
    photo = CityPhoto.objects.get()
    page = visitor.get(photo.city.get_absolute_url())
    assert page.status_code == 200 and photo.rendition_url(480, "webp") in page.content.decode()
    assert visitor.get(photo.rendition_url(480, "webp")).status_code == 200
    assert "卡拉奇" in visitor.get("/zh-hans/search/?q=卡拉奇").content.decode()
    staff = Client()
    response = staff.post(
        "/admin/login/?next=/admin/", {"username": "editor", "password": "editor-pass-phrase"}
    )
    assert response.status_code == 302


def test_restore_refuses_a_database_that_is_not_empty(db, tmp_path):
    make_everything()
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive))
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", str(archive))


def test_restore_refuses_a_damaged_or_foreign_archive(transactional_db, tmp_path):
    not_a_zip = tmp_path / "notes.zip"
    not_a_zip.write_text("not an archive")
    with pytest.raises(CommandError, match="Cannot open"):
        call_command("restore", str(not_a_zip))

    make_everything()
    good = tmp_path / "good.zip"
    call_command("backup", str(good))
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "data.json":
                content = content.replace(b"Karachi", b"Karachj", 1)
            target.writestr(item, content)
    call_command("flush", interactive=False)
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(damaged))


# --- From SQLite to PostgreSQL, as a site moving to production would ------------------

POSTGRES = os.environ.get("BACKUP_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def manage(environment, *arguments):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(environment)
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture
def postgres_database():
    name = f"restore_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    yield f"{POSTGRES}/{name}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as server:
        server.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def test_a_backup_from_sqlite_restores_exactly_into_postgresql(db, tmp_path, postgres_database):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("run once, in the SQLite run (it makes its own databases)")
    sqlite = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "sqlite-media"),
        "ORIGINALS_ROOT": str(tmp_path / "sqlite-originals"),
    }
    postgres = {
        "DATABASE_URL": postgres_database,
        "MEDIA_ROOT": str(tmp_path / "pg-media"),
        "ORIGINALS_ROOT": str(tmp_path / "pg-originals"),
    }
    manage(sqlite, "migrate", "--noinput")
    manage(
        sqlite, "shell", "-c", "from tests.backup_content import make_everything; make_everything()"
    )
    manage(sqlite, "backup", str(tmp_path / "from-sqlite.zip"))
    manage(postgres, "migrate", "--noinput")
    manage(postgres, "restore", str(tmp_path / "from-sqlite.zip"))
    manage(postgres, "backup", str(tmp_path / "from-postgresql.zip"))

    before, manifest = archive_data(tmp_path / "from-sqlite.zip")
    after, _manifest = archive_data(tmp_path / "from-postgresql.zip")
    assert manifest["database"] == "sqlite" and len(before) > 30
    assert after == before
    assert tree(tmp_path / "pg-media", tmp_path / "pg-originals") == tree(
        tmp_path / "sqlite-media", tmp_path / "sqlite-originals"
    )


def test_the_archive_is_readable_by_its_owner_only(db, tmp_path):
    make_everything()
    archive = tmp_path / "private.zip"
    call_command("backup", str(archive))
    assert archive.stat().st_mode & 0o777 == 0o600, "it holds password hashes"


def test_a_restore_that_fails_on_a_file_keeps_nothing_and_can_be_run_again(
    transactional_db, tmp_path, media_dirs, settings
):
    make_everything()
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive))
    call_command("flush", interactive=False)
    for folder in media_dirs:
        shutil.rmtree(folder)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the originals folder should be")
    good_storages = settings.STORAGES
    settings.STORAGES = {
        **good_storages,
        "originals": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": blocker / "originals"},
        },
    }
    with pytest.raises((CommandError, OSError)):
        call_command("restore", str(archive))
    from news.models import Article

    assert not Article.objects.exists(), "the records went with the failed files"
    assert (
        not any(path.is_file() for path in media_dirs[0].rglob("*"))
        if media_dirs[0].exists()
        else True
    )
    settings.STORAGES = good_storages
    call_command("restore", str(archive))
    assert Article.objects.exists() and CityPhoto.objects.exists()


def test_restore_refuses_an_archive_naming_files_outside_the_picture_folders(db, tmp_path):
    make_everything()
    good = tmp_path / "good.zip"
    call_command("backup", str(good))
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        manifest = json.loads(source.read("manifest.json"))
        for item in source.infolist():
            if item.filename != "manifest.json":
                target.writestr(item, source.read(item))
        target.writestr("storage/default/../../settings.py", b"x")
        manifest["files"]["storage/default/../../settings.py"] = hashlib.sha256(b"x").hexdigest()
        target.writestr("manifest.json", json.dumps(manifest))
    with pytest.raises(CommandError, match="Unexpected file"):
        call_command("restore", str(bad))
