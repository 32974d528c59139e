"""Benchmark data and measurements (`manage.py makebenchdata`, `benchsearch`,
`benchsite`, `loadrun`): the dataset, the gunicorn servers (the portal, the bare
Django floor app `floorapp`, a bakerydemo checkout), the timings and the report."""
