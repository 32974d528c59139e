import pytest
from django.contrib.auth import get_user_model


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.org", "pw-chief-1")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
