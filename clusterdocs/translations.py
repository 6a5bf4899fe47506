"""Checks over every page in ``docs/``: both languages present, no spam or converter debris."""

from __future__ import annotations

from pathlib import Path

from .paths import DOCS_DIR, LANGUAGES, ROOT
from .problems import Problem, relative_path
from .sources import text_problems


def missing_translations(docs_dir: Path = DOCS_DIR, root: Path = ROOT) -> list[Problem]:
    pages = {language: {path.relative_to(docs_dir / language).as_posix()
                        for path in (docs_dir / language).rglob("*.md")} for language in LANGUAGES}
    problems = []
    for language in LANGUAGES:
        for other in LANGUAGES:
            for page in sorted(pages[language] - pages[other]):
                path = relative_path(docs_dir / language / page, root)
                problems.append(Problem(path, 1, 1, "(page)",
                                        f"has no {other} version: add docs/{other}/{page} (no silent fallback)"))
    return problems


def page_text_problems(docs_dir: Path = DOCS_DIR, root: Path = ROOT) -> list[Problem]:
    """Spam or converter debris in any page, front matter included."""
    problems = []
    for page in sorted(docs_dir.rglob("*.md")):
        problems += text_problems(page.read_text(encoding="utf-8"), relative_path(page, root))
    return problems
