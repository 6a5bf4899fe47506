"""Audit a built site: no file makes the browser contact another host, and no page runs contributed script.

``audit_site(site_dir, site_url)`` reads every built ``.html``, ``.svg`` and ``.css`` file with
real parsers (``html.parser`` for markup, tinycss2 for CSS, including ``<style>`` elements and
``style`` attributes) and returns one ``Problem`` per offence, with the built file's path:

- a resource the browser would fetch from another host: ``src``/``srcset``/``poster``/``data``
  of images, media, scripts, frames and objects; ``<link>`` unless it is only a navigation
  relation (``alternate``, ``canonical``, ``prev``…; ``alternate stylesheet`` *is* fetched);
  SVG ``<image>``/``<use>``/``<feImage>`` ``href`` and ``xlink:href``; CSS ``url()``,
  ``image-set()`` and ``@import``; ``<meta http-equiv="refresh">``; form ``action`` and
  ``formaction``; ``<?xml-stylesheet?>``. Entities are decoded first, as the browser does.
  Plain ``<a href>`` links to other hosts are navigation, not requests, and are allowed.
- anything that would run script: an ``on…`` event-handler attribute, a ``javascript:`` or
  ``vbscript:`` URL in any attribute, a ``data:`` URL where it would open a document, and any
  ``<script>``, ``<iframe>``, ``<object>`` or ``<embed>`` inside the page content (the theme's
  own scripts sit outside it).

- a loopback address (``127.0.0.1``, ``localhost``, ``[::1]``, ``0.0.0.0``) as a URL in any
  file, in a build that would be published: one whose ``site_url`` is not itself a loopback
  address (``make serve`` sets one, so its build is a local one). A citation line, feed or sitemap
  written with a local address would send every reader there. Text shown as code in a page (the
  contributing guide's ``make serve`` address) and the search indexes (the pages' own text again)
  may mention one.

hooks/post_build.py runs it once after every build, as its last step, and fails the build with these lines.
"""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from functools import cache
from urllib.parse import urlsplit

import tinycss2

from ..base.build_cache import code_fingerprint, load_json, store_json
from ..check.html_policy import is_script_url
from ..base.languages import LANGUAGES
from ..base.problems import Problem

# Files are audited by what they are, not by their names: a browser renders markup served under
# any name (a static host's types vary, and some sniff), so any file that starts like markup is
# read as markup. Only these kinds are never markup, and are not read beyond their first bytes.
BINARY_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".otf", ".gz", ".zip")
_MARKUP_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<", re.IGNORECASE)
_MARKUP_SIGN = re.compile(
    rb"<(?:!doctype|html|head|body|svg|script|iframe|meta|a|img|object|embed|\?xml)\b", re.IGNORECASE
)
_SVG_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<svg\b", re.IGNORECASE | re.DOTALL
)
# SVG animation that writes an attribute: its values are URLs when it animates a link.
ANIMATION_ELEMENTS = {"animate", "set", "animatetransform", "animatemotion"}
ANIMATION_VALUES = ("values", "to", "from", "by")
NAVIGATION_RELS = {
    "alternate",
    "canonical",
    "prev",
    "next",
    "author",
    "license",
    "help",
    "bookmark",
    "external",
    "nofollow",
    "noopener",
    "noreferrer",
    "me",
    "tag",
}
RESOURCE_ATTRIBUTES = {
    "src",
    "srcset",
    "poster",
    "data",
    "background",
    "imagesrcset",
    "action",
    "formaction",
    "codebase",
    "archive",
    "manifest",
    "ping",
    "lowsrc",
    "dynsrc",
}
FETCHING_HREF_ELEMENTS = {"image", "use", "feimage", "script", "link"}
DOCUMENT_ELEMENTS = {"a", "area", "iframe", "frame", "object", "embed", "form", "button", "input", "base"}
CONTENT_SCRIPT_ELEMENTS = {"script", "iframe", "frame", "object", "embed"}
LOCAL_SCHEMES = {"", "data", "blob", "about"}


