"""Every text file the site is built from: readable as text, with no spam or converter debris.

``content_text_problems(root, directories)`` reads every text file under the content
directories (``sources/``, ``timeline/``, ``data/``, ``docs/``) through the one reader (``textfile.read_text``) and runs the spam and
debris check over the whole file, headers and front matter included. It covers files no
loader parses (interface strings, stylesheets, scripts, a page in an unexpected place), so
nothing the site is built from escapes the check. Binary files are recognised by suffix.
Symbolic links are refused: MkDocs follows them, so a link could publish a file from outside
the repository.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..base.languages import is_generated
from ..base.problems import Problem, relative_path
from .sources import text_problems
from ..read.textfile import read_text

BINARY_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".otf", ".pdf", ".zip", ".gz"}
)


def content_text_problems(root: Path, directories: Iterable[str]) -> list[Problem]:
    problems = []
    for directory in directories:
        for file in _walk(root / directory):
            if file.is_symlink():
                problems.append(
                    Problem(
                        relative_path(file, root),
                        1,
                        1,
                        "(file)",
                        "symbolic links are not allowed here; add the file itself",
                    )
                )
                continue
            if file.is_dir() or file.suffix.lower() in BINARY_SUFFIXES:
                continue
            text, found = read_text(file, root)  # refuses devices, pipes and sockets too
            problems += found
            if text is not None:
                problems += text_problems(text, relative_path(file, root))
    return problems


def _walk(directory: Path) -> list[Path]:
    """Every file, folder and link under ``directory``, without following links."""
    found = []
    for parent, folders, files in os.walk(directory):
        # The generated languages' pages (docs/zh-Hant) are the build's output, not content.
        folders[:] = [name for name in folders if not is_generated(Path(parent, name), directory)]
        found += [Path(parent, name) for name in folders + files]
    return sorted(found)
