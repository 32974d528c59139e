"""Settings come from the environment and fail closed: no secret key, no start."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.settings.env import env_bool, env_int, env_list, env_networks


def run_python(*arguments, **env):
    """`python *arguments` in the project, with neither DEBUG nor SECRET_KEY unless given."""
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def import_settings(**env):
    return run_python("-c", "import portal.settings as s; print(s.DEBUG, s.ALLOWED_HOSTS)", **env)


def test_production_without_secret_key_fails_loudly():
    result = import_settings(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_with_secret_key_starts_with_no_default_hosts():
    result = import_settings(DEBUG="0", SECRET_KEY="x" * 50, ALLOWED_HOSTS="portal.example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['portal.example.org']"


def test_with_nothing_set_the_portal_refuses_to_start_and_names_the_key():
    result = import_settings()
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_manage_py_check_with_neither_variable_exits_non_zero():
    result = run_python("manage.py", "check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("command", ["check", "makemigrations", "migrate"])
def test_any_command_in_a_bare_environment_names_the_missing_key(command):
    """Not Django's later "Models aren't loaded yet": the settings are read first."""
    result = subprocess.run(
        [sys.executable, "manage.py", command],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().startswith("manage.py: The environment variable SECRET_KEY")
    assert "Traceback" not in result.stderr


def test_checking_migrations_needs_no_secret_key():
    """`makemigrations --check` writes nothing and serves nothing: a fresh clone runs it bare."""
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_debug_is_off_unless_asked_for():
    result = import_settings(SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False []"


def test_development_is_debug_and_a_key():
    result = import_settings(DEBUG="1", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True ['localhost', '127.0.0.1', '[::1]']"


def test_environment_helpers_parse_and_refuse(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    monkeypatch.setenv("HOSTS", " a.example , ,b.example ")
    monkeypatch.setenv("COUNT", "12")
    assert env_bool("FLAG") is True
    assert env_list("HOSTS") == ["a.example", "b.example"]
    assert env_int("COUNT", 1) == 12
    monkeypatch.setenv("FLAG", "perhaps")
    monkeypatch.setenv("COUNT", "many")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG")
    with pytest.raises(ImproperlyConfigured, match="COUNT"):
        env_int("COUNT", 1)


@pytest.mark.parametrize("value", [None, " 10.0.0.0/8, 192.0.2.1 ,::1"])
def test_gunicorn_and_the_sign_in_lockout_trust_the_same_proxies(monkeypatch, value):
    """One variable, FORWARDED_ALLOW_IPS, read alike by gunicorn.conf.py and the settings."""
    show = (
        "import runpy, portal.settings as s; from gunicorn.config import Config; c = Config(); "
        "c.set('forwarded_allow_ips', runpy.run_path('gunicorn.conf.py')['forwarded_allow_ips']); "
        "print(c.forwarded_allow_ips == s.FORWARDED_ALLOW_IPS, s.FORWARDED_ALLOW_IPS)"
    )
    if value is None:
        monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    else:
        monkeypatch.setenv("FORWARDED_ALLOW_IPS", value)
    result = run_python("-c", show, SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    expected = ["10.0.0.0/8", "192.0.2.1", "::1"] if value else ["127.0.0.1"]
    assert result.stdout.strip() == f"True {expected}"


def test_a_proxy_list_gunicorn_would_refuse_stops_the_portal(monkeypatch):
    monkeypatch.setenv("PROXIES", "10.0.0.1/8")  # host bits set: gunicorn refuses it too
    with pytest.raises(ImproperlyConfigured, match="PROXIES"):
        env_networks("PROXIES")
    monkeypatch.setenv("PROXIES", "*, 10.0.0.0/8")
    assert env_networks("PROXIES") == ["*", "10.0.0.0/8"]


def test_languages_and_fallbacks():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert [code for code, _ in settings.LANGUAGES] == ["zh-hans", "en"]
    assert settings.MODELTRANSLATION_FALLBACK_LANGUAGES == {"default": ("zh-hans", "en")}
    assert not settings.JQUERY_UI_URL.startswith(("http", "//"))


def test_production_settings_pass_the_deployment_checklist():
    # A clean production environment: nothing of the test run's own (the browser
    # tests set DJANGO_ALLOW_ASYNC_UNSAFE, which the deployment check rightly refuses).
    unwanted = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in unwanted}
    environment.update(
        DEBUG="0",
        SECRET_KEY="a-production-secret-of-fifty-or-more-characters-x" * 2,
        ALLOWED_HOSTS="portal.example.org",
        SECURE_SSL_REDIRECT="1",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_development_is_not_forced_onto_https(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response
