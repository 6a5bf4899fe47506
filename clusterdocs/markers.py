"""Marker comments (``<!-- article:figures -->``) that hooks replace with rendered sections.

They do not show in GitHub's Markdown preview, so reviewers read clean text. An unknown or
missing marker is an error, not a silently incomplete page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .problems import DataError, Problem

MARKER = re.compile(r"^<!-- (?P<kind>[a-z]+):(?P<name>[a-z-]+) -->[ \t]*$", re.MULTILINE)


def replace_markers(markdown: str, kind: str, renderers: dict[str, Callable[[], str]], path: str,
                    required: Iterable[str] = ()) -> str:
    problems = []
    found = set()

    def replace(match: re.Match) -> str:
        if match["kind"] != kind:
            return match.group(0)
        name = match["name"]
        found.add(name)
        if name not in renderers:
            line = markdown.count("\n", 0, match.start()) + 1
            problems.append(Problem(path, line, 1, f"<!-- {kind}:{name} -->",
                                    f"unknown marker; known: {', '.join(sorted(renderers))}"))
            return ""
        return renderers[name]()

    result = MARKER.sub(replace, markdown)
    for name in sorted(set(required) - found):
        problems.append(Problem(path, 1, 1, f"<!-- {kind}:{name} -->", "required marker is missing from the page"))
    if problems:
        raise DataError(problems)
    return result


def section(heading: str, anchor: str, html: str) -> str:
    """A Markdown heading (so it shows in the table of contents) followed by raw HTML."""
    return f"\n## {heading} {{ #{anchor} }}\n\n{html}\n"
