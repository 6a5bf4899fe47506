"""The build date follows the tree being built (hooks/build_date.py): a build dates itself by its
own ``HEAD``, even after another build in the same process or in the process that started it set
``SOURCE_DATE_EPOCH``; a value the caller set is kept."""

from __future__ import annotations

import importlib.util
import os
import subprocess
from types import SimpleNamespace

from support import ROOT


def _hook():
    spec = importlib.util.spec_from_file_location("build_date_under_test", ROOT / "hooks" / "build_date.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _repository(folder, date: str):
    folder.mkdir()
    (folder / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    identity = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@localhost", "GIT_COMMITTER_NAME": "t"}
    identity |= {"GIT_COMMITTER_EMAIL": "t@localhost", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    for command in (["init", "--quiet"], ["add", "--all"], ["commit", "--quiet", "--no-gpg-sign", "-m", "x"]):
        subprocess.run(["git", *command], cwd=folder, env=identity | {"PATH": "/usr/bin:/bin"}, check=True)
    return SimpleNamespace(config_file_path=str(folder / "mkdocs.yml"))


def test_each_build_is_dated_by_its_own_head(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv(_hook().FROM_GIT, raising=False)
    january = _repository(tmp_path / "january", "2026-01-01T00:00:00Z")
    june = _repository(tmp_path / "june", "2026-06-01T00:00:00Z")
    _hook().on_config(january)

    assert os.environ["SOURCE_DATE_EPOCH"] == "1767225600"
    _hook().on_config(june)  # a later build in the same process, or one started by it
    assert os.environ["SOURCE_DATE_EPOCH"] == "1780272000"


def test_a_date_the_caller_set_is_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")
    monkeypatch.delenv(_hook().FROM_GIT, raising=False)
    _hook().on_config(_repository(tmp_path / "tree", "2026-06-01T00:00:00Z"))

    assert os.environ["SOURCE_DATE_EPOCH"] == "1000000000"
