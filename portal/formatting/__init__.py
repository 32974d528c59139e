"""Formatting: how values are written on pages and read from query strings.

Languages and the fallback between them (`i18n`), dates known to a year,
month or day (`dates`), numbers (`numbers`), rich text and its allowlist
(`richtext`), text differences (`diffs`), breadcrumbs and lenient filter forms.

May import: Django and third-party libraries only. Everything else may import it.
"""
