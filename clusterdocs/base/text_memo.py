"""Results of pure functions of a file's contents, kept in memory up to a total size.

One check reads most files several times (the loaders, the text checks, the page checks), and
``mkdocs serve`` and the tests check trees in which nearly every file is unchanged. Decoding a
file and parsing its YAML depend on nothing but their arguments, so ``memoised`` keeps their
results, keyed by the arguments themselves (the bytes or text, never a path or a time, so an
entry is either exactly right or never found). The least recently used results go first once the
texts held pass ``max_characters``: a hostile tree of files at their size limit cannot make the
process keep them all. Callers must not change what they get back; the memoised functions
return tuples and values their callers only read.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from threading import Lock


_MEMOS: list[Callable] = []


def clear_all() -> None:
    """Forget every kept result: for measurements of a cold check (tests/unit/test_linear_time.py)."""
    for memo in _MEMOS:
        memo.cache_clear()


def memoised(max_characters: int) -> Callable[[Callable], Callable]:
    """A decorator keeping ``function(content, *rest)`` by all its arguments, while the contents
    held (``len(content)``, bytes or characters) stay within ``max_characters``."""

    def decorate(function: Callable) -> Callable:
        results: OrderedDict[tuple, object] = OrderedDict()
        held = 0
        lock = Lock()  # MkDocs' server rebuilds in a thread of its own; lookups need no lock

        @wraps(function)
        def wrapper(content, *rest):
            nonlocal held
            key = (content, *rest)
            try:
                value = results[key]
                results.move_to_end(key)
                return value
            except KeyError:  # not kept, or let go by another thread just now
                pass
            value = function(content, *rest)
            if len(content) > max_characters:
                return value
            with lock:
                if key not in results:
                    results[key] = value
                    held += len(content)
                    while held > max_characters:
                        (old, *_rest), _value = results.popitem(last=False)
                        held -= len(old)
            return value

        def cache_clear() -> None:
            nonlocal held
            with lock:
                results.clear()
                held = 0

        wrapper.cache_clear = cache_clear
        _MEMOS.append(wrapper)
        return wrapper

    return decorate
