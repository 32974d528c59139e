"""The demo guide to invitation letters for foreign visitors (see `portal.demo.guides`)."""

# Sources: the office's responsibilities; the Law on Exit and Entry
# Administration, art. 19 (the inviter answers for the invitation's truth); the
# Regulations on the Administration of the Exit and Entry of Foreigners (State Council
# Order No. 637, 12 July 2013, in force 1 September 2013); what a foreign-affairs office
# asks an inviting unit for: Xi'an Municipal Foreign Affairs Office, "邀请外国人来华短期访问
# 注意事项", http://wqb.xa.gov.cn/ygsp/yqwgrlh/1846825159015567361.html, and Changzhou
# Municipal Foreign Affairs Office, "邀请函" service guide,
# https://wsb.changzhou.gov.cn/html/wsb/2018/MDINJFOL_0518/3008.html (registration first,
# departure recorded within 30 days of the visit).
INVITATION = {
    "slug": "invitation-letters-for-foreign-visitors",
    "title": {"en": "Invitation letters for foreign visitors", "zh-hans": "邀请外国人来华邀请函"},
    "summary": {
        "en": (
            "A unit in Shenyang that invites foreign nationals for a short visit (business, "
            "exchanges, talks) can ask the office for an invitation letter, which the visitors "
            "then show when they apply for a Chinese visa. Approving these invitations is one "
            "of the office's published responsibilities."
        ),
        "zh-hans": (
            "沈阳市的单位邀请外国人来沈阳开展商务、交流、会谈等短期访问，可向本机构申请邀请函，"
            "受邀人凭此向中国驻外使领馆申请签证。审批邀请外国人来沈事项是本机构公布的职责之一。"
        ),
    },
    "eligibility": {
        "en": (
            "Units registered in Shenyang (government bodies, institutions and enterprises) "
            "that have real business with the people they invite. Before applying, ask the "
            "Chinese embassy or consulate where the visitors will apply whether it needs an "
            "invitation letter for this visit. The inviting unit answers for the truth of "
            "what the invitation says."
        ),
        "zh-hans": (
            "在沈阳依法登记、与受邀人确有业务往来的机关、事业单位和企业。申请前，请先向受邀人"
            "办理签证的中国驻外使领馆确认此次来访是否需要邀请函。邀请单位对邀请内容的真实性负责。"
        ),
    },
    "materials": {
        "en": "\n".join(
            [
                "A letter from the inviting unit giving each visitor's name, nationality, sex, "
                "date of birth, passport number and occupation, the purpose of the visit, the "
                "planned date of entry and length of stay, the kind of visa and where it will "
                "be applied for, and who pays for the stay",
                "A short account of the inviting unit, its dealings with the visitors and what "
                "the visit is for",
                "The visitors' programme, day by day, with the unit's seal",
                "A copy of each visitor's passport, and of earlier Chinese visas if any",
                "The application form below, filled in",
            ]
        ),
        "zh-hans": "\n".join(
            [
                "邀请单位的申请公函，写明每位受邀人的姓名、国籍、性别、出生日期、护照号码和职业，"
                "来访事由、拟入境日期和停留期限、拟申请的签证种类和申请地点，以及在华费用由谁承担",
                "邀请情况说明：邀请单位的基本情况、与受邀人的往来以及此次来访的任务",
                "受邀人在华日程（逐日列出），加盖邀请单位公章",
                "每位受邀人的护照复印件；曾来华的，附以往中国签证页复印件",
                "填写完整的申请表（见下方表格下载）",
            ]
        ),
    },
    "steps": {
        "en": "\n".join(
            [
                "Ask the Chinese embassy or consulate whether the visit needs an invitation "
                "letter.",
                "The inviting unit prepares the materials and submits them to the office.",
                "The office checks the application; it may ask for more information or for "
                "corrections.",
                "Once approved, the unit receives the invitation letter and sends it to the "
                "visitors, who apply for their visas with it.",
                "After the visit, tell the office that the visitors have left China, or that "
                "the visit was cancelled.",
            ]
        ),
        "zh-hans": "\n".join(
            [
                "向中国驻外使领馆确认此次来访是否需要邀请函。",
                "邀请单位准备材料，向本机构提交申请。",
                "本机构审核申请，必要时要求补充或更正材料。",
                "审核通过后，邀请单位领取邀请函并转交受邀人，受邀人凭函申请签证。",
                "来访结束后，向本机构报告受邀人已离境；行程取消的，也须告知。",
            ]
        ),
    },
    "legal_basis": {
        "en": "\n".join(
            [
                "Law of the People's Republic of China on Exit and Entry Administration, "
                "article 19",
                "Regulations of the People's Republic of China on the Administration of the "
                "Exit and Entry of Foreigners (State Council Order No. 637)",
            ]
        ),
        "zh-hans": "\n".join(
            [
                "《中华人民共和国出境入境管理法》第十九条",
                "《中华人民共和国外国人入境出境管理条例》（国务院令第637号）",
            ]
        ),
    },
}
