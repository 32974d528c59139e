"""Everything that stores or keys a response, a fragment or a count.

- `revision`: the site revision, a token every write to a public table moves
  (seen in the database connection, so `.update()` and raw SQL count too), with
  the next scheduled publication time beside it;
- `deploy`: the deploy id, a digest of the code, templates, catalogs and static
  files;
- `pages`: the page cache for signed-out visitors, keyed by both, and the HTTP
  headers (`Cache-Control`, `ETag`) a proxy or CDN in front relies on;
- `fragments`: the keys of Django's `{% cache %}` tag; `counts`: list totals;
- `proxy`: the purge of the HTTP cache in front when a change commits;
- `backends`: Django's Redis cache, backing off while Redis is down.

It sits above `portal.editorial` (the publication rule) and below the apps.
"""
