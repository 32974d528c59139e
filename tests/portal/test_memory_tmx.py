"""The translation memory exchanged as TMX: a round trip loses nothing, a bad file is
refused whole with its reasons, by the command and the admin's buttons alike."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from translate.storage import tmx

from news.models import Article
from portal.editorial import memory, memory_tmx
from portal.editorial.memory_models import MemoryEntry
from tests.factories import make_article

pytestmark = pytest.mark.django_db

FIELDS = (
    "source_language",
    "target_language",
    "source",
    "target",
    "content_type_id",
    "object_id",
    "field",
    "note",
    "approved_at",
    "approved_by_id",
)


def fill(approver):
    article = make_article(title_zh_hans="市长会见代表团", original_language="zh-hans")
    when = datetime.datetime(2026, 3, 4, 5, 6, 7, tzinfo=datetime.UTC)
    memory.add(
        [
            MemoryEntry(
                source="市长会见代表团。",
                target="The mayor meets a <delegation> & guests.",
                source_language="zh-hans",
                target_language="en",
                content_type=ContentType.objects.get_for_model(Article),
                object_id=article.pk,
                field="title",
                approved_at=when,
                approved_by=approver,
            ).fill_keys(),
            MemoryEntry(
                source="The delegation arrived on 9 May.",
                target="代表团于5月9日抵达。",
                source_language="en",
                target_language="zh-hans",
                note="From the 2025 yearbook",
                approved_at=when,
                approved_by=approver,
            ).fill_keys(),
        ]
    )


def rows():
    return sorted(MemoryEntry.objects.values_list(*FIELDS))


@pytest.fixture
def publisher(db):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("pub", is_staff=True)
    user.groups.add(Group.objects.get(name="Publishers"))
    return user


def test_a_round_trip_through_tmx_loses_nothing(tmp_path, publisher):
    fill(publisher)
    before = rows()
    path = tmp_path / "memory.tmx"
    call_command("memory", "export", str(path))
    # translate-toolkit reads what was written: languages, segments, dates, origin.
    store = tmx.tmxfile.parsestring(path.read_bytes())
    assert {unit.source for unit in store.units} == {
        "市长会见代表团。",
        "The delegation arrived on 9 May.",
    }
    assert b'creationdate="20260304T050607Z"' in path.read_bytes()
    MemoryEntry.objects.all().delete()
    call_command("memory", "import", "--user", "pub", str(path))
    assert rows() == before
    # Importing again adds nothing.
    call_command("memory", "import", "--user", "pub", str(path))
    assert rows() == before


BAD = """<?xml version="1.0" encoding="utf-8"?>
<tmx version="1.4"><header srclang="zh-Hans" creationtool="x" creationtoolversion="1"
 segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="zh-Hans"><seg>好的句子。</seg></tuv>
