"""Split the merged search index that mkdocs-static-i18n writes into one per language.

Material's search fetches ``search/search_index.json`` relative to the page's base URL. The
English pages use the root one; ``overrides/main.html`` points Chinese pages at ``/zh/``, so
they fetch ``zh/search/search_index.json``, whose locations are relative to ``/zh/``. Each
language's readers then only ever see results in their language.

The merged index grows with the whole site (about 50 MB at a hundred times today's content), so
it is read one document at a time and each document written straight to its language's index:
the split never holds the decoded index in memory.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .languages import LANGUAGES, Language, language_of

_COMPACT = {"ensure_ascii": False, "separators": (",", ":")}
_SPACE = re.compile(r"[ \t\n\r]*")


def document_language(location: str) -> Language:
    """The language whose index holds the document at ``location`` (a path in the merged index)."""
    for language in LANGUAGES:
        if language.prefix and location.startswith(language.prefix):
            return language
    return next(language for language in LANGUAGES if language.default)


def local_document(doc: dict, language: Language) -> dict:
    """``doc`` with its location made relative to its language's root."""
    if not language.prefix:
        return doc
    return dict(doc, location=doc["location"][len(language.prefix) :])


def split_index(index: dict, language: str | Language) -> dict:
    """The part of ``index`` whose pages are in ``language``, with locations relative to its root."""
    language = language_of(language)
    docs = [local_document(doc, language) for doc in index["docs"] if document_language(doc["location"]) == language]
    return {"config": index["config"], "docs": docs}


def write_language_indexes(site_dir: Path) -> list[str]:
    """Replace the merged index by one index per language; the paths written, relative to ``site_dir``."""
    merged_path = site_dir / "search" / "search_index.json"
    if not merged_path.exists():
        return []
    text = merged_path.read_text(encoding="utf-8")
    config, docs = _read_index(text)
    targets = {language.code: site_dir / language.prefix / "search" / "search_index.json" for language in LANGUAGES}
    outputs: dict[str, TextIO] = {}
    try:
        for code, target in targets.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            output = outputs[code] = target.with_suffix(".json.tmp").open("w", encoding="utf-8")
            output.write(f'{{"config":{json.dumps(config, **_COMPACT)},"docs":[')
        first = dict.fromkeys(targets, True)
        for doc in docs:
            language = document_language(doc["location"])
            output = outputs[language.code]
            output.write(("" if first[language.code] else ",") + json.dumps(local_document(doc, language), **_COMPACT))
            first[language.code] = False
        for output in outputs.values():
            output.write("]}")
    finally:
        for output in outputs.values():
            output.close()
    del text
    for target in targets.values():
        os.replace(target.with_suffix(".json.tmp"), target)
    return [target.relative_to(site_dir).as_posix() for target in targets.values()]


def _read_index(text: str) -> tuple[object, Iterator[dict]]:
    """The index's ``config``, and its documents one by one (decoded as they are read)."""
    decoder = json.JSONDecoder()
    config, docs_start = None, None
    at = _expect(text, 0, "{")
    while True:
        key, at = decoder.raw_decode(text, _SPACE.match(text, at).end())
        at = _expect(text, at, ":")
        if key == "docs":
            docs_start = at
            if config is not None:
                break  # Material writes `config` first: nothing else is needed
        value, at = decoder.raw_decode(text, _SPACE.match(text, at).end())  # `docs` only if before `config`
        if key == "config":
            config = value
            if docs_start is not None:
                break
        at = _SPACE.match(text, at).end()
        if text.startswith("}", at):
            break
        at = _expect(text, at, ",")
    if docs_start is None:
        raise ValueError("the search index has no docs")
    return config, _array_items(text, docs_start, decoder)


def _array_items(text: str, at: int, decoder: json.JSONDecoder) -> Iterator[dict]:
    """Each value of the JSON array starting at ``at``, decoded when it is reached."""
    at = _expect(text, at, "[")
    if text.startswith("]", _SPACE.match(text, at).end()):
        return
    while True:
        value, at = decoder.raw_decode(text, _SPACE.match(text, at).end())
        yield value
        at = _SPACE.match(text, at).end()
        if text.startswith("]", at):
            return
        at = _expect(text, at, ",")


def _expect(text: str, at: int, character: str) -> int:
    at = _SPACE.match(text, at).end()
    if not text.startswith(character, at):
        raise ValueError(f"search index: expected {character!r} at character {at}")
    return at + 1
