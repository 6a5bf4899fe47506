"""Article summary pages: load their front matter, validate it, verify quotes and figures.

Each ``docs/<lang>/articles/<id>.md`` (other than ``index.md``) carries the structured part
of a summary in its front matter. This module checks it against ``schemas/article.schema.json``,
then checks what a schema cannot: that the cited source exists, that every quote and figure
passage is verbatim in that source, that each figure's value occurs in its passage, and that
the English and Chinese pages agree on the numbers and quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import schemas
from .languages import CODES
from .paths import DOCS_DIR, ROOT
from .problems import Problem, relative_path
from .sources import Source, check_quote, check_value, unknown_source
from .textfile import read_text
from .yamlfile import YamlDocument, load_front_matter


@dataclass
class ArticlePage:
    language: str
    slug: str
    path: str
    meta: dict
    document: YamlDocument

    @property
    def source_id(self) -> str:
        return self.meta["article"]["source"]

    @property
    def data(self) -> dict:
        return self.meta["article"]


def article_files(language: str, docs_dir: Path = DOCS_DIR) -> list[Path]:
    return sorted(path for path in (docs_dir / language / "articles").glob("*.md") if path.name != "index.md")


def load_articles(
    sources: dict[str, Source], docs_dir: Path = DOCS_DIR, root: Path = ROOT
) -> tuple[list[ArticlePage], list[Problem]]:
    pages: list[ArticlePage] = []
    problems: list[Problem] = []
    for language in CODES:
        for file in article_files(language, docs_dir):
            page, found = _load_page(file, language, sources, root)
            problems += found
            if page:
                pages.append(page)
    problems += _cross_language_problems(pages)
    return pages, problems


def _load_page(
    file: Path, language: str, sources: dict[str, Source], root: Path = ROOT
) -> tuple[ArticlePage | None, list[Problem]]:
    path = relative_path(file, root)
    text, problems = read_text(file, root)
    if text is None:
        return None, problems
    document, _body, problems = load_front_matter(text, path)
    if document is None:
        return None, problems or [
            Problem(path, 1, 1, "(front matter)", "article pages need a '---' YAML front matter block")
        ]
    schema_problems = schemas.validate(document, "article")
    if schema_problems:
        return None, problems + schema_problems
    meta = document.data
    article = meta["article"]
    source = sources.get(article["source"])
    if source is None:
        problems.append(unknown_source(document, ("article", "source"), article["source"], sources))
    elif article["source"] != file.stem:
        problems.append(
            document.problem(
                ("article", "source"), f"source '{article['source']}' must match the file name '{file.stem}'"
            )
        )
    for index, figure in enumerate(article["figures"]):
        location = ("article", "figures", index)
        problems += check_quote(document, location + ("source_text",), figure["source_text"], source, article["source"])
        problems += check_value(document, location + ("value",), figure["value"], figure["source_text"])
    for index, quote in enumerate(article["quotes"]):
        problems += check_quote(
            document, ("article", "quotes", index, "original"), quote["original"], source, article["source"]
        )
        if language == "en" and "translation" not in quote:
            problems.append(
                document.problem(("article", "quotes", index), "English pages give a 'translation' for every quote")
            )
    return ArticlePage(language, file.stem, path, meta, document), problems


def _cross_language_problems(pages: list[ArticlePage]) -> list[Problem]:
    """The numbers and quotes of one article must be the same on its English and Chinese pages."""
    by_slug: dict[str, dict[str, ArticlePage]] = {}
    for page in pages:
        by_slug.setdefault(page.slug, {})[page.language] = page
    problems = []
    for slug, versions in sorted(by_slug.items()):
        if len(versions) != len(CODES):
            continue  # a missing translation is reported by the page-parity check
        english, chinese = versions["en"], versions["zh"]
        for kind, key in (("figures", "value"), ("quotes", "original")):
            english_values = [item[key] for item in english.data[kind]]
            chinese_values = [item[key] for item in chinese.data[kind]]
            if english_values != chinese_values:
                problems.append(
                    chinese.document.problem(
                        ("article", kind),
                        f"{kind} differ from {english.path}: both pages list the same {key}s in the same order",
                    )
                )
    return problems
