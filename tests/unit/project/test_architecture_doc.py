"""docs/architecture.md names every package and module of the tree, so the map of rooms cannot go stale."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "timetracker_desktop"
DOC = ROOT / "docs" / "architecture.md"


def _packages() -> list[Path]:
    return sorted(init.parent for init in PACKAGE.rglob("__init__.py"))


@pytest.mark.parametrize("package", _packages(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_package_is_on_the_map_with_its_modules(package: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    name = package.relative_to(ROOT).as_posix() + "/"
    entry = re.search(rf"^- `{re.escape(name)}` — (.+)\n(?:  Modules: (.+)\.\n)?", text, re.MULTILINE)
    assert entry, f"{name} is missing from docs/architecture.md"
    listed = set(entry.group(2).split(", ")) if entry.group(2) else set()
    present = {m.stem for m in package.glob("*.py") if m.name not in {"__init__.py", "resources_rc.py"}}
    assert listed == present, f"{name}: doc lists {sorted(listed ^ present)} wrongly"
