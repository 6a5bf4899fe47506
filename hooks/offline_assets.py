"""Remove the third-party script URLs in Material's JavaScript bundle.

Material's bundle loads a ResizeObserver polyfill (for browsers older than 2020) and Mermaid
from a public CDN when it needs them. This site uses no diagrams and must never request another
host, so after the theme's assets are copied MkDocs calls ``on_post_build``, and this hook
points both at an empty local script (a ``data:`` URL). The build test fails if any such URL
remains, for example after a Material upgrade changes the bundle.
"""

from pathlib import Path

from clusterdocs.offline import strip_third_party_scripts


def on_post_build(config):
    for bundle in (Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        cleaned = strip_third_party_scripts(text)
        if cleaned != text:
            bundle.write_text(cleaned, encoding="utf-8")
