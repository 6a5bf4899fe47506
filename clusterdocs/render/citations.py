"""Citations of article summary pages, timeline entries, register entries and charts: BibTeX, RIS, CSL-JSON and a text line.

Built from the facts the pages show: the attribution header of the cleaned source
(``sources/*.txt``) for an article, the milestone file for a timeline entry. The thing cited is
this site's page (with the entry's anchor), by the site as corporate author; an article's
citation names the original it summarises, as CSL's ``original-*`` variables and as a note.
The site records no publication date of its own pages, so none is given. After the build,
hooks/post_build.py writes the three downloads of every page and entry (``citation_files``) as
static files under ``cite/<language>/``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .publication import publication
from ..text.dates import format_date
from ..base.languages import bcp47, language_of
from ..check.markers import page_kind
from . import outside_mark
from ..check.sitedata import SiteData
from ..check.sources import Source
from ..check.timeline import Milestone

FORMATS = {"bib": "cite_bibtex", "ris": "cite_ris", "json": "cite_csl"}


@dataclass
class Citation:
    key: str
    language: str
    title: str
    url: str
    site_name: str
    note: str
    original: dict = field(default_factory=dict)  # title, authors, outlet, date (ISO) of a summarised article
    event_date: str | None = None  # date of a timeline entry, at the source's precision
    event_end: str | None = None  # the last day of an entry that spans a period, at its precision
    shown_date: str = ""  # the same date as the page shows it


def download_path(language: str, kind: str, item_id: str, extension: str) -> str:
    """Where a download sits in the built site: ``cite/en/articles/<id>.bib``, ``cite/zh/timeline/<id>.ris``."""
    return f"cite/{language}/{kind}/{item_id}.{extension}"


def article_citation(source: Source, page_title: str, page_url: str, language: str, data: SiteData) -> Citation:
    header = source.header
    strings = data.ui[language]
    authors = [data.in_language(author, language) for author in header["authors"]]
    outlet = publication(source, language, data)
    date = format_date(header["date"], language) if header["date"] else strings["undated"]
    note = strings["cite_article_note"].format(
        by=strings["cite_authors"].format(authors=language_of(language).join(authors)) if authors else "",
        original=header["title_original"],
        where=outlet,
        date=date,
    )
    return Citation(
        key=f"clusterdocs-{language}-{source.id}",
        language=language,
        title=page_title,
        url=page_url,
        site_name=strings["site_name"],
        note=note,
        original={
            "title": header["title_original"],
            "authors": authors,
            "outlet": outlet,
            "publisher": header["outlet"]["original"],
            "date": header["date"],
        },
    )


def entry_citation(milestone: Milestone, timeline_url: str, language: str, data: SiteData) -> Citation:
    strings = data.ui[language]
    shown_date = milestone.display_date(language, strings)
    # The outside-reporting mark travels with the entry (clusterdocs/render/outside_mark.py).
    note = outside_mark.after(strings["cite_entry_note"].format(date=shown_date), milestone, language, data)
    return Citation(
        key=f"clusterdocs-{language}-{milestone.id}",
        language=language,
        title=data.in_language(milestone.data["title"], language),
        url=f"{timeline_url}#{milestone.id}",
        site_name=strings["site_name"],
        note=note,
        # A target's years are when it is to be met, not when it was set (which the sources do not
        # say): its files carry no date, and the note says "Target for 2025".
        event_date=None if milestone.kind == "target" else milestone.date,
        event_end=None if milestone.kind == "target" else milestone.data.get("end_date"),
        shown_date=shown_date,
    )


def document_citation(
    document: dict, title: str, documents_url: str, language: str, strings: dict[str, str]
) -> Citation:
    """An entry of the documents register (data/documents.yml), titled as the page shows it."""
    return Citation(
        key=f"clusterdocs-{language}-{document['id']}",
        language=language,
        title=title,
        url=f"{documents_url}#{document['id']}",
        site_name=strings["site_name"],
        note=strings["cite_document_note"],
        event_date=document.get("date"),
    )


def document_title(data: SiteData, document: dict, language: str) -> str:
    """The title a register entry is cited by: the English rendering, or the Chinese title in the page's script."""
    if not language_of(language).is_chinese:
        return document["title_en"]
    return data.text_in(document["title_zh"], language)


def placed_title(template: str, title: str) -> str:
    """``title`` as ``template`` places it: inside 《{title}》, a title that ``title`` itself
    quotes in 《》 takes 〈〉, as Chinese nests book-title marks; elsewhere it is unchanged."""
    if "《{title}》" not in template:
        return title
    return title.replace("《", "〈").replace("》", "〉")


def document_line(citation: Citation, strings: dict[str, str]) -> str:
    """The ready-to-copy line for a register entry (``strings``: the citation's language's)."""
    return strings["cite_document_line"].format(
        site=citation.site_name, title=placed_title(strings["cite_document_line"], citation.title), url=citation.url
    )


