"""A large, deterministic, bilingual dataset for benchmarks.

Sentences are assembled from small vocabularies, so text looks like news to
the tokenizer (common and rare words, Chinese place names of two to four
characters) without shipping a corpus. Records are written with bulk_create,
search entries alongside, in batches.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from cities.models import City, Country, Exchange
from news.models import Article, Category
from portal.editorial.translation_state import record_translations
from portal.search.index import article_entries, city_entries
from portal.search.models import SearchEntry

PLACES = [
    ("卡拉奇", "Karachi"),
    ("拉合尔", "Lahore"),
    ("伊斯兰堡", "Islamabad"),
    ("罗兹", "Lodz"),
    ("札幌", "Sapporo"),
    ("川崎", "Kawasaki"),
    ("光州", "Gwangju"),
    ("仁川", "Incheon"),
    ("芝加哥", "Chicago"),
    ("休斯敦", "Houston"),
    ("鲁塞", "Ruse"),
    ("新西伯利亚", "Novosibirsk"),
    ("伊尔库茨克", "Irkutsk"),
    ("杜塞尔多夫", "Dusseldorf"),
    ("米兰", "Milan"),
    ("科英布拉", "Coimbra"),
    ("德班", "Durban"),
    ("开罗", "Cairo"),
    ("蒙得维的亚", "Montevideo"),
    ("奥克兰", "Auckland"),
]
TOPICS_ZH = [
    "经贸合作",
    "友好交流",
    "文化活动",
    "教育合作",
    "旅游推介",
    "公共交通",
    "医疗卫生",
    "青年交流",
    "科技创新",
    "港口物流",
    "农业合作",
    "体育赛事",
    "环境保护",
    "城市规划",
    "人才培训",
]
TOPICS_EN = [
    "trade",
    "friendship",
    "culture",
    "education",
    "tourism",
    "transport",
    "health",
    "youth",
    "innovation",
    "logistics",
    "agriculture",
    "sport",
    "environment",
    "planning",
    "training",
]
VERBS_ZH = ["举办", "签署", "推动", "参加", "访问", "启动", "深化", "拓展"]
VERBS_EN = ["held", "signed", "advanced", "joined", "visited", "launched", "deepened", "expanded"]
FILLER_ZH = "双方表示将进一步加强交流与合作，共同推动两市友好关系不断向前发展，造福两市人民。"
FILLER_EN = (
    "Both sides agreed to strengthen exchange and cooperation and to carry the friendship "
    "between the two cities forward for the benefit of their people."
)
CONTINENTS = ["asia", "europe", "africa", "north-america", "south-america", "oceania"]


def _sentence(rng, place):
    i, j = rng.randrange(len(TOPICS_ZH)), rng.randrange(len(VERBS_ZH))
    zh = f"沈阳与{place[0]}{VERBS_ZH[j]}{TOPICS_ZH[i]}项目。"
    en = f"Shenyang and {place[1]} {VERBS_EN[j]} a {TOPICS_EN[i]} project."
    return zh, en


def _whole(record):
    """Translated in full, as a save would note (bulk_create skips `save()`):
    without it the English edition would be absent, and English search empty."""
    record_translations(record, None)
    return record


def _article(rng, n, category, when):
    place = PLACES[rng.randrange(len(PLACES))]
    lines = [_sentence(rng, place) for _ in range(3)]
    title = _sentence(rng, place)
    article = Article(
        slug=f"bench-{n}",
        title_zh_hans=f"{title[0][:-1]}（{n}）",
        title_en=f"{title[1][:-1]} ({n})",
        standfirst_zh_hans=lines[0][0],
        standfirst_en=lines[0][1],
        body_zh_hans="".join(f"<p>{zh}{FILLER_ZH}</p>" for zh, _ in lines),
        body_en="".join(f"<p>{en} {FILLER_EN}</p>" for _, en in lines),
        source_zh_hans="沈阳日报",
        source_en="Shenyang Daily",
        category=category,
        status="published",
        published_at=when,
        original_language="zh-hans",
    )
    return _whole(article)


@transaction.atomic
def make_cities(count, exchanges, seed=1):
    rng = random.Random(seed)
    countries = [
        Country.objects.get_or_create(
            iso_code=f"X{chr(65 + n)}",
            defaults={
                "name_en": f"Country {n}",
                "name_zh_hans": f"国家{n}",
                "continent": CONTINENTS[n % 6],
            },
        )[0]
        for n in range(20)
    ]
    cities = City.objects.bulk_create(
        _whole(
            City(
                slug=f"bench-city-{n}",
                name_en=f"{PLACES[n % len(PLACES)][1]} {n}",
                name_zh_hans=f"{PLACES[n % len(PLACES)][0]}{n}",
                country=countries[n % len(countries)],
                relationship="sister" if n % 3 else "friendly",
                ordinal=n + 100,
                population=rng.randrange(100_000, 20_000_000),
                area_km2=rng.randrange(100, 20_000),
                latitude=rng.uniform(-50, 70),
                longitude=rng.uniform(-170, 170),
                summary_en=_sentence(rng, PLACES[n % len(PLACES)])[1],
                summary_zh_hans=_sentence(rng, PLACES[n % len(PLACES)])[0],
                status="published",
                published_at=timezone.now() - datetime.timedelta(days=n + 1),
                original_language="zh-hans",
            )
        )
        for n in range(count)
    )
    Exchange.objects.bulk_create(
        _whole(
            Exchange(
                city=cities[n % len(cities)],
                date=datetime.date(2000, 1, 1) + datetime.timedelta(days=n),
                precision="day",
                kind="visit",
                title_en=_sentence(rng, PLACES[n % len(PLACES)])[1],
                title_zh_hans=_sentence(rng, PLACES[n % len(PLACES)])[0],
                original_language="zh-hans",
            )
        )
        for n in range(exchanges)
    )
    for city in City.objects.filter(slug__startswith="bench-city-").select_related("country"):
        SearchEntry.objects.bulk_create(city_entries(city))
    return cities


def make_articles(count, batch_size=2000, seed=2, progress=None):
    """`count` published articles, newest `bench-0`, with their search entries."""
    rng = random.Random(seed)
    category, _ = Category.objects.get_or_create(
        slug="bench", defaults={"name_en": "Bench", "name_zh_hans": "测试"}
    )
    start = Article.objects.filter(slug__startswith="bench-").count()
    now = timezone.now()
    for first in range(start, count, batch_size):
        with transaction.atomic():
            batch = [
                _article(rng, n, category, now - datetime.timedelta(minutes=10 * n + 10))
                for n in range(first, min(count, first + batch_size))
            ]
            articles = Article.objects.bulk_create(batch)
            SearchEntry.objects.bulk_create(
                entry for article in articles for entry in article_entries(article)
            )
        if progress:
            progress(min(count, first + batch_size))
