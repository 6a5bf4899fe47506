"""Render the reference pages: clusters directory, figures and glossary.

MkDocs calls ``on_page_markdown`` for every page; this hook returns unchanged anything but
``docs/<lang>/clusters.md``, ``figures.md`` and ``glossary.md``, where it replaces the
``<!-- clusters:… -->``, ``<!-- figures:… -->`` and ``<!-- glossary:… -->`` markers
(clusterdocs/reference_views.py, overrides/hooks/reference.html).
"""

from _shared import data_errors_fail_the_build, language_and_path, link_to, site_data

from clusterdocs.reference_views import render_clusters, render_figures, render_glossary


def on_page_markdown(markdown, page, config, files):
    language, path = language_and_path(page)
    if path not in ("clusters.md", "figures.md", "glossary.md"):
        return markdown
    with data_errors_fail_the_build():
        data = site_data(config)

        def article_url(source_id):
            return link_to(page, files, language, f"articles/{source_id}.md")

        source_path = f"docs/{page.file.src_uri}"
        if path == "clusters.md":
            return render_clusters(
                markdown, data, language, article_url, link_to(page, files, language, "timeline.md"), source_path
            )
        if path == "figures.md":
            return render_figures(markdown, data, language, article_url, source_path)
        return render_glossary(markdown, data, language, article_url, source_path)
