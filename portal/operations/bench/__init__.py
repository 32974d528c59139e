"""Benchmark data and measurements (`manage.py makebenchdata`, `manage.py benchsearch`)."""
