"""What a contribution may be: every path under the content folders, checked by folder and file
type before any loader reads a file.

A pull request may add or change only the files listed in ``ALLOWED`` (pages, data, source
texts, and in one assets folder stylesheets, scripts and images of the listed types; the
folders only maintainers change are in .github/CODEOWNERS). Everything else under the content
folders is one problem line, and so are symbolic links, devices, pipes and sockets, and names
outside a safe character set (lower-case ASCII letters, digits, ``-``, ``_`` and ``.``).
``sitedata.load_site_data`` stops at these lines: no loader reads a file that is not allowed.
"""

from __future__ import annotations

import os
import re
import stat
from fnmatch import fnmatchcase
from pathlib import Path

from ..base.languages import is_generated
from ..base.problems import Problem

# (pattern of a path relative to the repository, what such a file is); ``*`` stays in one folder.
ALLOWED = (
    ("sources/*.txt", "a cleaned source text"),
    ("timeline/*.yml", "a timeline milestone"),
    ("data/*.yml", "a data file"),
    ("data/jieba_userdict.txt", "the search dictionary"),
    ("docs/en/*.md", "a page"),
    ("docs/en/articles/*.md", "an article page"),
    ("docs/zh/*.md", "a page"),
    ("docs/zh/articles/*.md", "an article page"),
    ("docs/en/assets/*.css", "a stylesheet"),
    ("docs/en/assets/*.js", "a script"),
    ("docs/en/assets/javascripts/workers/*.js", "the search worker, beside the theme's own"),
    ("docs/en/assets/favicon.svg", "the site icon"),
    ("docs/en/assets/images/*.png", "an image"),
    ("docs/en/assets/images/*.jpg", "an image"),
    ("docs/en/assets/images/*.webp", "an image"),
)
CONTENT_FOLDERS = ("sources", "timeline", "data", "docs")
SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]*")


def _allowed(path: str) -> bool:
    return any(fnmatchcase(path, pattern) and path.count("/") == pattern.count("/") for pattern, _ in ALLOWED)


def _allowed_in(folder: str) -> str:
    kinds = [pattern.rsplit("/", 1)[1] for pattern, _ in ALLOWED if pattern.rsplit("/", 1)[0] == folder]
    return ", ".join(kinds) if kinds else "no files (only the folders listed in CONTRIBUTING)"


def _folder_allowed(path: str) -> bool:
    return any(pattern.startswith(path + "/") for pattern, _ in ALLOWED)


def contribution_path_problems(root: Path) -> list[Problem]:
    """One line for every path under the content folders that a contribution may not hold."""
    problems = []
    for folder in CONTENT_FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for parent, folders, files in os.walk(base):
            kept = []
            for name in sorted(folders):
                entry = Path(parent, name)
                if is_generated(entry, root / "docs"):
                    continue  # docs/zh-Hant: the build's output, not content
                problem = _entry_problem(entry, root, is_folder=True)
                if problem is None:
                    kept.append(name)
                else:
                    problems.append(problem)
            folders[:] = kept
            for name in sorted(files):
                problem = _entry_problem(Path(parent, name), root, is_folder=False)
                if problem is not None:
                    problems.append(problem)
    return problems


def _entry_problem(entry: Path, root: Path, is_folder: bool) -> Problem | None:
    path = entry.relative_to(root).as_posix()

    def problem(message: str) -> Problem:
        return Problem(path, 1, 1, "(path)", message)

    mode = entry.lstat().st_mode
    if stat.S_ISLNK(mode):
        return problem("symbolic links are not allowed here; add the file itself")
    folder = path.rsplit("/", 1)[0]
    if is_folder:
        if not SAFE_NAME.fullmatch(entry.name):
            return problem("folder name outside the safe set: use lower-case ASCII letters, digits, '-' and '_'")
        if _folder_allowed(path):
            return None
        return problem(f"no folder may be added here; {folder}/ holds {_allowed_in(folder)}")
    if not stat.S_ISREG(mode):
        return problem("not a regular file (a device, pipe or socket); add a text file")
    if SAFE_NAME.fullmatch(entry.name) and _allowed(path):
        return None
    renamed = re.sub(r"\.yaml$", ".yml", path.lower())
    if renamed != path and SAFE_NAME.fullmatch(renamed.rsplit("/", 1)[1]) and _allowed(renamed):
        return problem(f"not read under this name; rename it to {renamed.rsplit('/', 1)[1]}")
    if not SAFE_NAME.fullmatch(entry.name):
        return problem(
            "name outside the safe set: use lower-case ASCII letters, digits, '-', '_' and '.', "
            "starting with a letter or digit"
        )
    return problem(f"this kind of file is not allowed here; {folder}/ may hold: {_allowed_in(folder)}")
