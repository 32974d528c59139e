"""Caching: the site revision, the page cache and the HTTP cache in front (`proxy`)."""
