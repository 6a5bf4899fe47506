"""English and Chinese pages stay in step (the anchor and marker rules are corpus cases in tests/bad_inputs)."""

from __future__ import annotations

from clusterdocs.translations import missing_translations


def test_a_page_missing_in_one_language_is_reported(tmp_path):
    for language in ("en", "zh"):
        (tmp_path / language).mkdir()
        (tmp_path / language / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "en" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    problems = missing_translations(tmp_path)
    assert [problem.message for problem in problems] == ["has no zh version: add docs/zh/extra.md (no silent fallback)"]
