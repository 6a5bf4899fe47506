"""When each content file last changed: the time of the last commit that touched it.

A feed's entries need a full timestamp (Atom's ``updated``), and an event dated only to a year
or a month has none to give without inventing a day; the entry's last change is a timestamp
the site does know (clusterdocs/publish/feeds.py). A page's "last updated" date is the newest
of the files it renders (clusterdocs/publish/page_dates.py). One ``git log --first-parent`` over
the content folders gives every file's (a change made on a branch dates from when it reached
this one). A file never committed, or a tree outside git (the tests' copies), is absent from
the result: the feeds then take the build's date (``fallback_time``: ``SOURCE_DATE_EPOCH``,
which hooks/build_date.py sets to the last commit's time, or else the present moment).
"""

from __future__ import annotations

import datetime
import os
import subprocess
import time
from pathlib import Path

CONTENT_FOLDERS = ("timeline", "docs", "sources", "data")


def last_changes(root: Path | None) -> dict[str, int]:
    """Path relative to ``root`` -> Unix time of the last commit that touched it."""
    if root is None:
        return {}
    result = subprocess.run(
        [
            "git",
            "-c",
            "core.quotepath=off",
            "log",
            "--format=%x00%ct",
            "--name-only",
            "--first-parent",
            "--no-renames",
            "--relative",
            "--",
            *CONTENT_FOLDERS,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    changed: dict[str, int] = {}
    if result.returncode != 0:
        return changed
    when = 0
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            when = int(line[1:]) if line[1:].isdigit() else 0
        elif line and when:
            changed.setdefault(line, when)
    return changed


def fallback_time() -> int:
    """The build's date: ``SOURCE_DATE_EPOCH`` if set, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(epoch) if epoch.isdigit() else int(time.time())


def timestamp(seconds: int) -> str:
    """Atom's (RFC 3339) form of a Unix time, in UTC: ``2025-09-12T08:30:00Z``."""
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
