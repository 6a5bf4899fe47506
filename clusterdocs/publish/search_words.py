"""jieba's words for the search index: its main dictionary plus one user dictionary, loaded once.

``jieba.load_userdict`` adds to jieba's one global tokenizer and never takes away: loading a
dictionary again adds its words' frequencies to the total once more, and that shifts how every
later text is segmented. Material's search plugin loads its user dictionary on each language's
configuration (three times a build, and again on every ``mkdocs serve`` rebuild), so the same
text would be segmented one way in English pages' index and another in Chinese pages', and
differently again after a rebuild. hooks/converted_site.py loads the dictionary here instead:
once per dictionary, and from jieba's main dictionary afresh when the user dictionary changes.
"""

from __future__ import annotations

import logging
from pathlib import Path

import jieba
from jieba import finalseg

# jieba reports loading its dictionary on stderr at every start: nothing a maintainer can act on.
jieba.setLogLevel(logging.WARNING)

_loaded: tuple[str, int, int] | None = None  # the user dictionary in jieba now: path, mtime, size


def use_user_dictionary(path: Path) -> None:
    """Make jieba's words its main dictionary plus ``path``'s, whatever was loaded before."""
    global _loaded
    status = path.stat()
    wanted = (str(path), status.st_mtime_ns, status.st_size)
    if wanted == _loaded:
        return
    tokenizer = jieba.dt
    if _loaded is not None:
        # Read the main dictionary again (from jieba's own cache file), without the old words.
        tokenizer.initialized = False
        tokenizer.user_word_tag_tab = {}
        finalseg.Force_Split_Words.clear()
    tokenizer.load_userdict(str(path))
    _loaded = wanted


def loaded_user_dictionary() -> tuple[str, int, int] | None:
    """The user dictionary jieba holds now (path, modification time, size), if any."""
    return _loaded
