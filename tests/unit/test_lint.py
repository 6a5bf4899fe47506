"""The linters pre-commit runs, run again in `make test-fast` and CI: one mechanism, two entry points.

Each test runs one tool from the project's .venv with the repository's committed config
(pyproject.toml, .yamllint.yml, .pymarkdown.json, .autocorrectrc, schemas/) and fails with the
tool's own output. Each tool is also shown to catch a planted mistake, so a config that
silently checks nothing cannot pass.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import ROOT

BIN = Path(sys.executable).parent
YAML_TARGETS = ["timeline", "data", "mkdocs.yml", ".pre-commit-config.yaml", ".yamllint.yml", ".github"]
# .github/pull_request_template.md is not linted: a pull-request description starts with a ## section, not a title.
MARKDOWN_TARGETS = [
    "docs",
    "README.md",
    "ARCHITECTURE.md",
    "benchmarks/README.md",
    "CONTRIBUTING.md",
    "CONTRIBUTING.zh-Hans.md",
]


def run(*command: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def present(paths: list[str], root: Path = ROOT) -> list[str]:
    return [path for path in paths if (root / path).exists()]


def test_ruff():
    result = run(BIN / "ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format():
    result = run(BIN / "ruff", "format", "--check", "--no-cache", ".")
    assert result.returncode == 0, "run `.venv/bin/ruff format .`\n" + result.stdout + result.stderr


def test_yamllint():
    result = run(BIN / "yamllint", "--strict", "-c", ".yamllint.yml", *present(YAML_TARGETS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_pymarkdown():
    result = run(BIN / "pymarkdown", "--config", ".pymarkdown.json", "scan", "-r", *present(MARKDOWN_TARGETS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_cjk_typography():
    result = run(sys.executable, "scripts/cjk_typography.py")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "schema, files",
    [
        ("timeline", sorted(str(path.relative_to(ROOT)) for path in (ROOT / "timeline").glob("*.yml"))),
        ("clusters", ["data/clusters.yml"]),
        ("figures", ["data/figures.yml"]),
        ("glossary", ["data/glossary.yml"]),
    ],
)
def test_json_schema_validation(schema, files):
    result = run(BIN / "check-jsonschema", "--schemafile", f"schemas/{schema}.schema.json", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linters_catch_planted_mistakes(tmp_path):
    for name in ("pyproject.toml", ".yamllint.yml", ".pymarkdown.json", ".autocorrectrc"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "bad.py").write_text("import os\n", encoding="utf-8")
    (tmp_path / "bad.yml").write_text("key: 1\nkey: 2\n", encoding="utf-8")
    (tmp_path / "bad.md").write_text("# Title\n\n```\nno language\n```\n", encoding="utf-8")
    (tmp_path / "docs" / "zh").mkdir(parents=True)
    (tmp_path / "docs" / "zh" / "bad.md").write_text("# 标题\n\n中文,标点\n", encoding="utf-8")
    assert "F401" in run(BIN / "ruff", "check", "--no-cache", "bad.py", cwd=tmp_path).stdout
    (tmp_path / "unformatted.py").write_text("x = [1,2]\n", encoding="utf-8")
    assert (
        "unformatted.py" in run(BIN / "ruff", "format", "--check", "--no-cache", "unformatted.py", cwd=tmp_path).stdout
    )
    assert "key-duplicates" in run(BIN / "yamllint", "-c", ".yamllint.yml", "bad.yml", cwd=tmp_path).stdout
    assert "MD040" in run(BIN / "pymarkdown", "--config", ".pymarkdown.json", "scan", "bad.md", cwd=tmp_path).stdout
    typography = run(sys.executable, ROOT / "scripts" / "cjk_typography.py", tmp_path / "docs" / "zh" / "bad.md")
    assert typography.returncode == 1 and "中文，标点" in typography.stdout


def test_pre_commit_hooks_are_local_and_run_from_the_venv():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert {repo["repo"] for repo in config["repos"]} == {"local"}, "a hook from a Git host is fetched at commit time"
    assert {
        "clusterdocs-check",
        "ruff",
        "ruff-format",
        "yamllint",
        "pymarkdown",
        "cjk-typography",
        "timeline-schema",
    } <= {hook["id"] for hook in hooks}
    for hook in hooks:
        assert hook["language"] == "system", hook["id"]
        executable = hook["entry"].split()[0]
        assert executable.startswith(".venv/bin/"), hook["id"]
        assert (BIN / Path(executable).name).exists(), f"{hook['id']}: {executable} is not installed by the lock files"
