"""The demo guide to passports for official travel abroad (see `portal.demo.guides`)."""

# Sources: the office's responsibilities; the Passport Law of the People's
# Republic of China (29 April 2006), arts. 3 and 4 (service passports are issued by the
# Ministry of Foreign Affairs and by the foreign-affairs departments of provincial and
# districted-city governments it entrusts), npc.gov.cn; how to apply, the materials and
# the five working days: the China Consular Service website's notice, as relayed by the
# Ministry of Transport, https://zizhan.mot.gov.cn/sj2019/guojihzs/tongzhigg_gjs/
# waishigl_tzgg/201808/t20180824_3063620.html (24 August 2018).
PASSPORT = {
    "slug": "passports-for-official-travel",
    "title": {"en": "Passports for official travel abroad", "zh-hans": "因公出国（境）护照办理"},
    "summary": {
        "en": (
            "Staff of government bodies, public institutions and state-owned enterprises who "
            "travel abroad on an approved official mission carry a service passport (公务护照 or "
            "公务普通护照), not an ordinary one. The office issues these passports for "
            "Shenyang, as one of its published responsibilities."
        ),
        "zh-hans": (
            "机关、事业单位和国有企业人员经批准因公出国（境）执行任务，持用公务护照或公务普通护照，"
            "而非因私普通护照。为沈阳市办理因公护照是本机构公布的职责之一。"
        ),
    },
    "eligibility": {
        "en": (
            "People sent abroad on a mission that has been approved (the mission's approval "
            "document comes first). The application is made by the traveller's own unit, not "
            "by the traveller in person."
        ),
        "zh-hans": (
            "出国（境）任务已获批准的人员（先有任务批件，后办护照）。"
            "由出国人员所在单位申请，而非个人自行申请。"
        ),
    },
    "materials": {
        "en": "\n".join(
            [
                "The original approval of the mission abroad (or to Hong Kong and Macao)",
                "The delegation's information form",
                "The service passport application form",
                "When the traveller joins a delegation organised by another unit: a copy of "
                "the mission notice and the original confirmation, instead of the approval",
                "A passport that is still valid but can no longer be used (too little validity "
                "left, or damaged), to be cancelled",
            ]
        ),
        "zh-hans": "\n".join(
            [
                "出国（境）及赴港澳任务批件原件",
                "因公团组信息表",
                "因公护照申请表",
                "参加其他单位组织的出访团组的，以出国任务通知书复印件和出国任务确认件原件代替任务批件",
                "仍在有效期内但因有效期不足或破损等原因不能继续使用的护照，交回注销",
            ]
        ),
    },
    "steps": {
        "en": "\n".join(
            [
                "The unit obtains approval for the mission.",
                "Check how long a passport must still be valid for the countries to be visited: "
                "with less than six months left, a new one is usually needed.",
                "The unit submits the materials to the office.",
                "The office issues the passport once the materials are complete and the "
                "conditions are met.",
                "Within seven days of coming back, hand the passport in to the unit, which keeps "
                "it.",
            ]
        ),
        "zh-hans": "\n".join(
            [
                "所在单位办妥出国（境）任务审批。",
                "了解前往国家对护照有效期的要求：剩余有效期不足六个月的，通常须申请新护照。",
                "所在单位向本机构提交申请材料。",
                "材料齐全、符合条件的，本机构颁发护照。",
                "回国后七日内将护照交回所在单位集中保管。",
            ]
        ),
    },
    "processing_time": {
        "en": "Within 5 working days once the materials are complete (the national rule)",
        "zh-hans": "材料齐全、符合条件的，5个工作日内颁发（全国统一规定）",
    },
    "legal_basis": {
        "en": "Passport Law of the People's Republic of China, articles 3 and 4",
        "zh-hans": "《中华人民共和国护照法》第三条、第四条",
    },
}
