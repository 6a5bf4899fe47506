"""The Jinja environment of the macros in ``overrides/hooks/``, and calling one of them.

Python prepares plain values (formatted dates, resolved links, interface strings); the
templates only lay them out. Autoescaping is on, so text from YAML or front matter can never
inject markup: a title containing ``<script>`` is shown as text. The environment is created
once per process; Jinja recompiles a template only when its file changes.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .cjk_text import join_folded_cjk
from .languages import language_of
from .paths import TEMPLATES_DIR
from .ui_text import ui_strings


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


def render_macro(template: str, macro: str, language: str, **values) -> Markup:
    """Call ``macro`` from ``overrides/hooks/<template>`` with the language's interface strings."""
    module = environment().get_template(template).module
    strings = ui_strings()[language]
    return Markup(getattr(module, macro)(t=strings, language=language_of(language), **values)).strip()
