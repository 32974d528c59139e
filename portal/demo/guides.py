"""The demo's service guides: three services the office names among its published
responsibilities (the About page's first source), in our own words from official pages
read on 7 December 2026, each guide's sources listed above it. No Shenyang checklist, fee,
counter, hours or telephone number was found in a public source, so those fields stay
empty. Their forms: `portal.demo.guide_forms`.
"""

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

# Sources: Shanxi Provincial Foreign Affairs Office, "APEC商务旅行卡",
# https://wsb.shanxi.gov.cn/wsfw/apecswlxk/ (what the card is; 16 economies; the US and
# Canada as transitional members; not for travel between the mainland, Hong Kong and
# Taiwan); Foshan Foreign Affairs Bureau, "申办APEC商务旅行卡常见问题" (31 August 2022),
# http://foshan.gov.cn/gzjg/fsfao/bs/apec/zn/content/post_5380300.html (only the
# foreign-affairs office where the enterprise is registered takes applications; business
# travel only; the card goes with the passport it was issued for); Xi'an Municipal
# Foreign Affairs Office, "APEC商务旅行卡申请管理新系统操作提示（企业用户）",
# http://wqb.xa.gov.cn/ygsp/apecswhk/1676077839629680641.html (applications through the
# China Consular Service system, signed in with the enterprise's electronic business
# licence); who may apply and the three levels of review: the Ministry of Foreign
# Affairs' text, as the Chengdu Foreign and Overseas Chinese Affairs Office read it on
# Chengdu Radio (https://www.cditv.cn/cdradio/show/6465-1713597.html, 5 May 2016).
# The fee is not given: the ministry's charge is published, but a local office may add
# its own, and no Shenyang figure was found.
APEC = {
    "slug": "apec-business-travel-card",
    "title": {"en": "APEC Business Travel Card", "zh-hans": "APEC商务旅行卡"},
    "summary": {
        "en": (
            "The APEC Business Travel Card works like a five-year multiple-entry visa for "
            "business trips: with the card and the passport it was issued for, the holder "
            "can travel to the scheme's 16 full member economies without applying for a visa "
            "each time, and use the card lanes at their airports. The United States and "
            "Canada, transitional members, give card holders faster visa appointments and "
            "clearance. The card does not apply between the mainland, Hong Kong and Taiwan."
        ),
        "zh-hans": (
            "APEC商务旅行卡相当于五年多次有效的商务签证：持卡人凭卡和办卡时所用护照，"
            "可多次前往旅行卡计划的16个正式成员经济体，无须逐次办理签证，并可使用口岸的旅行卡专用通道。"
            "美国、加拿大为过渡成员，为持卡人提供签证和通关便利。内地与香港、台湾之间不适用旅行卡。"
        ),
    },
    "eligibility": {
        "en": (
            "Chinese citizens holding a valid passport of the People's Republic of China who "
            "travel often to APEC economies for their work: staff of state-owned and private "
            "enterprises, the Chinese (mainland) staff of joint ventures and foreign-, Hong "
            "Kong-, Macao- or Taiwan-owned enterprises, and officials working on APEC affairs. "
            "Applicants must have no criminal record and no visa refusal by a scheme economy. "
            "Applications go through the foreign-affairs office of the place where the "
            "enterprise is registered; agents and travel agencies cannot apply on anyone's "
            "behalf."
        ),
        "zh-hans": (
            "持有效中华人民共和国护照、因工作需要经常前往APEC经济体的中国公民，包括国有企业和民营企业人员，"
            "中外合资、外商独资和港澳台资企业中的中方（内地）人员，以及从事APEC事务的政府官员。"
            "申请人须无刑事犯罪记录，且未被实施旅行卡计划的经济体拒签。申请由企业注册地的外事部门受理，"
            "中介和旅行社不能代为申请。"
        ),
    },
    "materials": {
        "en": "\n".join(
            [
                "The applicant's valid passport of the People's Republic of China (the card "
                "is used with this passport)",
                "The enterprise's electronic business licence, to register and sign in to the "
                "application system",
                "The materials the system asks for, uploaded with the application",
            ]
        ),
        "zh-hans": "\n".join(
            [
                "申请人有效的中华人民共和国护照（旅行卡须与该护照一并使用）",
                "企业电子营业执照，用于注册和登录申请系统",
                "申请系统列明的其他材料，随申请一并上传",
            ]
        ),
    },
    "steps": {
        "en": "\n".join(
            [
                "The enterprise registers in the APEC card system of the China Consular Service "
                "website with its electronic business licence, and names the staff who will "
                "handle applications.",
                "The enterprise checks the applicant and submits the application in the "
                "system: this is the first of three reviews.",
                "The office reviews the application (the second review) and sends it on.",
                "The Ministry of Foreign Affairs makes the final review and asks the other "
                "economies to approve; the system emails the enterprise as the application "
                "moves on.",
                "The card lists on its back the economies that approved it.",
            ]
        ),
        "zh-hans": "\n".join(
            [
                "企业使用电子营业执照在中国领事服务网的APEC商务旅行卡系统注册，并指定经办人。",
                "企业对申请人进行初审，并在系统中提交申请。",
                "本机构进行复审后报送。",
                "外交部领事司终审，并提交其他经济体审批；申请状态变化时，系统以邮件通知企业。",
                "旅行卡背面列明已批准的经济体。",
            ]
        ),
    },
    "legal_basis": {
        "en": "The APEC Business Travel Card Operating Framework, which China joined in 2002",
        "zh-hans": "《APEC商务旅行卡操作框架》（我国于2002年正式加入旅行卡计划）",
    },
}

# In this order on the guides page; all published.
GUIDES = (INVITATION, PASSPORT, APEC)
