"""The self-check's page (publishers only), its command, and links to other sites
(followed against a local server, never the internet)."""

import http.server
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from portal.selfcheck import links
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["Editors", "Translators"])
def test_the_page_is_refused_to_editors_and_translators(client, sign_in, role):
    sign_in(role)
    assert client.get(reverse("self_check")).status_code == 403
    assert reverse("self_check") not in client.get(reverse("admin:index")).text


def test_the_page_is_refused_to_visitors(client):
    response = client.get(reverse("self_check"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_publisher_sees_every_indicator_with_what_fails(client, sign_in):
    sign_in("Publishers")
    assert reverse("self_check") in client.get(reverse("admin:index")).text
    response = client.get(reverse("self_check"))
    assert response.status_code == 200
    for name in ("空白栏目", "更新不及时", "链接不可用", "标识信息缺失", "严重表述错误",
                 "标点符号", "图片替代文字", "双语版本", "纠错留言办理"):  # fmt: skip
        assert name in response.text
    # No office record: every identity item listed, with where to set it.
    assert "ICP filing number (ICP备案号)" in response.text
    assert reverse("admin:portal_office_add") in response.text


def test_a_superuser_sees_the_page(admin_client):
    assert admin_client.get(reverse("self_check")).status_code == 200


def test_the_command_fails_when_an_indicator_fails(capsys):
    with pytest.raises(CommandError) as raised:
        call_command("selfcheck", only=["identity", "reports"])
    assert raised.value.returncode == 1
    out = capsys.readouterr().out
    assert "FAIL 标识信息缺失" in out and "ok   纠错留言办理" in out
    assert "/admin/portal/office/add/" in out


def test_the_command_succeeds_when_every_indicator_is_met(capsys):
    call_command("selfcheck", only=["reports", "punctuation"])
    assert "2 of 2 indicators met." in capsys.readouterr().out


class _Answers(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path == "/here" else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


@pytest.fixture
def other_site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_links_to_other_sites_are_followed_only_with_network(other_site):
    make_article(
        body_zh_hans=f'<p><a href="{other_site}/here">有</a><a href="{other_site}/gone">无</a></p>'
    )
    assert links.broken_links().met
    result = links.broken_links(network=True)
    assert [failure.label for failure in result.failures] == [f"{other_site}/gone"]
    assert "404" in result.failures[0].detail
