"""Shenyang's partner cities as public sources state them.

`data/shenyang-partners.json` (collected 2026-11-29; see `data/README.md`)
holds each fact with its sources and the conflicts between them. This module
adds what the data does not hold, each for a stated reason:

- the ISO code, continent and Chinese name of each country;
- a Chinese name where the data has none: the standard exonym, only where we
  are sure of it (`EXONYMS`); otherwise the city has no Chinese name and pages
  print the English one marked with its `lang`;
- the map position of each city (`POSITIONS`, city centres to two decimals,
  supplied by the portal's editors and recorded as such);
- the figures as numbers (`POPULATIONS`), where the data quotes them as text;
- the values the sources disagree on (`ALTERNATIVES`), kept on record but not
  public; the official page's value stays public (the data's README: an
  official page outranks a repost).

The `evidence` quotes in the data are for staff checking a fact; nothing
here copies them anywhere.
"""

import datetime
from decimal import Decimal

COUNTRIES = {
    "Japan": ("JP", "asia", "日本"),
    "Germany": ("DE", "europe", "德国"),
    "Italy": ("IT", "europe", "意大利"),
    "United States": ("US", "north-america", "美国"),
    "Russia": ("RU", "europe", "俄罗斯"),
    "Mexico": ("MX", "north-america", "墨西哥"),
    "South Korea": ("KR", "asia", "韩国"),
    "Poland": ("PL", "europe", "波兰"),
    "Argentina": ("AR", "south-america", "阿根廷"),
    "United Kingdom (Northern Ireland)": ("GB", "europe", "英国"),
    "Portugal": ("PT", "europe", "葡萄牙"),
    "Uganda": ("UG", "africa", "乌干达"),
    "Pakistan": ("PK", "asia", "巴基斯坦"),
    "Morocco": ("MA", "africa", "摩洛哥"),
}
COUNTRY_NAMES_EN = {"GB": "United Kingdom"}

# Standard Chinese exonyms for the cities the data names only in English.
EXONYMS = {
    "Turin": "都灵",
    "Monterrey": "蒙特雷",
    "Seongnam": "城南",
    "La Plata": "拉普拉塔",
    "Hamamatsu": "滨松",
    "Daegu": "大邱",
}

# slug, latitude, longitude (city centres, two decimals).
POSITIONS = {
    "Sapporo": ("sapporo", "43.06", "141.35"),
    "Kawasaki": ("kawasaki", "35.53", "139.70"),
    "Düsseldorf": ("dusseldorf", "51.23", "6.77"),
    "Turin": ("turin", "45.07", "7.69"),
    "Chicago": ("chicago", "41.88", "-87.63"),
    "Irkutsk": ("irkutsk", "52.29", "104.28"),
    "Monterrey": ("monterrey", "25.69", "-100.32"),
    "Seongnam": ("seongnam", "37.42", "127.13"),
    "Katowice": ("katowice", "50.26", "19.02"),
    "Ufa": ("ufa", "54.74", "55.97"),
    "Novosibirsk": ("novosibirsk", "55.01", "82.93"),
    "Daejeon": ("daejeon", "36.35", "127.38"),
    "La Plata": ("la-plata", "-34.92", "-57.95"),
    "Incheon": ("incheon", "37.46", "126.71"),
    "Belfast": ("belfast", "54.60", "-5.93"),
    "Braga": ("braga", "41.55", "-8.43"),
    "Jinja": ("jinja", "0.44", "33.20"),
    "Karachi": ("karachi", "24.86", "67.00"),
    "Hamamatsu": ("hamamatsu", "34.71", "137.73"),
    "Sasebo": ("sasebo", "33.18", "129.72"),
    "Rabat": ("rabat", "34.02", "-6.84"),
    "Daegu": ("daegu", "35.87", "128.60"),
}
POSITION_SOURCE = {
    "publisher_en": "Foreign Affairs Portal editors: city-centre position for the map",
    "publisher_zh_hans": "外事门户编辑：地图所用城市中心位置",
    "title_en": "",
}

