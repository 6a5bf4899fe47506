"""Split the merged search index that mkdocs-static-i18n writes into one per language.

Material's search fetches ``search/search_index.json`` relative to the page's base URL. The
English pages use the root one; ``overrides/main.html`` points Chinese pages at ``/zh/``, so
they fetch ``zh/search/search_index.json``, whose locations are relative to ``/zh/``. Each
language's readers then only ever see results in their language.

The merged index grows with the whole site (about 75 MB at a hundred times today's content), so
it is read from the file a chunk at a time and each document written straight to its language's
index: the split never holds the index, as text or decoded, in memory.
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
CHUNK_SIZE = 1 << 20  # characters read at a time from the merged index


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
    targets = {language.code: site_dir / language.prefix / "search" / "search_index.json" for language in LANGUAGES}
    outputs: dict[str, TextIO] = {}
    try:
        with merged_path.open(encoding="utf-8") as merged:
            config, docs = _read_index(_JsonStream(merged, CHUNK_SIZE))
            for code, target in targets.items():
                target.parent.mkdir(parents=True, exist_ok=True)
                output = outputs[code] = target.with_suffix(".json.tmp").open("w", encoding="utf-8")
                output.write(f'{{"config":{json.dumps(config, **_COMPACT)},"docs":[')
            first = dict.fromkeys(targets, True)
            for doc in docs:
                language = document_language(doc["location"])
                output = outputs[language.code]
                output.write(
                    ("" if first[language.code] else ",") + json.dumps(local_document(doc, language), **_COMPACT)
                )
                first[language.code] = False
        for output in outputs.values():
            output.write("]}")
    finally:
        for output in outputs.values():
            output.close()
    for target in targets.values():
        os.replace(target.with_suffix(".json.tmp"), target)
    return [target.relative_to(site_dir).as_posix() for target in targets.values()]


class _JsonStream:
    """JSON text read from a file a chunk at a time: only the unread part of the current chunk and
    the value being decoded are held, never the whole file."""

    def __init__(self, file: TextIO, chunk_size: int):
        self._file, self._chunk_size = file, chunk_size
        self._decoder = json.JSONDecoder()
        self._text, self._at, self._dropped, self._ended = "", 0, 0, False

    def _read_more(self) -> bool:
        """Append the next chunk, dropping what has been read; False at the end of the file."""
        chunk = "" if self._ended else self._file.read(self._chunk_size)
        if not chunk:
            self._ended = True
            return False
        self._dropped += self._at
        self._text, self._at = self._text[self._at :] + chunk, 0
        return True

    def next_character(self) -> str:
        """The next character that is not white space, without consuming it ("" at the end)."""
        while True:
            self._at = _SPACE.match(self._text, self._at).end()
            if self._at < len(self._text) or not self._read_more():
                return self._text[self._at : self._at + 1]

    def expect(self, character: str) -> None:
        if self.next_character() != character:
            raise ValueError(f"search index: expected {character!r} at character {self._dropped + self._at}")
        self._at += 1

    def value(self):
        """The next JSON value, read on until it is complete (a value ending the chunk may go on)."""
        self.next_character()
        while True:
            try:
                value, end = self._decoder.raw_decode(self._text, self._at)
                if end < len(self._text) or self._ended:
                    self._at = end
                    return value
            except json.JSONDecodeError:
                if self._ended:
                    raise
            self._read_more()


def _read_index(stream: _JsonStream) -> tuple[object, Iterator[dict]]:
    """The index's ``config``, and its documents one by one (decoded as they are read)."""
    config, docs = None, None
    stream.expect("{")
    while True:
        key = stream.value()
        stream.expect(":")
        if key == "docs" and config is None:
            docs = stream.value()  # only if Material ever writes `docs` before `config`
        elif key == "docs":
            return config, _array_items(stream)
        elif key == "config":
            config = stream.value()
            if docs is not None:
                return config, iter(docs)
        else:
            stream.value()
        if stream.next_character() == "}":
            break
        stream.expect(",")
    if docs is None:
        raise ValueError("the search index has no docs")
    return config, iter(docs)


def _array_items(stream: _JsonStream) -> Iterator[dict]:
    """Each value of the JSON array the stream is at, decoded when it is reached."""
    stream.expect("[")
    if stream.next_character() == "]":
        return
    while True:
        yield stream.value()
        if stream.next_character() == "]":
            return
        stream.expect(",")
