"""Keep the built site free of requests to other hosts."""

import re

# Scripts Material's bundle would fetch from a CDN on demand.
THIRD_PARTY_SCRIPT = re.compile(r"https://unpkg\.com/[A-Za-z0-9@._/-]+")
EMPTY_SCRIPT = "data:text/javascript,"


def strip_third_party_scripts(javascript: str) -> str:
    return THIRD_PARTY_SCRIPT.sub(EMPTY_SCRIPT, javascript)
