"""Turn loaded data into HTML through the Jinja macros in ``overrides/hooks/``.

Python prepares plain values (formatted dates, resolved links, interface strings); the
templates only lay them out. Autoescaping is on, so text from YAML or front matter can never
inject markup: a title containing ``<script>`` is shown as text.
"""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from opencc import OpenCC

from .cjk_text import join_folded_cjk
from .languages import language_of
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
        finalize=join_folded_cjk,
    )


def ui_strings() -> dict[str, dict[str, str]]:
    """Interface strings by language, from the loaded (and checked) data/ui.yml."""
    return current_site_data().ui


@cache
def _to_simplified() -> OpenCC:
    return OpenCC("t2s")


# ASCII punctuation the captures use in running Chinese text, and its full-width form.
# A comma or colon between digits (1,500; 16:22) is part of a number or time and stays.
_FULL_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})
_ASCII_PUNCTUATION = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;?!()]")


def full_width_punctuation(text: str) -> str:
    """Chinese text with the ASCII punctuation of the captures in its full-width form."""
    return _ASCII_PUNCTUATION.sub(lambda match: match.group(0).translate(_FULL_WIDTH), text)


def to_simplified(text: str) -> str:
    """Simplified rendering of a Traditional-script quote, for readers of the zh site.

    The captured wording stays what the site verifies; this rendering is for reading, so it also
    uses the full-width punctuation of Simplified Chinese text.
    """
    return full_width_punctuation(_to_simplified().convert(text))


def render_macro(template: str, macro: str, language: str, **values) -> Markup:
    """Call ``macro`` from ``overrides/hooks/<template>`` with the language's interface strings."""
    module = environment().get_template(template).module
    strings = ui_strings()[language]
    return Markup(getattr(module, macro)(t=strings, language=language_of(language), **values)).strip()
