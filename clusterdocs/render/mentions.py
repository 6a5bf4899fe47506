"""Show a timeline entry named by id in a note as a link titled with the entry's title.

Notes in ``data/`` may point to a timeline entry by its id ("see the timeline entry
2021-03-22-miit-25-key-clusters-public-notice"): the id keeps the reference checkable (the
prose-number check counts what a named entry cites, ``clusterdocs/check/prose_numbers.py``) but is
not for readers. ``link_mentions`` escapes the note and puts, in place of each known id, a link
to the entry whose text is the entry's title in the page's language. Called by the renderers
of pages whose notes can name entries (``figures_view.py``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape


@lru_cache(maxsize=8)
def _pattern(ids: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(id_) for id_ in sorted(ids, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def link_mentions(text: str | None, entries: dict[str, tuple[str, str]]) -> Markup | None:
    """``text`` escaped, each id of ``entries`` (id -> (title, href)) replaced by a link."""
    if text is None:
        return None
    if not entries:
        return escape(text)
    pattern = _pattern(tuple(sorted(entries)))
    parts, last = [], 0
    for match in pattern.finditer(text):
        title, href = entries[match.group(0)]
        parts += [escape(text[last : match.start()]), Markup('<a href="{}">{}</a>').format(href, title)]
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)
