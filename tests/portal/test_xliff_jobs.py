"""A large XLIFF upload runs off the request, as a background job, and its uploader
follows it on a page of its own: progress, then what the import did."""

import time

import pytest
from django.core.management import call_command
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from news.models import Article
from portal.editorial.import_jobs import XliffImport
from portal.editorial.xliff import export
from tests.factories import make_article
from tests.portal.xliff_files import fill, many_units_for_records_that_do_not_exist

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def drafts(count):
    return [
        make_article(
            title_zh_hans=f"文章{n}",
            body_zh_hans="<p>正文。</p>",
            title_en="",
            body_en="",
            original_language="zh-hans",
            status="draft",
        )
        for n in range(count)
    ]


def translated(articles):
    return fill(
        export("en")[0],
        {f"news.article/{article.pk}/title": f"Article {article.pk}" for article in articles},
    )


def upload(client, data, name="queue.xlf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile(name, data, content_type="application/x-xliff+xml")
    return client.post("/admin/translations/xliff/import/", {"file": file})


def test_a_file_past_the_size_is_a_job_whose_page_shows_the_outcome(
    client, sign_in, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE  # the job runs as it is queued
    settings.XLIFF_IMPORT_INLINE_UNITS = 3
    articles = drafts(3)  # six units
    sign_in("Translators")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, translated(articles))
    job = XliffImport.objects.get()
    assertRedirects(response, f"/admin/translations/xliff/import/{job.pk}/")
    page = client.get(response["Location"])
    assertContains(page, "<h2>Done</h2>", html=True)
    assertContains(page, "3 records updated.")
    assertNotContains(page, 'http-equiv="refresh"')
    assert [article.title_en for article in Article.objects.order_by("pk")] == [
        f"Article {article.pk}" for article in articles
    ]
    job.refresh_from_db()
    assert (job.units, job.checked, job.data) == (6, 6, b"")


def test_a_small_file_is_imported_within_the_request(client, sign_in, settings):
    settings.XLIFF_IMPORT_INLINE_UNITS = 10
    articles = drafts(1)
    sign_in("Translators")
    assertContains(upload(client, translated(articles)), "1 records updated.")
    assert not XliffImport.objects.exists()


def test_the_page_shows_progress_while_the_job_runs_and_only_to_its_uploader(client, sign_in):
    translator = sign_in("Translators")
    job = XliffImport.objects.create(
        user=translator, filename="big.xlf", language="en", data=b"", units=5000, checked=1500
    )
    job.phase = XliffImport.Phase.CHECKING
    job.save()
    page = client.get(job.get_absolute_url())
    assertContains(page, '<progress max="5000" value="1500">30%</progress>', html=True)
    assertContains(page, "1500 of 5000 units checked.")
    assertContains(page, '<meta http-equiv="refresh" content="2">', html=True)
    client.cookies["django_language"] = "zh-hans"
    assertContains(client.get(job.get_absolute_url()), "已检查 5000 个单元中的 1500 个。")
    client.logout()
    sign_in("Editors")
    assert client.get(job.get_absolute_url()).status_code == 404


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between jobs
def test_the_database_worker_runs_a_queued_import_of_200000_units_that_saves_nothing(
    client, sign_in, django_capture_on_commit_callbacks
):
    """The acceptance file: 200,000 units for records that do not exist. The upload
    answers at once; the real worker command (`db_worker`) imports it; nothing is saved."""
    real = drafts(1)[0]
    data = many_units_for_records_that_do_not_exist(200_000, real)
    sign_in("Translators")
    started = time.perf_counter()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, data, "big19-many.xlf")
    assert time.perf_counter() - started < 15  # well inside the 30 s worker timeout
    job = XliffImport.objects.get()
    assertContains(client.get(response["Location"]), "Waiting for the job worker")

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    page = client.get(response["Location"])
    assertContains(page, "Nothing was imported: 200000 units were refused.")
    assertContains(page, "news.article/1000000/title: no such record")
    assertContains(page, "199000 more units: no such record")
    assert Article.objects.get(pk=real.pk).title_en == ""  # its unit was good: not saved either
    job.refresh_from_db()
    assert (job.phase, job.refused, job.data) == (XliffImport.Phase.DONE, 200_000, b"")
