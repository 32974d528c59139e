"""What the HTML checker and an admin visit tripped over: an empty form action, and
`/favicon.ico` answering 404."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains


def test_favicon_redirects_to_the_emblem(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("portal/emblem.svg")
    assert client.get(response["Location"]).status_code == 200


def test_the_admin_links_its_icon(admin_client):
    assertContains(admin_client.get("/admin/"), 'rel="icon"')


@pytest.mark.parametrize("path", ["/zh-hans/cities/", "/en/cities/", "/zh-hans/news/", "/en/news/"])
def test_filter_forms_name_their_action(client, db, path):
    response = client.get(path)
    assertNotContains(response, 'action=""')
    assertContains(response, f'method="get" action="{path}"')
