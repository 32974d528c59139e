"""The application forms of the demo guides (`portal.demo.guides`), by guide slug: each
form's title and its fields (name, label in each language, height of the box in points).
The portal makes the PDF from them (`portal.demo.pdf_forms`)."""

FORMS = {
    "invitation-letters-for-foreign-visitors": {
        "title": {"en": "Application for an invitation letter", "zh-hans": "邀请外国人来华申请表"},
        "fields": [
            ("inviting_unit", {"zh-hans": "邀请单位", "en": "Inviting unit"}, 22),
            ("contact", {"zh-hans": "联系人及电话", "en": "Contact person and telephone"}, 22),
            (
                "name",
                {
                    "zh-hans": "受邀人姓名（与护照一致）",
                    "en": "Visitor's name (as in the passport)",
                },
                22,
            ),
            (
                "nationality",
                {"zh-hans": "国籍、性别、出生日期", "en": "Nationality, sex, date of birth"},
                22,
            ),
            ("passport", {"zh-hans": "护照号码", "en": "Passport number"}, 22),
            ("occupation", {"zh-hans": "职业及工作单位", "en": "Occupation and employer"}, 22),
            ("purpose", {"zh-hans": "来访事由", "en": "Purpose of the visit"}, 44),
            (
                "dates",
                {"zh-hans": "拟入境日期及停留天数", "en": "Planned entry date and length of stay"},
                22,
            ),
            (
                "visa",
                {
                    "zh-hans": "签证种类及申请地点",
                    "en": "Kind of visa and where it will be applied for",
                },
                22,
            ),
            ("costs", {"zh-hans": "在华费用承担方", "en": "Who pays for the stay"}, 22),
        ],
    },
    "passports-for-official-travel": {
        "title": {"en": "Service passport: applicant's details", "zh-hans": "因公护照申请人信息表"},
        "fields": [
            ("name", {"zh-hans": "姓名", "en": "Name"}, 22),
            ("sex_birth", {"zh-hans": "性别及出生日期", "en": "Sex and date of birth"}, 22),
            ("id_number", {"zh-hans": "居民身份证号码", "en": "Resident identity card number"}, 22),
            ("unit", {"zh-hans": "工作单位及职务", "en": "Unit and post"}, 22),
            (
                "approval",
                {"zh-hans": "任务批件文号", "en": "Reference of the mission's approval"},
                22,
            ),
            (
                "destinations",
                {"zh-hans": "前往国家（地区）", "en": "Countries (regions) to be visited"},
                22,
            ),
            ("dates", {"zh-hans": "出访日期", "en": "Dates of travel"}, 22),
            (
                "old_passport",
                {
                    "zh-hans": "原因公护照号码（如有）",
                    "en": "Previous service passport number (if any)",
                },
                22,
            ),
        ],
    },
    "apec-business-travel-card": {
        "title": {"en": "APEC card: applicant's details", "zh-hans": "APEC商务旅行卡申请人信息表"},
        "fields": [
            ("name", {"zh-hans": "申请人姓名", "en": "Applicant's name"}, 22),
            (
                "passport",
                {"zh-hans": "护照号码及有效期", "en": "Passport number and expiry date"},
                22,
            ),
            ("enterprise", {"zh-hans": "企业名称", "en": "Enterprise"}, 22),
            (
                "credit_code",
                {"zh-hans": "统一社会信用代码", "en": "Unified social credit code"},
                22,
            ),
            ("post", {"zh-hans": "职务", "en": "Post"}, 22),
            (
                "handler",
                {"zh-hans": "经办人及联系方式", "en": "Enterprise's handler and contact"},
                22,
            ),
            (
                "business",
                {"zh-hans": "与APEC经济体的业务往来", "en": "Business with APEC economies"},
                66,
            ),
        ],
    },
}

# Printed at the foot of every form: what it is, and what it is not.
FORM_NOTE = {
    "zh-hans": (
        "本表由本站依据公开资料编制（演示内容），便于了解申请所需信息；"
        "正式申请以外事办公室现行表格和系统为准。"
    ),
    "en": (
        "Compiled by this site from public sources (demo content) to show what an application "
        "asks for; apply with the office's current form or system."
    ),
}
