"""What the site benchmark's figures depend on besides the code: the machine, the
other work on it, and the method, column by column (written into the report)."""

import os
import platform
import resource
import statistics
import time

import django

from portal.operations.bench.report import PROXY_SKIPPED


def machine_facts(connection, cache_backend):
    """What the figures depend on besides the code: the machine, Python, database, cache."""
    version = ".".join(str(part) for part in connection.get_database_version())
    return {
        "cores": str(os.cpu_count()),
        "cpu": _cpu_model() or platform.machine(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": f"{connection.display_name} {version}",
        "cache": cache_backend.rsplit(".", 1)[-1],
    }


def others_fact(shares):
    """The share of the machine's CPU time other work took while each server was
    measured (`others_share`), as a fact of the machine."""
    if not shares:
        return "not measured (no /proc/stat)"
    return (
        f"took {min(shares):.0%}–{max(shares):.0%} of the CPU time while each server was "
        f"measured (median {statistics.median(shares):.0%}): the machine's busy time "
        "(/proc/stat, the hypervisor's steal included) less this run's own processes; a "
        "database server such as PostgreSQL counts as other work"
    )


def _cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def method(workers, connections, seconds, rounds, *, varnish):
    """How the figures were made, column by column (`varnish`: its version, None when
    varnishd is missing and the proxy column skipped)."""
    if varnish:
        proxy = (
            f"through Varnish {varnish} with the portal's VCL (deploy/varnish/portal.vcl, "
            "64 MB of memory storage) in front of one gunicorn server of the portal in the "
            f"cached mode ({workers} sync workers, as every other column): the VCL's two "
            "backends both point at it, so the column measures what the proxy adds, not "
            "more workers. Every page is warmed and measured only once it comes from the "
            "proxy's cache (X-Cache: HIT): what a visitor gets from `make stack`. wrk and the "
            "one client send Accept-Encoding: gzip, as browsers do, and get the page "
            "gzip-compressed as Varnish keeps it (the other servers are asked without it: "
            "neither the portal nor bakerydemo compresses a page). The portal's "
            "/bench/floor/ is outside the language prefixes, so the VCL passes it to the "
            "app: not measured here"
        )
    else:
        proxy = PROXY_SKIPPED
    return {
        "server": f"gunicorn, {workers} sync workers, DEBUG=0, the portal's gunicorn.conf.py "
        "for every server; the portal's static files by WhiteNoise",
        "throughput": f"wrk, {connections} connections, {seconds} s per page and mode, "
        "the same for every column",
        "rounds": f"{rounds}, each starting every server in turn (the floor, the portal "
        "uncached, rendered, cached, then behind the proxy, then bakerydemo when given); "
        "req/s are "
        "given round by round and ratios compare figures of the same round",
        "latency": "one client, one request after another, a fresh connection each; "
        "the median is the mean of the rounds' medians, the p95 the worst round's",
        "uncached": "page cache off, fragments on (PAGE_CACHE_SECONDS=0, "
        "FRAGMENT_CACHE_SECONDS=3600): every request runs the view, its queries and its "
        "template; the fragments kept by {% cache %} come from the cache",
        "rendered": "page cache and fragments off (FRAGMENT_CACHE_SECONDS=0 too): every "
        "request renders the whole page, as the first visitor after a change gets it",
        "cached": "page cache on (PAGE_CACHE_SECONDS=3600): an anonymous page comes whole "
        "from the app's own cache (each process's memory), before the session, locale, "
        "CSRF and authentication middleware",
        "proxy": proxy,
        "queries": "counted in-process in the uncached mode (page cache off, fragments on), "
        "the counts kept per revision warm",
        "floor": "a bare Django app (portal/operations/bench/floorapp.py: settings in the "
        "module, one view answering 'ok', three middlewares: security, common, frame "
        "options; no database, no template) under the same server settings: what Django "
        "itself costs under gunicorn",
        "back office": "the translators' and publishers' pages (the translation queue, a "
        "workbench, the article changelist, the matrix and its CSV, the XLIFF export) asked "
        "by one client of a server in the uncached mode, with the session of a translator "
        "or a publisher (both sign-in steps done), in the same rounds; the data has one "
        "article in 400 stale in English and one in 2,000 awaiting approval "
        "(portal/operations/bench/back_office_data.py). Goals: p95 under 300 ms, the "
        "XLIFF export under 5 s, the CSV's first byte under 300 ms (it is streamed)",
        "bakerydemo": "Wagtail's demo site (its own checkout, virtualenv, settings and "
        "SQLite database, DEBUG off) under the same server settings, its page of the same "
        "kind beside the portal's uncached and rendered, at the first size only",
    }


def cpu_seconds():
    """A reading for `others_share`: (CPU seconds the machine has been busy, time the
    hypervisor gave other machines included; CPU seconds of this process and of the
    children it has waited for; a monotonic clock), or None without /proc/stat."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            # cpu user nice system idle iowait irq softirq steal
            ticks = [int(value) for value in stat.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    busy = (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")
    own = sum(
        usage.ru_utime + usage.ru_stime
        for usage in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    )
    return busy, own, time.monotonic()


def others_share(before, after, cores=None):
    """The share of the machine's CPU time that other work took between two
    `cpu_seconds()` readings (this run's servers, wrk and Varnish are its children,
    counted once they have stopped), from 0 to 1; None without readings."""
    if before is None or after is None or after[2] <= before[2]:
        return None
    busy, own, wall = (later - earlier for earlier, later in zip(before, after, strict=True))
    return min(1.0, max(0.0, (busy - own) / (wall * (cores or os.cpu_count()))))
