"""Publish the open dataset and render the Data page.

``on_page_markdown`` returns unchanged anything but ``docs/<lang>/data.md``, where it replaces
the ``<!-- data:… -->`` markers (clusterdocs/data_page_view.py, overrides/hooks/data.html).
``on_post_build`` writes every download, ``datapackage.json`` and the JSON Schemas into the
site root, shared by both languages (clusterdocs/open_data.py); mkdocs-static-i18n calls it
after each language, and writing the same files twice is harmless.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from _shared import data_errors_fail_the_build, language_and_path, site_data
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from clusterdocs.data_page_view import render_data_page
from clusterdocs.open_data import package_files
from clusterdocs.paths import SCHEMAS_DIR

log = get_plugin_logger(__name__)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    language, path = language_and_path(page)
    if path != "data.md":
        return markdown
    with data_errors_fail_the_build():
        root_url = get_relative_url(".", page.url).rstrip("/") + "/"
        return render_data_page(markdown, site_data(config), language, root_url, f"docs/{page.file.src_uri}")


def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    with data_errors_fail_the_build():
        files = package_files(site_data(config))
    for name, text in files.items():
        (site / name).write_text(text, encoding="utf-8")
    shutil.copytree(SCHEMAS_DIR, site / "schemas", dirs_exist_ok=True)
    log.debug("wrote %d data files and datapackage.json", len(files) - 1)
