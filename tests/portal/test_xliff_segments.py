"""Segmented XLIFF: a long field goes out sentence by sentence (XLIFF 1.2 `<seg-source>`
and `<mrk mtype="seg">`), valid against the OASIS schema, and comes back whole."""

from copy import deepcopy
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from lxml import etree

from news.models import Article
from portal.editorial.xliff import export
from tests.factories import make_article

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
NS = "urn:oasis:names:tc:xliff:document:1.2"
Q = {"x": NS}
XML_XSD = "http://www.w3.org/2001/xml.xsd"
BODY = (
    '<p>代表团会见了市长。双方签署了<a href="https://example.com/a">友好协议。全文见附件</a>！</p>'
    "<p>会谈在友好气氛中举行。</p>"
)
STANDFIRST = "代表团访问沈阳。双方举行会谈；\n\n会后参观了工厂。"


class _LocalSchemas(etree.Resolver):
    """W3C's xml.xsd from the copy beside the XLIFF schema: no network."""

    def resolve(self, url, pubid, context):
        if url == XML_XSD:
            return self.resolve_filename(str(DATA / "xml.xsd"), context)
        return None


@pytest.fixture(scope="module")
def schema():
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.parse(str(DATA / "xliff-core-1.2-strict.xsd"), parser))


def assert_valid(schema, data):
    document = etree.fromstring(data).getroottree()
    assert schema.validate(document), [str(error) for error in schema.error_log]


