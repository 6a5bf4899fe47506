"""The theme's templates are compiled once and then read back compiled (hooks/theme_templates.py)."""

from __future__ import annotations

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from support import ROOT


def _theme_environment(config) -> jinja2.Environment:
    return config.plugins.on_env(config.theme.get_env(), config=config, files=Files([]))


def test_a_new_theme_environment_reads_compiled_templates_instead_of_compiling(tmp_path, monkeypatch):
    monkeypatch.setenv("CLUSTERDOCS_CACHE_DIR", str(tmp_path))
    config = load_config(str(ROOT / "mkdocs.yml"))
    _theme_environment(config).get_template("main.html")
    assert list((tmp_path / "jinja-theme").glob("*.cache"))

    def no_compiling(*_args, **_kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(jinja2.Environment, "compile", no_compiling)
    assert _theme_environment(config).get_template("main.html").render  # from the cache
    with pytest.raises(AssertionError, match="compiled again"):
        _theme_environment(config).from_string("{{ 1 }}")
