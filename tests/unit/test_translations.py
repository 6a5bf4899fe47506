"""English and Chinese pages stay in step (the anchor and marker rules are corpus cases in tests/bad_inputs)."""

from __future__ import annotations

from clusterdocs.check.page_checks import missing_translations


def test_a_page_missing_in_one_language_is_reported(tmp_path):
    docs = tmp_path / "docs"
    for language in ("en", "zh"):
        (docs / language).mkdir(parents=True)
        (docs / language / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "en" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    problems = missing_translations(tmp_path)
    assert [str(problem) for problem in problems] == [
        "docs/en/extra.md:1:1: (page): has no zh version: add docs/zh/extra.md (no silent fallback)"
    ]
