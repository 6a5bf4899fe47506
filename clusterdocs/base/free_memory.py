"""Give the C allocator's free memory back to the operating system, at the end of each language's build.

A build frees much more than it keeps: the data load's parse trees, each page's intermediate HTML.
glibc keeps freed blocks in its heap for reuse, so the process stays as large as its busiest
moment, and the next large block (a page, a language's search index) is mapped on top of it.
``malloc_trim`` returns those free pages; at a hundred times today's content that is about
100 MiB a language. A no-op where the C library has no ``malloc_trim`` (not glibc).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache


@cache
def _malloc_trim():
    name = ctypes.util.find_library("c")
    library = ctypes.CDLL(name) if name else None
    return getattr(library, "malloc_trim", None)


def return_free_memory() -> None:
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