# The data's population text as a number: (people, approximate, as of year or None).
POPULATIONS = {
    "Sapporo": (1_800_000, True, None),  # "about 1.8 million"
    "Kawasaki": (1_420_000, True, None),  # "1,42 million" / 人口142万
    "Düsseldorf": (570_000, True, None),  # "about 570,000"
    "Chicago": (2_700_000, True, 2011),  # "more than 2.7 million residents (until 2011)"
    "Irkutsk": (800_000, True, None),  # "about 800,000"
    "Monterrey": (3_788_000, False, 2005),  # "3.788 million (2005)"
    "Katowice": (321_163, False, 2004),  # "321,163 (2004)"
    "Novosibirsk": (1_525_000, False, None),  # "1.525 million"
    "Daejeon": (1_500_000, True, 2013),  # "1.5 million (as of 2013)"
    "La Plata": (1_100_000, True, None),  # "1.1 million"
    "Incheon": (2_900_000, True, None),  # "2.9 million"
    "Braga": (180_000, False, None),  # "180,000"
    "Jinja": (600_000, True, None),  # "about 600,000 (resident population)"
    "Karachi": (20_000_000, True, None),  # "about 20 million"
    "Sasebo": (248_000, True, None),  # 约24.8万
}

# Values sources disagree on, kept on record beside the public one:
# (city, figure) → (value, the URL of the source that states it, staff note).
ALTERNATIVES = {
    ("Jinja", "population"): (
        350_000,
        "https://icld.se/artikel/partnermatch/jinja-city-uganda/",
        "ICLD partner profile: 350 000 inhabitants.",
    ),
    ("Jinja", "area"): (
        Decimal("215"),
        "https://icld.se/artikel/partnermatch/jinja-city-uganda/",
        "ICLD partner profile: 215 km².",
    ),
    ("Jinja", "ordinal"): (
        22,
        "https://www.shenyang.gov.cn/english/aboutshenyang/sistercities/202201/t20220122_2577386.html",
        "The official Jinja page's ordinal; Karachi's page also says 22nd, so it is not public.",
    ),
    ("Irkutsk", "sister_since"): (
        datetime.date(1990, 8, 12),
        "https://m.shuoxu.com/book/chapter/31773/49.html",
        "A book's table (as of 2004) gives 1990-08-12 as the approval date.",
    ),
}

# Publishers as a Chinese visitor reads them, by the start of the data's publisher
# name: Chinese publishers and official bodies. A foreign newspaper's name stays as
# it is printed (marked English on Chinese pages); a repost is never printed.
PUBLISHERS_ZH = {
    "People's Government of Shenyang Municipality": "沈阳市人民政府网站",
    "Foreign Affairs Office of Shenyang": "沈阳市人民政府外事办公室",
    "Shenyang Foreign Affairs Office": "沈阳市人民政府外事办公室",
    "国际在线辽宁频道": "国际在线辽宁频道",
    "中国贸易报": "中国贸易报",
    "Hokkaido-China exchange site": "北海道日中交流网站（hiecc.or.jp）",
    "china.org.cn (German)": "中国网德文版",
    "China Daily Global": "中国日报网辽宁频道",
    "Daegu Metropolitan City": "大邱广域市",
    "Daejeon Metropolitan City": "大田广域市",
    "Incheon Metropolitan City (Chinese site)": "仁川广域市（中文网站）",
    "City of Kawasaki": "川崎市",
    "City of Katowice": "卡托维茨市",
    "Ufa City Administration": "乌法市政府",
    "Swedish International Centre for Local Democracy": "瑞典国际地方民主中心（ICLD）",
}

# The seed profile is itself a source: "Walking into Karachi".
SEED_PROFILE = {
    "url": "https://www.shenyang.gov.cn/english/aboutshenyang/sistercities/202206/t20220628_3372608.html",
    "title_en": "Walking into Karachi",
    "publisher_en": "Foreign Affairs Office of the People's Government of Shenyang Municipality",
    "publisher_zh_hans": "沈阳市人民政府外事办公室",
    "date": datetime.date(2022, 6, 16),
}

