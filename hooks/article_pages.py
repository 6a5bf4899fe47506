"""Render the data-driven sections of each article summary page.

MkDocs calls ``on_page_markdown`` for every page; this hook returns unchanged anything that is
not ``docs/<lang>/articles/<id>.md``. On article pages it replaces the ``<!-- article:… -->``
markers with the citation block, key figures, quotes, names and the milestones that cite the
article (see clusterdocs/article_view.py and overrides/hooks/article.html).
"""

from _shared import data_errors_fail_the_build, language_and_path, link_to, site_data

from mkdocs.utils import get_relative_url

from clusterdocs.article_view import render_article
from clusterdocs.citations import download_links


def on_page_markdown(markdown, page, config, files):
    language, path = language_and_path(page)
    if not path.startswith("articles/") or path == "articles/index.md":
        return markdown
    with data_errors_fail_the_build():
        data = site_data(config)
        article = data.article(language, path.removeprefix("articles/").removesuffix(".md"))
        return render_article(
            markdown,
            article,
            data.sources[article.source_id],
            data.milestones_citing(article.source_id),
            page_title=page.meta["title"],
            page_url=config.site_url + page.url,
            timeline_url=link_to(page, files, language, "timeline.md"),
            clusters_url=link_to(page, files, language, "clusters.md"),
            path=article.path,
            cite_links=download_links(
                language, "articles", article.slug, lambda target: get_relative_url(target, page.url)
            ),
        )
