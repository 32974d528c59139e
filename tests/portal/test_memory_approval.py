"""Only approved text goes in the memory: a part (an exchange) only while its owner
(the city) is published, approved by one who may publish the owner, and a rebuild
credits only a version saved by such a one."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.editorial import memory
from portal.editorial.memory_models import MemoryEntry
from tests.factories import make_article, make_city, make_exchange

pytestmark = pytest.mark.django_db


def user(name, group):
    found = get_user_model().objects.create_user(name, is_staff=True)
    found.groups.add(Group.objects.get(name=group))
    return found


def exchange(city, title):
    return make_exchange(
        city, title_zh_hans=title, title_en=f"{title} (en)", original_language="zh-hans"
    )


def test_a_rebuild_leaves_out_the_exchanges_of_a_draft_city():
    exchange(make_city(status="published"), "市长访问")
    exchange(make_city(status="draft"), "草稿访问")
    memory.rebuild()
    sources = set(MemoryEntry.objects.values_list("source", flat=True))
    assert "市长访问" in sources and "草稿访问" not in sources


def test_a_publisher_saving_an_exchange_approves_it_a_translator_does_not():
    item = exchange(make_city(status="published"), "市长访问")
    MemoryEntry.objects.all().delete()
    item._history_user = user("tran", "Translators")
    item.save()
    assert not MemoryEntry.objects.exists()
    publisher = user("pub", "Publishers")
    item._history_user = publisher
    item.save()
    assert MemoryEntry.objects.get(source="市长访问").approved_by == publisher


def test_a_rebuild_credits_the_last_version_saved_by_a_publisher():
    publisher, translator = user("pub", "Publishers"), user("tran", "Translators")
    article = make_article(
        title_zh_hans="市长会见", title_en="Mayor meets", original_language="zh-hans"
    )
    article._history_user = publisher
    article.save()
    article._history_user = translator
    article.save()
    memory.rebuild()
    assert MemoryEntry.objects.get(source="市长会见").approved_by == publisher


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_commits_model_by_model():
    from django.db import connection

    make_article(title_zh_hans="市长会见", title_en="Mayor meets", original_language="zh-hans")
    states = []
    memory.rebuild(progress=lambda model, count: states.append(connection.in_atomic_block))
    assert states and not any(states)
    assert MemoryEntry.objects.filter(source="市长会见").exists()


def test_a_withdrawn_record_leaves_the_memory():
    publisher = user("pub", "Publishers")
    article = make_article(
        title_zh_hans="市长会见", title_en="Mayor meets", original_language="zh-hans"
    )
    article._history_user = publisher
    article.save()
    assert MemoryEntry.objects.filter(source="市长会见").exists()
    article.status = "draft"
    article._history_user = publisher
    article.save()
    assert not MemoryEntry.objects.filter(source="市长会见").exists()
