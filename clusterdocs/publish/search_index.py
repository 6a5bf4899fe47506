"""One search index per language, written from that language's entries as soon as it is built.

Material's search fetches ``search/search_index.json`` relative to the page's base URL. The
English pages use the root one; ``overrides/main.html`` points Chinese pages at ``/zh/``, so
they fetch ``zh/search/search_index.json``, whose locations are relative to ``/zh/``. Each
language's readers then only ever see results in their language.

mkdocs-static-i18n builds the languages one after the other, keeps every language's entries and,
after the last, has Material's search write them all as one index: at a hundred times today's
content about 75 MB of JSON, made in memory at once at the end of the build, when the build's
memory is at its highest. hooks/search_indexes.py instead writes each language's index here as
its build ends and leaves i18n no entries, so no index of every language is ever made.

The indexes wait under ``STAGING`` until the last language is built: i18n writes its (now
empty) index at the root, the default language's place, after every language's build.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from ..base.languages import LANGUAGES, Language

STAGING = ".search-indexes"  # under the site directory; emptied and removed once the indexes are in place


def local_entry(entry: dict, language: Language) -> dict:
    """``entry`` with its location made relative to its language's root (``zh/x/`` -> ``x/``)."""
    location = entry["location"]
    if not language.prefix or not location.startswith(language.prefix):
        return entry
    return dict(entry, location=location[len(language.prefix) :])


def index_text(config: dict, entries: Iterable[dict], language: Language) -> str:
    """The index Material's search reads, for one language: Material's own JSON (``default=str``
    as it has), with the text left as UTF-8 rather than escaped, which halves Chinese indexes."""
    docs = [local_entry(entry, language) for entry in entries]
    return json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"), default=str)


def index_path(site_dir: Path, language: Language) -> Path:
    """Where ``language``'s readers fetch their index."""
    return site_dir / language.prefix / "search" / "search_index.json"


def stage_language_index(site_dir: Path, language: Language, config: dict, entries: Iterable[dict]) -> None:
    """Write ``language``'s index where it waits for ``place_language_indexes``."""
    staged = site_dir / STAGING / f"{language.code}.json"
    staged.parent.mkdir(parents=True, exist_ok=True)
    staged.write_text(index_text(config, entries, language), encoding="utf-8", newline="")


def place_language_indexes(site_dir: Path) -> list[str]:
    """Move every staged index to where its readers fetch it; the paths placed, relative to ``site_dir``."""
    staging = site_dir / STAGING
    placed = []
    for language in LANGUAGES:
        staged = staging / f"{language.code}.json"
        if staged.exists():
            target = index_path(site_dir, language)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
            placed.append(target.relative_to(site_dir).as_posix())
    shutil.rmtree(staging, ignore_errors=True)
    return placed
