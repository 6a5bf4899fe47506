"""Scripts that read contributed files answer bad input with problem lines, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys

from support import CHECK_CORPUS, ROOT

PROBLEM_LINE = re.compile(r"^[^:\n]+:\d+:\d+: [\w ()-]+: .+$")


def test_the_cjk_typography_lint_reads_every_bad_input_without_a_traceback():
    files = sorted(str(path) for path in CHECK_CORPUS.rglob("*") if path.suffix in (".md", ".yml", ".yaml"))
    assert len(files) > 50
    result = subprocess.run(
        [sys.executable, "scripts/cjk_typography.py", *files], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode in (0, 1) and result.stderr == "", result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines and all(PROBLEM_LINE.match(line) for line in lines), [l for l in lines if not PROBLEM_LINE.match(l)]
    unread = [line for line in lines if "not checked:" in line]
    assert any("yaml-unclosed-quote" in line and "not valid YAML" in line for line in unread)
    assert any("decode-invalid-utf8" in line and "not UTF-8 text" in line for line in unread)
