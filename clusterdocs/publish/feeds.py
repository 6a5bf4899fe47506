"""Atom feeds, one per language: article summaries and timeline milestones, newest event first.

Deterministic, and never more precise than the sources: Atom needs a full timestamp for every
entry (``updated``), and an event the sources date only to a year or a month has no day to
give, so each entry's timestamp is its last change (the last commit that touched its files,
clusterdocs/publish/last_change.py), which claims nothing about the event; the feed's is the newest of
its entries'. Each entry's title states the event's date as precisely as the source does, and an
entry resting on outside reporting says so in its summary and carries the category
``outside-reporting`` (clusterdocs/render/outside_mark.py). Articles without a date cannot be placed in
time and are left out. After the build, hooks/post_build.py writes them (``feed_files``):
``feed.xml`` (English), ``zh/feed.xml`` and ``zh-Hant/feed.xml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from ..render import outside_mark
from ..text.dates import sort_key
from ..base.languages import CODES, bcp47, language_of, source_code
from .last_change import fallback_time, last_changes, timestamp
from ..render.citations import document_title
from ..render.page_metadata import absolute, feed_path
from ..check.sitedata import SiteData

ATOM = "http://www.w3.org/2005/Atom"


@dataclass
class FeedItem:
    id: str  # absolute URL of the item on the site
    title: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD: the order of the feed, never written as a timestamp
    summary: str
    category: str
    updated: int = 0  # Unix time of the item's last change
    marks: list[tuple[str, str]] = field(default_factory=list)  # further (term, label) categories


def atom_feed(language: str, items: list[FeedItem], feed_url: str, home_url: str, strings: dict[str, str]) -> str:
    ordered = sorted(items, key=lambda item: (sort_key(item.date), item.id), reverse=True)
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": bcp47(language)})

    def add(parent, tag: str, text: str | None = None, **attributes) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    add(feed, "id", feed_url)
    add(feed, "title", strings["feed_title"])
    add(feed, "subtitle", strings["feed_subtitle"])
    add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    add(feed, "link", rel="alternate", type="text/html", href=home_url)
    add(feed, "updated", timestamp(max(item.updated for item in ordered)) if ordered else "1970-01-01T00:00:00Z")
    add(add(feed, "author"), "name", strings["site_name"])
    for item in ordered:
        entry = add(feed, "entry")
        add(entry, "id", item.id)
        add(entry, "title", item.title)
        add(entry, "link", rel="alternate", type="text/html", href=item.id)
        add(entry, "updated", timestamp(item.updated))
        add(entry, "category", term=item.category)
        for term, label in item.marks:
            add(entry, "category", term=term, label=label)
        add(entry, "summary", item.summary)
    ElementTree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(feed, encoding="unicode") + "\n"


def feed_files(
    data: SiteData, page_urls: dict[tuple[str, str], str], site_url: str, root: Path | None = None
) -> dict[str, str]:
    """Path in the site -> Atom feed, for each language with pages built.

    ``page_urls`` maps (language, path inside the language folder) of each built page to its
    absolute URL; the feed lists the articles and the timeline entries of the pages built.
    ``root`` is the repository, whose history dates each entry's last change.
    """
    changed, fallback = last_changes(root), fallback_time()

    def updated(*paths: str) -> int:
        return max(changed.get(path, fallback) for path in paths)

    files = {}
    for language in sorted({language for language, _path in page_urls}):
        strings = data.ui[language]
        colon = strings["colon"]
        folder = language_of(language).converted_from or language
        items = [
            FeedItem(
                id=url,
                title=f"{strings['feed_article']}{colon}{article.meta['title']}",
                date=data.sources[article.source_id].header["date"],
                summary=article.meta.get("description", ""),
                category="article",
                updated=updated(f"docs/{folder}/articles/{article.slug}.md", data.sources[article.source_id].path),
            )
            for article in data.articles_in(language)
            if (url := page_urls.get((language, f"articles/{article.slug}.md")))
            and data.sources[article.source_id].header["date"]
        ]
        timeline_url = page_urls.get((language, "timeline.md"))
        if timeline_url:
            for milestone in data.milestones:
                mark = outside_mark.mark(milestone, language, data)
                items.append(
                    FeedItem(
                        id=f"{timeline_url}#{milestone.id}",
                        title=f"{milestone.display_date(language, strings)}{colon}"
                        f"{data.in_language(milestone.data['title'], language)}",
                        date=milestone.date,
                        summary=outside_mark.before(
                            data.in_language(milestone.data["summary"], language), milestone, language, data
                        ),
                        category=milestone.data["category"],
                        updated=updated(milestone.path),
                        marks=[(outside_mark.FEED_CATEGORY, mark)] if mark else [],
                    )
                )
        items += correction_items(data, page_urls, language, updated("data/corrections.yml"))
        items += document_items(data, page_urls, language, updated("data/documents.yml"))
        path = feed_path(language)
        home_url = page_urls.get((language, "index.md"), site_url)
        files[path] = atom_feed(language, items, absolute(site_url, path), home_url, strings)
    return files


def correction_items(
    data: SiteData, page_urls: dict[tuple[str, str], str], language: str, updated: int
) -> list[FeedItem]:
    """One item per entry of the corrections log (data/corrections.yml), linking to its entry on
    the Corrections page: a correction is news to anyone who relied on the page before it.
    None when that page is not built."""
    log_url = page_urls.get((language, "corrections.md"))
    if not log_url:
        return []
    strings = data.ui[language]
    return [
        FeedItem(
            id=f"{log_url}#{entry['id']}",
            title=f"{strings['feed_correction']}{strings['colon']}"
            + strings["separator"].join(data.page_title(language, page) for page in entry["pages"]),
            date=entry["date"],
            summary=("" if language_of(language).is_chinese else " ").join(
                data.in_language(entry[part], language) for part in ("what", "why")
            ),
            category="correction",
            updated=updated,
        )
        for entry in data.corrections
        if source_code(language) in entry.get("languages", CODES)
    ]


def document_items(
    data: SiteData, page_urls: dict[tuple[str, str], str], language: str, updated: int
) -> list[FeedItem]:
    """One item per entry of the documents register (data/documents.yml), linking to its entry on
    the Documents page and ordered by the document's own date, at its precision (an undated
    document sorts last). None when that page is not built."""
    register_url = page_urls.get((language, "documents.md"))
    if not register_url:
        return []
    strings = data.ui[language]
    labels = data.datasets["documents"]["labels"]
    return [
        FeedItem(
            id=f"{register_url}#{document['id']}",
            title=f"{strings['feed_document']}{strings['colon']}{document_title(data, document, language)}",
            date=document.get("date", ""),
            summary=strings["separator"].join(
                [
                    data.in_language(document["issuer"], language),
                    data.in_language(labels["kinds"][document["kind"]], language),
                ]
            ),
            category="document",
            updated=updated,
        )
        for document in data.documents
    ]
