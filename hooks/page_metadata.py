"""Head metadata for every page: description, canonical and absolute hreflang URLs (with
``x-default``), feed links, OpenGraph and Twitter tags and schema.org JSON-LD.

MkDocs calls ``on_page_context`` once a page is rendered; mkdocs-static-i18n has then set this
page's alternates (``config.extra.alternate``). The values come from
clusterdocs/page_metadata.py and ``overrides/partials/reader-head.html`` lays them out.
"""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from _shared import data_errors_fail_the_build, language_and_path, site_data

from clusterdocs.languages import code_for_tag
from clusterdocs.page_metadata import page_metadata


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    language, path = language_and_path(page)
    alternates = {
        code_for_tag(alternate["lang"]): alternate["link"]
        for alternate in getattr(config.extra, "alternate", None) or []
    }
    article = dataset = None
    with data_errors_fail_the_build():
        if path.startswith("articles/") and path != "articles/index.md":
            found = site_data(config).article(language, path.removeprefix("articles/").removesuffix(".md"))
            source = site_data(config).sources[found.source_id]
            article = {
                "title": source.header["title_original"],
                "lang": source.lang,
                "authors": [author["original"] for author in source.header["authors"]],
                "outlet": source.header["outlet"]["original"],
                "date": source.header["date"],
            }
    if path == "timeline.md":
        dataset = {"json": "timeline.json", "csv": "timeline.csv"}
    context["reader_meta"] = page_metadata(
        site_url=config.site_url,
        page_url=page.url,
        language=language,
        title=page.title or config.site_name,
        site_name=config.site_name,
        description=page.meta.get("description") or config.site_description,
        alternates=alternates,
        article=article,
        dataset=dataset,
    )
    return context
