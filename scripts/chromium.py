"""Debian's Chromium as every script and test drives it: one path and one set of flags.

Playwright launches ``/usr/bin/chromium`` through ``executable_path`` (never a browser it
downloads). The flags keep a headless run quiet and local: no sandbox (containers and CI run as
root), no GPU, no QUIC, and none of the browser's own background traffic (first-run pages,
component updates, sync), so that nothing but the site under test is requested.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    """A headless Chromium from ``sync_playwright()``'s ``playwright``."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
