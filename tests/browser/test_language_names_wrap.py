"""The language named "中文" never breaks between its two characters on a phone.

Chinese may break between any two characters, so a narrow cell or button that
holds "中文" (the English admin's badges, tabs and language switch) would show
中 above 文 at 390 px unless told not to.
"""

import pytest

from cities.models import City
from tests.browser.conftest import WIDTHS
from tests.browser.test_editorial_story import people, signed_in  # noqa: F401 (a fixture)

# Every "中文" on the page whose two characters sit on different lines.
BROKEN = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let at = node.data.indexOf("中文"); at >= 0; at = node.data.indexOf("中文", at + 2)) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 2);
      const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (tops.size > 1) broken.push(node.parentElement.outerHTML.slice(0, 160));
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("role", ["Translators", "Publishers"])
def test_chinese_stays_on_one_line_at_phone_width(browser, people, role):  # noqa: F811
    site = people
    page = signed_in(browser, site, role)
    page.set_viewport_size({"width": WIDTHS["phone"], "height": 900})
    karachi = City.objects.get(slug="karachi")
    other = "en" if karachi.original_language == "zh-hans" else "zh-hans"
    pages = [
        "/admin/",
        "/admin/cities/city/",
        "/admin/news/article/",
        f"/admin/cities/city/{karachi.pk}/change/",
        "/admin/translations/?language=en",
        "/admin/translations/?language=zh-hans",
        "/admin/translations/matrix/",
        f"/admin/translate/cities.city/{karachi.pk}/{other}/",
    ]
    broken = {}
    for path in pages:
        assert page.goto(site + path).status == 200, path
        found = page.evaluate(BROKEN)
        if found:
            broken[path] = found
    assert broken == {}
