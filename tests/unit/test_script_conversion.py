"""The zh-Hant conversion: character-level s2tw, the project's exceptions, and what stays verbatim."""

from __future__ import annotations

import shutil

import pytest

from clusterdocs.publish import converted_site
from clusterdocs.__main__ import main as check_command
from clusterdocs.publish.converted_site import corpus, write_converted_pages
from clusterdocs.base.languages import GENERATED_CODES, language_of
from clusterdocs.check.page_checks import page_files
from clusterdocs.check.script_conversion import convert
from clusterdocs.check.sitedata import load_site_data

from support import ROOT


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT)


@pytest.mark.parametrize(
    "simplified, traditional",
    [
        # Character level with Taiwan glyphs: official names and titles keep their wording.
        ("工业和信息化部", "工業和信息化部"),
        ("集成电路", "集成電路"),
        ("先进制造业集群", "先進製造業集群"),
        ("专精特新", "專精特新"),
        ("成渝地区双城经济圈", "成渝地區雙城經濟圈"),
    ],
)
def test_conversion_is_character_level_not_vocabulary(data, simplified, traditional):
    assert data.text_in(simplified, "zh-Hant") == traditional


@pytest.mark.parametrize(
    "simplified, traditional",
    [("岳维松", "岳維松"), ("欧美发达国家", "歐美發達國家"), ("发布", "發布"), ("公布结果", "公布結果")],
)
def test_the_exceptions_list_overrides_opencc(data, simplified, traditional):
    assert convert(simplified, "Traditional") != traditional  # OpenCC alone gets these wrong
    assert data.text_in(simplified, "zh-Hant") == traditional


def test_every_listed_exception_is_applied(data):
    assert data.conversion_exceptions
    for simplified, traditional in data.conversion_exceptions:
        assert data.text_in(f"据{simplified}称", "zh-Hant") == f"據{traditional}稱"


def test_an_exception_opencc_already_handles_fails_the_check(tmp_path, capsys):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    for name in ("sources", "timeline", "docs", "schemas"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("zh-Hant"))
    exceptions = tmp_path / "data" / "conversion_exceptions.yml"
    exceptions.write_text(
        exceptions.read_text(encoding="utf-8").replace(
            "exceptions:\n",
            "exceptions:\n  - simplified: 发布\n    traditional: 發佈\n    reason: a duplicate that OpenCC already gives\n",
        ),
        encoding="utf-8",
    )
    # The check's entry point in this process (an exception would fail the test); the command line
    # itself is run by tests/unit/test_check_command.py.
    assert check_command(["check", "--root", str(tmp_path)]) == 1
    stderr = capsys.readouterr().err
    lines = [line for line in stderr.splitlines() if line.startswith("data/conversion_exceptions.yml:")]
    assert any("'发布' is listed twice" in line for line in lines), stderr
    assert any("OpenCC already converts '发布' to '發佈'" in line for line in lines), stderr


def test_generated_languages_convert_interface_strings_but_not_quotes(data):
    for code in GENERATED_CODES:
        source = language_of(code).converted_from
        assert set(data.ui[code]) == set(data.ui[source])
        assert data.ui[code]["site_name"] == "中國先進製造業集群政策參考"
        simplified_page = data.article(source, "central-local-2021")
        page = data.article(code, "central-local-2021")
        assert page.meta["title"] == data.text_in(simplified_page.meta["title"], code)
        # Quoted wording and figure passages keep the source's own script.
        assert [quote["original"] for quote in page.data["quotes"]] == [
            quote["original"] for quote in simplified_page.data["quotes"]
        ]
        assert [figure["source_text"] for figure in page.data["figures"]] == [
            figure["source_text"] for figure in simplified_page.data["figures"]
        ]
        assert page.data["figures"][0]["measures"] != simplified_page.data["figures"][0]["measures"]


def test_every_written_chinese_page_has_a_generated_page(data, tmp_path):
    for name in ("docs",):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("zh-Hant"))
    write_converted_pages(tmp_path, data)
    for code in GENERATED_CODES:
        source = tmp_path / "docs" / language_of(code).converted_from
        generated = tmp_path / "docs" / code
        assert [path.relative_to(source) for path in page_files(source)] == [
            path.relative_to(generated) for path in page_files(generated)
        ]
        index = (generated / "index.md").read_text(encoding="utf-8")
        assert index == data.text_in((source / "index.md").read_text(encoding="utf-8"), code)
        # Written only when the content changes: a second run leaves the files untouched.
        stamps = {path: path.stat().st_mtime_ns for path in page_files(generated)}
        (generated / "stale.md").write_text("old", encoding="utf-8")
        write_converted_pages(tmp_path, data)
        assert {path: path.stat().st_mtime_ns for path in page_files(generated)} == stamps


def test_the_search_dictionary_corpus_keeps_only_lines_a_converted_word_can_occur_in(data):
    lines = corpus(ROOT, data).split("\n")
    assert lines and all(not line.isascii() for line in lines)
    assert any("集群" in line for line in lines)


def test_the_words_found_in_the_corpus_are_looked_up_again_only_when_the_question_changes(monkeypatch):
    looked_up = []
    real_occurs = converted_site._occurs
    monkeypatch.setattr(converted_site, "_last_occurring", None)
    monkeypatch.setattr(
        converted_site, "_occurs", lambda word, *rest: looked_up.append(word) or real_occurs(word, *rest)
    )
    candidates = ["集群 5 n", "產業 9 n"]
    assert converted_site._occurring(candidates, "先進製造業集群") == ["集群 5 n"]
    assert converted_site._occurring(candidates, "先進製造業集群") == ["集群 5 n"]
    assert looked_up == ["集群", "產業"]
    assert converted_site._occurring(candidates, "產業集群") == ["集群 5 n", "產業 9 n"]
    assert looked_up == ["集群", "產業"] * 2
