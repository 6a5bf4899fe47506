"""The interface strings of each language (``data/ui.yml``), as the renderers and exports use them."""

from __future__ import annotations

from .sitedata import current_site_data


def ui_strings() -> dict[str, dict[str, str]]:
    """Interface strings by language, from the loaded (and checked) data/ui.yml."""
    return current_site_data().ui
