"""One error format for every data file: ``path:line:column: field: message``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """A single thing wrong with one field of one file."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        field = self.field or "(file)"
        return f"{self.path}:{self.line}:{self.column}: {field}: {self.message}"


class DataError(Exception):
    """Raised with every problem found, so that all of them are reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(problem) for problem in self.problems))


def relative_path(path: Path, root: Path) -> str:
    """The path as a contributor sees it: relative to the repository, with forward slashes.

    A symbolic link is named as itself, not as the file it points to.
    """
    for absolute in (os.path.abspath, os.path.realpath):
        inside, folder = absolute(path), os.path.join(absolute(root), "")
        if inside.startswith(folder):  # what Path.relative_to gives, without building Paths
            return inside[len(folder) :].replace(os.sep, "/") or "."
        if inside == folder.rstrip(os.sep):
            return "."
    return Path(path).as_posix()
