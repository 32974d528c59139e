import pytest
from django.db import connection


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.fixture
def unreachable_database(transactional_db):
    """Point the live connection at a database that cannot be opened, then restore it.

    The open connection is set aside rather than closed: an in-memory SQLite
    test database would vanish with it.
    """
    saved_connection, saved_settings = connection.connection, dict(connection.settings_dict)
    connection.connection = None
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent-directory/portal.sqlite3"
    else:
        connection.settings_dict.update(HOST="127.0.0.1", PORT="1")
    yield
    connection.settings_dict.clear()
    connection.settings_dict.update(saved_settings)
    connection.connection = saved_connection


def test_healthz_answers_503_when_the_database_does_not(client, unreachable_database):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_healthz_refuses_writes(client, db):
    assert client.post("/healthz").status_code == 405
