"""The project: settings, root URLs, WSGI, middleware, and the public pages
that belong to no app (home, search, robots.txt, the language and care-mode
switches, the sitemaps), plus the office record and its footer conventions.
Its packages, lowest first:

- `formatting`: languages and fallback, dates, numbers, rich text;
- `editorial`: workflow rules, roles, pending changes, versions, translation;
- `pictures`: the image pipeline;
- then the apps: `cities`, then `news`, then `office`;
- `search`, `operations` (page cache, backups, health, benchmarks), `demo`,
  `twofactor` (the back office's second sign-in step),
  `twofactor` (two-factor sign-in to the back office), and this package's
  own top modules, which may import everything.

Imports flow one way, lowest to highest; `tests/test_layers.py` fails on an
upward import (and on `cities` importing `news`).
"""
