"""Checks over every page in ``docs/``: both languages present with the same outline, front matter MkDocs can read.

Each takes the repository root: ``missing_translations(root)``, ``page_front_matter_problems(root)``
(pages other than article summaries, read through ``datafile.read_front_matter``) and
``parity_problems(root, broken)``.
"""

from __future__ import annotations

import re
from pathlib import Path

from .articles import article_files
from ..read.datafile import read_front_matter
from .markers import blanked, markers_in, without_fenced_code
from ..base.languages import CODES, is_generated
from ..base.problems import Problem, relative_path
from ..read.textfile import read_text
from ..read.yamlfile import split_front_matter

# What MkDocs builds as a page (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# MkDocs reads "key: value" lines at the very top of a page without '---' as metadata.
_BARE_METADATA = re.compile(r"[ ]{0,3}[A-Za-z0-9_-]+:")
PLAIN_TEXT_FIELDS = ("title", "description")


def page_files(directory: Path) -> list[Path]:
    """Every file under ``directory`` that MkDocs builds as a page."""
    return sorted(path for path in directory.rglob("*") if path.name.endswith(MARKDOWN_SUFFIXES) and path.is_file())


def missing_translations(root: Path) -> list[Problem]:
    docs_dir = root / "docs"
    pages = {
        language: {path.relative_to(docs_dir / language).as_posix() for path in page_files(docs_dir / language)}
        for language in CODES
    }
    problems = []
    for language in CODES:
        for other in CODES:
            for page in sorted(pages[language] - pages[other]):
                path = relative_path(docs_dir / language / page, root)
                problems.append(
                    Problem(
                        path, 1, 1, "(page)", f"has no {other} version: add docs/{other}/{page} (no silent fallback)"
                    )
                )
    return problems


def page_front_matter_problems(root: Path) -> list[Problem]:
    """Front matter of every page other than article summaries (their schema checks theirs).

    Front matter that MkDocs would silently publish as page text (not closed, not valid YAML,
    not a mapping) is reported, as are bare ``key: value`` lines at the top of a page, and a
    ``title`` or ``description`` that is not plain text.
    """
    articles = {file for language in CODES for file in article_files(root, language)}
    problems = []
    for file in page_files(root / "docs"):
        if file in articles or is_generated(file, root / "docs"):
            continue
        page = read_front_matter(file, root)
        problems += page.problems
        if page.text is None:
            continue
        if page.document is None:
            if not page.problems and _BARE_METADATA.match(page.text):
                problems.append(
                    Problem(
                        page.path,
                        1,
                        1,
                        "(front matter)",
                        "MkDocs reads 'key: value' lines at the top of a page as metadata; "
                        "put them between '---' lines",
                    )
                )
            continue
        for key in PLAIN_TEXT_FIELDS:
            if key in page.document.data and not isinstance(page.document.data[key], str):
                problems.append(page.document.problem((key,), "must be plain text"))
    return problems


HEADING_ID = re.compile(r"^#{1,6} .*?\{ ?#(?P<anchor>[\w-]+) ?\}[ \t]*$", re.MULTILINE)
HEADING = re.compile(r"^#{1,3} ", re.MULTILINE)


def _outline(text: str) -> tuple[list[tuple[int, str]], list[int]]:
    """(line, anchor) of each heading with an explicit anchor, and the lines of headings without one.
    Fenced code and the front matter (whose YAML comments start with '# ') hold no headings."""
    _header, body, _offset = split_front_matter(text)
    text = without_fenced_code(blanked(text[: len(text) - len(body)]) + body)
    anchored = [(text.count("\n", 0, match.start()) + 1, match["anchor"]) for match in HEADING_ID.finditer(text)]
    lines = {line for line, _anchor in anchored}
    bare = [
        line
        for line in (text.count("\n", 0, match.start()) + 1 for match in HEADING.finditer(text))
        if line not in lines
    ]
    return anchored, bare


def parity_problems(root: Path, broken: set[str] = frozenset()) -> list[Problem]:
    """Each page and its translation have the same heading anchors and markers, in the same order.

    Headings (levels 1–3) carry explicit ``{ #anchor }`` ids, so links and the language switcher
    land on the same section in both languages. A pair in which either page already has a problem
    of its own (``broken`` paths, or a heading without an anchor) is not compared: that problem
    is the one to fix, and a comparison would only repeat it from the other side.
    """
    docs_dir = root / "docs"
    problems = []
    english, chinese = CODES
    for file in sorted((docs_dir / english).rglob("*.md")):
        page = file.relative_to(docs_dir / english).as_posix()
        other = docs_dir / chinese / page
        # An unreadable page is reported by the content check; its pair is not compared.
        texts = {
            language: text
            for language, text in (
                (english, read_text(file, root)[0]),
                (chinese, read_text(other, root)[0] if other.exists() else None),
            )
            if text is not None
        }
        if english not in texts:
            continue
        outlines = {}
        clean = True
        for language, text in texts.items():
            path = relative_path(docs_dir / language / page, root)
            outlines[language], bare = _outline(text)
            problems += [
                Problem(
                    path,
                    line,
                    1,
                    "(heading)",
                    "give the heading an explicit anchor: '## Title { #anchor }', the same in both languages",
                )
                for line in bare
            ]
            first: dict[str, int] = {}
            for line, anchor in outlines[language]:
                if anchor in first:
                    problems.append(
                        Problem(
                            path,
                            line,
                            1,
                            "(heading)",
                            f"anchor #{anchor} is already the anchor of the heading on line {first[anchor]}; "
                            "every heading of a page needs its own",
                        )
                    )
                    bare = [*bare, line]  # not compared with the other language: this is the problem to fix
                first.setdefault(anchor, line)
            clean = clean and not bare and path not in broken
        if chinese not in texts or not clean:
            continue  # a missing page is reported by missing_translations
        zh_path = relative_path(other, root)
        problems += _sequence_problems(
            zh_path, "heading anchors", outlines[english], outlines[chinese], f"docs/{english}/{page}", "#"
        )
        problems += _sequence_problems(
            zh_path,
            "markers",
            [(line, f"{kind}:{name}") for line, kind, name in markers_in(texts[english])],
            [(line, f"{kind}:{name}") for line, kind, name in markers_in(texts[chinese])],
            f"docs/{english}/{page}",
            "",
        )
    return problems


def _sequence_problems(
    path: str,
    what: str,
    reference: list[tuple[int, str]],
    translation: list[tuple[int, str]],
    reference_path: str,
    prefix: str,
) -> list[Problem]:
    """Where the translation's sequence first departs from the reference's (one line per page and kind)."""
    wanted = [value for _line, value in reference]
    got = [value for _line, value in translation]
    if wanted == got:
        return []
    index = next((i for i, (a, b) in enumerate(zip(wanted, got)) if a != b), min(len(wanted), len(got)))
    line = translation[index][0] if index < len(translation) else (translation[-1][0] if translation else 1)
    expected = f"{prefix}{wanted[index]}" if index < len(wanted) else "nothing more"
    found = f"{prefix}{got[index]}" if index < len(got) else "nothing"
    return [
        Problem(
            path, line, 1, f"({what})", f"{what} differ from {reference_path}: expected {expected} here, found {found}"
        )
    ]
