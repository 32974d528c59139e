"""Reports of a problem with a page (纠错), sent by visitors through the portal's own
form and answered by staff in the admin.

An app of its own (label `problems`) so that a visitor's report is not a change to
the site: no public page reads these tables, and a write to the portal's own would
move the site revision and empty every cached page (`portal.caching.revision`).
"""
