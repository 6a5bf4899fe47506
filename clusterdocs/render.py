"""Turn loaded data into HTML through the Jinja macros in ``overrides/hooks/``.

Python prepares plain values (formatted dates, resolved links, interface strings); the
templates only lay them out. Autoescaping is on, so text from YAML or front matter can never
inject markup: a title containing ``<script>`` is shown as text.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from opencc import OpenCC

from .paths import TEMPLATES_DIR
from .sitedata import current_site_data


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def ui_strings() -> dict[str, dict[str, str]]:
    """Interface strings by language, from the loaded (and checked) data/ui.yml."""
    return current_site_data().ui


@cache
def _to_simplified() -> OpenCC:
    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Simplified rendering of a Traditional-script quote, for readers of the zh site."""
    return _to_simplified().convert(text)


def render_macro(template: str, macro: str, language: str, **values) -> Markup:
    """Call ``macro`` from ``overrides/hooks/<template>`` with the language's interface strings."""
    module = environment().get_template(template).module
    strings = ui_strings()[language]
    return Markup(getattr(module, macro)(t=strings, language=language, **values)).strip()
