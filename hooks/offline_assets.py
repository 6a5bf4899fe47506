"""Remove the third-party script URLs in Material's JavaScript bundle, and its source maps.

Material's bundle loads a ResizeObserver polyfill (for browsers older than 2020) and Mermaid
from a public CDN when it needs them. This site uses no diagrams and must never request another
host, so after the theme's assets are copied MkDocs calls ``on_post_build``, and this hook
points both at an empty local script (a ``data:`` URL). The build test fails if any such URL
remains, for example after a Material upgrade changes the bundle. The source maps (for
debugging Material itself) are deleted: they carry the same URLs and readers never need them.
"""

from pathlib import Path

from clusterdocs.offline import strip_external_references


def on_post_build(config):
    assets = Path(config.site_dir) / "assets"
    for source_map in assets.rglob("*.map"):
        source_map.unlink()
    for stylesheet in assets.rglob("*.min.css"):
        stylesheet.write_text(strip_external_references(stylesheet.read_text(encoding="utf-8")), encoding="utf-8")
    scripts = assets / "javascripts"
    for script in scripts.rglob("*.min.js"):
        text = script.read_text(encoding="utf-8")
        cleaned = strip_external_references(text)
        if cleaned != text:
            script.write_text(cleaned, encoding="utf-8")
