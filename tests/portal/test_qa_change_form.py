"""The QA checks on the admin's change form: a save that publishes a translation with a
QA error comes back with the findings and asks for a reason, which the version keeps;
a draft, or a change that waits for a publisher, is saved as before."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from portal.editorial.memory_models import MemoryEntry
from portal.editorial.models import PendingChange
from tests.admin_forms import admin_form_data
from tests.factories import make_article, make_city, make_exchange

pytestmark = pytest.mark.django_db

EN = "“12.5 million” here does not match the figure “1350万” of the original."
ZH = "此处的“12.5 million”与原文中的数字“1350万”不符。"
WRONG = "Shenyang sets up a USD 12.5 million fund"
REASON = "The release of the fund gives 12.5 million: the Chinese original has a misprint."


@pytest.fixture
def article():
    return make_article(
        slug="fund",
        title_zh_hans="沈阳设立1350万美元基金",
        title_en="Shenyang sets up a fund",
        body_zh_hans="<p>基金于2021年12月9日设立。基金规模1350万美元。</p>",
        body_en="<p>The fund was set up on 9 December 2021. It holds USD 13.5 million.</p>",
        original_language="zh-hans",
    )


def change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def post(client, record, **changes):
    url = change_url(record)
    return client.post(url, admin_form_data(client.get(url), **changes))


def test_a_publishers_save_with_an_error_comes_back_with_the_findings(client, sign_in, article):
    sign_in("Publishers")
    response = post(client, article, title_en=WRONG)
    assert response.status_code == 200
    assertContains(response, EN)  # on the field, and in the findings above the buttons
    assertContains(response, 'id="qa-override"')
    assertContains(response, "Reason for saving over these errors")
    assertContains(response, f'value="{WRONG}"')  # what was typed is kept
    article.refresh_from_db()
    assert article.title_en == "Shenyang sets up a fund"


def test_a_finding_names_its_sentence(client, sign_in, article):
    sign_in("Publishers")
    body = "<p>The fund was set up on 9 December 2021. It holds USD 12.5 million.</p>"
    response = post(client, article, body_en=body)
    assertContains(response, "(sentence 2) “12.5 million” here does not match")


def test_with_a_reason_it_is_saved_and_the_version_keeps_the_reason(client, sign_in, article):
    publisher = sign_in("Publishers")
    response = post(client, article, title_en=WRONG, qa_reason=f"  {REASON}  ")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_en == WRONG
    version = article.history.order_by("-history_id").first()
    assert version.history_user == publisher
    assert version.history_change_reason == f"Saved over QA errors: {REASON}"
    assertContains(client.get(reverse("admin:news_article_history", args=[article.pk])), REASON)


def test_an_empty_or_overlong_reason_saves_nothing(client, sign_in, article):
    sign_in("Publishers")
    for reason in ["", "   ", "x" * 1001]:
        response = post(client, article, title_en=WRONG, qa_reason=reason)
        assert response.status_code == 200
        assertContains(response, "Reason for saving over these errors")
    article.refresh_from_db()
    assert article.title_en == "Shenyang sets up a fund"


def test_publishing_over_errors_keeps_both_the_state_and_the_reason(client, sign_in):
    draft = make_article(
        slug="draft-fund",
        title_zh_hans="沈阳设立1350万美元基金",
        title_en="",
        original_language="zh-hans",
        status="draft",
    )
    sign_in("Publishers")
    assert post(client, draft, title_en=WRONG, status="published").status_code == 200
    response = post(client, draft, title_en=WRONG, status="published", qa_reason=REASON)
    assert response.status_code == 302
    reason = draft.history.order_by("-history_id").first().history_change_reason
    assert reason == f"Published; Saved over QA errors: {REASON}"


def test_a_draft_is_saved_whatever_its_findings(client, sign_in):
    draft = make_article(slug="draft-fund", title_zh_hans="1350万美元", title_en="", status="draft")
    sign_in("Publishers")
    assert post(client, draft, title_en="USD 12.5 million").status_code == 302
    draft.refresh_from_db()
    assert draft.title_en == "USD 12.5 million"


def test_a_clean_change_or_a_change_of_the_original_needs_no_reason(client, sign_in, article):
    sign_in("Publishers")
    right = "Shenyang sets up a USD 13.5 million fund"
    assert post(client, article, title_en=right).status_code == 302
    # The original changed, its translation not: stale, not checked here.
    assert post(client, article, title_zh_hans="沈阳设立1450万美元基金").status_code == 302
    assert article.history.order_by("-history_id").first().history_change_reason is None


def test_a_translators_change_waits_for_a_publisher_as_before(client, sign_in, article):
    sign_in("Translators")
    response = post(client, article, title_en=WRONG)
    assert response.status_code == 302
    assertNotContains(client.get(change_url(article)), 'id="qa-override"')
    change = PendingChange.objects.get(object_id=article.pk)
    assert change.values == {"title_en": WRONG}
    article.refresh_from_db()
    assert article.title_en == "Shenyang sets up a fund"
    # The publisher meets the findings on the approve screen.
    client.logout()
    sign_in("Publishers")
    assertContains(client.get(change_url(article)), f'name="qa_reason" form="apply-{change.pk}"')


def test_the_findings_and_the_reason_field_speak_the_admins_language(client, sign_in, article):
    sign_in("Publishers")
    client.cookies["django_language"] = "zh-hans"
    response = post(client, article, title_en=WRONG)
    assertContains(response, ZH)
    assertContains(response, "不顾这些错误仍予保存的理由")


def test_an_exchange_changed_inline_on_a_published_city_is_checked(client, sign_in):
    city = make_city(slug="karachi", original_language="zh-hans")
    exchange = make_exchange(city, title_zh_hans="2万名游客来访", title_en="20,000 visitors came")
    sign_in("Publishers")
    url = change_url(city)
    data = admin_form_data(client.get(url))
    name = next(key for key, value in data.items() if value == ["20,000 visitors came"])
    data[name] = ["2,000 visitors came"]
    response = client.post(url, data)
    assert response.status_code == 200
    assertContains(response, "“2,000” here does not match the figure “2万” of the original.")
    exchange.refresh_from_db()
    assert exchange.title_en == "20,000 visitors came"

    data["qa_reason"] = [REASON]
    assert client.post(url, data).status_code == 302
    exchange.refresh_from_db()
    assert exchange.title_en == "2,000 visitors came"
    version = exchange.history.order_by("-history_id").first()
    assert version.history_change_reason == f"Saved over QA errors: {REASON}"


def test_the_memory_flags_the_pairs_saved_over_errors_only(client, sign_in, article):
    sign_in("Publishers")
    body = "<p>The fund was set up on 9 December 2021. It holds USD 13.5 million in all.</p>"
    post(client, article, title_en=WRONG, body_en=body, qa_reason=REASON)
    entries = MemoryEntry.objects.filter(object_id=article.pk)
    assert set(entries.filter(field="title").values_list("target", "over_qa_errors")) == {
        (WRONG, True)
    }
    body_pairs = set(entries.filter(field="body").values_list("target", "over_qa_errors"))
    assert ("It holds USD 13.5 million in all.", False) in body_pairs


def test_restoring_an_old_version_with_an_error_takes_a_reason_too(client, sign_in, article):
    article.title_en = WRONG
    article.save()  # an old version holding the error
    old = article.history.order_by("history_id").last()
    article.title_en = "Shenyang sets up a USD 13.5 million fund"
    article.save()
    sign_in("Publishers")
    url = reverse("admin:news_article_simple_history", args=[article.pk, old.history_id])
    page = client.get(url)
    refused = client.post(url, admin_form_data(page))
    assert refused.status_code == 200
    assertContains(refused, 'id="qa-override"')
    assertContains(refused, EN)
    assert client.post(url, admin_form_data(page, qa_reason=REASON)).status_code == 302
    article.refresh_from_db()
    assert article.title_en == WRONG
    version = article.history.order_by("-history_id").first()
    assert version.history_change_reason == f"Saved over QA errors: {REASON}"


def test_a_stage_changed_inline_is_checked_against_its_citys_original_language(client):
    """Stages are a superuser's (no role holds their permissions)."""
    from django.contrib.auth.models import User

    from cities.models import Stage
    from tests.two_factor import sign_in_fully

    city = make_city(slug="karachi-stages", original_language="zh-hans")
    stage = Stage.objects.create(
        city=city, stage="sister", document_zh_hans="2021年协议", document_en="2021 agreement"
    )
    sign_in_fully(client, User.objects.create_superuser("root", "root@example.org", "pw"))
    client.cookies["django_language"] = "en"
    url = change_url(city)
    data = admin_form_data(client.get(url))
    name = next(key for key, value in data.items() if value == ["2021 agreement"])
    data[name] = ["2012 agreement"]
    response = client.post(url, data)
    assert response.status_code == 200
    assertContains(response, 'id="qa-override"')
    stage.refresh_from_db()
    assert stage.document_en == "2021 agreement"
    data["qa_reason"] = [REASON]
    assert client.post(url, data).status_code == 302
    stage.refresh_from_db()
    assert stage.document_en == "2012 agreement"