@pytest.fixture
def translator(db):
    user = get_user_model().objects.create_user("translator", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translators"))
    return user


def chinese_article(**fields):
    return make_article(
        **{
            "title_zh_hans": "代表团访问沈阳",
            "standfirst_zh_hans": STANDFIRST,
            "body_zh_hans": BODY,
            "title_en": "",
            "body_en": "",
            "original_language": "zh-hans",
            "status": "draft",
            **fields,
        }
    )


def unit_of(root, article, field):
    return root.find(f".//x:trans-unit[@id='news.article/{article.pk}/{field}']", Q)


def seg_xml(element, name):
    return etree.tostring(element.find(f"x:{name}", Q), encoding="unicode", with_tail=False)


def test_a_long_field_is_exported_sentence_by_sentence_and_valid(schema):
    article = chinese_article()
    data, _count = export("en")
    assert_valid(schema, data)
    root = etree.fromstring(data)
    body = unit_of(root, article, "body")
    marks = body.findall("x:seg-source//x:mrk", Q)
    assert [mark.get("mtype") for mark in marks] == ["seg"] * 3
    assert [mark.get("mid") for mark in marks] == ["1", "2", "3"]
    # The paragraphs (<g id="1">, <g id="3">) hold the segments; the link is whole in one.
    assert [mark.getparent().get("id") for mark in marks] == ["1", "1", "3"]
    assert "".join(marks[1].itertext()) == "双方签署了友好协议。全文见附件！"
    assert marks[1].find("x:g", Q).get("id") == "2"
    # The target has the same segments, empty, for the translator to fill.
    target = body.findall("x:target//x:mrk", Q)
    assert [(mark.get("mid"), mark.text) for mark in target] == [
        ("1", None),
        ("2", None),
        ("3", None),
    ]
    standfirst = [
        mark.text
        for mark in unit_of(root, article, "standfirst").iterfind(".//x:seg-source/x:mrk", Q)
    ]
    assert standfirst == ["代表团访问沈阳。", "双方举行会谈；", "会后参观了工厂。"]
    # The segments hold every character of the source, the spaces between them outside.
    for unit in root.iter(f"{{{NS}}}trans-unit"):
        segmented = unit.find("x:seg-source", Q)
        if segmented is not None:
            assert "".join(segmented.itertext()) == "".join(unit.find("x:source", Q).itertext())
    # One sentence: a unit as before.
    assert unit_of(root, article, "title").find("x:seg-source", Q) is None


def test_a_translation_goes_out_in_the_same_segments_when_it_aligns(schema):
    aligned = chinese_article(
        body_en='<p>The delegation met the mayor. They signed a <a href="https://example.com/a">'
        "friendship agreement. The text is attached</a>!</p><p>The talks were friendly.</p>",
        standfirst_en="A delegation visits Shenyang and holds talks.\n\nIt then saw a factory.",
    )
    data, _count = export("en", everything=True)
    assert_valid(schema, data)
    body = unit_of(etree.fromstring(data), aligned, "body")
    target = ["".join(mark.itertext()) for mark in body.iterfind("x:target//x:mrk", Q)]
    assert target == [
        "The delegation met the mayor.",
        "They signed a friendship agreement. The text is attached!",
        "The talks were friendly.",
    ]
    # Two English sentences for three Chinese ones: the unit goes whole, translation kept.
    standfirst = unit_of(etree.fromstring(data), aligned, "standfirst")
    assert standfirst.find("x:seg-source", Q) is None
    assert standfirst.find("x:target", Q).text.startswith("A delegation visits")


def fill_segments(data, translations, squeeze=False):
    """A CAT tool's work: each segment's target by unit field and mid (`squeeze`: the
    spaces between segments dropped, as some tools do)."""
    root = etree.fromstring(data)
    for unit in root.iter(f"{{{NS}}}trans-unit"):
        field = unit.get("id").rsplit("/", 1)[1]
        for mark in unit.iterfind("x:target//x:mrk", Q):
            if squeeze and mark.tail == " ":
                mark.tail = None
            text = translations.get(field, {}).get(mark.get("mid"))
            if text is not None:
                source = unit.find(f"x:seg-source//x:mrk[@mid='{mark.get('mid')}']", Q)
                mark.text = text
                for child in source:  # the segment's inline tags, as the tool keeps them
                    kept = deepcopy(child)
                    kept.tail = None
                    mark.append(kept)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_a_segmented_file_comes_back_whole(tmp_path, translator):
    article = chinese_article()
    data, _count = export("en")
    path = tmp_path / "done.xlf"
    filled = fill_segments(
        data,
        {
            "body": {"1": "The delegation met the mayor.", "2": "They signed a ", "3": "Talks."},
            "standfirst": {"1": "A visit.", "2": "Talks were held.", "3": "A factory."},
        },
        squeeze=True,
    )
    # The link's text, translated inside its tag.
    filled = filled.replace("友好协议。全文见附件".encode(), b"friendship agreement")
    path.write_bytes(filled)
    call_command("xliff", "import", "--user", "translator", str(path))
    article = Article.objects.get(pk=article.pk)
    assert article.body_en == (
        '<p>The delegation met the mayor. They signed a <a href="https://example.com/a">'
        "friendship agreement</a></p><p>Talks.</p>"
    )
    assert article.standfirst_en == "A visit. Talks were held.\n\nA factory."


def test_untranslated_segments_are_no_translation(tmp_path, translator):
    article = chinese_article()
    data, _count = export("en")
    path = tmp_path / "untouched.xlf"
    path.write_bytes(
        fill_segments(data, {"standfirst": {"1": "A visit.", "2": "Talks.", "3": "A factory."}})
    )
    call_command("xliff", "import", "--user", "translator", str(path))
    article = Article.objects.get(pk=article.pk)
    assert article.body_en == "" and article.standfirst_en.startswith("A visit.")


def test_a_whole_field_target_is_still_imported(tmp_path, translator):
    """A tool that does not segment writes the target whole, without <mrk>."""
    article = chinese_article()
    data, _count = export("en")
    root = etree.fromstring(data)
    for unit in root.iter(f"{{{NS}}}trans-unit"):
        for segmented in unit.findall("x:seg-source", Q):
            unit.remove(segmented)
        target = unit.find("x:target", Q)
        for child in list(target):
            target.remove(child)
        target.text = {"standfirst": "One visit. Two talks.", "title": "A visit"}.get(
            unit.get("id").rsplit("/", 1)[1]
        )
    path = tmp_path / "whole.xlf"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    call_command("xliff", "import", "--user", "translator", str(path))
    article = Article.objects.get(pk=article.pk)
    assert (article.standfirst_en, article.title_en) == ("One visit. Two talks.", "A visit")


def test_the_trados_file_and_a_plain_export_are_valid(schema):
    assert_valid(schema, (DATA / "trados-en-US-zh-CN.xlf").read_bytes())
    make_article(title_en="Hello. World.", original_language="en", title_zh_hans="", status="draft")
    data, _count = export("zh-hans")
    assert_valid(schema, data)
    assert b'<mrk mtype="seg" mid="2">World.</mrk>' in data


def test_the_schema_refuses_what_it_should(schema):
    """The validation can fail: a <mrk> without its required mtype is invalid."""
    chinese_article()
    data, _count = export("en")
    broken = data.replace(b'<mrk mtype="seg" mid="1">', b'<mrk mid="1">', 1)
    assert not schema.validate(etree.fromstring(broken).getroottree())


def test_a_sentence_end_inside_an_inline_tag_is_no_boundary(schema):
    article = make_article(
        body_en='<p>We met <a href="https://example.com/s">Mr. Smith. He</a> spoke first. '
        "Then <em>the mayor</em> spoke.<br>Questions followed.</p>",
        original_language="en",
        body_zh_hans="",
        status="draft",
    )
    data, _count = export("zh-hans")
    assert_valid(schema, data)
    marks = unit_of(etree.fromstring(data), article, "body").findall("x:seg-source//x:mrk", Q)
    assert ["".join(mark.itertext()) for mark in marks] == [
        "We met Mr. Smith. He spoke first.",
        "Then the mayor spoke.",  # and the line break (<x/>): a sentence ends there
        "Questions followed.",
    ]
    assert marks[0].find("x:g", Q).get("id") == "2" and marks[1].find("x:x", Q) is not None


def test_a_field_half_translated_is_refused_and_nothing_saved(tmp_path, translator, capsys):
    article = chinese_article()
    data, _count = export("en")
    path = tmp_path / "half.xlf"
    path.write_bytes(
        fill_segments(data, {"standfirst": {"1": "A visit.", "3": "A factory."}, "title": {}})
    )
    with pytest.raises(CommandError, match="1 refusals"):
        call_command("xliff", "import", "--user", "translator", str(path))
    out = capsys.readouterr().out
    assert "standfirst: the field is half translated (empty segments: 2)" in out
    assert not Article.objects.get(pk=article.pk).standfirst_en


def test_a_sentence_ending_with_an_inline_tag_is_a_segment_of_its_own(schema):
    article = chinese_article(
        body_zh_hans='<p><strong>第一句。</strong>第二句。<a href="https://example.com/">'
        "第三句。第四句</a>！</p><ul>\n<li>第五句。<em>第六句。</em></li>\n</ul>"
    )
    data, _count = export("en")
    assert_valid(schema, data)
    marks = unit_of(etree.fromstring(data), article, "body").findall("x:seg-source//x:mrk", Q)
    assert ["".join(mark.itertext()) for mark in marks] == [
        "第一句。",
        "第二句。",
        "第三句。第四句！",
        "第五句。",
        "第六句。",
    ]
