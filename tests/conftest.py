import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from tests.two_factor import sign_in_fully


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_dirs(settings, tmp_path):
    """Each test stores pictures in folders of its own: `(renditions, originals)`."""
    renditions, originals = tmp_path / "media", tmp_path / "originals"
    settings.MEDIA_ROOT = renditions
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "originals": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": originals},
        },
    }
    return renditions, originals


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: nothing carries over from another test."""
    cache.clear()


@pytest.fixture
def demo(db):
    from portal.demo.loader import load_demo

    return load_demo()


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.org", "pw-chief-1")


@pytest.fixture
def admin_client(client, superuser):
    """Signed in as a superuser, both steps (password and authenticator app) done."""
    sign_in_fully(client, superuser)
    return client


@pytest.fixture
def sign_in(client, db):
    """`sign_in("Editors")`: a staff member in that role, signed in (publishers with their
    second step done), admin in English."""
    from django.contrib.auth.models import Group

    def as_member_of(role):
        user = get_user_model().objects.create_user(role.lower(), password="pw", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        sign_in_fully(client, user)
        client.cookies["django_language"] = "en"
        return user

    return as_member_of
