"""What a page's <head> says about it: description, canonical and hreflang URLs, feeds,
OpenGraph and Twitter tags, and schema.org JSON-LD (``Article`` for article summaries,
``Dataset`` for the timeline and its downloads, ``WebPage`` otherwise).

Every URL is absolute, built from the site's public address (``site_url``, set by ``SITE_URL``).
hooks/pages.py calls ``page_metadata`` for each page;
``overrides/partials/reader-head.html`` only lays the values out.
"""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

from ..base.languages import DEFAULT, bcp47, language_of


def absolute(site_url: str, path: str) -> str:
    """``timeline/``, ``/zh/`` or ``/clusterdocs/zh/`` (a path that already holds the site's own,
    as mkdocs-static-i18n writes its alternates) -> the full URL under ``site_url``."""
    base = urlsplit(site_url).path
    if len(base) > 1 and path.startswith(base):
        path = path[len(base) :]
    return urljoin(site_url, path.lstrip("/"))


def feed_path(language: str) -> str:
    return f"{language_of(language).prefix}feed.xml"


def json_ld(data: dict) -> Markup:
    """JSON for a <script> element: ``<``, ``>`` and ``&`` escaped, so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def page_metadata(
    *,
    site_url: str,
    page_url: str,
    language: str,
    title: str,
    site_name: str,
    description: str,
    alternates: dict[str, str],
    ui: dict[str, dict[str, str]],
    article: dict | None = None,
    dataset: dict | None = None,
) -> dict:
    """``alternates`` maps a language code to the site-relative URL of this page in that language;
    ``article`` holds the summarised article's facts (title, authors, outlet, date) on article pages,
    ``dataset`` the site-relative paths of the downloads (``json``, ``csv``) on the timeline page;
    ``ui`` holds the interface strings by language (``SiteData.ui``)."""
    strings = ui[language]
    canonical = absolute(site_url, page_url)
    hreflang = [(bcp47(code), absolute(site_url, link)) for code, link in alternates.items()]
    if DEFAULT.code in alternates:
        hreflang.append(("x-default", absolute(site_url, alternates[DEFAULT.code])))
    page_title = title if title == site_name else f"{title} – {site_name}"
    og = [
        ("og:type", "article" if article else "website"),
        ("og:title", title),
        ("og:description", description),
        ("og:url", canonical),
        ("og:site_name", site_name),
        ("og:locale", language_of(language).og_locale),
    ]
    og += [("og:locale:alternate", language_of(code).og_locale) for code in alternates if code != language]
    twitter = [("twitter:card", "summary"), ("twitter:title", title), ("twitter:description", description)]
    website = {
        "@type": "WebSite",
        "name": site_name,
        "url": absolute(site_url, language_of(language).prefix),
    }
    structured: dict = {
        "@context": "https://schema.org",
        "url": canonical,
        "name": title,
        "description": description,
        "inLanguage": bcp47(language),
        "isPartOf": website,
    }
    if article:
        based_on = {"@type": "CreativeWork", "name": article["title"], "inLanguage": article["lang"]}
        if article["authors"]:
            based_on["author"] = [{"@type": "Person", "name": name} for name in article["authors"]]
        if article["outlet"]:
            based_on["publisher"] = {"@type": "Organization", "name": article["outlet"]}
        if article["date"]:
            based_on["datePublished"] = article["date"]
        structured.update(
            {
                "@type": "Article",
                "headline": title,
                "isBasedOn": based_on,
                "author": {"@type": "Organization", "name": site_name},
                "publisher": {"@type": "Organization", "name": site_name},
            }
        )
    elif dataset:
        structured.update(
            {
                "@type": "Dataset",
                "name": strings["meta_dataset_name"],
                "description": strings["meta_dataset_description"],
                "creator": {"@type": "Organization", "name": site_name},
                "distribution": [
                    {
                        "@type": "DataDownload",
                        "encodingFormat": "application/json",
                        "contentUrl": absolute(site_url, dataset["json"]),
                    },
                    {
                        "@type": "DataDownload",
                        "encodingFormat": "text/csv",
                        "contentUrl": absolute(site_url, dataset["csv"]),
                    },
                ],
            }
        )
    else:
        structured["@type"] = "WebPage"
    feeds = [
        {
            "href": absolute(site_url, feed_path(code)),
            "title": ui[code]["feed_link_title"].format(language=language_of(code).name),
        }
        for code in sorted(alternates, key=lambda code: code != language)
    ]
    return {
        "title": page_title,
        "description": description,
        "canonical": canonical,
        "hreflang": hreflang,
        "og": og,
        "twitter": twitter,
        "json_ld": json_ld(structured),
        "feeds": feeds,
    }
