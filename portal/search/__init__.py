"""Search over published articles, cities and the office's guides and pages, in the
visitor's language.

Text is turned into ASCII tokens (`tokens.py`): Latin words as themselves,
Chinese as overlapping character pairs, so a two-character query such as
"沈阳" is an exact token and "卡拉奇" a two-token phrase. The same tokens work
in SQLite's FTS5 and PostgreSQL's full-text search whatever the database's
locale (`backends.py`); `index.py` keeps `SearchEntry` rows in step with the
content, and `query.py` is the one interface views call.

May import everything below the public pages: the shared packages, `cities`,
`news` and `office` (whose saves it follows).
"""
