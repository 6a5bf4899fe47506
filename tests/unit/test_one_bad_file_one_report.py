"""A bad data file stops the test run with the check's lines, printed once."""

from __future__ import annotations

import shutil
import subprocess
import sys

from support import ROOT, TESTS, copy_repository


def test_a_bad_file_stops_the_suite_with_its_check_lines_once(tmp_path):
    tree = copy_repository(tmp_path / "repo")
    shutil.copytree(TESTS, tree / "tests", ignore=shutil.ignore_patterns("__pycache__", "bad_inputs", "fixtures"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    milestone = tree / "timeline" / "2018-jiangsu-cluster-guideline.yml"
    milestone.write_text(milestone.read_text(encoding="utf-8") + "id: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "tests/unit", "tests/build"],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    line = "timeline/2018-jiangsu-cluster-guideline.yml:"
    assert result.returncode == 1, output[-3000:]
    assert output.count(line) == 1, output[-3000:]
    assert "1 problem(s) in the data (`make check`)" in output
    assert " passed" not in output and " failed" not in output and len(output.splitlines()) < 15, output
