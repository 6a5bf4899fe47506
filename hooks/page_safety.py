"""Make every page inert whatever its source says: sanitise its HTML, escape its title and description.

The contributor policy is enforced by the data check (clusterdocs/html_policy.py) before the
build starts; this hook is the second line, for anything the check might miss. MkDocs calls
``on_page_content`` with each page's rendered HTML; running last (after the glossary links are
added), it passes the HTML through the allow-list sanitiser, and escapes the front matter's
title and description, which Material's templates print into ``<title>``, ``<meta>``, the
navigation of every page and the search index without escaping. Every page's content is
rendered before any page's template, so the navigation sees only escaped titles.
"""

from mkdocs.plugins import event_priority

from clusterdocs.html_policy import plain_text, sanitise


@event_priority(-100)
def on_page_content(html, page, config, files):
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = plain_text(page.meta[key])
    if "title" not in page.meta and page.title:
        page.title = plain_text(page.title, entities_encoded=True)  # taken from the page's heading
    return sanitise(html)
