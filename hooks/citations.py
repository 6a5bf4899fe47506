"""Cite this: every article summary and every timeline entry as BibTeX, RIS and CSL-JSON files.

``on_page_markdown`` notes the permanent URL of each article page and timeline page as MkDocs
meets them (both languages); ``on_post_build`` writes the downloads under ``cite/<language>/``
in the site (clusterdocs/citations.py). The pages link to them through hooks/article_pages.py
and hooks/timeline_page.py.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from _shared import data_errors_fail_the_build, language_and_path, site_data

from clusterdocs.citations import article_citation, download_path, downloads, entry_citation

log = get_plugin_logger(__name__)
_permanent_urls: dict[tuple[str, str], str] = {}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language, path = language_and_path(page)
    if path == "timeline.md" or (path.startswith("articles/") and path != "articles/index.md"):
        _permanent_urls[(language, path)] = config.site_url + page.url
    return markdown


def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    written = 0
    with data_errors_fail_the_build():
        data = site_data(config)
        for (language, path), url in sorted(_permanent_urls.items()):
            if path == "timeline.md":
                items = [
                    ("timeline", milestone.id, entry_citation(milestone, url, language))
                    for milestone in data.milestones
                ]
            else:
                article = data.article(language, path.removeprefix("articles/").removesuffix(".md"))
                items = [
                    (
                        "articles",
                        article.slug,
                        article_citation(data.sources[article.source_id], article.meta["title"], url, language),
                    )
                ]
            for kind, item_id, citation in items:
                for extension, content in downloads(citation).items():
                    target = site / download_path(language, kind, item_id, extension)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(content, encoding="utf-8", newline="")
                    written += 1
    log.info(f"wrote {written} citation files under cite/")
