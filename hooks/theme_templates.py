"""The theme's compiled templates, kept between builds and between the languages of one build.

MkDocs gives every build of every language a new Jinja environment for the theme, and
Material's templates (about 45 of them) are then compiled again each time: three times per
build with three languages, and again on every ``mkdocs serve`` rebuild. Jinja's bytecode cache
(clusterdocs/base/build_cache.py) keeps them compiled, and recompiles a template only when its source
changes.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from clusterdocs.base.build_cache import compiled_templates


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = compiled_templates("jinja-theme")
    return env
