"""The site benchmark's report: `docs/performance.md` and `docs/performance.json`.

`manage.py benchsite` (`make bench`) measures, then hands a `Report` to
`write()`, which writes the same figures twice: as markdown for people and as
JSON for anything that compares runs. Neither file is edited by hand; a new
run replaces both.

Every figure is measured in rounds (two by default), each round running every
server in turn, so a ratio compares figures of the same round: a page's
requests per second over the floor's, or the portal's over bakerydemo's. The
ratios are given as the range over the rounds.

The portal is measured in four modes (`MODES`): uncached (page cache off, the
fragments kept in the cache served from it), rendered (page cache and fragments
off, as right after a change), cached (page cache on) and proxy (the cached
server behind Varnish with the portal's VCL, as `make stack` runs it; not
measured, and said so, when varnishd is missing).
"""

import json
import statistics
from dataclasses import asdict

from portal.operations.bench.back_office import back_office_summary, back_office_table

MODES = ("uncached", "rendered", "cached", "proxy")

SKIPPED = (
    "bakerydemo comparison skipped: no checkout given (`BAKERYDEMO=path make bench`; "
    "its set-up is in docs/operations.md, Performance)."
)

PROXY_SKIPPED = (
    "proxy column skipped: varnishd is not on PATH (apt-get install varnish; "
    "docs/operations.md, HTTP cache in front)."
)


def ratios(figures, floors):
    """Round by round, requests per second over the other's of the same round."""
    pairs = zip(figures, floors, strict=True)
    return [mine.rps / theirs.rps if theirs.rps else 0.0 for mine, theirs in pairs]


def times(values):
    """A range of ratios as '0.22–0.31 ×' (one value when the rounds agree), to two
    significant figures, so a page far below the floor still shows its ratio."""
    low, high = _figure(min(values)), _figure(max(values))
    return f"{low} ×" if low == high else f"{low}–{high} ×"


def _figure(value):
    return f"{value:.0f}" if value >= 10 else f"{value:.2g}"


def _rps(rounds):
    return " / ".join(f"{figures.rps:,.0f}" for figures in rounds)


def _latency(rounds):
    median = statistics.fmean(figures.median for figures in rounds)
    return f"{median:.1f} / {max(figures.p95 for figures in rounds):.1f}"


def _measured(rounds, floors):
    """A mode's latency, req/s and ratio cells: dashes where it was not measured."""
    if not rounds:
        return "–", "–", "–"
    return _latency(rounds), _rps(rounds), times(ratios(rounds, floors))


def size_table(size):
    """One size's figures as a markdown heading, table and the ratios' ranges, then
    the back office's."""
    heading = (
        f"### {size.articles:,} articles, {size.cities:,} cities, {size.exchanges:,} exchanges"
    )
    if not size.pages:
        return f"{heading}\n\n{back_office_table(size)}"
    lines = [
        heading,
        "",
        "| page | queries | "
        + " | ".join(f"{mode} median / p95 ms | {mode} req/s" for mode in MODES)
        + " | "
        + " | ".join(f"{mode} / floor" for mode in MODES)
        + " |",
        "| --- | ---: |" + " ---: |" * (3 * len(MODES)),
    ]
    for page in size.pages:
        cells = [_measured(getattr(page, mode), size.floor) for mode in MODES]
        lines.append(
            f"| {page.label} | {'–' if page.queries is None else page.queries} | "
            + " | ".join(f"{latency} | {rps}" for latency, rps, _ratio in cells)
            + " | "
            + " | ".join(ratio for _latency, _rps, ratio in cells)
            + " |"
        )
    blank = " |" * (3 * len(MODES) - 2)
    lines.append(
        f"| bare Django app (the floor) | 0 | {_latency(size.floor)} | {_rps(size.floor)} |" + blank
    )
    return "\n".join(lines) + "\n\n" + size_summary(size) + "\n" + back_office_table(size)


def size_summary(size, modes=MODES, title=""):
    """The ratios over every page of one size, mode by mode, the lowest page named
    (the pages a mode measured; a mode that measured none says why)."""
    lines = []
    for mode in modes:
        by_page = {
            page.label: ratios(getattr(page, mode), size.floor)
            for page in size.pages
            if getattr(page, mode)
        }
        if by_page:
            lines.append(_lowest(f"{title}{mode} / floor, every page", by_page))
        else:
            lines.append(f"- {title}{mode} / floor: {PROXY_SKIPPED}")
    return "\n".join(lines) + "\n"


def comparison_summary(comparison, modes=("uncached", "rendered")):
    """The portal / bakerydemo ratios over every pair, uncached and rendered, the lowest named."""
    lines = []
    measuring = {"uncached": "portal", "rendered": "portal_rendered"}
    for mode, measured in ((mode, measuring[mode]) for mode in modes):
        by_pair = {
            pair.label: ratios(getattr(pair, measured), pair.bakerydemo)
            for pair in comparison.pairs
        }
        lines.append(_lowest(f"{mode} / bakerydemo, every pair", by_pair))
    return "\n".join(lines) + "\n"


def _lowest(title, by_label):
    """'- title: range (lowest: label, its range)' over ratios given by label, round by round."""
    lowest = min(by_label, key=lambda label: min(by_label[label]))
    every = [value for values in by_label.values() for value in values]
    return f"- {title}: {times(every)} (lowest: {lowest}, {times(by_label[lowest])})"


