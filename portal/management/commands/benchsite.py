"""The site benchmark: every public page at 1,000, 10,000 and 100,000 articles,
beside the bare Django floor and, when a checkout is given, Wagtail's bakerydemo.
The portal is measured in four modes (`report.MODES`): uncached (page cache off,
fragments on), rendered (page cache and fragments off), cached (page cache on),
and proxy (the cached server behind Varnish with the portal's VCL; skipped, in a
line saying so, when varnishd is missing).

`make bench` runs it on its own database (var/bench.sqlite3, or PostgreSQL
with BENCH_DATABASE_URL); it needs wrk (`apt-get install wrk`). It prints each
size's table as it is measured and writes the report, docs/performance.md and
docs/performance.json (`--output`), after every size. With `--bakerydemo PATH`
(`BAKERYDEMO=path make bench`) the smallest size is also measured beside
bakerydemo's pages of the same kind, in the same rounds.
"""

import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from portal.operations.bench import back_office, back_office_data, conditions, report, results, site
from portal.operations.bench.dataset import make_articles, make_cities
from portal.operations.bench.server import (
    FLOOR_APP,
    bakerydemo,
    behind_varnish,
    gunicorn,
    varnish_version,
)
from portal.search.backends import optimize

FLOOR = "/"  # the floor app's one view
MIDDLEWARE_FLOOR = "/bench/floor/"  # the portal's middleware in front of an empty view


def bakerydemo_checkout(value):
    """The bakerydemo checkout named by --bakerydemo / BAKERYDEMO, or None when unset.

    A path that is not a prepared checkout is refused in a sentence, before anything runs."""
    if not value:
        return None
    checkout = Path(value).expanduser().resolve()
    if not (checkout / "bakerydemo" / "wsgi.py").is_file():
        raise CommandError(f"BAKERYDEMO={value}: not a bakerydemo checkout (no bakerydemo/).")
    if not (checkout / ".venv" / "bin" / "gunicorn").is_file():
        raise CommandError(
            f"BAKERYDEMO={value}: no gunicorn in its .venv; see docs/operations.md "
            "(Beside Wagtail's bakerydemo) for the set-up."
        )
    return checkout


