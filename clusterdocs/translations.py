"""Every page exists in both languages: ``docs/en/x.md`` needs ``docs/zh/x.md`` and back."""

from __future__ import annotations

from pathlib import Path

from .paths import DOCS_DIR, LANGUAGES, ROOT
from .problems import Problem, relative_path


def missing_translations(docs_dir: Path = DOCS_DIR) -> list[Problem]:
    pages = {language: {path.relative_to(docs_dir / language).as_posix()
                        for path in (docs_dir / language).rglob("*.md")} for language in LANGUAGES}
    problems = []
    for language in LANGUAGES:
        for other in LANGUAGES:
            for page in sorted(pages[language] - pages[other]):
                path = relative_path(docs_dir / language / page, ROOT)
                problems.append(Problem(path, 1, 1, "(page)",
                                        f"has no {other} version: add docs/{other}/{page} (no silent fallback)"))
    return problems
