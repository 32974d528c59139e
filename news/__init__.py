"""News: articles, their categories and lead images, the list, the feed.

May import the shared packages and `cities`; never the project's pages.
"""