def comparison_section(comparison):
    if comparison is None:
        return f"## Beside Wagtail's bakerydemo\n\n{SKIPPED}\n"
    lines = [
        "## Beside Wagtail's bakerydemo",
        "",
        f"The portal with the page cache off, at {comparison.articles:,} articles, "
        "uncached (fragments on) and rendered (fragments off), beside "
        f"bakerydemo ({comparison.bakerydemo}) with its demo content on SQLite, "
        "measured in the same rounds.",
        "",
        "| portal / bakerydemo | portal page | bakerydemo page "
        "| portal uncached median / p95 ms | portal uncached req/s "
        "| portal rendered median / p95 ms | portal rendered req/s "
        "| bakerydemo median / p95 ms | bakerydemo req/s "
        "| uncached / bakerydemo | rendered / bakerydemo |",
        "| --- | --- | --- |" + " ---: |" * 8,
    ]
    for pair in comparison.pairs:
        lines.append(
            f"| {pair.label} | `{pair.portal_path}` | `{pair.bakerydemo_path}` "
            + "".join(
                f"| {_latency(rounds)} | {_rps(rounds)} "
                for rounds in (pair.portal, pair.portal_rendered, pair.bakerydemo)
            )
            + f"| {times(ratios(pair.portal, pair.bakerydemo))} "
            f"| {times(ratios(pair.portal_rendered, pair.bakerydemo))} |"
        )
    return "\n".join(lines) + "\n\n" + comparison_summary(comparison)


def summary(report):
    """The ratios the caching is judged by, in one place: through the proxy and from the
    page cache over the floor at each size, and rendered over bakerydemo for every pair."""
    lines = [
        size_summary(size, ("proxy", "cached"), f"{size.articles:,} articles, ").rstrip()
        for size in report.sizes
        if size.pages
    ]
    lines += [back_office_summary(size).rstrip() for size in report.sizes if size.back_office]
    if report.comparison is not None:
        lines.append(comparison_summary(report.comparison, ("rendered",)).rstrip())
    elif any(size.pages for size in report.sizes):  # not when the back office ran alone
        lines.append(f"- rendered / bakerydemo: {SKIPPED}")
    return "\n".join(lines) + "\n"


def markdown(report, json_name="performance.json"):
    facts = "\n".join(f"- {name}: {value}" for name, value in report.machine.items())
    steps = "\n".join(f"- {name}: {value}" for name, value in report.method.items())
    tables = "\n".join(size_table(size) for size in report.sizes)
    return (
        "# Performance\n\n"
        f"Generated by `make bench` (`manage.py benchsite`) on "
        f"{report.generated:%Y-%m-%d %H:%M %Z}. Do not edit: run the benchmark again.\n"
        f"The same figures are in `{json_name}`; how to run it is in "
        "[operations](operations.md#performance).\n\n"
        f"## Summary\n\n{summary(report)}\n"
        f"## Machine\n\n{facts}\n\n## Method\n\n{steps}\n\n"
        "The ratios divide a page's requests per second by the floor's of the same round.\n\n"
        f"## Figures\n\n{tables}\n{comparison_section(report.comparison)}"
    )


def as_json(report):
    """The report as plain data, each ratio given round by round."""
    sizes = []
    for size in report.sizes:
        data = asdict(size)
        for page, page_data in zip(size.pages, data["pages"], strict=True):
            for mode in MODES:
                measured = getattr(page, mode)
                page_data[f"{mode}_per_floor"] = ratios(measured, size.floor) if measured else None
        for result, result_data in zip(size.back_office, data["back_office"], strict=True):
            result_data["judged_p95"], result_data["met"] = result.judged(), result.met()
        sizes.append(_rounded(data))
    comparison = None
    if report.comparison is not None:
        comparison = asdict(report.comparison)
        for pair, pair_data in zip(report.comparison.pairs, comparison["pairs"], strict=True):
            pair_data["portal_per_bakerydemo"] = ratios(pair.portal, pair.bakerydemo)
            pair_data["portal_rendered_per_bakerydemo"] = ratios(
                pair.portal_rendered, pair.bakerydemo
            )
        comparison = _rounded(comparison)
    return {
        "generated": report.generated.isoformat(),
        "machine": report.machine,
        "method": report.method,
        "units": {"median": "ms", "p95": "ms", "rps": "requests per second"},
        "sizes": sizes,
        "bakerydemo": comparison if comparison is not None else {"skipped": SKIPPED},
        "proxy_skipped": report.proxy_skipped,
    }


def _rounded(data):
    """Measurements to three decimals: what they can tell, without float noise."""
    if isinstance(data, dict):
        return {key: _rounded(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_rounded(value) for value in data]
    return round(data, 3) if isinstance(data, float) else data


def write(report, markdown_path):
    """Write the report to `markdown_path` and its figures beside it, as `.json`."""
    markdown_path.parent.mkdir(parents=True, exist_ok=True)
    json_path = markdown_path.with_suffix(".json")
    markdown_path.write_text(markdown(report, json_path.name), encoding="utf-8")
    json_path.write_text(
        json.dumps(as_json(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return json_path