def audit_site(site_dir: Path, site_url: str = "") -> list[Problem]:
    """Every request to another host and every script hook found in the built files, and in a
    build that would be published, every loopback address."""
    own_host = urlsplit(site_url).netloc.lower()
    published = not is_loopback(site_url)
    problems: list[Problem] = []
    for file in sorted(site_dir.rglob("*")):
        if not file.is_file() or file.suffix.lower() in BINARY_SUFFIXES:
            continue
        kind = file_kind(file)
        path = file.relative_to(site_dir).as_posix()
        if published and path not in SEARCH_INDEXES:
            problems += [Problem(path, *finding) for finding in loopback_findings(file.read_bytes(), kind)]
        if kind is None:
            continue
        problems += [Problem(path, *finding) for finding in _file_findings(file.read_bytes(), kind, own_host)]
    return problems


# --- Loopback addresses in a published build ------------------------------------------------
LOOPBACK_HOSTS = r"(?:localhost|127(?:\.[0-9]{1,3}){3}|\[::1\]|0\.0\.0\.0)"
_LOOPBACK_URL = re.compile(rf"(?:https?:)?//{LOOPBACK_HOSTS}(?::[0-9]+)?(?![\w.-])", re.IGNORECASE)
_LOOPBACK_BYTES = re.compile(_LOOPBACK_URL.pattern.encode(), re.IGNORECASE)
SEARCH_INDEXES = {f"{language.prefix}search/search_index.json" for language in LANGUAGES}
CODE_ELEMENTS = {"code", "pre", "kbd", "samp"}


def is_loopback(url: str) -> bool:
    """Whether ``url`` (a site address) names this machine: such a build is a local one."""
    host = urlsplit(url).hostname or ""
    return bool(re.fullmatch(LOOPBACK_HOSTS, f"[{host}]" if ":" in host else host, re.IGNORECASE))


def _loopback_message(url: str) -> str:
    return (
        f"{url!r} is a loopback address, which no reader can open; build with the public address "
        "(mkdocs.yml's site_url, or SITE_URL), or write a local address as code"
    )


def loopback_findings(content: bytes, kind: str | None) -> list[tuple[int, int, str, str]]:
    """(line, column, field, message) of every loopback URL in one file: in markup, in an attribute
    or in text outside code; in any other file, anywhere."""
    if not _LOOPBACK_BYTES.search(content):
        return []
    text = content.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    if kind in (".html", ".svg"):
        finder = _LoopbackFinder()
        finder.feed(text)
        finder.close()
        return finder.found
    return [
        (number, match.start() + 1, "text", _loopback_message(match.group()))
        for number, line in enumerate(text.split("\n"), 1)
        for match in _LOOPBACK_URL.finditer(line)
    ]


class _LoopbackFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str, str]] = []
        self.code_depth = 0

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            for match in _LOOPBACK_URL.finditer(value or ""):
                line, column = self.getpos()
                self.found.append((line, column + 1, f"{tag}[{name}]", _loopback_message(match.group())))
        if tag in CODE_ELEMENTS:
            self.code_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in CODE_ELEMENTS:
            self.code_depth -= 1

    def handle_endtag(self, tag):
        if tag in CODE_ELEMENTS and self.code_depth:
            self.code_depth -= 1

    def handle_data(self, data):
        if self.code_depth:
            return
        line, column = self.getpos()
        for match in _LOOPBACK_URL.finditer(data):
            before = data[: match.start()]
            at_line = line + before.count("\n")
            at_column = (match.start() - before.rfind("\n") - 1) if "\n" in before else column + match.start()
            self.found.append((at_line, at_column + 1, "text", _loopback_message(match.group())))


