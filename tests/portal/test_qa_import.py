"""The QA checks on every XLIFF import: an error refuses its unit (and so the file, all
or nothing, as a forbidden official name does), a warning is reported and imported."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from news.models import Article
from portal.editorial.xliff import export
from portal.editorial.xliff_format import Xliff12
from portal.editorial.xliff_import import import_file
from tests.factories import make_article
from tests.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db
EN = "“12.5 million” here does not match the figure “1350万” of the original."


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def fund(db):
    return make_article(
        slug="fund",
        title_zh_hans="沈阳设立1350万美元基金",
        title_en="",
        body_zh_hans='<p>详见<a href="https://example.org/fund">公告</a>。</p>',
        body_en="",
        original_language="zh-hans",
        status="draft",
    )


@pytest.fixture
def translator(db):
    user = get_user_model().objects.create_user("translator", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translators"))
    return user


def translated(article, title, body=None):
    """The export of `article` into English, its title (and body) filled in by a CAT tool."""
    store = Xliff12.parsestring(export("en", "news.article")[0])
    for unit in store.getunits():
        if unit.xmlelement.get("id").endswith("/title"):
            unit.target = title
        elif body is not None and unit.xmlelement.get("id").endswith("/body"):
            unit.target = body
    return bytes(store)


def test_a_figure_changed_refuses_the_unit_with_the_checks_message(fund, translator):
    data = translated(fund, "Shenyang sets up a USD 12.5 million fund")
    report = import_file(data, "fund.xlf", translator)
    assert report.refused == [
        (
            f"news.article/{fund.pk}/title",
            EN,
        )
    ]
    assert Article.objects.get(pk=fund.pk).title_en == ""
    assert report.lines()[0].startswith("Nothing was imported: 1 units were refused.")


def test_a_right_figure_in_another_notation_is_imported(fund, translator):
    report = import_file(
        translated(fund, "Shenyang sets up a USD 13.5 million fund"), "f", translator
    )
    assert report.refused == [] and report.applied == [fund]
    assert Article.objects.get(pk=fund.pk).title_en == "Shenyang sets up a USD 13.5 million fund"


def test_a_warning_is_reported_and_the_unit_imported(fund, translator):
    data = translated(fund, "Shenyang sets up a USD 13.5 million  fund")
    report = import_file(data, "fund.xlf", translator)
    assert report.refused == [] and report.applied == [fund]
    assert report.warnings == [(f"news.article/{fund.pk}/title", "Doubled space.")]
    lines = report.lines()
    assert "QA warnings (imported all the same): 1." in lines
    assert f"news.article/{fund.pk}/title: Doubled space." in lines
    with translation.override("zh-hans"):
        assert "质量检查警告（仍已导入）：1条。" in report.lines()


def test_a_lost_link_refuses_the_unit(fund, translator):
    data = translated(fund, "A USD 13.5 million fund", body="See the notice.")
    report = import_file(data, "fund.xlf", translator)
    assert report.refused == [
        (
            f"news.article/{fund.pk}/body",
            "The link to https://example.org/fund is missing or changed here.",
        ),
        (f"news.article/{fund.pk}/body", "An inline tag <a> of the original is missing here."),
    ]


def test_the_import_page_lists_the_refusals(client, fund, translator):
    sign_in_fully(client, translator)
    client.cookies["django_language"] = "en"
    upload = translated(fund, "Shenyang sets up a USD 12.5 million fund")
    response = client.post(
        reverse("xliff_import"), {"file": SimpleUploadedFile("fund.xlf", upload)}, follow=True
    )
    assertContains(response, EN)
