"""The Nu HTML Checker (vnu-jar from npm, run with Java) finds no error in any built page.

Needs ``node_modules/`` (``npm ci``) and a Java runtime (Debian's ``default-jre-headless``);
scripts/install-test-tools.sh installs both where missing, and ``make test`` runs it first.
Marked ``vnu`` so that ``make test-fast`` can leave it out; a missing tool fails, never skips.
Accepted messages, each with its reason, are in tests/vnu-filter.txt.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from support import ROOT

pytestmark = pytest.mark.vnu

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FILTER = ROOT / "tests" / "vnu-filter.txt"


def run_vnu(*arguments: str) -> subprocess.CompletedProcess:
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        pytest.fail("the Nu HTML Checker needs java and node_modules/vnu-jar: run `bash scripts/install-test-tools.sh`")
    return subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu", *arguments],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_every_built_page_is_valid_html(site_dir):
    pages = sorted(str(path) for path in site_dir.rglob("*.html"))
    assert len(pages) >= 20
    result = run_vnu("--filterfile", str(FILTER), *pages)
    errors = [line.replace(f"file:{site_dir}/", "") for line in result.stderr.splitlines() if ": error" in line]
    assert errors == []
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_checker_reports_an_error_it_is_shown(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text('<!doctype html><html lang="en"><title>x</title><p><div></p>', encoding="utf-8")
    result = run_vnu("--filterfile", str(FILTER), str(broken))
    assert result.returncode != 0 and ": error" in result.stderr