def file_kind(file: Path) -> str | None:
    """How a browser could read the file: ``.css``, ``.svg`` or ``.html`` (any markup, whatever
    its name), or None for a file that is neither (scripts, data, text)."""
    suffix = file.suffix.lower()
    if suffix == ".css":
        return ".css"
    with file.open("rb") as opened:
        start = opened.read(4096)
    looks_like_markup = bool(_MARKUP_START.match(start) and _MARKUP_SIGN.search(start))
    if suffix == ".svg" or (looks_like_markup and _SVG_START.match(start)):
        return ".svg"
    if suffix in (".html", ".htm", ".xhtml", ".shtml") or looks_like_markup:
        return ".html"
    return None


# A file's findings depend only on its content, its kind, the site's host and this code: a file
# the build wrote again unchanged (the theme's assets, every page an edit did not touch) is not
# parsed again, in this process or, through clusterdocs/base/build_cache.py, in a later build.
_findings: dict[str, list[tuple[int, int, str, str]]] = {}


@cache
def _code_fingerprint() -> bytes:
    here = Path(__file__).parent
    return code_fingerprint(
        here / "site_audit.py", here.parent / "check" / "html_policy.py", extra=f"tinycss2 {tinycss2.VERSION}"
    )


def _file_findings(content: bytes, suffix: str, own_host: str) -> list[tuple[int, int, str, str]]:
    """(line, column, field, message) of every offence in one file's content."""
    digest = hashlib.sha256(_code_fingerprint())
    digest.update(f"{suffix}\n{own_host}\n".encode())
    digest.update(content)
    key = digest.hexdigest()
    if key in _findings:
        return _findings[key]
    stored = load_json("site-audit", key)
    if isinstance(stored, list):
        found = [tuple(finding) for finding in stored]
    else:
        text = content.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
        if suffix == ".css":
            found = list(_css_findings(tinycss2.parse_stylesheet(text), own_host))
        else:
            auditor = _MarkupAuditor("", own_host, in_content_by_default=suffix == ".svg")
            auditor.feed(text)
            auditor.close()
            found = [(problem.line, problem.column, problem.field, problem.message) for problem in auditor.problems]
        store_json("site-audit", key, found)
    _findings[key] = found
    return found


def is_foreign(url: str, own_host: str = "") -> bool:
    """True if fetching ``url`` from a page of the site would contact another host."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url).replace("\\", "/")
    parts = urlsplit(cleaned)
    if parts.netloc:
        return parts.netloc.lower() != own_host
    return parts.scheme.lower() not in LOCAL_SCHEMES


def srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset`` candidate list (``a.png 1x, b.png 2x``)."""
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def _foreign_message(url: str) -> str:
    return f"loads {url.strip()!r} from another host; the site must make no request to another host"


def _css_findings(nodes, own_host: str, line: int | None = None, column: int | None = None):
    """(line, column, field, message) for every foreign URL in parsed CSS; positions from the tokens
    unless the CSS sits in an attribute (then the element's position is given)."""
    for node in nodes:
        urls = []
        if node.type == "url":
            urls.append(node.value)
        elif node.type == "function" and node.lower_name in ("url", "src"):
            urls += [token.value for token in node.arguments if token.type == "string"]
        elif node.type == "function" and node.lower_name.endswith("image-set"):
            urls += [token.value for token in node.arguments if token.type == "string"]
        elif node.type == "at-rule" and node.lower_at_keyword == "import":
            urls += [token.value for token in node.prelude if token.type == "string"]
        for url in urls:
            if is_foreign(url, own_host):
                yield (line or node.source_line, column or node.source_column, "css", _foreign_message(url))
        for child in ("arguments", "content", "prelude", "value"):
            if isinstance(getattr(node, child, None), list):
                yield from _css_findings(getattr(node, child), own_host, line, column)


