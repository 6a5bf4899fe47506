"""Everything written or checked once the whole site is built, in this order, once per build:

1. the exports: the open data (downloads, ``datapackage.json``, the JSON Schemas), the citation
   downloads under ``cite/``, an Atom feed per language and each chart's data, pictures and
   citations (clusterdocs/render/open_data.py, citations.py and chart_files.py;
   clusterdocs/publish/feeds.py), for the pages built (hooks/pages.py notes them);
2. the search indexes: each language's, written as its build ended (hooks/search_indexes.py), put
   where its readers fetch it (clusterdocs/publish/search_index.py);
3. the sitemaps Material's language switcher looks up beside each page (see
   ``write_alternate_sitemaps``);
4. the asset clean-up: no CDN fallback and no source map in Material's bundle
   (clusterdocs/publish/offline.py);
5. the Content-Security-Policy of every page: only the site's own scripts run
   (clusterdocs/publish/content_security.py);
6. the site audit: no built file may load from another host or run contributed script
   (clusterdocs/publish/site_audit.py); it fails the build with one line per offence.

mkdocs-static-i18n builds each further language from inside its own ``on_post_build``
(priority -100) by calling MkDocs' ``build()`` again, so every ``on_post_build`` runs once per
language, the inner ones first; it sets its ``building`` flag while it does. This hook runs at
-200, after i18n has written its own search index at the root (which the default language's
then replaces), and only when no language build is in progress: once, after the last language.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from _shared import data_errors_fail_the_build, permanent_urls, site_data
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from clusterdocs.render.chart_files import chart_files
from clusterdocs.render.citations import citation_files
from clusterdocs.publish.content_security import theme_scripts, with_policy
from clusterdocs.publish.feeds import feed_files
from clusterdocs.publish.offline import strip_external_references
from clusterdocs.render.open_data import package_files
from clusterdocs.render.pages import site_charts
from clusterdocs.base.paths import SCHEMAS_DIR
from clusterdocs.publish.search_index import place_language_indexes
from clusterdocs.publish.site_audit import audit_site

log = get_plugin_logger(__name__)


def write_exports(config: MkDocsConfig, site: Path) -> None:
    with data_errors_fail_the_build():
        data = site_data(config)
        urls = permanent_urls(config)
        groups = {
            "open data file(s)": package_files(data),
            "citation file(s) under cite/": citation_files(data, urls),
            "feed(s)": feed_files(data, urls, config.site_url, Path(config.config_file_path).parent),
            "chart file(s) under charts/ and cite/": chart_files(site_charts(data), urls, data.ui),
        }
    for description, files in groups.items():
        for name, content in files.items():
            target = site / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):  # a chart's PNG
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8", newline="")
        log.info(f"wrote {len(files)} {description}")
    shutil.copytree(SCHEMAS_DIR, site / "schemas", dirs_exist_ok=True)


def place_search_indexes(config: MkDocsConfig, site: Path) -> None:
    placed = place_language_indexes(site)
    log.info(f"wrote {len(placed)} search index(es): {', '.join(placed)}")


def write_alternate_sitemaps(config: MkDocsConfig, site: Path) -> None:
    """For each ``<link rel="alternate" hreflang>`` in a page head, Material's switcher fetches
    ``sitemap.xml`` relative to it, in the directory of the same page in the other language
    (``/zh/articles/x/sitemap.xml``). Only the site root has a real sitemap, so a copy goes
    into every other page directory: the switcher then maps pages as it does at the root, and no
    lookup logs a 404."""
    root_sitemap = site / "sitemap.xml"
    if not root_sitemap.exists():
        return
    content = root_sitemap.read_bytes()
    copies = 0
    for index in site.rglob("index.html"):
        if index.parent != site:
            (index.parent / "sitemap.xml").write_bytes(content)
            copies += 1
    log.info(f"wrote {copies} copies of sitemap.xml beside the pages")


def clean_assets(config: MkDocsConfig, site: Path) -> None:
    """Material's bundle loads a ResizeObserver polyfill and Mermaid from a public CDN when it
    needs them; both now point at an empty local script. The source maps (for debugging
    Material itself) carry the same URLs and readers never need them: they are deleted."""
    assets = site / "assets"
    changed = 0
    for source_map in assets.rglob("*.map"):
        source_map.unlink()
        changed += 1
    for bundle in [*assets.rglob("*.min.css"), *(assets / "javascripts").rglob("*.min.js")]:
        text = bundle.read_text(encoding="utf-8")
        cleaned = strip_external_references(text)
        if cleaned != text:
            bundle.write_text(cleaned, encoding="utf-8")
            changed += 1
    log.info(f"cleaned {changed} theme asset(s) of external references and source maps")


def add_content_security_policy(config: MkDocsConfig, site: Path) -> None:
    known = theme_scripts(file for folder in config.theme.dirs for file in sorted(Path(folder).rglob("*.html")))
    pages = 0
    for file in sorted(site.rglob("*.html")):
        text = file.read_text(encoding="utf-8")
        secured = with_policy(text, known)
        if secured != text:
            file.write_text(secured, encoding="utf-8", newline="")
            pages += 1
    log.info(f"gave {pages} page(s) a Content-Security-Policy")


def audit(config: MkDocsConfig, site: Path) -> None:
    problems = sorted(set(audit_site(site, config.site_url or "")))
    if problems:
        lines = "\n".join(str(problem) for problem in problems)
        raise PluginError(f"{len(problems)} problem(s) in the built site ({config.site_dir}):\n{lines}")
    log.info("audited the built site: no request to another host, no contributed script")


STEPS = (
    write_exports,
    place_search_indexes,
    write_alternate_sitemaps,
    clean_assets,
    add_content_security_policy,
    audit,
)


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # a language built from inside mkdocs-static-i18n's on_post_build: not the last one
    site = Path(config.site_dir)
    for step in STEPS:
        step(config, site)
