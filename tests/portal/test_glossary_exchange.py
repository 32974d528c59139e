"""The glossary out and back in as TBX and CSV: nothing lost, checked, all or nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from lxml import etree
from translate.storage import tbx

from portal.editorial.glossary import Glossary, Term
from portal.editorial.glossary_entries import FIELDS
from portal.editorial.summaries import TranslationSummary
from tests.factories import make_article

pytestmark = pytest.mark.django_db

NOTE = '=HYPERLINK("http://example.com")\nSecond line, “quoted”, with a comma.'


@pytest.fixture
def terms(db):
    return [
        Term.objects.create(
            chinese="吕志成",
            english="Lyu Zhicheng",
            kind="person",
            variants={"en": ["Mr Lyu", "Lyu"]},
            forbidden={"en": ["Lu Zhicheng"], "zh-hans": ["吕致成"]},
            domain="diplomacy",
            note=NOTE,
            source="Protocol list 2026",
        ),
        Term.objects.create(
            chinese="中国人民对外友好协会",
            english="Chinese People's Association for Friendship with Foreign Countries",
            kind="organisation",
            variants={"zh-hans": ["全国友协"], "en": ["CPAFFC"]},
            domain="-friendship",
        ),
        Term.objects.create(chinese="卡拉奇", english="Karachi", kind="place"),
    ]


@pytest.fixture
def publisher(db):
    user = get_user_model().objects.create_user("publisher", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Publishers"))
    return user


def snapshot():
    return sorted(tuple(getattr(term, name) for name in FIELDS) for term in Term.objects.all())


@pytest.mark.parametrize("extension", ["tbx", "csv"])
def test_a_round_trip_into_an_empty_glossary_gives_identical_entries(
    tmp_path, terms, publisher, extension
):
    before = snapshot()
    path = tmp_path / f"glossary.{extension}"
    call_command("glossary", "export", str(path))
    Term.objects.all().delete()
    call_command("glossary", "import", "--user", "publisher", str(path))
    assert snapshot() == before
    term = Term.objects.get(chinese="吕志成")
    assert term.history.first().history_user == publisher
    assert term.history.first().history_change_reason == f"Imported from glossary.{extension}"
    # Again: the file now changes nothing.
    call_command("glossary", "import", "--user", "publisher", str(path))
    assert snapshot() == before and term.history.count() == 1


def test_translate_toolkit_reads_our_tbx(tmp_path, terms):
    path = tmp_path / "glossary.tbx"
    call_command("glossary", "export", str(path))
    store = tbx.tbxfile.parsestring(path.read_bytes())
    entries = {unit.source: unit for unit in store.units}
    assert set(entries) == {term.chinese for term in terms}
    english = entries["吕志成"].get_target_terms("en")
    assert [(term.text, term.administrative_status) for term in english] == [
        ("Lyu Zhicheng", "preferredTerm-admn-sts"),
        ("Mr Lyu", "admittedTerm-admn-sts"),
        ("Lyu", "admittedTerm-admn-sts"),
        ("Lu Zhicheng", "deprecatedTerm-admn-sts"),
    ]
    assert english[-1].deprecated
    notes = {note.category: note.text for note in english[0].notes}
    assert notes["subjectField"] == "diplomacy" and notes[None] == NOTE
    root = etree.fromstring(path.read_bytes())
    assert root.tag == "martif"
    assert [node.get("{http://www.w3.org/XML/1998/namespace}lang") for node in
            root.iter("langSet")][:2] == ["zh-Hans", "en"]  # fmt: skip


def test_the_csv_has_a_column_per_language_and_runs_no_formula(tmp_path, terms):
    path = tmp_path / "glossary.csv"
    call_command("glossary", "export", str(path))
    text = path.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0] == (
        "zh-Hans,en,zh-Hans variants,en variants,zh-Hans forbidden,en forbidden,"
        "domain,note,kind,source"
    )
    assert "吕志成,Lyu Zhicheng,,Mr Lyu;Lyu,吕致成,Lu Zhicheng,diplomacy,\"'=HYPERLINK" in text
    assert ",'-friendship," in text


def test_a_variant_satisfies_the_official_name_check(terms):
    glossary = Glossary()
    original = "中国人民对外友好协会代表团"
    assert glossary.check(original, "zh-hans", "A CPAFFC delegation", "en")[1] == []
    assert glossary.check(original, "zh-hans", "A delegation", "en")[1] == [terms[1].english]


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX"><text><body>{}</body></text></martif>"""
ENTRY = (
    '<termEntry><langSet xml:lang="zh-CN"><tig><term>{}</term></tig></langSet>'
    '<langSet xml:lang="{}"><tig><term>{}</term></tig></langSet></termEntry>'
)
BOMB = """<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<martif type="TBX"><text><body><termEntry><langSet xml:lang="en"><tig><term>&d;</term>
</tig></langSet></termEntry></body></text></martif>"""


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("terms.xlsx", "x", "is a .tbx or a .csv file"),
        ("terms.tbx", "<martif><text>", "This is not a TBX file"),
        ("terms.tbx", BOMB, "declares or uses entities"),
        ("terms.tbx", '<?xml version="1.0"?><tbx/>', "its root is not <martif>"),
        ("terms.tbx", TBX.format(ENTRY.format("沈阳", "de", "Shenyang")), "“de”"),
        ("terms.csv", "zh-Hans,de\n沈阳,Shenyang\n", "The column “de”"),
        ("terms.csv", "zh-Hans,domain\n沈阳,x\n", "lacks the column of the official form in en"),
        ("terms.csv", "zh-Hans,en\n沈阳,Shenyang\n".encode("gb18030"), "not in UTF-8"),
        ("terms.csv", "zh-Hans,en\n" + "沈阳,Shenyang\n" * 2, "holds this name twice"),
        ("terms.csv", "zh-Hans,en,kind\n沈阳,Shenyang,planet\n", "not a valid choice"),
        ("terms.csv", "zh-Hans,en\n沈阳,\n", "no official form in English"),
        ("terms.csv", "zh-Hans,en,en forbidden\n沈阳,Shenyang,Shenyang\n", "cannot be forbidden"),
    ],
)
def test_a_bad_file_is_refused_with_its_reason_and_nothing_saved(
    tmp_path, terms, publisher, capsys, name, content, message
):
    before = snapshot()
    path = write(tmp_path, name, content)
    with pytest.raises(CommandError) as refusal:
        call_command("glossary", "import", "--user", "publisher", str(path))
    assert message in str(refusal.value) + capsys.readouterr().out
    assert snapshot() == before