class _MarkupAuditor(HTMLParser):
    def __init__(self, path: str, own_host: str, in_content_by_default: bool):
        super().__init__(convert_charrefs=True)
        self.path, self.own_host = path, own_host
        self.problems: list[Problem] = []
        self.content_depth = 1 if in_content_by_default else 0
        self.in_style = False
        self.ids: dict[str, int] = {}  # id -> the line it was first given on

    def _add(self, field: str, message: str, position: tuple[int, int] | None = None) -> None:
        line, column = position or self.getpos()
        self.problems.append(Problem(self.path, line, column + 1, field, message))

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "article" and (self.content_depth or "md-content__inner" in attributes.get("class", "")):
            self.content_depth += 1
        if self.content_depth and tag in CONTENT_SCRIPT_ELEMENTS:
            self._add(tag, f"<{tag}> inside page content would run or embed code the site does not own")
        self.in_style = tag == "style"
        element_id = attributes.get("id")
        if element_id:
            if element_id in self.ids:
                self._add(
                    f"{tag}[id]",
                    f"id {element_id!r} is given twice on this page (first on line {self.ids[element_id]}); "
                    "links and scripts find only the first: every id must be unique",
                )
            else:
                self.ids[element_id] = self.getpos()[0]
        for name, value in attributes.items():
            self._attribute(tag, name, value, attributes)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.in_style = False
        if tag == "article" and self.content_depth:
            self.content_depth -= 1

    def handle_endtag(self, tag):
        if tag == "article" and self.content_depth:
            self.content_depth -= 1
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            line, column = self.getpos()
            for css_line, css_column, field, message in _css_findings(tinycss2.parse_stylesheet(data), self.own_host):
                self._add("style", message, (line + css_line - 1, css_column - 1))

    def handle_pi(self, data):
        match = re.search(r"""href\s*=\s*["']([^"']*)""", data)
        if data.startswith("xml-stylesheet") and match and is_foreign(match.group(1), self.own_host):
            self._add("xml-stylesheet", _foreign_message(match.group(1)))

    def _attribute(self, tag: str, name: str, value: str, attributes: dict[str, str]) -> None:
        field = f"{tag}[{name}]"
        if name.startswith("on"):
            self._add(field, f"event-handler attribute {name!r} would run a script")
            return
        if tag in ANIMATION_ELEMENTS and name in ANIMATION_VALUES:
            if attributes.get("attributename", "").lower() in ("href", "xlink:href"):
                for each in value.split(";"):
                    if is_script_url(each.strip()):
                        self._add(field, f"{each.strip()[:40]!r}: an animated link to a script URL would run a script")
                        return
        if is_script_url(value) and (not value.strip().lower().startswith("data:") or tag in DOCUMENT_ELEMENTS):
            if name in RESOURCE_ATTRIBUTES | {"href", "xlink:href", "content"}:
                self._add(field, f"{value[:40]!r}: a javascript:, vbscript: or data: URL here would run a script")
                return
        if name == "style":
            for _line, _column, _field, message in _css_findings(
                tinycss2.parse_blocks_contents(value), self.own_host, 1, 1
            ):
                self._add(field, message)
            return
        urls: list[str] = []
        if name in ("srcset", "imagesrcset"):
            urls = srcset_urls(value)
        elif name in RESOURCE_ATTRIBUTES:
            urls = [value]
        elif name in ("href", "xlink:href") and tag in FETCHING_HREF_ELEMENTS:
            if tag == "link":
                rels = set(attributes.get("rel", "").lower().split())
                if rels and rels <= NAVIGATION_RELS:
                    return
            urls = [value]
        elif tag == "meta" and name == "content" and attributes.get("http-equiv", "").lower() == "refresh":
            # "5; url=…", and the same without "url=", which browsers follow too.
            match = re.search(r"^\s*[\d.]*\s*[;,]\s*(?:url\s*=\s*)?['\"]?([^'\"]+)", value, re.IGNORECASE)
            urls = [match.group(1)] if match else []
        for url in urls:
            if is_foreign(url, self.own_host):
                self._add(field, _foreign_message(url))
