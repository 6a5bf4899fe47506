"""Date each build by the last commit, so that two builds of the same commit are byte-identical.

MkDocs dates the sitemap (``<lastmod>`` and the gzip header of ``sitemap.xml.gz``) with
``SOURCE_DATE_EPOCH`` when it is set, and with today's date otherwise, so builds of one commit
made on different days differed. MkDocs calls ``on_config`` at the start of each build; this
hook sets the variable to the commit time of ``HEAD`` unless the caller set it already, or the
tree is not a git checkout (then today's date is used, as before).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    if "SOURCE_DATE_EPOCH" not in os.environ:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=Path(config.config_file_path).parent,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode == 0 and result.stdout.strip().isdigit():
            os.environ["SOURCE_DATE_EPOCH"] = result.stdout.strip()
    return config
