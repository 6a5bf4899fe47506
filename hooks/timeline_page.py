"""Render the timeline page from the YAML files in ``timeline/``.

MkDocs calls ``on_page_markdown`` for every page; this hook returns unchanged anything but
``docs/<lang>/timeline.md``, where it replaces the ``<!-- timeline:… -->`` markers with the
legend, the filters, the entries grouped by year and the download links
(clusterdocs/timeline_view.py, overrides/hooks/timeline.html).
"""

from mkdocs.utils import get_relative_url

from _shared import data_errors_fail_the_build, language_and_path, link_to, site_data

from clusterdocs.citations import download_links, entry_citation, formatted
from clusterdocs.timeline_view import render_timeline
from clusterdocs.sitedata import in_language


def on_page_markdown(markdown, page, config, files):
    language, path = language_and_path(page)
    if path != "timeline.md":
        return markdown
    with data_errors_fail_the_build():
        data = site_data(config)
        # The exports sit at the site root (hooks/data_exports.py), shared by both languages.
        downloads = {
            kind: get_relative_url(target, page.url)
            for kind, target in (
                ("json", "timeline.json"),
                ("csv", "timeline.csv"),
                ("schema", "schemas/timeline.schema.json"),
            )
        }
        clusters_url = link_to(page, files, language, "clusters.md")
        by_id = {milestone.id: milestone for milestone in data.milestones}
        cluster_links = {
            cluster["id"]: (in_language(cluster["name"], language), f"{clusters_url}#{cluster['id']}")
            for cluster in data.clusters
        }
        return render_timeline(
            markdown,
            data.milestones,
            data.sources,
            language,
            article_link=lambda source_id: (
                data.article_title(language, source_id),
                link_to(page, files, language, f"articles/{source_id}.md"),
            ),
            downloads=downloads,
            path=f"docs/{page.file.src_uri}",
            cluster_links=cluster_links,
            cite_links=lambda milestone_id: {
                "text": formatted(entry_citation(by_id[milestone_id], config.site_url + page.url, language)),
                "links": download_links(
                    language, "timeline", milestone_id, lambda target: get_relative_url(target, page.url)
                ),
            },
        )
