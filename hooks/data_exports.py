"""Publish the timeline as data beside the site: timeline.json, timeline.csv and the schemas.

MkDocs calls ``on_post_build`` once the pages are written (mkdocs-static-i18n calls it again
after building every language; writing the same files twice is harmless). The exports come
from the same validated data the pages show (clusterdocs/timeline_view.py).
"""

import shutil
from pathlib import Path

from _shared import data_errors_fail_the_build, site_data

from clusterdocs.paths import SCHEMAS_DIR
from clusterdocs.timeline_view import export_csv, export_json


def on_post_build(config):
    site = Path(config.site_dir)
    with data_errors_fail_the_build():
        milestones = site_data(config).milestones
    (site / "timeline.json").write_text(export_json(milestones), encoding="utf-8")
    (site / "timeline.csv").write_text(export_csv(milestones), encoding="utf-8")
    shutil.copytree(SCHEMAS_DIR, site / "schemas", dirs_exist_ok=True)