def bakerydemo_version(checkout):
    """Its commit and what it runs on, e.g. 'commit 8e2b625, Wagtail 7.4.4, Django 6.0.10'."""
    commit = subprocess.run(
        ["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    versions = subprocess.run(
        [
            str(checkout / ".venv" / "bin" / "python"),
            "-c",
            "import platform, django, wagtail; print(f'Wagtail {wagtail.__version__}, "
            "Django {django.get_version()}, Python {platform.python_version()}')",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return f"commit {commit or 'unknown'}, {versions}"


class Command(BaseCommand):
    help = "Queries, latency and requests per second of every public page, as data grows."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes", default="1000,10000,100000", help="articles at each step, e.g. 1000"
        )
        parser.add_argument("--seconds", type=int, default=8, help="wrk run per page and mode")
        parser.add_argument("--rounds", type=int, default=2, help="every server, in turn, again")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--cities", type=int, default=200)
        parser.add_argument("--exchanges", type=int, default=5_000)
        parser.add_argument(
            "--bakerydemo",
            default="",
            help="a prepared checkout of Wagtail's bakerydemo to measure beside (BAKERYDEMO)",
        )
        parser.add_argument(
            "--pages",
            choices=["all", "public", "back-office"],
            default="all",
            help="the public pages, the back office's (signed in), or both",
        )
        parser.add_argument(
            "--output",
            type=Path,
            default=settings.BASE_DIR / "docs" / "performance.md",
            help="the markdown report; the JSON goes beside it",
        )

    def handle(self, *args, sizes, cities, exchanges, **options):
        from cities.models import City, Exchange
        from news.models import Article

        name = str(settings.DATABASES["default"]["NAME"])
        if "bench" not in name:
            raise CommandError(f"Refusing to fill {name!r}: use a database whose name has 'bench'.")
        public = options["pages"] in ("all", "public")
        office = options["pages"] in ("all", "back-office")
        if public and not shutil.which("wrk"):
            raise CommandError("wrk is needed: apt-get install wrk")
        if options["rounds"] < 1 or options["seconds"] < 1:
            raise CommandError("--rounds and --seconds are at least 1.")
        sizes = [int(size) for size in sizes.split(",")]
        if sizes != sorted(sizes):
            raise CommandError("Sizes grow: the data is added to, never taken away.")
        checkout = bakerydemo_checkout(options["bakerydemo"])
        present = Article.objects.filter(slug__startswith="bench-").count()
        if present > sizes[0]:
            raise CommandError(
                f"The database already holds {present:,} benchmark articles, more than "
                f"{sizes[0]:,}: start from an empty one (rm var/bench.sqlite3) or larger sizes."
            )
        site.collect_static()
        if not City.objects.filter(slug__startswith="bench-city-").exists():
            make_cities(cities, exchanges)
        self.settings = {key: options[key] for key in ("seconds", "connections", "workers")}
        self.varnish = varnish_version()
        self.others = []  # the CPU share other work took while each server was measured
        run = results.Report(
            generated=timezone.now(),
            machine=conditions.machine_facts(connection, settings.CACHES["default"]["BACKEND"]),
            method=conditions.method(
                **self.settings, rounds=options["rounds"], varnish=self.varnish
            ),
            proxy_skipped=None if self.varnish else report.PROXY_SKIPPED,
        )
        self.stdout.write("\n".join(f"{k}: {v}" for k, v in run.machine.items()) + "\n")
        if self.varnish is None:
            self.stdout.write(report.PROXY_SKIPPED)
        if checkout is None:
            self.stdout.write(report.SKIPPED)
        for index, size in enumerate(sizes):
            make_articles(size)
            optimize()
            counts = {
                "articles": Article.objects.count(),
                "cities": City.objects.count(),
                "exchanges": Exchange.objects.count(),
            }
            beside = checkout if index == 0 and public else None
            if public:
                measured, comparison = self.measure(counts, options["rounds"], beside)
            else:
                measured, comparison = results.SizeResult(**counts, pages=[], floor=[]), None
            if office:
                measured.back_office = self.back_office(size, options["rounds"])
            run.sizes.append(measured)
            run.machine["other work"] = conditions.others_fact(self.others)
            self.stdout.write("\n" + report.size_table(measured))
            if comparison is not None:
                run.comparison = comparison
                self.stdout.write("\n" + report.comparison_section(comparison))
            report.write(run, options["output"])
        self.stdout.write(f"Written: {options['output']} and its .json")

    def back_office(self, size, rounds):
        """The translators' and publishers' pages at `size` articles, signed in, on a
        server of the portal as the public pages' uncached mode runs it."""
        stale, proposed = back_office_data.prepare(size)
        self.stdout.write(
            f"Back office: {stale:,} articles stale in English, {proposed:,} awaiting approval"
        )
        environment = site.server_environment(cached=False)
        before = conditions.cpu_seconds()
        with gunicorn(self.settings["workers"], **environment) as base:
            measured = back_office.measure(
                base, rounds, environment["SECRET_KEY"], output=self.stdout.write
            )
        share = conditions.others_share(before, conditions.cpu_seconds())
        if share is not None:
            self.others.append(share)
        return measured

    def measure(self, counts, rounds, checkout):
        """One size in `rounds` rounds, each starting every server in turn; with a
        bakerydemo `checkout`, it is one of the servers and the pairs are measured too.
        With varnishd (`self.varnish`), the public pages are also measured through
        Varnish in front of a server in cached mode, asked as browsers ask
        (`site.PROXY_HEADERS`), each only once it comes from the proxy's cache."""
        workers = self.settings["workers"]
        pages = [*site.public_pages(), ("portal middleware only", MIDDLEWARE_FLOOR)]
        # The middleware-only view is served with BENCH_FLOOR=1 alone: not counted here.
        queries = {path: site.count_queries(path) for _label, path in pages[:-1]}
        queries[MIDDLEWARE_FLOOR] = None
        pairs = site.comparison_pairs() if checkout else []
        paths = [path for _label, path in pages]
        with_pairs = list(dict.fromkeys(paths + [portal for _label, portal, _demo in pairs]))
        cached = site.server_environment(cached=True)
        servers = [  # (name, start, its paths, the headers it is asked with)
            ("floor", lambda: gunicorn(workers, app=FLOOR_APP), [FLOOR], None),
            (
                "uncached",
                lambda: gunicorn(workers, **site.server_environment(cached=False)),
                with_pairs,
                None,
            ),
            (
                "rendered",
                lambda: gunicorn(workers, **site.server_environment(cached=False, parts=False)),
                with_pairs,
                None,
            ),
            ("cached", lambda: gunicorn(workers, **cached), paths, None),
        ]
        if self.varnish:
            # /bench/floor/ is outside the language prefixes: the VCL passes it to the app.
            public = [path for _label, path in pages if path != MIDDLEWARE_FLOOR]
            proxied = (lambda: behind_varnish(workers, **cached), public, site.PROXY_HEADERS)
            servers.append(("proxy", *proxied))
        if checkout:
            demo_paths = [demo for _label, _portal, demo in pairs]
            servers.append(("bakerydemo", lambda: bakerydemo(checkout, workers), demo_paths, None))
        figures = defaultdict(list)  # (server, path): Figures of each round
        for number in range(1, rounds + 1):
            for server, start, server_paths, headers in servers:
                self.stdout.write(f"Round {number}: {server}, {len(server_paths)} pages")
                before = conditions.cpu_seconds()
                with start() as base:
                    if server == "bakerydemo":
                        site.refuse_debug(base)
                    for path in server_paths:  # warm every worker (and the proxy)
                        site.latencies(base, path, seconds=0.3, at_least=4, headers=headers)
                    if server == "proxy":
                        for path in server_paths:
                            site.require_proxy_hit(base, path)
                    for path in server_paths:
                        figures[server, path].append(self.point(base, path, headers))
                # After the server stopped: its processes' CPU time is counted as ours.
                share = conditions.others_share(before, conditions.cpu_seconds())
                if share is not None:
                    self.others.append(share)
                    self.stdout.write(f"  other work took {share:.0%} of the CPU meanwhile")
        size = results.SizeResult(
            **counts,
            pages=[
                results.PageResult(
                    label,
                    path,
                    queries[path],
                    **{mode: figures[mode, path] for mode in report.MODES},
                )
                for label, path in pages
            ],
            floor=figures["floor", FLOOR],
        )
        if not checkout:
            return size, None
        comparison = results.Comparison(
            articles=counts["articles"],
            bakerydemo=bakerydemo_version(checkout),
            pairs=[
                results.Pair(
                    label,
                    portal,
                    demo,
                    portal=figures["uncached", portal],
                    portal_rendered=figures["rendered", portal],
                    bakerydemo=figures["bakerydemo", demo],
                )
                for label, portal, demo in pairs
            ],
        )
        return size, comparison

    def point(self, base, path, headers=None):
        seconds, connections = self.settings["seconds"], self.settings["connections"]
        return site.measure(base, path, seconds, connections, headers=headers)
