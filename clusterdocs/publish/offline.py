"""Keep the built site free of requests to other hosts."""

import re

# Scripts Material's bundle would fetch from a CDN on demand.
THIRD_PARTY_SCRIPT = re.compile(r"https://unpkg\.com/[A-Za-z0-9@._/-]+")
EMPTY_SCRIPT = "data:text/javascript,"
SOURCE_MAP_COMMENT = re.compile(r"\n?(?://|/\*)# sourceMappingURL=\S+?(?: \*/)?\s*$")
# Material fetches sitemap.xml beside every <link rel="alternate"> in the head. The head's
# hreflang and feed links are absolute (SITE_URL), so a copy served anywhere else would request
# that host: only relative alternates (none today) may be looked up.
ALTERNATE_LOOKUP = '"link[rel=alternate]"'
SAME_SITE_ALTERNATE_LOOKUP = "\"link[rel=alternate]:not([href*='//'])\""


def strip_external_references(javascript: str) -> str:
    """Point CDN script loads at an empty script, look up sitemaps only beside relative alternate
    links, and drop the (deleted) source map reference."""
    javascript = javascript.replace(ALTERNATE_LOOKUP, SAME_SITE_ALTERNATE_LOOKUP)
    return SOURCE_MAP_COMMENT.sub("\n", THIRD_PARTY_SCRIPT.sub(EMPTY_SCRIPT, javascript))
