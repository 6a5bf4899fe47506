"""Full-page screenshots of every page type, at a phone and a laptop size, in every language and
both colour schemes, so that a reviewer can look at a change the way a reader will.

Run by `make screenshots` after a build: serves ``site/`` on 127.0.0.1 and writes PNG files to
``screenshots/`` (git-ignored), named ``<language>-<page>-<width>-<scheme>.png``.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from clusterdocs.base.languages import LANGUAGES

from benchmark import LIGHTHOUSE_PAGES  # the page types the benchmark measures
from chromium import launch

PAGE_TYPES = {
    **LIGHTHOUSE_PAGES,
    "documents": "documents/",
    "corrections": "corrections/",
}  # and the pages it does not measure yet

ROOT = Path(__file__).resolve().parent.parent
VIEWPORTS = {360: 740, 1280: 800}
SCHEMES = ("light", "dark")


# The site is served under the path of the address it was built for (/clusterdocs/), as its host
# serves it, so the theme's absolute links (the language menu) resolve.
MOUNT = urlsplit(
    os.environ.get("SITE_URL")
    or re.search(
        r'^site_url: !ENV \[SITE_URL, "([^"]+)"\]', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M
    ).group(1)
).path.rstrip("/")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass

    def translate_path(self, path):
        return super().translate_path(path.removeprefix(MOUNT) if path.startswith(MOUNT + "/") else path)


DRAW_EVERYTHING = "* { content-visibility: visible !important; }"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="where to write the PNG files")
    parser.add_argument("--pages", nargs="*", choices=sorted(PAGE_TYPES), help="only these page types")
    parser.add_argument("--languages", nargs="*", help="only these language codes (en, zh, zh-Hant)")
    parser.add_argument("--schemes", nargs="*", choices=SCHEMES, default=list(SCHEMES))
    parser.add_argument("--widths", nargs="*", type=int, choices=sorted(VIEWPORTS), default=sorted(VIEWPORTS))
    parser.add_argument("--first-screen", action="store_true", help="the first screen only, not the full page")
    arguments = parser.parse_args()
    if not (arguments.site / "index.html").is_file():
        print(f"{arguments.site}: no built site; run `make build` first")
        return 1
    arguments.out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_QuietHandler, directory=str(arguments.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}{MOUNT}/"
    languages = [language for language in LANGUAGES if not arguments.languages or language.code in arguments.languages]
    written = 0
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for scheme in arguments.schemes:
            for width in arguments.widths:
                context = browser.new_context(
                    viewport={"width": width, "height": VIEWPORTS[width]},
                    color_scheme=scheme,
                    bypass_csp=not arguments.first_screen,  # for DRAW_EVERYTHING, a style of its own
                )
                page = context.new_page()
                for language in languages:
                    for name, path in PAGE_TYPES.items():
                        if arguments.pages and name not in arguments.pages:
                            continue
                        page.goto(base + language.prefix + path)
                        page.wait_for_load_state("networkidle")
                        if not arguments.first_screen:
                            # The site leaves long lists' entries out of rendering until they near
                            # the screen (content-visibility: auto); a full-page picture draws them all.
                            page.add_style_tag(content=DRAW_EVERYTHING)
                        target = arguments.out / f"{language.code}-{name}-{width}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=not arguments.first_screen)
                        written += 1
                context.close()
        browser.close()
    server.shutdown()
    print(f"wrote {written} screenshot(s) to {arguments.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
