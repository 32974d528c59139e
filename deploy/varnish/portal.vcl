vcl 4.1;
# Varnish in front of the Foreign Affairs Portal's gunicorn servers (Varnish 7.1,
# Debian's `varnish` package; docs/operations.md#http-cache-in-front).
#
# The app decides what may be kept: an anonymous public page comes with
# `Cache-Control: public, max-age=…, s-maxage=…, stale-while-revalidate=…` and an
# ETag; staff pages, forms and previews with `private, no-store`. This file adds
# what only the proxy can do:
# - it passes straight to the app anything not GET or HEAD, the back office
#   (/admin/), a request with a session cookie (staff), `/` and every address
#   outside the language prefixes that redirects by the language cookie;
# - for the rest it drops every cookie but care mode's (care_mode=1: the
#   larger-text variant of every page) and keys the page on that variant;
# - it keeps only responses that say how long (s-maxage, max-age or Expires) and
#   set no cookie and are not private, no-store or no-cache;
# - it compresses text with gzip (Debian's Varnish has no brotli);
# - it takes BAN from the `purgers` below (portal/operations/proxy.py sends one on
#   every publish): every page of the site goes, the static files stay;
# - X-Cache says HIT, HIT-STALE (grace), MISS or PASS.
#
# `make stack` (deploy/stack.sh) runs a copy with its own backend ports.

import cookie;
import directors;
import std;

# A backend is healthy while /healthz answers 200 (the database answers). Varnish
# sends `Host: <its .host>`: that name must be one of the app's ALLOWED_HOSTS.
probe healthz {
    .url = "/healthz";
    .timeout = 2s;
    .interval = 5s;
    .window = 5;
    .threshold = 3;
    # Healthy from the start: no 503 while the first probes run.
    .initial = 3;
}

# The gunicorn servers (gunicorn.conf.py; timeout 30 s). More servers: more
# backends, each added to the director in vcl_init.
backend portal_1 {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = healthz;
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 10s;
}

backend portal_2 {
    .host = "127.0.0.1";
    .port = "8002";
    .probe = healthz;
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 10s;
}

# Who may ban (the app's servers, which send it to PURGE_URL, and operators on
# this machine). Add the servers' addresses or networks when they run elsewhere.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new portal = directors.round_robin();
    portal.add_backend(portal_1);
    portal.add_backend(portal_2);
}

sub vcl_recv {
    set req.backend_hint = portal.backend();
    unset req.http.X-Cache;

    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Every page of the site: the app files every page under one site-wide
        # revision, so a change retires them all. Bans on the object's own
        # headers (X-Url, set below) are run by the ban lurker in the background,
        # so the ban list stays short however often the office publishes. The
        # static files stay: they change only with a release, under new names.
        if (std.ban("obj.http.X-Url ~ ^/ && obj.http.X-Url !~ ^/static/")) {
            return (synth(200, "Banned"));
        }
        return (synth(500, std.ban_error()));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin/" || req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;)\s*sessionid=") {
        # Staff (a session cookie): never from the cache, never into it.
        return (pass);
    }
    # What may come from the cache: the pages under a language prefix, static
    # files, media, and the few addresses that have one version for everyone.
    # Anything else passes, cookies and all: `/` and unprefixed addresses redirect
    # by the language cookie, and the switches set cookies.
    if (req.url !~ "^/(zh-hans|en)/"
        && req.url !~ "^/(static|media)/"
        && req.url !~ "^/(robots\.txt|favicon\.ico|sitemap(-[^/?]+)?\.xml)(\?|$)") {
        return (pass);
    }

    # One cookie changes the page: care mode. Every other cookie (language, CSRF,
    # analytics) is dropped, so that everyone shares one copy of each variant.
    if (req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        if (cookie.get("care_mode") == "1") {
            set req.http.Cookie = "care_mode=1";
        } else {
            unset req.http.Cookie;
        }
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.Host) {
        hash_data(req.http.Host);
    } else {
        hash_data(server.ip);
    }
    # Behind a TLS terminator the app may print absolute addresses of the scheme.
    if (req.http.X-Forwarded-Proto) {
        hash_data(req.http.X-Forwarded-Proto);
    }
    # The care-mode variant: the cookie was reduced to exactly this, or removed.
    if (req.http.Cookie == "care_mode=1") {
        hash_data("care_mode=1");
    }
    return (lookup);
}

sub vcl_hit {
    if (obj.ttl >= 0s) {
        set req.http.X-Cache = "HIT";
    } else {
        # Served stale within grace (stale-while-revalidate) while a fresh copy
        # is fetched in the background.
        set req.http.X-Cache = "HIT-STALE";
    }
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_response {
    # Where the object came from, for bans the lurker can run (removed on delivery).
    set beresp.http.X-Url = bereq.url;
    set beresp.http.X-Host = bereq.http.Host;

    # Text is kept and sent gzip-compressed (Varnish unzips for the rare client
    # that does not take gzip; a pass is compressed only for a client that
    # takes it); what the app already compressed is left as it is.
    if (!beresp.http.Content-Encoding
        && (!bereq.uncacheable || bereq.http.Accept-Encoding ~ "gzip")
        && beresp.http.Content-Type ~ "(?i)^(text/|application/(javascript|json|xml|[a-z.+-]*\+(json|xml))|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }

    if (bereq.uncacheable) {
        # A pass: nothing to keep.
        return (deliver);
    }
    # Kept only when the app says for how long, for everyone: never a response
    # that sets a cookie or is private, no-store or no-cache, or a `Vary: *`.
    if (beresp.ttl <= 0s
        || beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Surrogate-Control ~ "(?i)no-store"
        || (beresp.http.Cache-Control !~ "(?i)max-age=" && !beresp.http.Expires)
        || beresp.http.Vary == "*") {
        # Hit-for-miss: the next requests go to the app without waiting on each
        # other, and a cacheable answer replaces this at once.
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # The TTL is s-maxage (else max-age) and the grace stale-while-revalidate, as
    # the app sent them. Past both, a page with a validator is kept a while
    # longer, so that Varnish asks the app with If-None-Match and takes a 304.
    if (beresp.http.ETag || beresp.http.Last-Modified) {
        set beresp.keep = 1h;
    }
    return (deliver);
}

sub vcl_backend_error {
    # A server that does not answer (stopped, before its probe says so): try the
    # next one, for requests that can safely be sent twice.
    if (bereq.retries == 0 && bereq.method ~ "^(GET|HEAD)$") {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.X-Url;
    unset resp.http.X-Host;
    set resp.http.X-Cache = req.http.X-Cache;
}

sub vcl_synth {
    if (req.method == "BAN") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}
