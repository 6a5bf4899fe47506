"""Every page of the session build says it was last updated no earlier than what it shows: each
correction dated on it, and the last change (clusterdocs/publish/last_change.py) of each data
file it renders (clusterdocs/publish/page_dates.py ``page_inputs``)."""

from __future__ import annotations

import datetime
import re

from clusterdocs.base.languages import LANGUAGES, source_code
from clusterdocs.check.sitedata import load_site_data
from clusterdocs.publish.last_change import last_changes
from clusterdocs.publish.page_dates import page_inputs
from clusterdocs.render.pages import PageAddress
from support import ROOT

SHOWN = re.compile(r'git-revision-date-localized-plugin-date" title="([^"]*)">([^<]*)<')
CORRECTION = re.compile(r'class="[^"]*\bcd-correction')
DAY = re.compile(r'<time datetime="([0-9]{4}-[0-9]{2}-[0-9]{2})">')


def _day(text: str) -> datetime.date:
    """``December 7, 2026`` or ``2026年12月7日``, as the plugin writes a date in each language."""
    chinese = re.fullmatch(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日", text)
    if chinese:
        return datetime.date(*map(int, chinese.groups()))
    return datetime.datetime.strptime(text, "%B %d, %Y").date()


def _built(language, path: str):
    folder = path.removesuffix(".md")
    folder = folder.removesuffix("index").rstrip("/")
    return "/".join(part for part in (language.prefix.strip("/"), folder, "index.html") if part)


def test_no_page_is_dated_before_a_correction_or_a_data_file_it_shows(site_dir):
    data, changed = load_site_data(ROOT), last_changes(ROOT)
    pages = noted = 0
    for language in LANGUAGES:
        written = ROOT / "docs" / source_code(language.code)
        for file in sorted(written.rglob("*.md")):
            path = file.relative_to(written).as_posix()
            html = (site_dir / _built(language, path)).read_text(encoding="utf-8")
            shown = SHOWN.findall(html)
            assert len(shown) == 1, (language.code, path)
            _title, text = shown[0]
            day = _day(text)
            pages += 1
            start = CORRECTION.search(html)
            corrections = DAY.findall(html[start.start() :]) if start else []
            noted += bool(corrections)
            for corrected in corrections:
                assert day >= datetime.date.fromisoformat(corrected), (language.code, path, text, corrected)
            for input_file in page_inputs(data, PageAddress(language.code, path)):
                if input_file in changed:
                    last = datetime.datetime.fromtimestamp(changed[input_file], datetime.timezone.utc).date()
                    assert day >= last, (language.code, path, text, input_file, last)
    assert pages >= 40 and noted  # every page was read, and some carry corrections
