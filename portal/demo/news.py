"""The signing report (Shenyang Daily, 10 December 2021), retold in our own words."""

import datetime

CATEGORIES = [
    {
        "slug": "sister-cities",
        "position": 1,
        "name": {"en": "Sister cities", "zh-hans": "友好城市"},
    },
]

SIGNING_ARTICLE = {
    "slug": "shenyang-and-karachi-become-sister-cities",
    "category": "sister-cities",
    "cities": ["karachi"],
    "featured": True,
    "source_date": datetime.date(2021, 12, 10),
    "status": "published",
    "published_at": datetime.datetime(
        2021, 12, 10, 8, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8))
    ),
    "title": {
        "en": "Shenyang and Karachi, Pakistan, become sister cities",
        "zh-hans": "沈阳与巴基斯坦卡拉奇结为友好城市",
    },
    "standfirst": {
        "en": "Acting Mayor Lyu Zhicheng and Ambassador Moin ul Haque signed the agreement by "
        "video at an online forum on cooperation between China's and Pakistan's friendship "
        "provinces and cities.",
        "zh-hans": "沈阳市代市长吕志成与巴基斯坦驻华大使莫因·哈克在线上举行的"
        "中巴友好省市合作论坛上，以视频方式签署缔结友好城市关系协议。",
    },
    "source": {"en": "Shenyang Daily", "zh-hans": "沈阳日报"},
    "author": {"en": "Han Bing", "zh-hans": "韩冰"},
    "body": {
        "en": (
            "<p>Shenyang and Karachi, the largest city in Pakistan, are now sister cities. On "
            "9 December, Lyu Zhicheng, Deputy Secretary of the CPC Shenyang Municipal Committee "
            "and Acting Mayor of Shenyang, and Moin ul Haque, Ambassador of the Islamic Republic "
            "of Pakistan to China, signed the agreement by video on behalf of the two cities. "
            "The signing was part of the 2021 Forum on Cooperation between China and Pakistan "
            "Friendship Provinces and Cities, which the Chinese People's Association for "
            "Friendship with Foreign Countries and the Embassy of Pakistan in China hosted "
            "online.</p>"
            "<h2>An anniversary year</h2>"
            "<p>2021 marks seventy years of diplomatic relations between China and Pakistan, "
            "and both sides listed the new sister-city tie among their 100 commemorative "
            "activities. Karachi, known as Pakistan's “economic capital”, is an important node "
            "city of the Belt and Road Initiative, and its economy complements Shenyang's "
            "strongly.</p>"
            "<h2>Three years of cooperation</h2>"
            "<p>Since they became friendly cooperative cities in August 2018, the two cities "
            "have worked together often, with results in trade, tourism, education and public "
            "transport. In December 2018 a Shenyang delegation visited Karachi, took part in "
            "the Pakistan Construction Materials and Construction Machinery Exhibition and "
            "advanced a number of trade projects, among them the daily-necessities trade of "
            "Shenyang Wuai Industry Group. Northern Heavy Industries Group Co., Ltd. has "
            "completed the first phase of the terminal conveying system it contracted in "
            "Karachi; the second phase starts early next year. When COVID-19 spread around the "
            "world, the two cities shared what they had learned about fighting the epidemic "
            "and donated supplies, friends in a time of need.</p>"
            "<p>For Shenyang the new relationship is a concrete answer to the national Belt and "
            "Road Initiative and a practical step towards a deeper friendship between China "
            "and Pakistan.</p>"
            "<h2>“A new chapter”</h2>"
            "<p>After the signing, Lyu Zhicheng said the relationship opened a new chapter of "
            "working hand in hand for mutual benefit. It would widen cooperation in many "
            "fields, bring real benefits to the people of both cities and help deepen the "
            "“hardcore” friendship between China and Pakistan.</p>"
            "<p>Moin ul Haque called this year a landmark in relations between the two "
            "countries. He said he believed the agreement would give new impetus to "
            "China–Pakistan friendship in the new era and open a time of comprehensive, "
            "two-way, win-win cooperation for the two cities and even the two peoples.</p>"
            "<p>Municipal leader Li Songlin attended the event at the sub-venue in "
            "Shenyang.</p>"
        ),
        "zh-hans": (
            "<p>沈阳与巴基斯坦第一大城市卡拉奇正式结为友好城市。12月9日，沈阳市委副书记、代市长"
            "吕志成与巴基斯坦伊斯兰共和国驻华大使莫因·哈克分别代表两市，以视频方式签署建立友好城市"
            "关系协议。签约是中国人民对外友好协会与巴基斯坦驻华使馆在线上共同举办的“2021中国—"
            "巴基斯坦友好省市合作论坛”的一项活动。</p>"
            "<h2>建交七十周年之际</h2>"
            "<p>今年是中巴建交70周年，沈阳与卡拉奇缔结友好城市关系被双方列入100项纪念活动。"
            "卡拉奇素有巴基斯坦“经济首都”之称，是“一带一路”沿线的重要节点城市，与沈阳互补性"
            "很强。</p>"
            "<h2>三年合作结硕果</h2>"
            "<p>自2018年8月两市建立友好合作城市关系以来，双方往来频繁，在经贸、旅游、教育、公共"
            "交通等领域取得积极合作成果。2018年12月，沈阳市代表团访问卡拉奇，参加巴基斯坦建材及"
            "工程机械展，推动沈阳五爱实业集团日用品贸易等一批经贸合作项目。北方重工集团有限公司"
            "在卡拉奇承建的码头输送系统项目一期工程已顺利完工，二期工程将于明年初启动。新冠肺炎"
            "疫情在全球暴发后，双方积极分享抗疫经验、互赠防疫物资，患难之中见真情。</p>"
            "<p>沈阳与卡拉奇正式缔结友好城市关系，既是沈阳响应国家“一带一路”倡议的具体行动，也是"
            "深化中巴友好关系的务实举措。</p>"
            "<h2>开启合作新篇章</h2>"
            "<p>签约后，吕志成表示，两市缔结友好城市关系，开启了携手共进、合作共赢的新篇章，"
            "必将进一步拓展双方多领域合作，切实造福两市人民，为深化中巴“硬核”友谊作出积极"
            "贡献。</p>"
            "<p>莫因·哈克表示，今年是中巴关系具有里程碑意义的一年。他相信，友好城市协议的签署"
            "将为新时代中巴友谊注入新动力，为两市乃至两国人民开启全方位、双向互利共赢合作的"
            "新时代。</p>"
            "<p>市领导李松林在沈阳分会场参加活动。</p>"
        ),
    },
}

