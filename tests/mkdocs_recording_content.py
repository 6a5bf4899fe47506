"""``mkdocs build`` that records, for every page, the sections its renderer produced and the
content HTML the page pipeline returned (clusterdocs/render/pages.py ``page_content``).

Used by tests/build/test_own_markup.py only: run as
``python tests/mkdocs_recording_content.py RECORD.json build …``; the record is a JSON list of
``{"language", "path", "rendered", "content"}``, one per page, in build order.
"""

import json
import sys

import clusterdocs.render.pages

record_path = sys.argv.pop(1)
records: list[dict] = []
_render_markers, _page_content = clusterdocs.render.pages.render_markers, clusterdocs.render.pages.page_content


def render_markers(markdown, data, page, links):
    records.append({"language": page.language, "path": page.path, "rendered": None, "content": None})
    return _render_markers(markdown, data, page, links)


def page_content(converted, rendered, *args, **kwargs):
    content = _page_content(converted, rendered, *args, **kwargs)
    records[-1].update(rendered=list(map(str, rendered)), content=content)  # the page render_markers saw last
    return content


# Patched before MkDocs loads hooks/pages.py, which imports both by name.
clusterdocs.render.pages.render_markers, clusterdocs.render.pages.page_content = render_markers, page_content

from mkdocs.__main__ import cli  # noqa: E402 - imported after the pipeline is wrapped

try:
    cli()
finally:
    with open(record_path, "w", encoding="utf-8") as file:
        json.dump(records, file, ensure_ascii=False)
