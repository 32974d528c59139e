"""The self-check against the inspection indicators (portal/selfcheck/, `manage.py
selfcheck`, /admin/self-check/): its periods, limits and bounds."""

import json

from portal.settings.env import env_int, env_str

# Days within which each section must have a new or updated item (更新不及时), by
# section: news, cities, guides, reports, about, contact, accessibility. News is
# always checked (two weeks: a veto item of the inspection indicators, 国办秘函〔2019〕
# 19号); a section left out is not. Set as JSON, e.g. '{"guides": 180}'.
SELF_CHECK_UPDATE_DAYS = {
    "news": 14,
    "guides": 180,
    "reports": 400,
    **json.loads(env_str("SELF_CHECK_UPDATE_DAYS", "{}")),
}
# Days a problem report (纠错) may wait for its answer: the usual five working days,
# counted as calendar days (stricter, and no holiday calendar to keep).
SELF_CHECK_REPORT_DAYS = env_int("SELF_CHECK_REPORT_DAYS", 5)
# Bounds that keep the check inside a worker's timeout on a large site.
SELF_CHECK_MAX_PAGES = env_int("SELF_CHECK_MAX_PAGES", 120)
SELF_CHECK_MAX_LINKS = env_int("SELF_CHECK_MAX_LINKS", 400)
# Seconds the in-site link check may take (gunicorn's timeout is 30).
SELF_CHECK_LINK_SECONDS = env_int("SELF_CHECK_LINK_SECONDS", 15)
SELF_CHECK_MAX_EXTERNAL = env_int("SELF_CHECK_MAX_EXTERNAL", 100)
SELF_CHECK_MAX_RECORDS = env_int("SELF_CHECK_MAX_RECORDS", 5000)
