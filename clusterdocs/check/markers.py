"""Marker comments (``<!-- article:figures -->``) that hooks replace with rendered sections.

They do not show in GitHub's Markdown preview, so reviewers read clean text. Which page takes
which markers is declared once here (``MARKERS``): ``python -m clusterdocs check`` reports an
unknown, misspelt, misplaced or missing marker with its line in the file, and the build's
``replace_markers`` renders exactly these names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..base.languages import CODES
from ..base.problems import DataError, Problem, relative_path
from ..read.textfile import read_text

MARKER = re.compile(r"^<!-- (?P<kind>[a-z]+):(?P<name>[a-z-]+) -->[ \t]*$", re.MULTILINE)
# Anything a contributor may have meant as a marker: a comment that starts with "word:".
LOOSE_MARKER = re.compile(r"<!--\s*(?P<kind>[A-Za-z]+)\s*:\s*(?P<name>[^\s>]*)\s*-->")
_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)

# Marker kind -> the sections it names, all required on a page of that kind.
MARKERS = {
    "home": ("numbers", "latest"),
    "article": ("citation", "figures", "quotes", "entities", "milestones"),
    "articles": ("table",),
    "clusters": ("map", "table", "entries", "lists", "sector-lists"),
    "documents": ("table", "entries", "not-documents"),
    "figures": ("headline", "charts"),
    "data": ("package", "tables", "json"),
    "glossary": ("terms",),
    "timeline": ("overview", "legend", "filters", "entries", "targets", "downloads"),
    "corrections": ("log",),
}


def page_kind(page: str) -> str | None:
    """The marker kind a page (path inside a language folder, e.g. ``articles/x.md``) takes, if any."""
    if page == "index.md":
        return "home"
    if page == "articles/index.md":
        return "articles"
    if page.startswith("articles/") and page.count("/") == 1:
        return "article"
    kind = page.removesuffix(".md")
    return kind if kind in MARKERS and kind not in ("home", "article", "articles") else None


def blanked(text: str) -> str:
    """Spaces for every character but line breaks: what follows keeps its line numbers."""
    return re.sub(r"[^\n]", " ", text)


def without_fenced_code(text: str) -> str:
    """``text`` with its fenced code blocks blanked (line numbers kept)."""
    return _FENCE.sub(lambda match: blanked(match.group(0)), text)


def markers_in(text: str) -> list[tuple[int, str, str]]:
    """(line in the file, kind, name) of each marker, outside fenced code."""
    text = without_fenced_code(text)
    return [(text.count("\n", 0, match.start()) + 1, match["kind"], match["name"]) for match in MARKER.finditer(text)]


def marker_problems(root: Path) -> list[Problem]:
    """Every page's markers against ``MARKERS``, with lines counted from the top of the file."""
    docs_dir = root / "docs"
    problems = []
    for language in CODES:
        for file in sorted((docs_dir / language).rglob("*.md")):
            page = file.relative_to(docs_dir / language).as_posix()
            text, _unreadable = read_text(file, root)  # an unreadable page is reported by the content check
            if text is not None:
                problems += _page_problems(text, relative_path(file, root), page_kind(page))
    return problems


def _page_problems(text: str, path: str, kind: str | None) -> list[Problem]:
    problems = []
    found = markers_in(text)
    strict = {line for line, _kind, _name in found}
    code_free = without_fenced_code(text)
    for match in LOOSE_MARKER.finditer(code_free):
        line = code_free.count("\n", 0, match.start()) + 1
        if line not in strict:
            problems.append(
                Problem(
                    path,
                    line,
                    match.start() - code_free.rfind("\n", 0, match.start()),
                    match.group(0),
                    "malformed marker; write it alone on its line as <!-- kind:name -->",
                )
            )
    for line, marker_kind, name in found:
        field = f"<!-- {marker_kind}:{name} -->"
        if marker_kind != kind:
            allowed = f"this page takes only <!-- {kind}:… --> markers" if kind else "this page takes no markers"
            problems.append(Problem(path, line, 1, field, f"unknown marker; {allowed}"))
        elif name not in MARKERS[kind]:
            problems.append(Problem(path, line, 1, field, f"unknown marker; known: {', '.join(MARKERS[kind])}"))
    if kind and not problems:  # a misspelt or malformed marker is reported once, not again as missing
        present = {name for _line, marker_kind, name in found if marker_kind == kind}
        for name in MARKERS[kind]:
            if name not in present:
                problems.append(
                    Problem(path, 1, 1, f"<!-- {kind}:{name} -->", "required marker is missing from the page")
                )
    return problems


def replace_markers(markdown: str, kind: str, renderers: dict[str, Callable[[], str]], path: str, required=None) -> str:
    """Replace each ``<!-- kind:name -->`` with ``renderers[name]()``.

    The data check has already vetted the page's markers (``marker_problems``, with lines counted
    from the top of the file); this is the backstop for a page rendered without that check, and
    counts lines from the start of the body it is given.
    """
    problems = []
    found = set()

    def replace(match: re.Match) -> str:
        if match["kind"] != kind:
            return match.group(0)
        name = match["name"]
        found.add(name)
        if name not in renderers:
            line = markdown.count("\n", 0, match.start()) + 1  # of the page body: MkDocs strips front matter
            problems.append(
                Problem(path, line, 1, f"<!-- {kind}:{name} -->", f"unknown marker; known: {', '.join(renderers)}")
            )
            return ""
        return renderers[name]()

    result = MARKER.sub(replace, markdown)
    for name in sorted(set(required if required is not None else MARKERS.get(kind, ())) - found):
        problems.append(Problem(path, 1, 1, f"<!-- {kind}:{name} -->", "required marker is missing from the page"))
    if problems:
        raise DataError(problems)
    return result


def section(heading: str, anchor: str, html: str) -> str:
    """A Markdown heading (so it shows in the table of contents) followed by raw HTML."""
    return f"\n## {heading} {{ #{anchor} }}\n\n{html}\n"
