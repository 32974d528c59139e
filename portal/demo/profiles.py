"""Short profiles of the partner cities that the data gives facts but no text.

Written by the portal's editors in their own words from the facts the data's
shown sources state (official, partner, news and organisation pages): country,
relationship and its date, ordinal, population and area. Nothing here quotes
the data's evidence, and nothing rests on a repost alone: where the only source
of a date is a repost (Belfast's) the profile leaves the date out.
"""

PROFILES = {
    "Sapporo": {
        "en": "Sapporo, in Japan, became Shenyang's first sister city on 18 November 1980, "
        "and the tie is the oldest of them all. About 1.8 million people live in the city, "
        "which covers 1,118 km².",
        "zh-hans": "日本札幌市于1980年11月18日与沈阳结为友好城市，是沈阳的第一个友好城市，"
        "两市交往历史最长。札幌人口约180万，面积1118平方公里。",
    },
    "Kawasaki": {
        "en": "Kawasaki, in Japan, has been Shenyang's second sister city since "
        "18 August 1981. About 1.42 million people live on its 144 km².",
        "zh-hans": "日本川崎市自1981年8月18日起与沈阳结为友好城市，是沈阳的第二个友好城市。"
        "川崎人口约142万，面积144平方公里。",
    },
    "Düsseldorf": {
        "en": "Düsseldorf, in Germany, became Shenyang's third sister city on "
        "22 September 1984. The city has about 570,000 people on 217 km².",
        "zh-hans": "德国杜塞尔多夫市于1984年9月22日与沈阳结为友好城市，是沈阳的第三个友好城市。"
        "杜塞尔多夫人口约57万，面积217平方公里。",
    },
    "Turin": {
        "en": "Turin, in Italy, has been Shenyang's fourth sister city since 12 February 1985.",
        "zh-hans": "意大利都灵市自1985年2月12日起与沈阳结为友好城市，是沈阳的第四个友好城市。",
    },
    "Chicago": {
        "en": "Chicago, in the United States, became Shenyang's fifth sister city on "
        "5 September 1985. More than 2.7 million people lived there in 2011.",
        "zh-hans": "美国芝加哥市于1985年9月5日与沈阳结为友好城市，是沈阳的第五个友好城市。"
        "2011年芝加哥人口超过270万。",
    },
    "Irkutsk": {
        "en": "Irkutsk, in Russia, has been Shenyang's sixth sister city since "
        "12 August 1992. About 800,000 people live there.",
        "zh-hans": "俄罗斯伊尔库茨克市自1992年8月12日起与沈阳结为友好城市，"
        "是沈阳的第六个友好城市。伊尔库茨克人口约80万。",
    },
    "Monterrey": {
        "en": "Monterrey, in Mexico, became Shenyang's eighth sister city on 5 October 1993. "
        "It counted 3,788,000 people in 2005, on 6,680 km².",
        "zh-hans": "墨西哥蒙特雷市于1993年10月5日与沈阳结为友好城市，是沈阳的第八个友好城市。"
        "2005年蒙特雷人口为378.8万，面积6680平方公里。",
    },
    "Seongnam": {
        "en": "Seongnam, in South Korea, has been Shenyang's tenth sister city since "
        "31 August 1998.",
        "zh-hans": "韩国城南市自1998年8月31日起与沈阳结为友好城市，是沈阳的第十个友好城市。",
    },
    "Katowice": {
        "en": "Katowice, in Poland, became a sister city of Shenyang in June 2007. It had "
        "321,163 people in 2004, on 164.6 km².",
        "zh-hans": "波兰卡托维茨市于2007年6月与沈阳结为友好城市。2004年卡托维茨人口为321163人，"
        "面积164.6平方公里。",
    },
    "Ufa": {
        "en": "Ufa, in Russia, has been Shenyang's 14th sister city since 21 September 2011. "
        "The city covers 707.9 km².",
        "zh-hans": "俄罗斯乌法市自2011年9月21日起与沈阳结为友好城市，是沈阳的第十四个友好城市。"
        "乌法面积707.9平方公里。",
    },
    "Novosibirsk": {
        "en": "Novosibirsk, in Russia, became Shenyang's 15th sister city on 29 May 2013. "
        "1,525,000 people live on its 502.1 km².",
        "zh-hans": "俄罗斯新西伯利亚市于2013年5月29日与沈阳结为友好城市，"
        "是沈阳的第十五个友好城市。新西伯利亚人口152.5万，面积502.1平方公里。",
    },
    "Daejeon": {
        "en": "Daejeon, in South Korea, became a sister city of Shenyang on 29 July 2013. "
        "About 1.5 million people lived there in 2013, on 540 km².",
        "zh-hans": "韩国大田广域市于2013年7月29日与沈阳结为友好城市。2013年大田人口约150万，"
        "面积540平方公里。",
    },
    "La Plata": {
        "en": "La Plata, in Argentina, became Shenyang's 17th sister city in May 2014. "
        "About 1.1 million people live there.",
        "zh-hans": "阿根廷拉普拉塔市于2014年5月与沈阳结为友好城市，是沈阳的第十七个友好城市。"
        "拉普拉塔人口约110万。",
    },
    "Incheon": {
        "en": "Incheon, in South Korea, has been Shenyang's 18th sister city since "
        "12 June 2014. About 2.9 million people live on its 1,040.82 km².",
        "zh-hans": "韩国仁川广域市自2014年6月12日起与沈阳结为友好城市，"
        "是沈阳的第十八个友好城市。仁川人口约290万，面积1040.82平方公里。",
    },
    "Belfast": {
        "en": "Belfast, in Northern Ireland in the United Kingdom, is a sister city of Shenyang.",
        "zh-hans": "英国北爱尔兰贝尔法斯特市是沈阳的友好城市。",
    },
    "Braga": {
        "en": "Braga, in Portugal, became Shenyang's 21st sister city on 30 September 2020. "
        "180,000 people live on its 183.4 km².",
        "zh-hans": "葡萄牙布拉加市于2020年9月30日与沈阳结为友好城市，是沈阳的第二十一个友好城市。"
        "布拉加人口18万，面积183.4平方公里。",
    },
    "Jinja": {
        "en": "Jinja, in Uganda, became a sister city of Shenyang on 26 October 2020. "
        "About 600,000 people live there.",
        "zh-hans": "乌干达金贾市于2020年10月26日与沈阳结为友好城市。金贾常住人口约60万。",
    },
    "Hamamatsu": {
        "en": "Hamamatsu, in Japan, is a sister city of Shenyang. In August 2024 the Shenyang "
        "Foreign Affairs Office announced events for 2025, the 15th anniversary of the tie.",
        "zh-hans": "日本滨松市是沈阳的友好城市。2024年8月，沈阳市人民政府外事办公室宣布"
        "将于2025年举办活动，纪念两市结好15周年。",
    },
    "Sasebo": {
        "en": "Sasebo, in Japan, has been a friendly cooperative city of Shenyang since "
        "31 May 2011. About 248,000 people live on some 426 km².",
        "zh-hans": "日本佐世保市自2011年5月31日起与沈阳建立友好合作城市关系。"
        "佐世保人口约24.8万，面积约426平方公里。",
    },
    "Rabat": {
        "en": "Rabat, in Morocco, is a friendly cooperative city of Shenyang.",
        "zh-hans": "摩洛哥拉巴特市是沈阳的友好合作城市。",
    },
    "Daegu": {
        "en": "Daegu, in South Korea, has had friendly cooperative ties with Shenyang "
        "since 9 December 2003.",
        "zh-hans": "韩国大邱广域市自2003年12月9日起与沈阳建立友好合作关系。",
    },
}
