"""Fail the build if the built site would contact another host or run contributed script.

MkDocs calls ``on_post_build`` once the site is written (mkdocs-static-i18n calls it again after
the last language); running after every other post-build hook, this one audits every built
HTML, SVG and CSS file with real parsers (clusterdocs/site_audit.py) and stops the build with
one ``path:line:column: field: message`` line per offence, paths relative to the site folder.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from clusterdocs.site_audit import audit_site

log = get_plugin_logger(__name__)


@event_priority(-300)  # after the exports, sitemaps, search split and asset clean-up (-200 and 0)
def on_post_build(config):
    problems = audit_site(Path(config.site_dir), config.site_url or "")
    if problems:
        lines = "\n".join(str(problem) for problem in sorted(set(problems)))
        raise PluginError(f"{len(set(problems))} problem(s) in the built site ({config.site_dir}):\n{lines}")
    log.info("audited the built site: no request to another host, no contributed script")
