"""Render the table of source articles on ``docs/<lang>/articles/index.md``.

MkDocs calls ``on_page_markdown`` for every page; this hook returns unchanged anything but the
articles index, where it replaces ``<!-- articles:table -->`` with a table sorted by date
(clusterdocs/articles_index_view.py, overrides/hooks/articles.html).
"""

from _shared import data_errors_fail_the_build, language_and_path, link_to, site_data

from clusterdocs.articles_index_view import render_articles_index


def on_page_markdown(markdown, page, config, files):
    language, path = language_and_path(page)
    if path != "articles/index.md":
        return markdown
    with data_errors_fail_the_build():
        return render_articles_index(
            markdown,
            site_data(config),
            language,
            article_url=lambda slug: link_to(page, files, language, f"articles/{slug}.md"),
            path=f"docs/{page.file.src_uri}",
        )
