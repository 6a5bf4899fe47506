"""What the hooks share: the checked data, data problems as build errors, each page's link helper,
the pages built so far, and Material's search plugin.

Not a hook itself (it is not listed under ``hooks:`` in mkdocs.yml); the hooks import it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from clusterdocs.render.page_metadata import absolute
from clusterdocs.render.pages import PageAddress
from clusterdocs.base.problems import DataError
from clusterdocs.check.sitedata import SiteData, load_site_data

# (language, path inside the language folder) -> address of every page built, in every language
# built so far (mkdocs-static-i18n builds the languages one after the other in one process).
built_pages: dict[tuple[str, str], str] = {}


def site_data(config: MkDocsConfig) -> SiteData:
    """The checked data of the repository this ``mkdocs.yml`` belongs to (cached between calls)."""
    return load_site_data(Path(config.config_file_path).parent)


@contextmanager
def data_errors_fail_the_build() -> Iterator[None]:
    """Report bad data as one line per problem and stop the build, with no traceback."""
    try:
        yield
    except DataError as error:
        raise PluginError(f"{len(error.problems)} data problem(s):\n{error}") from None


def search_plugin(config: MkDocsConfig):
    """Material's search plugin, under either name it can be listed by, or None."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def permanent_urls(config: MkDocsConfig) -> dict[tuple[str, str], str]:
    """The absolute URL of every page built, by (language, path inside the language folder)."""
    return {key: absolute(config.site_url, url) for key, url in built_pages.items()}


class MkDocsPageLinks:
    """Links from one page, resolved through MkDocs' file list (clusterdocs/render/links.py says what each gives)."""

    def __init__(self, page: Page, files: Files, config: MkDocsConfig):
        self.page, self._files = page, files
        self.address = PageAddress.of(page.file.src_uri)
        self.permanent = absolute(config.site_url, page.url)
        self.root = get_relative_url(".", page.url).rstrip("/") + "/"

    def to_page(self, path: str, anchor: str = "") -> str:
        """A missing target fails the build, so renaming a page cannot leave a broken link."""
        language = self.address.language
        target = self._files.get_file_from_path(f"{language}/{path}")
        if target is None:
            raise PluginError(f"{self.address.source}: links to docs/{language}/{path}, which does not exist")
        return get_relative_url(target.url, self.page.url) + (f"#{anchor}" if anchor else "")

    def to_file(self, target: str) -> str:
        return get_relative_url(target, self.page.url)
