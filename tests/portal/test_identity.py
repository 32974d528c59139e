"""Which identity items an inspection requires that the office record leaves unset."""

import pytest
from django.core.files.base import ContentFile

from portal.identity import missing_identity_items
from portal.models import GovernmentMark, Office
from tests.images import landscape

pytestmark = pytest.mark.django_db

EVERY_ITEM = [
    "organiser", "phone", "address", "site_code", "icp_number", "security_number",
    "government_mark", "government_mark_url",
]  # fmt: skip


def fields(missing):
    return [field for field, _label in missing]


def test_without_an_office_record_every_item_is_missing():
    assert fields(missing_identity_items()) == EVERY_ITEM


def test_a_new_record_misses_every_item_and_never_the_optional_operator():
    Office.objects.create(name_en="Office", name_zh_hans="外办", operator_zh_hans="信息中心")
    missing = missing_identity_items()
    assert fields(missing) == EVERY_ITEM
    assert "网站标识码" in str(dict(missing)["site_code"])


def test_each_item_set_leaves_the_list():
    # The organiser in one language is enough: the other language falls back to it.
    office = Office.objects.create(
        name_en="Office",
        name_zh_hans="外办",
        organiser_zh_hans="沈阳市人民政府外事办公室",
        phone="024-12345678",
        site_code="2101000001",
        icp_number="辽ICP备05000000号",
    )
    assert fields(missing_identity_items()) == [
        "address", "security_number", "government_mark", "government_mark_url",
    ]  # fmt: skip
    office.address_en = "1 Example Road"
    office.security_number = "辽公网安备 21010202000000号"
    office.government_mark_url = "https://bszs.conac.cn/sitename?method=show&id=1"
    office.save()
    assert fields(missing_identity_items()) == ["government_mark"]
    GovernmentMark.objects.create(
        office=office, image=ContentFile(landscape(110, 130), name="m.jpg")
    )
    assert missing_identity_items() == []
