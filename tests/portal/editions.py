"""Records in one language or two, and how pages name their language editions: for
the tests of editions missing, published in the original only, and stale."""

import datetime
from zoneinfo import ZoneInfo

from tests.factories import make_article

XHTML = "{http://www.w3.org/1999/xhtml}"
CHINESE_TITLE = "卡拉奇代表团访问沈阳"
EDITED = datetime.datetime(2026, 12, 7, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def chinese_only(**fields):
    """A published article written in Chinese, not translated."""
    fields.setdefault("slug", "visit")
    return make_article(
        title_zh_hans=CHINESE_TITLE,
        body_zh_hans="<p>卡拉奇代表团访问沈阳。</p>",
        title_en="",
        body_en="",
        original_language="zh-hans",
        **fields,
    )


def chinese_article(**fields):
    """A published article written in Chinese, with its whole English translation."""
    return make_article(
        **{
            "slug": "visit",
            "title_zh_hans": "卡拉奇代表团访问沈阳",
            "body_zh_hans": "<p>卡拉奇代表团访问沈阳。</p>",
            "title_en": "Karachi delegation visits Shenyang",
            "body_en": "<p>A delegation from Karachi visited Shenyang.</p>",
            "original_language": "zh-hans",
            **fields,
        }
    )


def hreflangs(response):
    html = response.content.decode()
    return {
        code
        for code in ("zh-hans", "en", "x-default")
        if f'<link rel="alternate" hreflang="{code}"' in html
    }
