"""Date each page by the newest of what it shows (clusterdocs/publish/page_dates.py says what counts).

- ``on_pre_build``: when each content and data file last changed (one ``git log``,
  clusterdocs/publish/last_change.py), once per build.
- ``on_page_markdown``, after git-revision-date-localized has dated the page by its own file:
  if a file the page renders or a correction it shows is newer, the plugin's date on the page
  (``page.meta``, which Material's ``partials/source-file.html`` shows) becomes that date, in the
  plugin's own markup and the page's language. A correction's day gives only the day: no time
  in the markup's tooltip or in the raw forms, and no commit.
"""

from __future__ import annotations

import calendar
import datetime
from pathlib import Path

from _shared import data_errors_fail_the_build, site_data
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from clusterdocs.publish.last_change import last_changes
from clusterdocs.publish.page_dates import Updated, last_updated
from clusterdocs.render.pages import PageAddress

PLUGIN = "git-revision-date-localized"
KEY = "git_revision_date_localized"  # the page.meta prefix the plugin writes and the theme reads
_changed: dict[str, dict[str, int]] = {}  # repository root -> path -> Unix time of its last change


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    _changed[str(root)] = last_changes(root)


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    plugin = config.plugins.get(PLUGIN)
    shown = page.meta.get(f"{KEY}_raw_iso_datetime")  # the plugin's date of the page's file, in UTC
    if plugin is None or not isinstance(shown, str):
        return markdown
    own = Updated.at(calendar.timegm(datetime.datetime.strptime(shown, "%Y-%m-%d %H:%M:%S").timetuple()))
    root = Path(config.config_file_path).parent
    with data_errors_fail_the_build():
        newest = last_updated(own, site_data(config), PageAddress.of(page.file.src_uri), _changed.get(str(root), {}))
    if newest != own:
        _show(page, plugin, newest)
    return markdown


def _show(page: Page, plugin, updated: Updated) -> None:
    """The plugin's ``page.meta`` keys for ``updated``, as its ``_render_date`` writes them."""
    seconds = updated.seconds if updated.seconds is not None else calendar.timegm(updated.day.timetuple())
    raw = plugin.util.get_date_formats_for_timestamp(seconds, locale=plugin._get_locale(page), add_spans=False)
    shown_type = plugin.config["type"]
    if updated.seconds is None:  # a day: nothing finer than the day, and the day in any form asked for
        raw = {key: raw[key] for key in ("date", "iso_date")}
        shown_type = shown_type if shown_type in raw else "date"
    for key in [key for key in page.meta if key.startswith(f"{KEY}_raw_")]:
        del page.meta[key]
    page.meta.update({f"{KEY}_raw_{kind}": text for kind, text in raw.items()})
    title = raw.get("datetime-timezone", raw["date"])
    page.meta[KEY] = (
        f'<span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-{shown_type}"'
        f' title="{title}">{raw[shown_type]}</span>'
    )
    page.meta[f"{KEY}_hash"] = page.meta[f"{KEY}_tag"] = ""  # the date is no commit of the page's file
