"""Each language's search index, written as its build ends (hooks/search_indexes.py,
clusterdocs/publish/search_index.py), so no index of every language is ever made."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from mkdocs.config import load_config
from support import ROOT

from clusterdocs.base.languages import LANGUAGES, language_of
from clusterdocs.publish.search_index import STAGING, index_text, place_language_indexes, stage_language_index


def test_a_language_index_has_its_entries_relative_to_the_language_root():
    config = {"lang": ["en", "zh"], "separator": "[\\s\u200b]+"}
    entries = [
        {"location": "zh/", "title": "首页", "text": "集群"},
        {"location": "zh/timeline/#x", "title": "时间线", "text": "「引」", "boost": 2},
    ]
    text = index_text(config, entries, language_of("zh"))
    assert json.loads(text) == {
        "config": config,
        "docs": [dict(entries[0], location=""), dict(entries[1], location="timeline/#x")],
    }
    assert "集群" in text and "\\u" not in text  # UTF-8, not escaped
    assert entries[0]["location"] == "zh/"  # the search plugin's own entries are left as they were
    english = [{"location": "timeline/", "title": "Timeline", "text": "", "tags": {1}}]
    assert json.loads(index_text(config, english, language_of("en")))["docs"] == [dict(english[0], tags="{1}")]


def test_staged_indexes_replace_whatever_is_at_their_place_and_leave_no_staging(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text('{"config":{},"docs":[]}', encoding="utf-8")
    for language in LANGUAGES:
        entry = {"location": f"{language.prefix}about/", "title": language.name, "text": ""}
        stage_language_index(tmp_path, language, {"lang": [language.code]}, [entry])
    assert not (tmp_path / "zh" / "search").exists()  # nothing is in place before the last language
    placed = place_language_indexes(tmp_path)
    assert placed == [f"{language.prefix}search/search_index.json" for language in LANGUAGES]
    for language in LANGUAGES:
        index = json.loads((tmp_path / language.prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index == {
            "config": {"lang": [language.code]},
            "docs": [{"location": "about/", "title": language.name, "text": ""}],
        }
    assert not (tmp_path / STAGING).exists()
    assert place_language_indexes(tmp_path) == []  # a second call finds nothing staged and changes nothing


def test_the_hook_writes_the_language_index_and_leaves_i18n_no_entries(tmp_path):
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    hook = sys.modules["hooks/search_indexes.py"]
    search = config.plugins["material/search"]
    search.on_config(config)
    config.theme["language"] = "zh"
    entries = [{"location": "zh/glossary/#x", "title": "术语", "text": "集群"}]
    built = search.search_index
    built.entries = list(entries)
    i18n = config.plugins["i18n"]
    i18n.search_entries = []

    hook.on_post_build(config=config)
    i18n.extend_search_entries(config)  # what mkdocs-static-i18n does next, at priority -100

    assert search.search_index.entries == [] and i18n.search_entries == []
    assert built.entries == entries  # the index Material built is left as it was
    staged = json.loads((tmp_path / STAGING / "zh.json").read_text(encoding="utf-8"))
    assert staged["docs"] == [dict(entries[0], location="glossary/#x")]
    # Material's settings, plus what the site's search worker reads: Material's worker, the fold table.
    assert set(staged["config"]) == {"lang", "separator", "pipeline", "fields", "worker", "fold"}
    assert any(
        (Path(d) / "assets/javascripts/workers" / staged["config"]["worker"]).is_file() for d in config.theme.dirs
    )


def test_without_a_search_plugin_the_hook_does_nothing(tmp_path):
    load_config(str(ROOT / "mkdocs.yml"))
    hook = sys.modules["hooks/search_indexes.py"]
    config = SimpleNamespace(plugins={}, site_dir=str(tmp_path), theme={"language": "en"})
    hook.on_post_build(config=config)
    assert not Path(tmp_path, STAGING).exists()


def test_a_dirty_build_is_refused_with_one_line_and_no_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Error: --dirty is not supported" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
