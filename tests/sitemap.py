"""Read the whole sitemap as a search engine would: the index, then every section."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_urls(client):
    """`{loc: <url> element}` for every URL in every section the index lists."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and index["Content-Type"].startswith("application/xml")
    urls = {}
    for entry in ET.fromstring(index.content).findall(f"{SITEMAP}sitemap"):
        address = urlsplit(entry.find(f"{SITEMAP}loc").text)
        section = client.get(address.path + (f"?{address.query}" if address.query else ""))
        assert section.status_code == 200, address
        for url in ET.fromstring(section.content).findall(f"{SITEMAP}url"):
            urls[url.find(f"{SITEMAP}loc").text] = url
    return urls
