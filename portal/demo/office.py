"""The office's own pages in the demo: what public sources state about the office,
in our own words, with the sources named on the page.

Nothing here is invented: no address, telephone or opening hours (the contact
page shows what the office record holds, and the demo record holds none), no
leadership (names change; the office adds them). The service guides are in
`portal.demo.guides`.
"""

RESPONSIBILITIES_SOURCE = (
    "http://wb.shenyang.gov.cn/English/aboutshenyangfao/responsibilities/202207/"
    "t20220714_3413034.html"
)
SISTER_CITY_SOURCE = (
    "https://www.shenyang.gov.cn/english/aboutshenyang/sistercities/202201/t20220122_2581607.html"
)
NAME_SOURCE = "http://wb.shenyang.gov.cn/English/picnews/202408/t20240830_4724568.html"

ABOUT = {
    "status": "published",
    "title": {"en": "About the office", "zh-hans": "机构概况"},
    "summary": {
        "en": (
            "The Foreign Affairs Office of the People's Government of Shenyang Municipality, "
            "which is also the Office of the Foreign Affairs Committee of the CPC Shenyang "
            "Municipal Committee, runs the city's work on foreign affairs, overseas Chinese "
            "affairs and Hong Kong and Macao affairs."
        ),
        "zh-hans": (
            "沈阳市人民政府外事办公室（中共沈阳市委外事工作委员会办公室）负责沈阳市的外事、"
            "侨务和港澳事务工作。"
        ),
    },
    "responsibilities": {
        "en": "\n".join(
            [
                "Putting national and provincial policy, law and decisions on foreign, overseas "
                "Chinese, and Hong Kong and Macao affairs into practice; drawing up the city's "
                "own rules and plans for them, and checking that departments and districts "
                "follow them.",
                "Planning and coordinating this work across the city, so that exchanges abroad "
                "serve Shenyang's economic and social development.",
                "Running the city's exchanges with its sister and friendly cities, handling the "
                "approval of new friendship-city relations, and guiding people-to-people "
                "exchanges with other countries.",
                "Handling official visits abroad; approving invitations to foreign nationals "
                "to visit Shenyang; issuing passports and permits for official travel, "
                "including to Hong Kong and Macao.",
            ]
        ),
        "zh-hans": "\n".join(
            [
                "贯彻落实国家和省关于外事、侨务和港澳事务的方针政策、法律法规和决定，制定本市相关规章"
                "和规划，并督促各部门、各地区落实。",
                "统筹协调全市外事、侨务和港澳工作，通过对外交往服务沈阳经济社会发展。",
                "负责本市与国外友好城市的交流，办理建立和发展友好城市关系的审批工作，指导民间对外交往。",
                "办理因公出国（境）事宜，审批邀请外国人来沈事项，办理因公护照和往来港澳通行证等证件。",
            ]
        ),
    },
    "short_history": {
        "en": (
            "Shenyang's first sister-city relationship dates from 18 November 1980, with "
            "Sapporo in Japan."
        ),
        "zh-hans": "1980年11月18日，沈阳与日本札幌市结为友好城市，这是沈阳的第一对友好城市。",
    },
    "sources": {
        "en": "\n".join(
            [
                "Responsibilities: the office's English website, \"Responsibilities of Shenyang "
                f'Foreign Affairs Office" (27 August 2024), {RESPONSIBILITIES_SOURCE}',
                "The office's two names: the office's English website, news of 30 August 2024, "
                f"{NAME_SOURCE}",
                "The first sister city: People's Government of Shenyang Municipality, English "
                f'website, "Sister cities" (11 February 2020), {SISTER_CITY_SOURCE}',
                "Summarised in our own words.",
            ]
        ),
        "zh-hans": "\n".join(
            [
                "主要职责：沈阳市人民政府外事办公室英文网站《Responsibilities of Shenyang Foreign "
                f"Affairs Office》（2024年8月27日）： {RESPONSIBILITIES_SOURCE}",
                f"机构名称：沈阳市人民政府外事办公室英文网站2024年8月30日新闻： {NAME_SOURCE}",
                "第一对友好城市：沈阳市人民政府英文网站“友好城市”页面（2020年2月11日）： "
                + SISTER_CITY_SOURCE,
                "以上内容由本站概括改写。",
            ]
        ),
    },
}

ACCESSIBILITY = {
    "status": "published",
    "title": {"en": "Accessibility statement", "zh-hans": "无障碍声明"},
    "summary": {
        "en": "This site is built to be read by everyone, with or without assistive technology.",
        "zh-hans": "本网站力求让每一位访问者都能使用，无论是否借助辅助技术。",
    },
    "body": {
        "en": (
            "<p>Every page can be used with the keyboard alone, and a skip link leads past the "
            "menus to the content. Pages have one main heading, landmarks and a visible focus; "
            "pictures have text alternatives; colours meet WCAG AA contrast, and the care mode "
            "(the link in the header) gives larger text, stronger contrast and larger targets. "
            "The site works without JavaScript.</p>"
            "<p>Each page is available in Chinese and English; the language switch keeps you on "
            "the same page. If something on the site does not work for you, please tell the "
            "office through the contact page.</p>"
        ),
        "zh-hans": (
            "<p>本网站所有页面均可仅用键盘操作，“跳到正文”链接可越过菜单直达内容。每个页面有一个主标题、"
            "页面地标和清晰的焦点提示；图片均有替代文字；文字颜色对比度符合WCAG AA标准；页眉中的"
            "“关怀版”提供更大的字号、更强的对比度和更大的点击区域。不启用JavaScript也能正常使用本网站。</p>"
            "<p>每个页面都有中文和英文版本，切换语言时停留在同一页面。如在使用中遇到困难，请通过"
            "“联系我们”页面告诉我们。</p>"
        ),
    },
}
