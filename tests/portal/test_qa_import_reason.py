"""A publisher imports an XLIFF file over QA errors with a written reason (the upload's
field, the command's `--reason`), kept in each version saved; without one, or for a
translator, a unit with a QA error still refuses the file."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from news.models import Article
from portal.editorial.import_jobs import XliffImport
from portal.editorial.memory_models import MemoryEntry
from portal.editorial.models import PendingChange
from portal.editorial.xliff_import import import_file
from portal.editorial.xliff_jobs import run_import, start
from tests.factories import make_article
from tests.portal.test_qa_import import EN, translated
from tests.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db
WRONG = "Shenyang sets up a USD 12.5 million fund"
REASON = "The fund's release gives 12.5 million: the original has a misprint."


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
        body_zh_hans="<p>基金已设立。</p>",
        body_en="",
        original_language="zh-hans",
    )


def member(role):
    user = get_user_model().objects.create_user(role.lower(), password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def test_a_publisher_with_a_reason_imports_over_the_error(fund):
    publisher = member("Publishers")
    report = import_file(translated(fund, WRONG), "fund.xlf", publisher, qa_reason=f" {REASON} ")
    assert report.refused == [] and report.applied == [fund]
    assert report.overridden == [(f"news.article/{fund.pk}/title", EN)]
    assert "QA errors imported over with the reason given: 1." in report.lines()
    fund.refresh_from_db()
    assert fund.title_en == WRONG
    version = fund.history.order_by("-history_id").first()
    assert version.history_change_reason == f"Imported from fund.xlf over QA errors: {REASON}"
    assert version.history_user == publisher
    assert MemoryEntry.objects.get(object_id=fund.pk, field="title").over_qa_errors


def test_without_a_reason_a_publishers_import_is_refused_and_told_how(fund):
    publisher = member("Publishers")
    for reason in ("", "   ", "x" * 1001):
        report = import_file(translated(fund, WRONG), "fund.xlf", publisher, qa_reason=reason)
        assert report.refused == [(f"news.article/{fund.pk}/title", EN)]
        assert report.applied == [] and report.overridden == []
        assert any(line.startswith("To import over the QA errors") for line in report.lines())
    assert Article.objects.get(pk=fund.pk).title_en == ""
    assert fund.history.count() == 1  # the factory's, nothing since


def test_a_translators_reason_changes_nothing(fund):
    translator = member("Translators")
    report = import_file(translated(fund, WRONG), "fund.xlf", translator, qa_reason=REASON)
    assert report.refused == [(f"news.article/{fund.pk}/title", EN)]
    assert not any(line.startswith("To import over") for line in report.lines())
    assert Article.objects.get(pk=fund.pk).title_en == ""
    assert not PendingChange.objects.exists()
    # Without errors the translator's import of a published record waits, as before.
    right = "Shenyang sets up a USD 13.5 million fund"
    report = import_file(translated(fund, right), "fund.xlf", translator, qa_reason=REASON)
    assert report.held == [fund]
    assert PendingChange.objects.get().values == {"title_en": right}


def test_the_upload_form_takes_a_publishers_reason(client, fund):
    sign_in_fully(client, member("Publishers"))
    client.cookies["django_language"] = "en"
    url = reverse("xliff_import")
    assertContains(client.get(url), 'name="qa_reason"')
    upload = SimpleUploadedFile("fund.xlf", translated(fund, WRONG))
    refused = client.post(url, {"file": upload})
    assertContains(refused, "To import over the QA errors all the same")
    assert Article.objects.get(pk=fund.pk).title_en == ""
    upload = SimpleUploadedFile("fund.xlf", translated(fund, WRONG))
    response = client.post(url, {"file": upload, "qa_reason": REASON}, follow=True)
    assertContains(response, "1 records updated.")
    reason = Article.objects.get(pk=fund.pk).history.order_by("-history_id").first()
    assert reason.history_change_reason.endswith(REASON)


def test_a_translator_sees_no_reason_field(client, fund):
    sign_in_fully(client, member("Translators"))
    client.cookies["django_language"] = "en"
    assertNotContains(client.get(reverse("xliff_import")), 'name="qa_reason"')


def test_a_background_import_keeps_the_reason(fund):
    publisher = member("Publishers")
    job = start(translated(fund, WRONG), "fund.xlf", publisher, REASON)
    run_import.call(job.pk)
    job = XliffImport.objects.get(pk=job.pk)
    assert job.phase == XliffImport.Phase.DONE and job.refused == 0
    assert Article.objects.get(pk=fund.pk).title_en == WRONG


def test_the_command_takes_a_reason_and_fails_without_one(fund, tmp_path):
    member("Publishers")
    path = tmp_path / "fund.xlf"
    path.write_bytes(translated(fund, WRONG))
    out = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("xliff", "import", "--user", "publishers", str(path), stdout=out)
    assert EN in out.getvalue()
    assert Article.objects.get(pk=fund.pk).title_en == ""
    with pytest.raises(CommandError, match="--reason: at most 1000 characters"):
        call_command("xliff", "import", "--user", "publishers", "--reason", "x" * 1001, str(path))
    call_command(
        "xliff", "import", "--user", "publishers", "--reason", REASON, str(path), stdout=out
    )
    fund.refresh_from_db()
    assert fund.title_en == WRONG
    version = fund.history.order_by("-history_id").first()
    assert version.history_change_reason == f"Imported from fund.xlf over QA errors: {REASON}"