# Karachi's path, from the seed: the letter of intent and the agreement.
KARACHI_STAGES = {
    "intent": {
        "document": {
            "en": "Letter of Intent to Establish Sister City Relations between Shenyang, "
            "People's Republic of China, and Karachi, Islamic Republic of Pakistan",
            "zh-hans": "中华人民共和国沈阳市与巴基斯坦伊斯兰共和国卡拉奇市建立友好城市关系意向书",
        },
        "signatories": {
            "en": "The mayors of Shenyang and Karachi (Wassam Akhtar Khan)",
            "zh-hans": "沈阳市市长与卡拉奇市市长（瓦西姆·阿赫塔尔·汗）",
        },
        "exchange_date": datetime.date(2018, 8, 1),
    },
    "sister": {
        "document": {
            "en": "Agreement on establishing sister city relations",
            "zh-hans": "缔结友好城市关系协议",
        },
        "signatories": {
            "en": "Lyu Zhicheng, Acting Mayor of Shenyang; Moin ul Haque, Ambassador of "
            "Pakistan to China",
            "zh-hans": "沈阳市代市长吕志成；巴基斯坦驻华大使莫因·哈克",
        },
        "exchange_date": datetime.date(2021, 12, 9),
        "article": "shenyang-and-karachi-become-sister-cities",
    },
}

# A date the data worked out from "the Nth anniversary in <year>" (its `derived`
# entry and `how`): N, so that pages print the anniversary, not a date.
ANNIVERSARIES = {"Hamamatsu": 15}

# The home city's figures, each from the public source named (none from memory).
# Searched for official pages (the city government's, its statistics bureau's
# bulletins) on 2026-12-07: the census page below is official; no official page
# stating 12,942 km² or 722 mm was found, so those keep their third-party source,
# which visitors are not shown, and the admin marks them as needing an official one.
SHENYANG_FACTS = [
    {
        "figure": "population",
        "number": 9_070_093,
        "as_of": (datetime.date(2020, 11, 1), "day"),
        "note": "Seventh national population census, standard time 1 November 2020.",
        "source": {
            "url": "https://www.shenyang.gov.cn/english/aboutshenyang/welcometoshenyang/202112/t20211202_1792567.html",
            "title_en": "The data of the seventh national population census released",
            "publisher_en": "People's Government of Shenyang Municipality (English site)",
            "publisher_zh_hans": "沈阳市人民政府网站",
            "date": datetime.date(2021, 6, 2),
            "kind": "official",
            "note": "Relays a Shenyang Daily report of 2 June 2021. Its headline says 9.07 "
            "million; its text misprints the count as 907,093.",
        },
    },
    {
        "figure": "area",
        "number": Decimal("12942"),
        "note": "Administrative area as Wikipedia gives it; no official page stating it "
        "was found. Needs the office's own figure and its source.",
        "source": {
            "url": "https://en.wikipedia.org/wiki/Shenyang",
            "title_en": "Shenyang",
            "publisher_en": "Wikipedia (English)",
            "kind": "repost",
            "note": "An encyclopedia's figure, not an official statement.",
        },
        "alternative": {
            "number": Decimal("12980"),
            "note": "An older travel profile: total area 12,980 sq km.",
            "source": {
                "url": "http://www.chinamaps.info/Shenyang/index.htm",
                "title_en": "Shenyang",
                "publisher_en": "chinamaps.info",
                "kind": "repost",
                "note": "A third-party travel site; undated.",
            },
        },
    },
    {
        "figure": "precipitation",
        "number": 722,
        "note": "721.9 mm annual average as printed; no official page stating it was "
        "found. Needs an official (meteorological or statistical) source.",
        "source": {
            "url": "http://www.chinastyle.cn/travel/historical-cities/shenyang-city.htm",
            "title_en": "Shenyang City",
            "publisher_en": "chinastyle.cn",
            "kind": "repost",
            "note": "A third-party travel site; undated.",
        },
    },
]
