"""The files of a generated language (zh-Hant), written at build time.

mkdocs-static-i18n needs real page files for every language (it fails on virtual, generated
pages), so each page of the source language (``docs/zh``) is converted
(``SiteData.text_in``) and written to ``docs/<code>/`` (git-ignored; mkdocs-static-i18n reads
pages only from ``docs/``). A file is only rewritten when its content changes, so the rebuild
``mkdocs serve`` starts when it sees the write finds nothing to change and stops there; no
check reads these folders (``languages.is_generated``).

Search needs the generated language's words too: jieba's dictionary is Simplified, so
Traditional text would fall apart into single characters. ``jieba_dictionary`` writes a user
dictionary holding the project dictionary and the Traditional form of every entry of jieba's
own dictionary and of the project's that the conversion changes. Converting jieba's 350,000
entries takes a while, so the result is kept in ``build/`` under a name derived from
everything it depends on, and rebuilt only when one of those changes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..base.languages import LANGUAGES, Language
from ..check.page_checks import page_files
from ..check.script_conversion import PROFILES
from ..check.sitedata import SiteData
from ..read.textfile import read_own_bytes, read_own_text, read_text

BUILD_DIR = "build"


def _contributed(file: Path, root: Path) -> str:
    """A contributed file, read the one way every contributed file is (the check has passed it)."""
    text, _problems = read_text(file, root)
    return text or ""


def converted_languages() -> list[Language]:
    return [language for language in LANGUAGES if language.converted_from is not None]


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` unless it already holds exactly that; whether it wrote."""
    if path.exists() and read_own_text(path) == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def write_converted_pages(root: Path, data: SiteData) -> tuple[Path, list[str]]:
    """Write every generated language's pages; return the folder and their paths (``zh-Hant/x.md``)."""
    out = root / "docs"
    written: list[str] = []
    for language in converted_languages():
        source_dir = root / "docs" / language.converted_from
        target_dir = out / language.code
        wanted = set()
        for file in page_files(source_dir):
            relative = file.relative_to(source_dir).as_posix()
            wanted.add(relative)
            write_if_changed(target_dir / relative, data.text_in(_contributed(file, root), language.code))
            written.append(f"{language.code}/{relative}")
        for stale in page_files(target_dir) if target_dir.exists() else []:
            if stale.relative_to(target_dir).as_posix() not in wanted:
                stale.unlink()
    return out, written


def converted_jieba_entries(root: Path, data: SiteData, jieba_dict: Path) -> list[str]:
    """The entries of jieba's dictionary whose words conversion changes, converted (cached in ``build/``)."""
    key = hashlib.sha256(read_own_bytes(jieba_dict))
    key.update(repr((sorted(PROFILES.items()), data.conversion_exceptions)).encode())
    target = root / BUILD_DIR / "jieba" / f"converted-{key.hexdigest()[:16]}.txt"
    if not target.exists():
        entries = [line for line in read_own_text(jieba_dict).splitlines() if line.strip()]
        lines = []
        for language in converted_languages():
            lines += _changed_entries(entries, lambda text, code=language.code: data.text_in(text, code))
        for old in target.parent.glob("converted-*.txt") if target.parent.exists() else []:
            old.unlink()
        write_if_changed(target, "\n".join(lines) + "\n")
    return read_own_text(target).splitlines()


def _changed_entries(entries: list[str], convert) -> list[str]:
    words = [entry.split(" ", 1)[0] for entry in entries]
    # One conversion call for all words (a newline never converts), not one per word.
    converted = convert("\n".join(words)).split("\n")
    if len(converted) != len(words):
        raise ValueError("conversion changed the number of dictionary lines")
    return [new + entry[len(word) :] for entry, word, new in zip(entries, words, converted) if new != word]


def corpus(root: Path, data: SiteData) -> str:
    """Every text a generated language's pages can show: the written Chinese pages and data,
    converted, and the sources as captured (their quotes appear in their own script)."""
    texts = []
    for language in converted_languages():
        files = page_files(root / "docs" / language.converted_from)
        files += sorted((root / "data").glob("*.yml")) + sorted((root / "timeline").glob("*.yml"))
        texts += [data.text_in(_contributed(file, root), language.code) for file in files]
    texts += [_contributed(file, root) for file in sorted((root / "sources").glob("*.txt"))]
    # Each distinct line once: a word occurs in the text exactly when it occurs in one line, and
    # text repeated across pages and languages then costs the search below nothing more. Only
    # lines with a non-ASCII character: every candidate word has one (conversion changed it, and
    # conversion leaves ASCII alone), so an edit to English text leaves the corpus as it was.
    lines = (line for text in texts for line in text.split("\n") if not line.isascii())
    return "\n".join(dict.fromkeys(lines))


def _pairs(text: str) -> frozenset[str]:
    """Every character and every two adjacent characters of ``text``: a quick filter before ``in``."""
    return frozenset(text) | frozenset(text[index : index + 2] for index in range(len(text) - 1))


def _occurs(word: str, text: str, pairs: frozenset[str]) -> bool:
    if len(word) < 3:
        return word in pairs
    # The first, last and second pairs rule out nearly every word before the costlier checks.
    return (
        word[:2] in pairs
        and word[-2:] in pairs
        and word[1:3] in pairs
        and all(word[index : index + 2] in pairs for index in range(2, len(word) - 2))
        and word in text
    )


_last_occurring: tuple[bytes, list[str]] | None = None


def _occurring(candidates: list[str], text: str) -> list[str]:
    """The candidate entries whose word occurs in ``text``. The last answer is kept: a ``mkdocs
    serve`` rebuild after an edit that changes no Chinese text asks the same question again."""
    global _last_occurring
    key = hashlib.sha256("\n".join(candidates).encode() + b"\0" + text.encode()).digest()
    if _last_occurring is None or _last_occurring[0] != key:
        pairs = _pairs(text)
        found = [entry for entry in candidates if _occurs(entry.split(" ", 1)[0], text, pairs)]
        _last_occurring = (key, found)
    return list(_last_occurring[1])


def jieba_dictionary(root: Path, data: SiteData, jieba_dict: Path, user_dict: Path) -> Path:
    """A jieba user dictionary for every language: the project's entries and their converted
    forms, and the converted entries of jieba's dictionary whose words the site's text uses.

    Only words that occur keep the dictionary small: jieba loads it once per language built.
    """
    project = [line for line in _contributed(user_dict, root).splitlines() if line.strip()]
    candidates = converted_jieba_entries(root, data, jieba_dict)
    for language in converted_languages():
        candidates += _changed_entries(project, lambda text, code=language.code: data.text_in(text, code))
    lines = project + _occurring(candidates, corpus(root, data))
    content = "\n".join(lines) + "\n"
    target = root / BUILD_DIR / "jieba" / f"userdict-{hashlib.sha256(content.encode()).hexdigest()[:16]}.txt"
    for old in target.parent.glob("userdict-*.txt") if target.parent.exists() else []:
        if old != target:
            old.unlink()
    write_if_changed(target, content)
    return target
