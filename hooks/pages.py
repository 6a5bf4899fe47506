"""Every per-page step of the build, in one place: markers, glossary links, safety, head metadata.

MkDocs calls these for each page of each language. ``on_page_markdown`` builds the page's link
helper once, notes the page for the exports written after the build (hooks/post_build.py) and
fills the page's markers through the dispatch table in clusterdocs/render/pages.py.
``on_page_content`` makes the page inert whatever its source says and then completes it
(clusterdocs/render/pages.py ``page_content``): the HTML its Markdown became passes the allow-list
sanitiser, then the rendered HTML goes in place of its placeholders (MkDocs is told its
anchors, for link validation) and the first use of each registered document's title, then of
each glossary term, is linked (clusterdocs/render/glossary_links.py). Its front-matter title and description are escaped, since Material prints them into
``<title>``, ``<meta>``, the navigation and the search index without escaping (every page's
content is rendered before any page's template, so the navigation sees only escaped titles).
``on_page_context`` gives the alternates full BCP 47 tags (``zh-Hans``), puts the languages
into the render context (``site_language``, ``site_languages``, ``site_ui``; static templates get them from
``on_template_context``) and computes the head metadata (clusterdocs/render/page_metadata.py, laid
out by overrides/partials/reader-head.html).
"""

from __future__ import annotations

from _shared import MkDocsPageLinks, built_pages, data_errors_fail_the_build, site_data
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from clusterdocs.check.cjk_text import join_wrapped_lines
from clusterdocs.render.documents_view import document_terms
from clusterdocs.render.glossary_links import glossary_terms, link_first_uses
from clusterdocs.check.html_policy import plain_text
from clusterdocs.base.languages import LANGUAGES, bcp47, code_for_tag, language_of
from clusterdocs.render.page_metadata import page_metadata
from clusterdocs.render.pages import PageAddress, anchor_ids, page_content, render_markers

# By the page's file inside docs/, from on_page_markdown to on_page_content, its last use: an
# entry holds its page, and so the page's HTML, which must not outlive its language's build.
_links: dict[str, MkDocsPageLinks] = {}
_rendered_html: dict[str, list[str]] = {}  # the same: the HTML each page's placeholders stand for


def _links_of(page: Page, files: Files, config: MkDocsConfig) -> MkDocsPageLinks:
    links = _links.get(page.file.src_uri)
    if links is None or links.page is not page:
        links = _links[page.file.src_uri] = MkDocsPageLinks(page, files, config)
    return links


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    links = _links_of(page, files, config)
    address = links.address
    built_pages[(address.language, address.path)] = page.url
    with data_errors_fail_the_build():
        markdown, _rendered_html[page.file.src_uri] = render_markers(markdown, site_data(config), address, links)
    return markdown


@event_priority(-100)  # after every other plugin's on_page_content: nothing contributed is added after sanitising
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    links = _links_of(page, files, config)
    del _links[page.file.src_uri]
    rendered = _rendered_html.pop(page.file.src_uri, [])
    if rendered:
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(rendered)
    data = site_data(config)
    language = links.address.language
    passes = []  # documents first: a title is linked whole, and a glossary term inside it is not
    if links.address.path != "documents.md":
        titles = document_terms(data, language, links.to_page("documents.md"))
        passes.append(lambda content: link_first_uses(content, titles, language, inside_titles=True))
    if links.address.path != "glossary.md":
        terms = glossary_terms(data, language, links.to_page("glossary.md"))
        passes.append(lambda content: link_first_uses(content, terms, language))

    def link_terms(content: str) -> str:
        for link in passes:
            content = link(content)
        return content

    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = plain_text(page.meta[key])
    if "title" not in page.meta and page.title:
        page.title = plain_text(page.title, entities_encoded=True)  # taken from the page's heading
    if language_of(language).is_chinese:
        html = join_wrapped_lines(html)  # a line wrapped in the Markdown is no space in Chinese
    return page_content(html, rendered, data.ui[language]["section_link"], link_terms)


def _add_languages(context: dict, config: MkDocsConfig) -> dict:
    """Templates read languages from clusterdocs/base/languages.py through the render context: the
    ``Language`` being built (``site_language``) and all of them by folder (``site_languages``),
    and the interface strings of the page's language (``site_ui``, from data/ui.yml) for the
    theme partials the site overrides (the palette toggle, the footer)."""
    context["site_language"] = language_of(config.theme["language"])
    context["site_languages"] = {language.code: language for language in LANGUAGES}
    with data_errors_fail_the_build():
        context["site_ui"] = site_data(config).ui[context["site_language"].code]
    return context


def on_template_context(context: dict, /, *, template_name: str, config: MkDocsConfig) -> dict | None:
    return _add_languages(context, config)  # static templates: 404.html, sitemap.xml


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict | None:
    # mkdocs-static-i18n sets this page's alternates in its on_page_context (priority 50), with
    # its locale codes. Attribute access on purpose: it assigns the attribute, which is what
    # the templates read, and it can differ from config.extra["alternate"].
    alternates = getattr(config.extra, "alternate", None) or []
    for alternate in alternates:
        alternate["lang"] = bcp47(alternate["lang"])
    address = PageAddress.of(page.file.src_uri)
    article = None
    if address.kind == "article":
        with data_errors_fail_the_build():
            data = site_data(config)
            found = data.article(address.language, address.path.removeprefix("articles/").removesuffix(".md"))
            source = data.sources[found.source_id]
        article = {
            "title": source.header["title_original"],
            "lang": source.lang,
            "authors": [author["original"] for author in source.header["authors"]],
            "outlet": source.header["outlet"]["original"],
            "date": source.header["date"],
        }
    dataset = {"json": "timeline.json", "csv": "timeline.csv"} if address.path == "timeline.md" else None
    _add_languages(context, config)
    with data_errors_fail_the_build():
        ui = site_data(config).ui
    context["reader_meta"] = page_metadata(
        site_url=config.site_url,
        page_url=page.url,
        language=address.language,
        title=page.title or config.site_name,
        site_name=config.site_name,
        description=page.meta.get("description") or config.site_description,
        alternates={code_for_tag(alternate["lang"]): alternate["link"] for alternate in alternates},
        ui=ui,
        article=article,
        dataset=dataset,
    )
    return context
