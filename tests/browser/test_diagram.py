"""The directory's diagram as Chromium draws it, in both languages and both modes:
every target at least 44 px at a 390 px phone, no two targets overlapping, and
no label over another label or another city's dot."""

import itertools

import pytest
from playwright.sync_api import expect

from portal.demo.loader import load_demo
from tests.browser.conftest import SCREENSHOTS

TARGETS = "() => [...document.querySelectorAll('.diagram a')].map(a => {\
  const r = a.querySelector('.hit').getBoundingClientRect();\
  const d = a.querySelector('.dot').getBoundingClientRect();\
  const t = a.querySelector('text:not(.count)');\
  const l = t ? t.getBoundingClientRect() : null;\
  return {name: a.getAttribute('aria-label'), hit: [r.x, r.y, r.width, r.height],\
          dot: [d.x, d.y, d.width, d.height], label: l && [l.x, l.y, l.width, l.height]};})"
OTHER_TEXT = "() => [...document.querySelectorAll('.diagram .grid text, .diagram .home text')]\
  .map(t => { const r = t.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })"


@pytest.fixture
def site(live_server, transactional_db):
    load_demo()
    return live_server.url


def overlap(a, b):
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


@pytest.mark.parametrize("care", [False, True])
@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_targets_and_labels_at_a_phone_and_a_desk(page, site, lang, care):
    if care:
        page.goto(f"{site}/care/on/?next=/{lang}/cities/")
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{site}/{lang}/cities/")
        markers = page.evaluate(TARGETS)
        others = page.evaluate(OTHER_TEXT)
        assert len(markers) >= 5 and all(marker["name"] for marker in markers)
        for marker in markers:
            assert min(marker["hit"][2:]) >= 44 - 0.5, (width, marker)
        for a, b in itertools.permutations(markers, 2):
            (ax, ay, aw, _ah), (bx, by, bw, _bh) = a["hit"], b["hit"]
            apart = ((ax + aw / 2 - bx - bw / 2) ** 2 + (ay + aw / 2 - by - bw / 2) ** 2) ** 0.5
            assert apart >= (aw + bw) / 2 - 0.5, ("targets overlap", a["name"], b["name"])
            if a["label"]:
                assert not overlap(a["label"], b["dot"]), ("label over a dot", a, b)
                assert not (b["label"] and overlap(a["label"], b["label"])), ("labels", a, b)
        labels = [marker["label"] for marker in markers if marker["label"]]
        assert len(labels) >= len(markers) - 1, "most markers are named"
        for label, other in itertools.product(labels, others):
            assert not overlap(label, other), (width, label, other)
        mode = "care" if care else "standard"
        page.locator(".diagram-section").screenshot(
            path=SCREENSHOTS / f"diagram-{lang}-{mode}-{width}.png"
        )


def test_a_group_leads_to_its_cities_and_each_city_is_a_link(page, site):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{site}/en/cities/")
    group = page.locator(".diagram a.group", has_text="Incheon")
    expect(group).to_have_attribute("aria-label", "6 cities: Incheon, Seongnam, Daejeon, "
                                    "Daegu, Sasebo, Hamamatsu")  # fmt: skip
    target = group.get_attribute("href")
    group.locator(".hit").click()
    heading = page.locator(target)
    expect(heading).to_be_visible()  # the table opens at the group
    page.locator(".diagram-table").get_by_role("link", name="Daegu").click()
    page.wait_for_url(f"{site}/en/cities/daegu/")


def test_the_keyboard_reaches_every_marker(page, site):
    page.goto(f"{site}/zh-hans/cities/")
    names = page.locator(".diagram a").evaluate_all(
        "links => links.map(a => a.getAttribute('aria-label'))"
    )
    reached = []
    page.locator(".diagram-section").evaluate("el => el.scrollIntoView()")
    page.focus(".diagram a >> nth=0")
    for _ in names:
        reached.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
        page.keyboard.press("Tab")
    assert reached == names
