"""Results that depend only on their inputs, kept between builds on this machine.

The cache sits in the user's cache folder (``$XDG_CACHE_HOME/clusterdocs`` or
``~/.cache/clusterdocs``; ``CLUSTERDOCS_CACHE_DIR`` moves it), never in the repository, so a
contribution cannot bring entries of its own. Each entry is named by a hash of everything its
value depends on, the code that computes it included: an entry is either exactly right or never
looked up. Nothing fails if the folder cannot be written; the result is then computed each time.
Used for compiled Jinja templates (the macros of clusterdocs/render/templates.py, and the theme's own
templates through hooks/theme_templates.py), the site audit's findings for each file content
(clusterdocs/publish/site_audit.py) and the charts' PNG pictures (clusterdocs/render/chart_files.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from jinja2 import FileSystemBytecodeCache


def cache_dir(kind: str) -> Path:
    base = os.environ.get("CLUSTERDOCS_CACHE_DIR") or Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "clusterdocs"
    )
    return Path(base, kind)


def code_fingerprint(*files: Path, extra: str = "") -> bytes:
    """A hash of the source files (and any versions in ``extra``) a cached value is computed by."""
    digest = hashlib.sha256(extra.encode("utf-8"))
    for file in files:
        digest.update(file.read_bytes())
    return digest.digest()


def load_json(kind: str, key: str):
    """The value stored under ``key``, or None."""
    try:
        return json.loads((cache_dir(kind) / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store_json(kind: str, key: str, value) -> None:
    _store(kind, f"{key}.json", json.dumps(value).encode("utf-8"))


def load_bytes(kind: str, key: str) -> bytes | None:
    """The bytes stored under ``key``, or None."""
    try:
        return (cache_dir(kind) / key).read_bytes()
    except OSError:
        return None


def store_bytes(kind: str, key: str, value: bytes) -> None:
    _store(kind, key, value)


def _store(kind: str, name: str, value: bytes) -> None:
    folder = cache_dir(kind)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False, suffix=".tmp") as file:
            file.write(value)
        os.replace(file.name, folder / name)  # whole or not at all, even with builds in parallel
    except OSError:
        pass


def installed_fonts() -> str:
    """Every font file in the system's and the user's font folders, with its size and time: what a
    picture drawn with the installed fonts depends on."""
    folders = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"]
    folders.append(Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share", "fonts"))
    found = []
    for folder in folders:
        for directory, _subfolders, names in os.walk(folder):
            for name in names:
                try:
                    status = os.stat(os.path.join(directory, name))
                except OSError:
                    continue
                found.append(f"{directory}/{name} {status.st_size} {status.st_mtime_ns}")
    return "\n".join(sorted(found))


def compiled_templates(kind: str) -> FileSystemBytecodeCache | None:
    """Jinja's own cache of compiled templates, which checks each entry against its template's
    source and Jinja's version. One folder per environment (``kind``), since compiled code also
    depends on the environment's settings, which Jinja does not check."""
    folder = cache_dir(kind)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))
