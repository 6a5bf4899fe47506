"""The Jinja environment of the macros in ``overrides/hooks/``, and calling one of them.

Python prepares plain values (formatted dates, resolved links, interface strings); the
templates only lay them out. Autoescaping is on, so text from YAML or front matter can never
inject markup: a title containing ``<script>`` is shown as text. The environment is created
once per process, and the compiled templates are kept between builds (clusterdocs/base/build_cache.py);
Jinja recompiles a template only when its file changes.

Inside ``html_slots()`` a macro's HTML is set aside and a one-element placeholder returned in
its place: the build puts the HTML back after Markdown conversion (clusterdocs/render/pages.py), so
Python-Markdown never scans the large rendered sections (which it would only pass through).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..base.build_cache import compiled_templates
from ..check.cjk_text import join_folded_cjk
from ..base.languages import language_of
from ..base.paths import TEMPLATES_DIR


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        bytecode_cache=compiled_templates("jinja"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=join_folded_cjk,
    )


def render_macro(template: str, macro: str, language: str, strings: dict[str, str], **values) -> Markup:
    """Call ``macro`` from ``overrides/hooks/<template>`` with the language's interface strings."""
    module = environment().get_template(template).module
    html = Markup(getattr(module, macro)(t=strings, language=language_of(language), **values)).strip()
    slots = _slots.get()
    if slots is None:
        return html
    slots.append(html)
    return Markup(SLOT.format(len(slots) - 1))


# A block-level element Markdown copies through untouched, and that the contributor policy
# refuses in pages (no data- attributes), so only a renderer can write it.
SLOT = '<div data-cd-slot="{}"></div>'
_SLOT_PATTERN = re.compile(r'<div data-cd-slot="(\d+)"></div>')
_slots: ContextVar[list[str] | None] = ContextVar("html_slots", default=None)


@contextmanager
def html_slots() -> Iterator[list[str]]:
    """Collect the HTML of the macros rendered inside the block; ``fill_slots`` puts it back."""
    slots: list[str] = []
    token = _slots.set(slots)
    try:
        yield slots
    finally:
        _slots.reset(token)


def fill_slots(html: str, slots: list[str]) -> str:
    """``html`` with each placeholder replaced by the HTML it stands for (unknown ones are left)."""
    if not slots:
        return html
    return _SLOT_PATTERN.sub(lambda match: slots[int(match[1])] if int(match[1]) < len(slots) else match[0], html)
