"""What a page renderer may ask about links: the shape of the link helper the hooks build per page.

The renderers in ``clusterdocs/*_view.py`` take one of these (``links``) instead of URLs
worked out by each caller; hooks/_shared.py implements it over MkDocs' file list, and the
tests with plain functions. Paths name files inside the page's language folder
(``timeline.md``, ``articles/<id>.md``) or the site root (``timeline.json``).
"""

from __future__ import annotations

from typing import Protocol


class PageLinks(Protocol):
    permanent: str
    """The page's own absolute URL (the site URL and the page's address)."""

    root: str
    """Relative URL of the site root from the page, ending in ``/`` (``../``)."""

    def to_page(self, path: str, anchor: str = "") -> str:
        """Relative URL of another page of the same language; a missing page fails the build."""
        ...

    def to_file(self, target: str) -> str:
        """Relative URL of a file at the site root (``timeline.json``, ``cite/en/…``)."""
        ...
