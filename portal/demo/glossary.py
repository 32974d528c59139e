"""The official names in the two seed documents (the signing report and
Karachi's profile): the people, organisations, event, places and titles a
translation must render one way."""

SIGNING = "Shenyang Daily, 2021-12-10"
PROFILE = "Foreign Affairs Office of Shenyang, Karachi profile, 2022-06-16"

TERMS = [
    # People
    ("吕志成", "Lyu Zhicheng", "person", "Acting Mayor of Shenyang at the signing.", SIGNING),
    ("莫因·哈克", "Moin ul Haque", "person", "Ambassador of Pakistan to China.", SIGNING),
    ("李松林", "Li Songlin", "person", "Municipal leader of Shenyang.", SIGNING),
    ("韩冰", "Han Bing", "person", "Reporter of the signing report.", SIGNING),
    ("瓦西姆·阿赫塔尔·汗", "Wassam Akhtar Khan", "person", "Mayor of Karachi in 2018.", PROFILE),
    # Organisations
    (
        "中国人民对外友好协会",
        "Chinese People's Association for Friendship with Foreign Countries",
        "organisation",
        "",
        SIGNING,
    ),
    (
        "辽宁省人民对外友好协会",
        "Liaoning Provincial People's Association for Friendship with Foreign Countries",
        "organisation",
        "",
        PROFILE,
    ),
    (
        "沈阳市人民对外友好协会",
        "Shenyang Municipal Association for Friendship with Foreign Countries",
        "organisation",
        "",
        PROFILE,
    ),
    ("巴基斯坦驻华使馆", "Embassy of Pakistan in China", "organisation", "", SIGNING),
    (
        "沈阳市人民政府外事办公室",
        "Foreign Affairs Office of the People's Government of Shenyang Municipality",
        "organisation",
        "The seed's “Goverment” is a misprint.",
        PROFILE,
    ),
    (
        "沈阳市委",
        "CPC Shenyang Municipal Committee",
        "organisation",
        "In full 中共沈阳市委员会.",
        SIGNING,
    ),
    ("沈阳五爱实业集团", "Shenyang Wuai Industry Group", "organisation", "", SIGNING),
    ("北方重工", "Northern Heavy Industries", "organisation", "", SIGNING),
    ("远大集团", "Yuanda Group", "organisation", "", PROFILE),
    ("沈阳日报", "Shenyang Daily", "organisation", "", SIGNING),
    # The forum and the initiative
    (
        "中巴友好省市合作论坛",
        "China–Pakistan Sister Province and City Cooperation Forum",
        "other",
        "The 2021 online edition is reported as the “Forum on Cooperation between China "
        "and Pakistan Friendship Provinces and Cities”.",
        PROFILE,
    ),
    ("一带一路", "Belt and Road", "other", "“Belt and Road Initiative” in running text.", SIGNING),
    # Places
    ("沈阳", "Shenyang", "place", "", SIGNING),
    ("卡拉奇", "Karachi", "place", "", SIGNING),
    ("辽宁", "Liaoning", "place", "Province of Shenyang.", PROFILE),
    ("信德", "Sindh", "place", "Province of Karachi.", PROFILE),
    ("巴基斯坦", "Pakistan", "place", "", SIGNING),
    ("阿拉伯海", "Arabian Sea", "place", "", PROFILE),
    ("印度河三角洲", "Indus Delta", "place", "", PROFILE),
    # Titles
    ("代市长", "Acting Mayor", "title", "", SIGNING),
    ("驻华大使", "Ambassador to China", "title", "", SIGNING),
    ("市领导", "Municipal leader", "title", "", SIGNING),
]

# Renderings a translation must never use ({Chinese: {language: [forms]}}): the
# pinyin without its ü, as the press often misspells the acting mayor's name.
FORBIDDEN = {"吕志成": {"en": ["Lu Zhicheng", "Lü Zhicheng"]}}
