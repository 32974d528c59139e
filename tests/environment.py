"""The test run's environment, set before Django reads its settings.

Loaded as a pytest plugin (`-p tests.environment` in pyproject.toml), so it
runs before pytest-django imports `portal.settings`. The settings fail closed
(no `SECRET_KEY`, no start); tests give them a key of their own and the
development mode the suite was written for. A variable already set wins.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-" + "t" * 40)
os.environ.setdefault("DEBUG", "1")
