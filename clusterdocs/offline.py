"""Keep the built site free of requests to other hosts."""

import re

# Scripts Material's bundle would fetch from a CDN on demand.
THIRD_PARTY_SCRIPT = re.compile(r"https://unpkg\.com/[A-Za-z0-9@._/-]+")
EMPTY_SCRIPT = "data:text/javascript,"
SOURCE_MAP_COMMENT = re.compile(r"\n?(?://|/\*)# sourceMappingURL=\S+?(?: \*/)?\s*$")


def strip_external_references(javascript: str) -> str:
    """Point CDN script loads at an empty script, and drop the (deleted) source map reference."""
    return SOURCE_MAP_COMMENT.sub("\n", THIRD_PARTY_SCRIPT.sub(EMPTY_SCRIPT, javascript))
