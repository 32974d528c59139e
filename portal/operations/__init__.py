"""Running the portal: the page cache, backups and restore, the health check,
and the benchmark tools (`bench`: its bare Django floor app, and a
middleware-only view served only with `BENCH_FLOOR=1`).

May import anything below it: `portal.formatting`, `portal.editorial`,
`portal.pictures`, `cities`, `news`, `portal.search`.
"""
