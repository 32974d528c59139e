"""The demo's diagram: Incheon, Seongnam, Daejeon and Daegu (within 6 px of each
other on the old world map) share one marker that counts and lists them, and
every partner is in the table with its direction and distance."""

import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db

KOREA = {
    "en": ["Incheon", "Seongnam", "Daejeon", "Daegu"],
    "zh-hans": ["仁川", "城南", "大田广域市", "大邱"],
}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_four_korean_cities_share_one_marker(client, demo, language):
    html = unescape(client.get(f"/{language}/cities/").content.decode())
    groups = re.findall(r'<a href="#(diagram-group-\d+)" class="group" aria-label="([^"]+)">', html)
    [(target, label)] = [group for group in groups if KOREA[language][0] in group[1]]
    assert all(name in label for name in KOREA[language])
    # The marker leads to the group's heading in the table, its cities under it.
    body = html.split(f'<tr id="{target}">')[1].split("</tbody>")[0]
    assert all(f">{name}</a>" in body for name in KOREA[language])
    assert len(re.findall(r'<tr><th scope="row">', html)) == 22


def test_karachi_is_west_of_shenyang_5460_km_away(client, demo):
    html = client.get("/en/cities/").content.decode()
    row = re.search(r'<a href="/en/cities/karachi/">Karachi</a>.*?</tr>', html)[0]
    assert "<td>west (268°)</td>" in row and "5,460 km" in row
