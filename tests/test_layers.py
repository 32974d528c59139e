"""Imports flow one way: formatting ← care ← editorial ← caching ← pictures ← cities ← news
← office ← the rest.

Each package's docstring says what it may import; this test holds them to it,
reading every module's imports (those inside functions too) from its source.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Lowest first. A module may import its own layer and those before it.
LAYERS = [
    "portal.formatting",
    "portal.care",  # care mode's cookie: the page cache keys pages by it
    "portal.editorial",
    "portal.caching",
    "portal.pictures",
    "cities",
    "news",
    "office",
    "portal",  # everything else of the project: search, operations, demo, pages
]


def layer_of(module):
    """The index in LAYERS of the most specific layer holding `module`, or None."""
    holding = [
        index
        for index, prefix in enumerate(LAYERS)
        if module == prefix or module.startswith(prefix + ".")
    ]
    return max(holding, key=lambda index: len(LAYERS[index]), default=None)


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = (
        module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    )
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield node.lineno, base
            for alias in node.names:  # `from portal import pending` names a module
                yield node.lineno, f"{base}.{alias.name}"


def project_modules():
    for top in ("portal", "cities", "news", "office"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def upward_imports(path):
    own = layer_of(module_name(path))
    for line, target in imported_modules(path):
        target_layer = layer_of(target)
        if target_layer is not None and own is not None and target_layer > own:
            yield f"{path.relative_to(ROOT)}:{line} imports {target} ({LAYERS[target_layer]})"


def test_no_module_imports_a_higher_layer():
    found = [problem for path in project_modules() for problem in upward_imports(path)]
    assert found == []


@pytest.mark.parametrize(
    ("source", "upward"),
    [
        ("from news.models import Article\n", True),
        ("def f():\n    from news import models\n", True),
        ("import news.feeds\n", True),
        ("from portal import views\n", True),
        ("from portal.formatting.dates import DatePrecision\n", False),
        ("from cities.models import City\n", False),
    ],
)
def test_the_check_sees_an_upward_import_from_cities(tmp_path, monkeypatch, source, upward):
    """`cities` importing `news` (or the project's pages) is caught, wherever it stands."""
    package = tmp_path / "cities"
    package.mkdir()
    module = package / "probe.py"
    module.write_text(source, encoding="utf-8")
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    assert bool(list(upward_imports(module))) is upward