<tuv xml:lang="en"><seg>Good.</seg></tuv></tu>
<tu><tuv xml:lang="zh-Hans"><seg>法语。</seg></tuv>
<tuv xml:lang="fr"><seg>Français.</seg></tuv></tu>
<tu><tuv xml:lang="zh-Hans"><seg></seg></tuv><tuv xml:lang="en"><seg>Empty source.</seg></tuv></tu>
<tu creationdate="yesterday"><tuv xml:lang="zh-Hans"><seg>日期。</seg></tuv>
<tuv xml:lang="en"><seg>Date.</seg></tuv></tu>
</body></tmx>"""


def test_a_bad_file_is_refused_whole_with_its_reasons(tmp_path, publisher, capsys):
    path = tmp_path / "bad.tmx"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(CommandError, match="3 problems"):
        call_command("memory", "import", "--user", "pub", str(path))
    errors = capsys.readouterr().err
    assert "unit 2: the language fr is not one of the site's" in errors
    assert "unit 3: a segment is empty" in errors
    assert "unit 4: the date yesterday is not a TMX date" in errors
    assert not MemoryEntry.objects.exists()  # the good unit 1 waits too
    path.write_text("<html>not a memory</html>", encoding="utf-8")
    with pytest.raises(CommandError, match="1 problems"):
        call_command("memory", "import", "--user", "pub", str(path))


def test_only_a_publisher_imports(tmp_path):
    get_user_model().objects.create_user("clerk", is_staff=True)
    path = tmp_path / "m.tmx"
    path.write_bytes(memory_tmx.export())
    with pytest.raises(CommandError, match="no active publisher"):
        call_command("memory", "import", "--user", "clerk", str(path))


def test_the_admin_exports_and_imports_for_publishers(client, sign_in, publisher):
    fill(publisher)
    data = memory_tmx.export()
    sign_in("Translators")
    assert client.get("/admin/portal/memoryentry/export/").status_code == 403
    client.logout()
    sign_in("Publishers")
    response = client.get("/admin/portal/memoryentry/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-tmx"
    assert b"The mayor meets a &lt;delegation&gt; &amp; guests." in response.content
    MemoryEntry.objects.all().delete()
    upload = SimpleUploadedFile("memory.tmx", data)
    response = client.post("/admin/portal/memoryentry/import/", {"file": upload}, follow=True)
    assert "2 units read, 2 new pairs added" in response.content.decode()
    assert MemoryEntry.objects.count() == 2
    bad = SimpleUploadedFile("bad.tmx", BAD.encode())
    response = client.post("/admin/portal/memoryentry/import/", {"file": bad})
    assert response.status_code == 200
    assert "the language fr is not one of the site" in response.content.decode()
    assert MemoryEntry.objects.count() == 2


def unit(record, creationid="pub", source="好的句子。", target="Good."):
    return (
        f'<tu srclang="zh-Hans" creationid="{creationid}">'
        f'<prop type="x-portal-record">{record}</prop>'
        f'<tuv xml:lang="zh-Hans"><seg>{source}</seg></tuv>'
        f'<tuv xml:lang="en"><seg>{target}</seg></tuv></tu>'
    )


def tmx_file(*units):
    return (
        '<?xml version="1.0" encoding="utf-8"?><tmx version="1.4">'
        '<header srclang="zh-Hans" creationtool="x" creationtoolversion="1" segtype="sentence"'
        ' o-tmf="x" adminlang="en" datatype="plaintext"/><body>' + "".join(units) + "</body></tmx>"
    ).encode()


def test_an_origin_is_kept_only_for_a_translated_field_with_a_fitting_id(publisher):
    get_user_model().objects.create_user("someone")
    article = make_article()
    bad = [
        "news.article/" + "9" * 30 + "/title",  # over bigint
        "news.article/0/title",
        "news.article/1/" + "x" * 150,  # over the field's length
        "auth.user/1/password",  # not a kind with translated text
        "news.article/1/slug",  # not a translated field
    ]
    units = [unit(origin, source=f"句子{n}。") for n, origin in enumerate(bad)]
    units.append(unit(f"news.article/{article.pk}/title", creationid="someone"))
    # The note is written in the active language (a request's, the command's).
    with CaptureQueriesContext(connection) as queries, translation.override("en"):
        read, added = memory_tmx.import_file(tmx_file(*units), publisher, "x.tmx")
    assert (read, added) == (6, 6)
    assert len(queries) < 20  # no query per unit for its origin or approver
    kept = MemoryEntry.objects.get(source="好的句子。")
    assert (kept.content_type.model, kept.object_id, kept.field) == ("article", article.pk, "title")
    assert kept.approved_by == publisher  # the importer, the file's approver noted
    assert kept.note == "approved by someone"
    for n, origin in enumerate(bad):
        entry = MemoryEntry.objects.get(source=f"句子{n}。")
        assert entry.content_type is None and entry.object_id is None
        assert entry.note == origin[:200]
        assert entry.approved_by == publisher


def test_a_rebuild_keeps_imported_entries_even_with_an_origin(publisher):
    article = make_article()
    data = tmx_file(unit(f"news.article/{article.pk}/title"))
    assert memory_tmx.import_file(data, publisher, "x.tmx") == (1, 1)
    memory.rebuild()
    entry = MemoryEntry.objects.get(source="好的句子。")
    assert entry.imported and entry.object_id == article.pk


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<tmx version="1.4"><header srclang="zh-Hans" creationtool="x" creationtoolversion="1"
 segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="zh-Hans"><seg>&b;</seg></tuv><tuv xml:lang="en"><seg>Bomb.</seg></tuv></tu>
</body></tmx>"""