def chart_citation(
    chart_id: str, title: str, source: str, url: str, language: str, strings: dict[str, str]
) -> Citation:
    """A chart or map (clusterdocs/render/chart_files.py): its page's address with the chart's anchor."""
    return Citation(
        key=f"clusterdocs-{language}-{chart_id}",
        language=language,
        title=title,
        url=url,
        site_name=strings["site_name"],
        note=strings["cite_chart_note"].format(source=source),
    )


def formatted(citation: Citation, strings: dict[str, str]) -> str:
    """The ready-to-copy line for a timeline entry, in the style of an article page's line
    (``strings``: the citation's language's)."""
    return strings["cite_entry_line"].format(
        site=citation.site_name,
        title=placed_title(strings["cite_entry_line"], citation.title),
        date=citation.shown_date,
        url=citation.url,
    )


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _bibtex_text(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(character, character) for character in " ".join(text.split()))


def to_bibtex(citation: Citation) -> str:
    fields = [
        ("author", "{" + _bibtex_text(citation.site_name) + "}"),
        ("title", _bibtex_text(citation.title)),
        ("howpublished", r"\url{" + citation.url + "}"),
        ("url", citation.url),
        ("note", _bibtex_text(citation.note)),
        ("language", language_of(citation.language).english_name.lower()),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{citation.key},\n{body}\n}}\n"


def to_ris(citation: Citation) -> str:
    lines = [
        ("TY", "ELEC"),
        ("TI", citation.title),
        ("AU", citation.site_name),
        ("T2", citation.site_name),
        ("UR", citation.url),
        ("N1", citation.note),
        ("LA", bcp47(citation.language)),
    ]
    if citation.original:
        lines.append(("OP", citation.original["title"]))
    if citation.event_date:
        lines.append(("DA", ris_date(citation.event_date)))
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines) + "ER  - \r\n"


def ris_date(value: str) -> str:
    """RIS's ``YYYY/MM/DD/other``, with the parts the date does not have left empty: ``2019///``,
    ``2019/08//``, ``2019/08/24/``; never a month or day the date does not state."""
    parts = value.split("-")
    return "/".join(parts + [""] * (3 - len(parts))) + "/"


def _date_parts(value: str, end: str | None = None) -> dict:
    """CSL-JSON's date at the date's precision: ``2019`` -> ``[[2019]]``, never ``[[2019, 1, 1]]``;
    a period gives its start and its end."""
    return {"date-parts": [[int(part) for part in date.split("-")] for date in (value, end) if date]}


def to_csl_json(citation: Citation) -> str:
    item = {
        "id": citation.key,
        "type": "webpage",
        "title": citation.title,
        "author": [{"literal": citation.site_name}],
        "container-title": citation.site_name,
        "URL": citation.url,
        "language": bcp47(citation.language),
        "note": citation.note,
    }
    if citation.original:
        item["original-title"] = citation.original["title"]
        item["original-author"] = [{"literal": name} for name in citation.original["authors"]]
        if citation.original["publisher"]:
            item["original-publisher"] = citation.original["publisher"]
        if citation.original["date"]:
            item["original-date"] = _date_parts(citation.original["date"])
    if citation.event_date:
        item["event-date"] = _date_parts(citation.event_date, citation.event_end)
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


WRITERS = {"bib": to_bibtex, "ris": to_ris, "json": to_csl_json}


def downloads(citation: Citation) -> dict[str, str]:
    """File extension -> file content, for every download format."""
    return {extension: write(citation) for extension, write in WRITERS.items()}


def download_links(language: str, kind: str, item_id: str, relative_url, strings: dict[str, str]) -> list[dict]:
    """Labelled links to the three downloads; ``relative_url(path)`` makes a site path relative to the page."""
    return [
        {"label": strings[label], "href": relative_url(download_path(language, kind, item_id, extension))}
        for extension, label in FORMATS.items()
    ]


def citation_files(data: SiteData, page_urls: dict[tuple[str, str], str]) -> dict[str, str]:
    """Path in the site -> content, for every article page and timeline page built.

    ``page_urls`` maps (language, path inside the language folder) of each built page to its
    absolute URL; pages not built (or not citable) get no downloads.
    """
    files = {}
    for (language, path), url in sorted(page_urls.items()):
        if path == "timeline.md":
            items = [
                ("timeline", milestone.id, entry_citation(milestone, url, language, data))
                for milestone in data.milestones
            ]
        elif path == "documents.md":
            items = [
                (
                    "documents",
                    entry["id"],
                    document_citation(entry, document_title(data, entry, language), url, language, data.ui[language]),
                )
                for entry in data.documents
            ]
        elif page_kind(path) == "article":
            article = data.article(language, path.removeprefix("articles/").removesuffix(".md"))
            source = data.sources[article.source_id]
            items = [("articles", article.slug, article_citation(source, article.meta["title"], url, language, data))]
        else:
            continue
        for kind, item_id, citation in items:
            for extension, content in downloads(citation).items():
                files[download_path(language, kind, item_id, extension)] = content
    return files
