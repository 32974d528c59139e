"""Countries, the home city Shenyang and the partner city Karachi.

Karachi's facts come from "Walking into Karachi" (Foreign Affairs Office of
the People's Government of Shenyang Municipality, 2022-06-16). Shenyang's come
only from reliable public sources (population: 2020 census); what we could not
source is left blank rather than guessed.
"""

import datetime
from decimal import Decimal

PUBLISHED_AT = datetime.datetime(
    2022, 6, 16, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8))
)

COUNTRIES = [
    {"iso_code": "CN", "continent": "asia", "name": {"en": "China", "zh-hans": "中国"}},
    {"iso_code": "PK", "continent": "asia", "name": {"en": "Pakistan", "zh-hans": "巴基斯坦"}},
]

SHENYANG = {
    "slug": "shenyang",
    "country": "CN",
    "is_home": True,
    "population": 9070093,
    "population_year": 2020,
    "latitude": Decimal("41.80570"),
    "longitude": Decimal("123.43150"),
    "status": "published",
    "published_at": PUBLISHED_AT,
    "name": {"en": "Shenyang", "zh-hans": "沈阳"},
    "province": {"en": "Liaoning", "zh-hans": "辽宁省"},
    "summary": {
        "en": "The capital of Liaoning Province in north-east China.",
        "zh-hans": "辽宁省省会，位于中国东北地区。",
    },
    "basic_info": {
        "en": "<p>Shenyang is the capital of Liaoning Province. China's 2020 census counted "
        "9,070,093 permanent residents.</p>",
        "zh-hans": "<p>沈阳是辽宁省省会。2020年第七次全国人口普查显示，"
        "沈阳市常住人口为9070093人。</p>",
    },
}

KARACHI = {
    "slug": "karachi",
    "country": "PK",
    "relationship": "sister",
    "friendly_since": datetime.date(2018, 8, 1),
    "friendly_since_precision": "month",
    "sister_since": datetime.date(2021, 12, 9),
    "sister_since_precision": "day",
    "ordinal": 22,
    "population": 20_000_000,
    "population_is_approximate": True,
    "area_km2": Decimal("3527"),
    "latitude": Decimal("24.86070"),
    "longitude": Decimal("67.00110"),
    "winter_low_c": Decimal("13"),
    "summer_high_c": Decimal("34"),
    "precipitation_mm": 200,
    "status": "published",
    "published_at": PUBLISHED_AT,
    "name": {"en": "Karachi", "zh-hans": "卡拉奇"},
    "province": {"en": "Sindh", "zh-hans": "信德省"},
    "summary": {
        "en": "Pakistan's largest city and its “economic capital”. Working around the pandemic "
        "through “cloud foreign affairs”, Shenyang and Karachi became sister cities on "
        "9 December 2021, making Karachi Shenyang's 22nd sister city.",
        "zh-hans": "卡拉奇是巴基斯坦第一大城市，素有“经济首都”之称。沈阳克服疫情在全球蔓延带来的"
        "不利影响，创新“云外事”交流模式，于2021年12月9日与卡拉奇缔结友好城市关系，"
        "卡拉奇由此成为沈阳第22个友好城市。",
    },
    "basic_info": {
        "en": "<p>Karachi is the capital of Sindh Province and the largest city in Pakistan. "
        "About 20 million people live on its 3,527 square kilometres.</p>",
        "zh-hans": "<p>卡拉奇是巴基斯坦信德省首府，人口约2000万，面积3527平方公里，"
        "是巴基斯坦第一大城市。</p>",
    },
    "geography": {
        "en": "<p>Karachi lies on the southern coast of Pakistan, north-west of the Indus Delta, "
        "with the Arabian Sea to its south. The city stands on the plain between the Lyari "
        "(Lehri) and Malir rivers.</p>",
        "zh-hans": "<p>卡拉奇位于巴基斯坦南部沿海，地处印度河三角洲西北，南临阿拉伯海，"
        "坐落在利亚里河与马利尔河之间的平原上。</p>",
    },
    "climate": {
        "en": "<p>Karachi has a subtropical desert climate: hot, with little rain for most of the "
        "year. In winter (January and February) the average minimum temperature is 13 °C; in "
        "summer (May and June) the average maximum is 34 °C. Rain is scarce, averaging only "
        "200 mm a year.</p>",
        "zh-hans": "<p>卡拉奇属亚热带沙漠气候，一年中大部分时间炎热少雨。冬季（1月至2月）"
        "平均最低气温13摄氏度，夏季（5月至6月）平均最高气温34摄氏度。降水稀少，"
        "年平均降水量仅200毫米。</p>",
    },
    "pillar_industries": {
        "en": "<p>Industry and trade are the two pillars of Karachi's economy.</p><ul>"
        "<li><p><strong>Industry:</strong> textiles, shoes and boots, metal products, machinery "
        "(automobile assembly, aircraft repair), electronics, chemicals, food, rubber products "
        "and petroleum products.</p></li>"
        "<li><p><strong>Handicrafts:</strong> handwoven cloth, lace, tapestry, pottery, bronze "
        "ware, and gold and silver embroidery.</p></li>"
        "<li><p><strong>Finance:</strong> many banks, insurance companies and stock "
        "exchanges.</p></li></ul>",
        "zh-hans": "<p>工业和贸易是卡拉奇经济的两大支柱。</p><ul>"
        "<li><p><strong>工业：</strong>纺织、鞋靴、金属制品、机械（汽车组装、飞机维修）、"
        "电子、化工、食品、橡胶制品和石油制品等。</p></li>"
        "<li><p><strong>手工艺品：</strong>手织布、花边、挂毯、陶器、青铜器以及金银刺绣等。</p></li>"
        "<li><p><strong>金融：</strong>银行、保险公司、证券交易所等金融机构众多。</p></li></ul>",
    },
}

