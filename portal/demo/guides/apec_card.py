"""The demo guide to the APEC Business Travel Card (see `portal.demo.guides`)."""

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
