"""Split the merged search index that mkdocs-static-i18n writes into one per language.

Material's search fetches ``search/search_index.json`` relative to the page's base URL. The
English pages use the root one; ``overrides/main.html`` points Chinese pages at ``/zh/``, so
they fetch ``zh/search/search_index.json``, whose locations are relative to ``/zh/``. Each
language's readers then only ever see results in their language.
"""

from __future__ import annotations

import json
from pathlib import Path

from .languages import LANGUAGES, Language, language_of


def split_index(index: dict, language: str | Language) -> dict:
    """The part of ``index`` whose pages are in ``language``, with locations relative to its root."""
    prefix = language_of(language).prefix
    others = tuple(other.prefix for other in LANGUAGES if not other.default)
    docs = []
    for doc in index["docs"]:
        location = doc["location"]
        if prefix:
            if location.startswith(prefix):
                docs.append(dict(doc, location=location[len(prefix) :]))
        elif not location.startswith(others):
            docs.append(doc)
    return {"config": index["config"], "docs": docs}


def write_language_indexes(site_dir: Path) -> list[str]:
    """Replace the merged index by one index per language; the paths written, relative to ``site_dir``."""
    merged_path = site_dir / "search" / "search_index.json"
    if not merged_path.exists():
        return []
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    written = []
    for language in LANGUAGES:
        target = site_dir / language.prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(split_index(merged, language), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        written.append(target.relative_to(site_dir).as_posix())
    return written