# Karachi's friendly exchanges, each with the precision the seed gives it.
KARACHI_EXCHANGES = [
    {
        "date": datetime.date(2018, 8, 1),
        "precision": "month",
        "kind": "visit",
        "title": {
            "en": "Mayor of Karachi visits Shenyang; letter of intent signed",
            "zh-hans": "卡拉奇市长率团访问沈阳，两市签署意向书",
        },
        "description": {
            "en": "Wassam Akhtar Khan, Mayor of Karachi, led a delegation to Shenyang. The two "
            "mayors signed the Letter of Intent to Establish Sister City Relations between "
            "Shenyang, People's Republic of China, and Karachi, Islamic Republic of Pakistan.",
            "zh-hans": "巴基斯坦卡拉奇市市长瓦西姆·阿赫塔尔·汗率代表团访问沈阳。访问期间，两市市长"
            "共同签署《中华人民共和国沈阳市与巴基斯坦伊斯兰共和国卡拉奇市建立友好城市关系意向书》。",
        },
    },
    {
        "date": datetime.date(2018, 12, 1),
        "precision": "month",
        "kind": "exhibition",
        "title": {
            "en": "Shenyang delegation in Karachi: photo exhibition and trade fair",
            "zh-hans": "沈阳代表团访问卡拉奇，举办图片展并参加建材展",
        },
        "description": {
            "en": "A Shenyang delegation visited Karachi and held the “Belt and Road” Friendship "
            "and Cooperation – 2018 China Shenyang Photo Exhibition. It took part in the "
            "“Building Asia” 2018 Pakistan Construction Materials and Construction Machinery "
            "Exhibition and promoted trade projects of the Shenyang Municipal Transportation "
            "Bureau, Shenyang Wuai Industry Group and Yuanda Group.",
            "zh-hans": "沈阳市代表团访问卡拉奇，举办“一带一路”友谊与合作——2018中国沈阳图片展，"
            "参加“建设亚洲”2018巴基斯坦建材及工程机械展，推介沈阳市交通运输局、"
            "沈阳五爱实业集团和远大集团的多个经贸项目。",
        },
    },
    {
        "date": datetime.date(2019, 3, 28),
        "precision": "day",
        "kind": "forum",
        "title": {
            "en": "Shenyang at the China–Pakistan Sister Province and City Cooperation Forum",
            "zh-hans": "沈阳参加中巴友好省市合作论坛",
        },
        "description": {
            "en": "To carry out the consensus of the leaders of China and Pakistan and further "
            "exchange between their local governments, a working group of the Shenyang Municipal "
            "Association for Friendship with Foreign Countries, invited by the Chinese People's "
            "Association for Friendship with Foreign Countries and the Liaoning Provincial "
            "People's Association for Friendship with Foreign Countries, took part in the "
            "forum the national association held in Beijing.",
            "zh-hans": "为落实中巴两国领导人达成的共识，进一步推动中巴地方政府间交流与合作，"
            "沈阳市人民对外友好协会工作组应中国人民对外友好协会和辽宁省人民对外友好协会邀请，"
            "参加中国人民对外友好协会在北京举办的中巴友好省市合作论坛。",
        },
    },
    {
        "date": datetime.date(2020, 4, 1),
        "precision": "month",
        "kind": "donation",
        "title": {
            "en": "Shenyang donates 20,000 medical masks to Karachi",
            "zh-hans": "沈阳向卡拉奇捐赠2万只医用口罩",
        },
        "description": {
            "en": "Shenyang donated 20,000 medical face masks to Karachi during the COVID-19 "
            "pandemic.",
            "zh-hans": "新冠肺炎疫情期间，沈阳市向卡拉奇市捐赠2万只医用口罩。",
        },
    },
    {
        "date": datetime.date(2021, 12, 9),
        "precision": "day",
        "kind": "agreement",
        "article": "shenyang-and-karachi-become-sister-cities",
        "title": {
            "en": "Sister-city agreement signed",
            "zh-hans": "两市签署缔结友好城市关系协议",
        },
        "description": {
            "en": "At an online forum on China–Pakistan cooperation between friendship provinces "
            "and cities, the two cities signed by video the agreement that made Karachi "
            "Shenyang's 22nd sister city.",
            "zh-hans": "在线上举行的中巴友好省市合作论坛上，两市以视频方式签署建立友好城市关系"
            "协议，卡拉奇成为沈阳第22个友好城市。",
        },
    },
]

# The publisher, as the profile's source line names it. Its address and
# contacts are left for the office to fill in.
# No address or telephone: on 7 December 2026 the office's official site (wb.shenyang.gov.cn)
# was searched for its contact page ("沈阳市人民政府外事办公室 联系我们", "沈阳市外事办公室 地址
# 电话") and no page giving them was found among the sources available, only third-party
# reposts. They stay empty, and the self-check lists them as missing.
OFFICE = {
    "name": {
        "en": "Foreign Affairs Office of the People's Government of Shenyang Municipality",
        "zh-hans": "沈阳市人民政府外事办公室",
    },
    # The office's one English name is its full one: English has no short form of it
    # (the header shows a short name only in a language that has its own).
    "short_name": {"en": "", "zh-hans": "沈阳市外事办公室"},
    # As its name says: an office of the city's people's government.
    "parent_organisation": {
        "en": "People's Government of Shenyang Municipality",
        "zh-hans": "沈阳市人民政府",
    },
    # The office runs its own site (the About page names the sources for its name).
    "organiser": {
        "en": "Foreign Affairs Office of the People's Government of Shenyang Municipality",
        "zh-hans": "沈阳市人民政府外事办公室",
    },
}
