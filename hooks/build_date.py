"""Date each build by the last commit, so that two builds of the same commit are byte-identical.

MkDocs dates the sitemap (``<lastmod>`` and the gzip header of ``sitemap.xml.gz``) with
``SOURCE_DATE_EPOCH`` when it is set, and with today's date otherwise, so builds of one commit
made on different days differed. MkDocs calls ``on_config`` at the start of each build; this
hook sets the variable to the commit time of ``HEAD`` unless the caller set it, or the tree is
not a git checkout (then today's date is used, as before).

A value this hook set is marked as its own (``FROM_GIT``) and looked up again at the next build:
a later build in the same process (``mkdocs serve`` after a commit, or a test that builds in
process) or a build this process starts (which inherits the environment) dates itself by its
own ``HEAD``, never by the tree built before it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


FROM_GIT = "CLUSTERDOCS_SOURCE_DATE_FROM_GIT"


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    if os.environ.pop(FROM_GIT, None) is not None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
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
            os.environ[FROM_GIT] = "1"
    return config
