"""What the hooks share: loading the data, turning data problems into build errors, locating pages.

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

from clusterdocs.problems import DataError
from clusterdocs.sitedata import SiteData, load_site_data


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


def language_and_path(page: Page) -> tuple[str, str]:
    """``zh/articles/x.md`` -> ``("zh", "articles/x.md")``."""
    language, _, path = page.file.src_uri.partition("/")
    return language, path


def link_to(page: Page, files: Files, language: str, path: str, anchor: str = "") -> str:
    """Relative URL from ``page`` to another page, resolved through MkDocs' file list.

    A missing target fails the build, so renaming a page cannot leave a broken link.
    """
    target = files.get_file_from_path(f"{language}/{path}")
    if target is None:
        raise PluginError(f"{page.file.src_uri}: links to docs/{language}/{path}, which does not exist")
    return get_relative_url(target.url, page.url) + (f"#{anchor}" if anchor else "")
