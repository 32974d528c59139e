"""The QA gate on every route a translation goes public by, found by a review: a draft
published by its state alone, a part opened on its own in the workbench, a
spreadsheet import, a part without versions of its own, a reason with a NUL, and the
workbench's reason given only to the records saved over errors."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from cities.models import Exchange, Stage
from cities.transfer import ExchangeResource
from portal.editorial.models import PendingChange
from tests.admin_forms import admin_form_data
from tests.factories import make_article, make_city, make_exchange
from tests.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db

WRONG = "Shenyang sets up a USD 12.5 million fund"  # the original says 1350万
REASON = "Rounded for readers, as the office's English releases write sums."


def change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def post(client, record, **changes):
    url = change_url(record)
    return client.post(url, admin_form_data(client.get(url), **changes))


def test_publishing_a_draft_checks_the_translations_it_makes_public(client, sign_in):
    draft = make_article(
        slug="fund", title_zh_hans="沈阳设立1350万美元基金", title_en="",
        original_language="zh-hans", status="draft",
    )  # fmt: skip
    sign_in("Publishers")
    client.cookies["django_language"] = "en"
    assert post(client, draft, title_en=WRONG).status_code == 302  # a draft: work in progress
    response = post(client, draft, status="published")  # the title unchanged
    assert response.status_code == 200
    assert "1350万" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert post(client, draft, status="published", qa_reason=REASON).status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"
    assert REASON in draft.history.first().history_change_reason


def test_a_part_opened_on_its_own_in_the_workbench_is_locked_for_a_translator(client, sign_in):
    city = make_city(slug="karachi", original_language="zh-hans")
    exchange = make_exchange(
        city, title_zh_hans="2万名游客来访", title_en="", original_language="zh-hans"
    )
    sign_in("Translators")
    url = reverse("translation_workbench", args=["cities.exchange", exchange.pk, "en"])
    data = admin_form_data(client.get(url))
    (name,) = [key for key in data if key.endswith("title_en")]
    data[name] = ["2,000 visitors came"]
    data["qa_reason"] = ["the translator's own reason"]
    client.post(url, data)
    exchange.refresh_from_db()
    assert exchange.title_en == ""  # a published city's exchange: its publishers' to change
    assert PendingChange.objects.count() == 0


def test_a_spreadsheet_import_refuses_a_row_that_would_publish_a_qa_error(sign_in):
    city = make_city(slug="karachi", original_language="zh-hans")
    make_exchange(city, title_zh_hans="2万名游客来访", title_en="20,000 visitors came")
    publisher = sign_in("Publishers")
    rows = ExchangeResource().export()
    rows.dict = [dict(rows.dict[0], title_en="2,000 visitors came")]
    result = ExchangeResource().import_data(rows, dry_run=False, user=publisher)
    assert result.has_validation_errors()
    (message,) = result.invalid_rows[0].error_dict["__all__"]
    assert message.startswith("QA check, Title (English): “2,000” here does not match")
    assert Exchange.objects.get().title_en == "20,000 visitors came"


def test_a_reason_with_a_nul_is_kept_without_it(client, sign_in):
    article = make_article(
        slug="fund", title_zh_hans="沈阳设立1350万美元基金", title_en="Shenyang sets up a fund",
        original_language="zh-hans",
    )  # fmt: skip
    sign_in("Publishers")
    assert post(client, article, title_en=WRONG, qa_reason="ok\x00 reason").status_code == 302
    article.refresh_from_db()
    assert article.title_en == WRONG
    assert article.history.first().history_change_reason.endswith("ok reason")


def test_a_part_without_versions_keeps_its_reason_in_its_owners(client):
    city = make_city(slug="karachi", original_language="zh-hans")
    stage = Stage.objects.create(
        city=city, stage="sister", document_zh_hans="2021年协议", document_en="2021 agreement"
    )
    assert not hasattr(Stage, "history")
    sign_in_fully(client, User.objects.create_superuser("root", "root@example.org", "pw"))
    client.cookies["django_language"] = "en"
    url = change_url(city)
    data = admin_form_data(client.get(url))
    name = next(key for key, value in data.items() if value == ["2021 agreement"])
    data[name] = ["2012 agreement"]
    assert client.post(url, data).status_code == 200  # the year is checked
    data["qa_reason"] = [REASON]
    assert client.post(url, data).status_code == 302
    stage.refresh_from_db()
    assert stage.document_en == "2012 agreement"
    assert REASON in city.history.first().history_change_reason


def test_the_workbench_gives_the_over_qa_reason_only_to_records_saved_over_errors(client, sign_in):
    city = make_city(slug="karachi", original_language="zh-hans", summary_en="")
    city.summary_zh_hans = "卡拉奇是巴基斯坦最大的城市。"
    city.save()
    exchange = make_exchange(
        city, title_zh_hans="2万名游客来访", title_en="", original_language="zh-hans"
    )
    sign_in("Publishers")
    url = reverse("translation_workbench", args=["cities.city", city.pk, "en"])
    data = admin_form_data(client.get(url))
    for key in data:
        if key.endswith("-title_en"):
            data[key] = ["2,000 visitors came"]
        if key.endswith("-summary_en"):
            data[key] = ["Karachi is the largest city of Pakistan."]
    data["qa_reason"] = [REASON]
    assert client.post(url, data).status_code == 302
    exchange.refresh_from_db()
    city.refresh_from_db()
    assert exchange.title_en == "2,000 visitors came"
    assert REASON in exchange.history.first().history_change_reason
    assert "QA" not in city.history.first().history_change_reason
