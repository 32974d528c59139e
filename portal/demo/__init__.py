"""Demo content: the facts of the two seed documents, in our own words.

May import anything: it builds cities, articles and the office.
"""