# A background piece the office is still writing, from the same report's facts: a
# draft, in English only so far, waiting in the Chinese translation queue. Its
# sentences are the signing report's, some as they were (the memory holds their
# Chinese), some reworded, one new, so the queue's counts show every kind of match.
DRAFT_ARTICLE = {
    "slug": "shenyang-and-karachi-three-years-of-cooperation",
    "category": "sister-cities",
    "cities": ["karachi"],
    "featured": False,
    "status": "draft",
    "title": {"en": "Shenyang and Karachi: three years of cooperation", "zh-hans": ""},
    "standfirst": {
        "en": "Karachi, the largest city in Pakistan, has been Shenyang's friendly "
        "cooperative city since August 2018.",
        "zh-hans": "",
    },
    "body": {
        "en": (
            "<p>Since they became friendly cooperative cities in August 2018, the two cities "
            "have worked together often, with results in trade, tourism, education and public "
            "transport. In December 2018 a Shenyang delegation visited Karachi, took part in "
            "the Pakistan Construction Materials and Construction Machinery Exhibition and "
            "advanced a number of trade projects, among them the daily-necessities trade of "
            "Shenyang Wuai Industry Group.</p>"
            "<p>Northern Heavy Industries Group Co., Ltd. has completed the first phase of the "
            "terminal conveying system it contracted in Karachi. When COVID-19 spread around "
            "the world, the two cities shared what they had learned about fighting the "
            "epidemic and donated supplies.</p>"
            "<p>On 9 December 2021 the two cities became sister cities.</p>"
        ),
        "zh-hans": "",
    },
}
