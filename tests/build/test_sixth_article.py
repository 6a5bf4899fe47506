"""Adding a sixth source article as the contributing guide describes (cleaned text with header,
English and Chinese pages, nav entry, its dates in the date ledger) checks clean and builds strictly into a page in both
languages: one build of a repository copy with the fixture in tests/fixtures/sixth-article/."""

from __future__ import annotations

import re
import shutil

from support import FIXTURES, copy_repository, run_mkdocs_build

from clusterdocs.check.sitedata import load_site_data


def test_a_sixth_article_added_as_the_guide_says_checks_and_builds_in_both_languages(tmp_path):
    fixture = FIXTURES / "sixth-article"
    slug = next((fixture / "sources").glob("*.txt")).stem
    repo = copy_repository(tmp_path / "repo", ignore=("CONTRIBUTING*.md",))
    shutil.copytree(fixture / "sources", repo / "sources", dirs_exist_ok=True)
    shutil.copytree(fixture / "docs", repo / "docs", dirs_exist_ok=True)
    ledger = repo / "data" / "date_ledger.yml"
    ledger.write_text(
        ledger.read_text(encoding="utf-8") + (fixture / "date-ledger-entries.yml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    last_article = re.findall(r"^      - articles/[\w-]+\.md\n", config, re.MULTILINE)[-1]
    (repo / "mkdocs.yml").write_text(
        config.replace(last_article, last_article + f"      - articles/{slug}.md\n"), encoding="utf-8"
    )

    data = load_site_data(repo)
    assert slug in data.sources and {page.language for page in data.articles if page.slug == slug} == {"en", "zh"}

    result = run_mkdocs_build(repo / "site", cwd=repo)
    assert result.returncode == 0, result.stderr[-4000:]
    english = (repo / "site" / "articles" / slug / "index.html").read_text(encoding="utf-8")
    chinese = (repo / "site" / "zh" / "articles" / slug / "index.html").read_text(encoding="utf-8")
    assert "A sixth sample article" in english and "样例第六篇文章" in chinese
    assert f"docs/zh/articles/{slug}.md" in chinese  # the edit link opens the page's own file
    assert f"{slug}" in (repo / "site" / "sources.csv").read_text(encoding="utf-8")
