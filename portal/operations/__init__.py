"""Running the portal: the page cache, backups and restore, the health check,
and the benchmark tools (`bench`, whose floor view is served only with
`BENCH_FLOOR=1`).

May import anything below it: `portal.formatting`, `portal.editorial`,
`portal.pictures`, `cities`, `news`, `portal.search`.
"""
