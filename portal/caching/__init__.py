"""What stores or keys a response, fragment or figure: `revision`, `deploy`, `pages`
(the page cache, HTTP headers), `counts` (figures, fragment keys), `backends` (a Redis cache
that backs off). Above `portal.editorial`, below the apps."""
