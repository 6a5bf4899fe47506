"""Validate every source, article page and timeline entry before anything is built.

MkDocs calls ``on_config`` at the start of each build (mkdocs-static-i18n runs one build per
language; `mkdocs serve` one per rebuild). The files are checked for changes once here, and the
data is loaded once and cached for the other hooks. After each language, the memory its pages
freed is returned to the system (clusterdocs/base/free_memory.py; a data load does the same). Bad
data stops the build with the same ``path:line:column: field: message`` lines that
``python -m clusterdocs check`` prints.
"""

from __future__ import annotations

from _shared import data_errors_fail_the_build, site_data
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

from clusterdocs.base.free_memory import return_free_memory
from clusterdocs.check.sitedata import finish_build, start_build

log = get_plugin_logger(__name__)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    start_build()
    with data_errors_fail_the_build():
        data = site_data(config)
    log.info(
        f"checked {len(data.sources)} sources, {len(data.articles)} article pages and "
        f"{len(data.milestones)} timeline entries"
    )
    return config


@event_priority(-300)  # after every other step of the build, the post-build pipeline included
def on_post_build(*, config: MkDocsConfig) -> None:
    finish_build()
    return_free_memory()  # what this language's pages freed, before the next language is built


def on_build_error(*, error: Exception) -> None:
    finish_build()
