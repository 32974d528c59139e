"""No module of the project is over 300 lines (issue #24; STYLE.md: a longer file is
asking to be split by meaning). Generated migrations count too."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ("portal", "cities", "news", "office")
LIMIT = 300


def test_no_module_is_over_300_lines():
    modules = [path for app in APPS for path in sorted((ROOT / app).rglob("*.py"))]
    assert len(modules) > 100  # the walk found the project
    over = {
        str(path.relative_to(ROOT)): lines
        for path in modules
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert over == {}, f"split these by meaning: {over}"
