"""Odd addresses under /office/ and /care/ get a 404 or a redirect, never an error."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/en/office/forms/99999999999999999999999999/",
        "/en/office/forms/0/",
        "/en/office/guides/no-such-guide/",
        "/en/office/reports/0000/",
        "/en/office/reports/99999999999999999999/",
        "/zh-hans/office/accessibility/",
        "/care/%00/",
    ],
)
def test_not_found(client, path):
    assert client.get(path).status_code == 404


def test_a_care_switch_with_a_strange_next_goes_home(client):
    response = client.get("/care/on/", {"next": "/\\evil.example/\x00"})
    assert response.status_code == 302 and response["Location"] == "/zh-hans/"
