"""Every script and test starts Chromium the same way (scripts/chromium.py): Debian's browser,
with one set of flags, so that a flag added for one (no background traffic, say) holds for all."""

from __future__ import annotations

import re

from support import ROOT


def test_chromium_is_launched_only_by_the_shared_helper():
    launches = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("scripts", "tests", "hooks", "clusterdocs")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"chromium\.launch\(|--no-sandbox|/usr/bin/chromium", line)
        and path != ROOT / "scripts" / "chromium.py"
        and path != ROOT / "tests" / "unit" / "test_one_chromium.py"
    ]
    assert launches == []
