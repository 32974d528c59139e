from collections import defaultdict

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction

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
def _empty_cache(settings):
    """Each test starts with an empty cache: nothing carries over from another test.

    The site revision stays cached for the test (a change in this process drops it
    at once anyway): read again from the database every second, it would add its
    queries to whichever page a slow machine happened to be counting. The tests of
    the staleness bound set their own."""
    cache.clear()
    settings.PAGE_CACHE_REVISION_SECONDS = 3600


def data_for_the_module(build):
    """A module-scoped fixture whose value is `build()`, run once for the module.

    The records are made inside a transaction that stays open while the module's
    tests run and is rolled back after the last one; each test's own changes are
    still undone by its `db` transaction (a savepoint inside this one). Tests that
    need `transactional_db`, a live server or another process cannot see them.
    """

    @pytest.fixture(scope="module")
    def fixture(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            outer = transaction.atomic()
            outer.__enter__()
            try:
                built = build()
            except BaseException:
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)
                raise
        yield built
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)

    return fixture


def _load_demo():
    from portal.demo.loader import load_demo

    return load_demo()


_demo_for_the_module = data_for_the_module(_load_demo)


@pytest.fixture
def demo(_demo_for_the_module, db):
    """The demo content (the seed story), loaded once per module; returns the loader."""
    return _demo_for_the_module


def pytest_collection_modifyitems(items):
    """A module runs all its tests on the demo content or none: once loaded for one
    test, the demo stays until the module ends, under every later test."""
    modules = defaultdict(list)
    for item in items:
        modules[item.nodeid.split("::")[0]].append(item)
    for module, tests in modules.items():
        without = [test.name for test in tests if "demo" not in test.fixturenames]
        if without and len(without) < len(tests):
            raise pytest.UsageError(
                f"{module}: some tests use the demo content and these do not: {without}; "
                "move them to a module of their own."
            )


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
