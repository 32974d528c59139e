# English dates are written day first, months in full, as gov.uk writes them:
# "9 December 2021", one style on every page and in the admin.
# `portal.formatting.dates` reads these for dates known to a day or a month.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j F Y, H:i"
