"""Everything that stores or keys a response, a fragment or a query's result:
`revision` (the site revision, moved by every write to a public table), `deploy`
(the deploy id), `pages` (the page cache and HTTP caching headers), `fragments`
(the keys of `{% cache %}`), `counts` (figures per revision) and `backends` (a
Redis cache that backs off). Above `portal.editorial`, below the apps.
"""
