"""Checks over every page in ``docs/``: both languages present, front matter MkDocs can read."""

from __future__ import annotations

import re
from pathlib import Path

from .articles import article_files
from .paths import DOCS_DIR, LANGUAGES, ROOT
from .problems import Problem, relative_path
from .textfile import read_text
from .yamlfile import load_front_matter

# What MkDocs builds as a page (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# MkDocs reads "key: value" lines at the very top of a page without '---' as metadata.
_BARE_METADATA = re.compile(r"[ ]{0,3}[A-Za-z0-9_-]+:")
PLAIN_TEXT_FIELDS = ("title", "description")


def page_files(directory: Path) -> list[Path]:
    """Every file under ``directory`` that MkDocs builds as a page."""
    return sorted(path for path in directory.rglob("*") if path.name.endswith(MARKDOWN_SUFFIXES) and path.is_file())


def missing_translations(docs_dir: Path = DOCS_DIR, root: Path = ROOT) -> list[Problem]:
    pages = {language: {path.relative_to(docs_dir / language).as_posix() for path in page_files(docs_dir / language)}
             for language in LANGUAGES}
    problems = []
    for language in LANGUAGES:
        for other in LANGUAGES:
            for page in sorted(pages[language] - pages[other]):
                path = relative_path(docs_dir / language / page, root)
                problems.append(Problem(path, 1, 1, "(page)",
                                        f"has no {other} version: add docs/{other}/{page} (no silent fallback)"))
    return problems


def page_front_matter_problems(docs_dir: Path = DOCS_DIR, root: Path = ROOT) -> list[Problem]:
    """Front matter of every page other than article summaries (their schema checks theirs).

    Front matter that MkDocs would silently publish as page text (not closed, not valid YAML,
    not a mapping) is reported, as are bare ``key: value`` lines at the top of a page, and a
    ``title`` or ``description`` that is not plain text.
    """
    articles = {file for language in LANGUAGES for file in article_files(language, docs_dir)}
    problems = []
    for file in page_files(docs_dir):
        if file in articles:
            continue
        path = relative_path(file, root)
        text, found = read_text(file, root)
        problems += found
        if text is None:
            continue
        document, _body, found = load_front_matter(text, path)
        problems += found
        if document is None:
            if not found and _BARE_METADATA.match(text):
                problems.append(Problem(path, 1, 1, "(front matter)",
                                        "MkDocs reads 'key: value' lines at the top of a page as metadata; "
                                        "put them between '---' lines"))
            continue
        for key in PLAIN_TEXT_FIELDS:
            if key in document.data and not isinstance(document.data[key], str):
                problems.append(document.problem((key,), "must be plain text"))
    return problems
