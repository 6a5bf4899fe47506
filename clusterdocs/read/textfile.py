"""Read a contributed file: the one path from bytes on disk to text, used by every loader.

``read_text(file, root)`` returns the decoded text and no problems, or ``None`` and one
``Problem`` when the file cannot be used as text: it is a symbolic link or not a regular file
(a link to /dev/zero would be read forever), it cannot be read, it is larger than its
limit, it is not valid UTF-8 (reported at the line and column of the first bad byte), or it
holds control characters such as NUL. Two defined cases:

- a leading UTF-8 byte-order mark is accepted and dropped (MkDocs drops it too), so a file
  saved "with BOM" loads exactly like one saved without, and columns on line 1 count as an
  editor shows them;
- a carriage return (CRLF or lone CR line endings) is refused like any control character:
  MkDocs does not recognise a front matter block written with CRLF and would publish it as
  page text, so every file uses LF line endings (``.gitattributes`` makes Git check out LF).

Invisible and reordering characters (zero-width, soft hyphen, bidirectional controls, variation
selectors) are refused like control characters, at the first one, with their count.

Lines are counted at LF only, the same way by every loader.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from ..base.problems import Problem, relative_path
from ..base.text_memo import memoised

KIB = 1024
# Far above any real file (the largest, data/glossary.yml, is about 53 KiB); low enough that the
# YAML parser reads the densest YAML within 2 s, with room to spare on a busy machine
# (tests/unit/test_linear_time.py): YAML files and front matter get half a page's limit. Source
# captures are whole articles, mostly prose, so they get more room (their YAML header does not).
# The benchmark's synthetic 10x and 100x corpora, never published,
# have a data file of up to 4.7 MB: scripts/benchmark.py raises the data limit for them through
# CLUSTERDOCS_DATA_LIMIT_KIB, which nothing a contribution changes can set.
MAX_BYTES = 512 * KIB
MAX_YAML_BYTES = 256 * KIB
MAX_BYTES_BY_DIRECTORY = {
    "sources": 2048 * KIB,
    "timeline": MAX_YAML_BYTES,
    "data": int(os.environ.get("CLUSTERDOCS_DATA_LIMIT_KIB", "256")) * KIB,
}

BOM = "\ufeff"
# Control characters other than tab and line feed, the Unicode line and paragraph separators
# (YAML and Python count them as line breaks, editors do not), lone surrogates (no UTF-8 file
# holds them, but text handed to the YAML loader might) and the two non-characters.
_DISALLOWED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
# Invisible characters: every Unicode format character (category Cf, as of Unicode 14 in Python
# 3.11: zero-width space and joiners, soft hyphen, a BOM inside the text, the bidirectional
# controls of "Trojan Source", CVE-2021-42574, tags …; tests/unit/test_input_robustness.py checks
# the list) and the variation selectors (category Mn, but just as invisible). They can make text
# read differently from what a check reads: 4<U+200B>7 shows as 47, and a right-to-left override
# shows 24 as 42.
INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\ufe00-\ufe0f\U000e0100-\U000e01ef]"
)


def size_limit(path: str) -> int:
    """The size limit for a file, by its top folder (``sources/…`` or anything else)."""
    return MAX_BYTES_BY_DIRECTORY.get(path.split("/", 1)[0], MAX_BYTES)


def read_text(file: Path, root: Path) -> tuple[str | None, list[Problem]]:
    """The file's text (without a byte-order mark); or ``None`` and the one problem that makes it unusable."""
    path = relative_path(file, root)
    limit = size_limit(path)
    try:
        status = file.lstat()
        if stat.S_ISLNK(status.st_mode):
            return None, [Problem(path, 1, 1, "(file)", "symbolic links are not allowed here; add the file itself")]
        if not stat.S_ISREG(status.st_mode):
            return None, [
                Problem(path, 1, 1, "(file)", "not a regular file (a device, pipe or socket); add a text file")
            ]
        # Never more than the limit, whatever the size said: a file can grow between the two calls.
        with file.open("rb") as opened:
            data = opened.read(limit + 1)
        if status.st_size > limit or len(data) > limit:
            size = max(status.st_size, len(data))
            return None, [
                Problem(
                    path, 1, 1, "(file)", f"file is {size} bytes; the limit is {limit // KIB} KiB: shorten or split it"
                )
            ]
    except OSError as error:
        return None, [Problem(path, 1, 1, "(file)", f"cannot be read: {error.strerror or error}")]
    return decode(data, path)


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """``data`` as text without a byte-order mark, or ``None`` and one problem."""
    text, problems = _decoded(data, path)
    return text, list(problems)


@memoised(max_characters=4 * 1024 * KIB)  # a check reads most files more than once
def _decoded(data: bytes, path: str) -> tuple[str | None, tuple[Problem, ...]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8").removeprefix(BOM)
        line, column = _position(before, len(before))
        return None, (
            Problem(
                path,
                line,
                column,
                "(file)",
                f"not valid UTF-8 (byte 0x{data[error.start]:02X}); save the file as UTF-8",
            ),
        )
    text = text.removeprefix(BOM)
    found = disallowed_characters(text, path) or invisible_characters(text, path)
    return (None, tuple(found)) if found else (text, ())


def invisible_characters(text: str, path: str) -> list[Problem]:
    """One problem at the first invisible or reordering character, saying how many there are."""
    first = INVISIBLE.search(text)
    if first is None:
        return []
    character = first.group(0)
    count = len(INVISIBLE.findall(text))
    line, column = _position(text, first.start())
    more = f" ({count} invisible characters in this file)" if count > 1 else ""
    name = unicodedata.name(character, "format character").lower()
    return [
        Problem(
            path,
            line,
            column,
            "(file)",
            f"invisible character U+{ord(character):04X} ({name}){more}: it can make the text read "
            "differently from what the checks read; remove it",
        )
    ]


def disallowed_characters(text: str, path: str, line_offset: int = 0) -> list[Problem]:
    """One problem at the first control character (NUL, CR and the like), saying how many there are."""
    first = _DISALLOWED.search(text)
    if first is None:
        return []
    count = text.count(first.group(0))
    line, column = _position(text, first.start())
    more = f" ({count} in this file)" if count > 1 else ""
    if first.group(0) == "\r":
        message = f"carriage return (CRLF or CR line ending){more}; save the file with LF line endings"
    else:
        message = f"control character U+{ord(first.group(0)):04X} is not allowed in a text file{more}; remove it"
    return [Problem(path, line + line_offset, column, "(file)", message)]


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]`` (or of the end of ``text``)."""
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def read_own_text(file: Path) -> str:
    """A file no contributor writes (jieba's dictionary, a file the build generated): plain UTF-8."""
    return file.read_text(encoding="utf-8")


def read_own_bytes(file: Path) -> bytes:
    """The bytes of a file no contributor writes, for hashing."""
    return file.read_bytes()
