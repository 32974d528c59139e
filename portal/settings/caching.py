"""The cache settings: Django's cache (Redis when REDIS_URL is set, else each
process's memory), what portal/caching keeps in it and for how long, and the HTTP
cache in front. Read from the environment like the rest of the settings."""

from portal.settings.env import env_bool, env_http_url, env_int, env_str

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache, backing off for 30 s when Redis is down.
            "BACKEND": "portal.caching.backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "portal"),
            # A dead Redis answers "refused" at once; one that hangs must not hold a page.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# What portal/caching keeps, and for how long. Every entry is filed under the site
# revision and the deploy id, so these only bound how long unused entries take room.
# Whole pages for signed-out visitors; 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600)
# Fragments kept by `{% cache fragment_seconds ... %}`; 0 renders them every time.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 3600)
# How long the revision is read from the cache before the database again: without
# Redis (a memory cache per worker), how long another worker may serve an old page.
PAGE_CACHE_REVISION_SECONDS = env_int("PAGE_CACHE_REVISION_SECONDS", 1)
# HTTP caching of anonymous pages (Cache-Control): a browser revalidates every time
# (its ETag answered with a 304); a proxy or CDN keeps a page PROXY_CACHE_SECONDS at
# most (never past midnight or the next scheduled publication), purged when a change
# commits, and may serve it STALE_SECONDS longer while it fetches it again.
BROWSER_CACHE_SECONDS = env_int("BROWSER_CACHE_SECONDS", 0)
PROXY_CACHE_SECONDS = env_int("PROXY_CACHE_SECONDS", 3600)
STALE_SECONDS = env_int("STALE_SECONDS", 30)
# The HTTP cache in front (deploy/varnish/portal.vcl): where a change sends its ban
# (portal/operations/proxy.py), e.g. http://127.0.0.1:8080/; empty: no proxy to purge.
PURGE_URL = env_http_url("PURGE_URL")
# Serve /bench/floor/: the portal's middleware in front of an empty view, a row of
# `make bench` (its floor proper is portal/operations/bench/floorapp.py).
BENCH_FLOOR = env_bool("BENCH_FLOOR", default=False)
