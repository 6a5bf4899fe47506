"""Atom feeds of articles and milestones: ``feed.xml`` (English) and ``zh/feed.xml``.

``on_page_markdown`` notes the URL of each language's home, article and timeline pages as
MkDocs meets them; ``on_post_build`` writes one feed per language (clusterdocs/feeds.py).
Every page's head links to them (hooks/page_metadata.py).
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from _shared import data_errors_fail_the_build, language_and_path, site_data

from clusterdocs.feeds import FeedItem, atom_feed
from clusterdocs.page_metadata import absolute, feed_path
from clusterdocs.render import ui_strings
from clusterdocs.sitedata import in_language

log = get_plugin_logger(__name__)
_urls: dict[tuple[str, str], str] = {}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language, path = language_and_path(page)
    if path in ("index.md", "timeline.md") or path.startswith("articles/"):
        _urls[(language, path)] = absolute(config.site_url, page.url)
    return markdown


def on_post_build(*, config: MkDocsConfig) -> None:
    with data_errors_fail_the_build():
        data = site_data(config)
    for language in sorted({language for language, _path in _urls}):
        strings = ui_strings()[language]
        colon = strings["colon"]
        items = [
            FeedItem(
                id=url,
                title=f"{strings['feed_article']}{colon}{article.meta['title']}",
                date=data.sources[article.source_id].header["date"],
                summary=article.meta.get("description", ""),
                category="article",
            )
            for article in data.articles_in(language)
            if (url := _urls.get((language, f"articles/{article.slug}.md")))
            and data.sources[article.source_id].header["date"]
        ]
        timeline_url = _urls.get((language, "timeline.md"))
        if timeline_url:
            items += [
                FeedItem(
                    id=f"{timeline_url}#{milestone.id}",
                    title=f"{milestone.display_date(language)}{colon}{in_language(milestone.data['title'], language)}",
                    date=milestone.date,
                    summary=in_language(milestone.data["summary"], language),
                    category=milestone.data["category"],
                )
                for milestone in data.milestones
            ]
        path = feed_path(language)
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            atom_feed(
                language, items, absolute(config.site_url, path), _urls.get((language, "index.md"), config.site_url)
            ),
            encoding="utf-8",
        )
        log.info(f"wrote {path} ({len(items)} items)")
