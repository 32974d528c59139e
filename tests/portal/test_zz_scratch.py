import pytest
pytestmark = pytest.mark.django_db

def test_show(client, demo):
    for url in ["/en/cities/karachi/", "/zh-hans/cities/karachi/"]:
        html = client.get(url).content.decode()
        print(html[html.index('<main'):html.index('</main>')])
