"""Validate every source, article page and timeline entry before anything is built.

MkDocs calls ``on_config`` at the start of each build (mkdocs-static-i18n runs one build per
language; `mkdocs serve` one per rebuild). The files are checked for changes once here, and the
data is loaded once and cached for the other hooks. Bad data stops the build with the same
``path:line:column: field: message`` lines that ``python -m clusterdocs check`` prints.
"""

from _shared import data_errors_fail_the_build, site_data

from clusterdocs.sitedata import start_build


def on_config(config):
    start_build()
    with data_errors_fail_the_build():
        site_data(config)
    return config
