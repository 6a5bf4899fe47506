"""Answer the ``sitemap.xml`` requests Material's language switcher makes, without a 404.

For each ``<link rel="alternate" hreflang>`` in a page head, Material fetches ``sitemap.xml``
relative to that link, i.e. in the directory of the same page in the other language
(``/zh/articles/x/sitemap.xml``). Only the site root has a real sitemap, so each of those
lookups would log a 404 in the console. MkDocs calls ``on_post_build`` after writing the site
(and mkdocs-static-i18n calls it again once every language is built); this hook then writes a
copy of the root sitemap into every other page directory, so the switcher maps pages exactly
as it does at the root.
"""

from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config):
    site = Path(config.site_dir)
    root_sitemap = site / "sitemap.xml"
    if not root_sitemap.exists():
        return
    content = root_sitemap.read_bytes()
    for index in site.rglob("index.html"):
        if index.parent != site:
            (index.parent / "sitemap.xml").write_bytes(content)
