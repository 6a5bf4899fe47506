"""Article summary pages: load their front matter, validate it, verify quotes and figures.

Each ``docs/<lang>/articles/<id>.md`` (other than ``index.md``) carries the structured part
of a summary in its front matter. ``load_articles(sources, root)`` loads it through the shared
path (``datafile.read_front_matter``, ``schemas/article.schema.json``), then checks what a
schema cannot: that the cited source exists, that every quote and figure
passage is verbatim in that source, that each figure's value occurs in its passage, and that
the English and Chinese pages agree on the numbers and quotes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..read.datafile import file_name_problems, read_front_matter
from ..base.languages import CODES
from ..base.problems import Problem
from .sources import Source, check_figure, check_quote, unknown_source
from ..read.yamlfile import YamlDocument

MISSING_FRONT_MATTER = "article pages need a '---' YAML front matter block"


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

    def converted(self, language: str, convert: Callable[[str], str]) -> ArticlePage:
        """This page as a generated language shows it: every string ``convert``-ed except the
        verbatim ones (``VERBATIM_KEYS``), which keep the source's own script."""
        return ArticlePage(language, self.slug, self.path, _converted(self.meta, convert), self.document)


# Front-matter fields that hold a source's own wording (or ids), never converted.
VERBATIM_KEYS = frozenset({"source_text", "original", "value", "source", "cluster", "id"})


def _converted(node, convert: Callable[[str], str]):
    if isinstance(node, dict):
        return {key: value if key in VERBATIM_KEYS else _converted(value, convert) for key, value in node.items()}
    if isinstance(node, list):
        return [_converted(item, convert) for item in node]
    return convert(node) if isinstance(node, str) else node


def article_files(root: Path, language: str) -> list[Path]:
    """The article summary pages of one language (the articles index is not one)."""
    return sorted(path for path in (root / "docs" / language / "articles").glob("*.md") if path.name != "index.md")


def load_articles(sources: dict[str, Source], root: Path) -> tuple[list[ArticlePage], list[Problem]]:
    pages: list[ArticlePage] = []
    problems: list[Problem] = []
    for language in CODES:
        for file in article_files(root, language):
            page, found = _load_page(file, language, sources, root)
            problems += found
            if page:
                pages.append(page)
    problems += _cross_language_problems(pages)
    return pages, problems


def _load_page(
    file: Path, language: str, sources: dict[str, Source], root: Path
) -> tuple[ArticlePage | None, list[Problem]]:
    loaded = read_front_matter(file, root, "article", required=("(front matter)", MISSING_FRONT_MATTER))
    if not loaded.valid:
        return None, loaded.problems + loaded.schema_problems
    document, problems = loaded.document, loaded.problems
    article = document.data["article"]
    source = sources.get(article["source"])
    if source is None:
        problems.append(unknown_source(document, ("article", "source"), article["source"], sources))
    else:
        problems += file_name_problems(document, ("article", "source"), file)
    for index, figure in enumerate(article["figures"]):
        problems += check_figure(document, ("article", "figures", index), figure, source, article["source"])
    for index, quote in enumerate(article["quotes"]):
        problems += check_quote(
            document, ("article", "quotes", index, "original"), quote["original"], source, article["source"]
        )
        if language == "en" and "translation" not in quote:
            problems.append(
                document.problem(("article", "quotes", index), "English pages give a 'translation' for every quote")
            )
    return ArticlePage(language, file.stem, loaded.path, document.data, document), problems


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
