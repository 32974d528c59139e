"""The site benchmark's results as measured: a page's figures in each mode, every
page at one size of the data, the pairs beside bakerydemo, and the whole report
(`report.write()` turns them into docs/performance.md and .json)."""

from dataclasses import dataclass, field
from datetime import datetime

from portal.operations.bench.back_office import BackOfficeResult
from portal.operations.bench.site import Figures


@dataclass
class PageResult:
    label: str
    path: str
    queries: int | None  # None: not counted
    uncached: list[Figures]  # page cache off, fragments on; one per round
    rendered: list[Figures]  # page cache and fragments off
    cached: list[Figures]  # page cache on
    # Through Varnish in front of the cached server; empty when not measured (a
    # page the VCL passes to the app, or varnishd missing).
    proxy: list[Figures] = field(default_factory=list)


@dataclass
class SizeResult:
    """Every page at one size of the data, beside the floor, round by round."""

    articles: int
    cities: int
    exchanges: int
    pages: list[PageResult]
    floor: list[Figures]  # the bare Django app (floorapp), one per round
    # The translators' and publishers' pages, signed in (`back_office`); empty when
    # not measured.
    back_office: list[BackOfficeResult] = field(default_factory=list)


@dataclass
class Pair:
    """A portal page (page cache off, with its fragments kept and without) and the
    bakerydemo page that does the same job."""

    label: str
    portal_path: str
    bakerydemo_path: str
    portal: list[Figures]  # uncached: fragments on; one per round
    portal_rendered: list[Figures]  # rendered: fragments off too
    bakerydemo: list[Figures]


@dataclass
class Comparison:
    articles: int  # the portal's data when measured
    bakerydemo: str  # its version: commit, Wagtail, Django, Python
    pairs: list[Pair]


@dataclass
class Report:
    generated: datetime
    machine: dict[str, str]
    method: dict[str, str]
    sizes: list[SizeResult] = field(default_factory=list)
    comparison: Comparison | None = None  # None: no checkout given, skipped
    proxy_skipped: str | None = None  # why the proxy column was not measured
