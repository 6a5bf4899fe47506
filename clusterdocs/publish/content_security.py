"""A Content-Security-Policy in every published HTML page: the browser runs the site's own scripts
and nothing else, whatever a page's content says.

The site has no server headers, so the policy is a ``<meta http-equiv>`` put first in each page's
``<head>`` after the build (hooks/post_build.py), before any script. Scripts are allowed from the
site's own files (``'self'``) and, inline, only by hash: a hash is given to an inline script that
is in the ``<head>`` (where contributed content never goes: titles and descriptions are escaped)
or whose text is exactly one of the theme's own static inline scripts, read from the template
files (``theme_scripts``). Any other inline script, such as one that got past the page check and
the sanitiser inside a page's content, gets no hash and does not run. Nothing may be loaded from
another host, no plugin content, no ``<base>`` and no form submission.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from ..read.textfile import read_own_text

_INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_HEAD_START = re.compile(r"<head\b[^>]*>\s*(?:<meta\s+charset=[^>]*>)?", re.IGNORECASE)
_TEMPLATE_SYNTAX = re.compile(r"\{[{%#]")
# Data blocks (JSON, JSON-LD) are never run, so the policy does not cover them.
_DATA_TYPES = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.IGNORECASE)
POLICY_META_START = '<meta http-equiv="Content-Security-Policy" content="'

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),  # plus the hashes of the page's own inline scripts
    ("style-src", "'self' 'unsafe-inline'"),  # the theme sets style attributes; styles cannot run code
    ("img-src", "'self' data:"),  # the theme's icons are data: URLs in its CSS
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
)


def theme_scripts(template_files: Iterable[Path]) -> frozenset[str]:
    """The static inline scripts (no template syntax inside) of the given theme template files."""
    scripts = set()
    for file in template_files:
        if file.is_file():
            for match in _INLINE_SCRIPT.finditer(read_own_text(file)):
                if not _TEMPLATE_SYNTAX.search(match["body"]) and not _DATA_TYPES.search(match["attributes"]):
                    scripts.add(match["body"])
    return frozenset(scripts)


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def allowed_inline_scripts(page: str, known: frozenset[str]) -> list[str]:
    """The page's inline scripts that may run: those in its head, and the theme's known ones."""
    head_end = _HEAD_END.search(page)
    end = head_end.start() if head_end else 0
    allowed = []
    for match in _INLINE_SCRIPT.finditer(page):
        if "src=" in match["attributes"].lower() or _DATA_TYPES.search(match["attributes"]):
            continue
        if match.start() < end or match["body"] in known:
            allowed.append(match["body"])
    return allowed


def policy(inline_scripts: Iterable[str]) -> str:
    hashes = sorted({_hash(script) for script in inline_scripts})
    parts = []
    for directive, value in DIRECTIVES:
        if directive == "script-src" and hashes:
            value = " ".join([value, *hashes])
        parts.append(f"{directive} {value}")
    return "; ".join(parts)


def with_policy(page: str, known: frozenset[str]) -> str:
    """The page with its policy first in its head, after the character set (a page without a head
    is returned as it is)."""
    head = _HEAD_START.search(page)
    if head is None or POLICY_META_START in page:
        return page
    meta = f'{POLICY_META_START}{policy(allowed_inline_scripts(page, known))}">'
    return page[: head.end()] + meta + page[head.end() :]


def without_policy(page: bytes) -> bytes:
    """The page with its policy removed: for the development server only, whose live-reload
    script is inline and different in every response."""
    start = page.find(POLICY_META_START.encode())
    if start < 0:
        return page
    end = page.index(b'">', start) + 2
    return page[:start] + page[end:]