def test_a_file_declaring_entities_is_refused(publisher):
    with pytest.raises(memory_tmx.TmxError, match="declares or uses entities"):
        memory_tmx.import_file(BOMB, publisher, "bomb.tmx")
    assert not MemoryEntry.objects.exists()


def test_the_admin_sends_a_large_file_to_the_command(client, sign_in):
    from portal.editorial.memory_admin import LARGEST_UPLOAD

    sign_in("Publishers")
    upload = SimpleUploadedFile("big.tmx", b" " * (LARGEST_UPLOAD + 1))
    response = client.post("/admin/portal/memoryentry/import/", {"file": upload})
    assert response.status_code == 200
    assert "manage.py memory import" in response.content.decode()


def test_the_list_shows_each_pair_side_by_side_in_the_admins_language(client, sign_in):
    long_source = "市长会见了代表团，" * 20 + "并出席了签约仪式。"
    memory.add(
        [
            MemoryEntry(
                source=long_source,
                target="The mayor met the <delegation>.",
                source_language="zh-hans",
                target_language="en",
                note="Imported from office.tmx",
                approved_at=datetime.datetime(2026, 3, 4, tzinfo=datetime.UTC),
            ).fill_keys()
        ]
    )
    sign_in("Translators")
    client.cookies["django_language"] = "zh-hans"
    page = client.get("/admin/portal/memoryentry/").content.decode()
    assert ">原文<" in page and ">译文<" in page
    # A long sentence is cut so that its translation fits beside it, whole on hover.
    assert f'title="{long_source}"' in page
    assert long_source[:80] in page and f">{long_source}<" not in page
    assert "The mayor met the &lt;delegation&gt;." in page


def test_the_list_names_where_a_pair_was_approved_and_links_to_it(client, sign_in):
    fill(get_user_model().objects.create_user("li.na"))
    article = Article.objects.get()
    # A pair whose field is gone since (a renamed field) keeps its stored name.
    memory.add(
        [
            MemoryEntry(
                source="旧字段的原文",
                target="An old field's text",
                source_language="zh-hans",
                target_language="en",
                content_type=ContentType.objects.get_for_model(Article),
                object_id=article.pk,
                field="headline",
                approved_at=datetime.datetime(2026, 3, 4, tzinfo=datetime.UTC),
            ).fill_keys()
        ]
    )
    sign_in("Translators")
    client.cookies["django_language"] = "zh-hans"
    page = client.get("/admin/portal/memoryentry/").content.decode()
    change = f"/admin/news/article/{article.pk}/change/"
    assert f'<a href="{change}">' in page
    assert f"{article.pk} · 标题</a>" in page and f"{article.pk} · title" not in page
    assert f"{article.pk} · headline" in page
    # The pair's languages in one column, and its filters, named in the admin's language.
    assert "中文 → 英文" in page
    assert '<a href="?source_language=en">英文</a>' in page
    assert '<a href="?target_language=zh-hans">中文</a>' in page
    # The day and who approved it in one column, the minute on hover.
    assert '<time datetime="2026-03-04T13:06:07+08:00" title="2026年3月4日' in page
    assert "2026年3月4日</time><br>li.na" in page
    # A filter on a language that is not the site's is ignored, not an error.
    assert client.get("/admin/portal/memoryentry/?source_language=xx").status_code in (200, 302)