def test_an_import_adds_and_changes_and_keeps_what_the_file_lacks(tmp_path, terms, publisher):
    content = TBX.format(
        ENTRY.format("沈阳", "en-GB", "Shenyang") + ENTRY.format("卡拉奇", "en", "Karachi City")
    )
    call_command(
        "glossary", "import", "--user", "publisher", str(write(tmp_path, "a.tbx", content))
    )
    assert Term.objects.get(chinese="沈阳").kind == "other"
    assert Term.objects.get(chinese="卡拉奇").english == "Karachi City"
    assert Term.objects.get(chinese="卡拉奇").kind == "place"  # kept: the file names none
    assert Term.objects.filter(chinese="吕志成").exists()


def test_only_a_publisher_imports_from_the_command(tmp_path, terms):
    user = get_user_model().objects.create_user("translator", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translators"))
    path = write(tmp_path, "a.csv", "zh-Hans,en\n沈阳,Shenyang\n")
    with pytest.raises(CommandError, match="may not add and change official names"):
        call_command("glossary", "import", "--user", "translator", str(path))
    assert not Term.objects.filter(chinese="沈阳").exists()


def test_an_import_refreshes_the_translation_summaries_once(
    tmp_path, publisher, settings, django_capture_on_commit_callbacks
):
    """The names a translation lacks are found again after an import, by one refresh
    for the whole file, not one a name."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    article = make_article(
        title_zh_hans="卡拉奇代表团访问沈阳",
        title_en="A delegation visits",
        original_language="zh-hans",
    )
    rows = "".join(f"名称{n},Name {n}\n" for n in range(50))
    path = write(tmp_path, "a.csv", "zh-Hans,en\n卡拉奇,Karachi\n" + rows)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("glossary", "import", "--user", "publisher", str(path))
    assert len(callbacks) == 1
    summary = TranslationSummary.objects.get(object_id=article.pk, content_type__model="article")
    assert summary.cells["en"]["flagged"] == 1
