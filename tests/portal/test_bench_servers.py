"""What `make bench` serves and fills, without timing anything: the bare Django
floor under gunicorn, the bakerydemo checkout it is given, and its dataset."""

import urllib.error
import urllib.request

import pytest
from django.core.management.base import CommandError

from cities.models import City, Exchange
from news.models import Article
from portal.management.commands.benchsite import bakerydemo_checkout
from portal.operations.bench.dataset import make_articles, make_cities
from portal.operations.bench.server import FLOOR_APP, gunicorn


def test_the_floor_app_answers_ok_under_gunicorn_through_its_three_middlewares():
    with gunicorn(workers=1, app=FLOOR_APP) as base:
        with urllib.request.urlopen(base + "/", timeout=10) as response:
            assert response.status == 200 and response.read() == b"ok"
            headers = response.headers
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "/elsewhere/", timeout=10)
    assert headers["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware
    assert headers["X-Frame-Options"] == "DENY"  # XFrameOptionsMiddleware
    assert missing.value.code == 404 and b"DEBUG = True" not in missing.value.read()


def test_without_bakerydemo_there_is_no_checkout_to_measure():
    assert bakerydemo_checkout("") is None


def test_a_bakerydemo_path_that_is_not_a_prepared_checkout_is_refused_in_a_sentence(tmp_path):
    with pytest.raises(CommandError, match="not a bakerydemo checkout"):
        bakerydemo_checkout(str(tmp_path))
    (tmp_path / "bakerydemo").mkdir()
    (tmp_path / "bakerydemo" / "wsgi.py").write_text("")
    with pytest.raises(CommandError, match=r"no gunicorn in its \.venv"):
        bakerydemo_checkout(str(tmp_path))
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "gunicorn").write_text("")
    assert bakerydemo_checkout(str(tmp_path)) == tmp_path.resolve()


@pytest.mark.django_db
def test_the_bench_data_is_published_in_both_languages():
    make_cities(3, 4)
    make_articles(5)
    for model, count in ((City, 3), (Article, 5)):
        assert model.objects.published().in_language("en").count() == count
        assert model.objects.published().in_language("zh-hans").count() == count
    assert all(
        exchange.translation_states["en"] == "complete" for exchange in Exchange.objects.all()
    )
