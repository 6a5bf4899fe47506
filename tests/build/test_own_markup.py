"""The project's own markup comes out of the page pipeline unchanged, on every page of a build.

The session build (``site_dir`` and ``recorded_build`` in tests/conftest.py) runs through
tests/mkdocs_recording_content.py, which records for each page the
sections its renderer produced and the content HTML the pipeline returned
(clusterdocs/render/pages.py ``page_content``). Every section must be in the page as rendered (the
glossary's and the documents register's first-use links aside, the pipeline's own additions), the page must be
in the built file as the pipeline returned it, and the site's allow-list must keep every
section as it is (``sanitise(section, site_markup=True)`` parses to the same document), so the
list documents all the markup the templates write.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clusterdocs.check.html_policy import sanitise
from clusterdocs.base.languages import language_of

GLOSSARY_LINK = re.compile(r'<a class="(?:cd-term|cd-document-link)" href="[^"<>]*" title="[^"<>]*">([^<]*)</a>')


@pytest.fixture(scope="session")
def recorded(recorded_build) -> tuple[Path, list[dict]]:
    """The session build (tests/conftest.py): its site and its record."""
    return recorded_build.site, recorded_build.records


def built_file(site: Path, language: str, path: str) -> Path:
    page = path.removesuffix(".md")
    folder = page.removesuffix("index").rstrip("/") if page.endswith("index") else page
    return site / language_of(language).prefix / folder / "index.html"


class _Events(HTMLParser):
    """A document as the browser's tree would see it: tags, sorted attributes, text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        attributes = ((name, _declarations(value) if name == "style" else value or "") for name, value in attrs)
        self.events.append(("start", tag, tuple(sorted(attributes))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.events.append(("end", tag))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "text":
            self.events[-1] = ("text", self.events[-1][1] + data)
        else:
            self.events.append(("text", data))


def _declarations(style: str) -> str:
    """``max-height: 9.000000001px;`` and ``max-height:9px`` are the same style: nh3 writes the
    second (no spaces, numbers as CSS parsers print them)."""
    declarations = (re.sub(r"\s*:\s*", ":", part.strip()) for part in style.split(";") if part.strip())
    number = re.compile(r"\d+\.\d+")
    return ";".join(number.sub(lambda match: f"{float(match[0]):g}", part) for part in declarations)


def events(html: str) -> list[tuple]:
    parser = _Events()
    parser.feed(html)
    parser.close()
    return parser.events


def test_every_page_is_recorded_and_the_timeline_has_its_sections(recorded):
    _site, records = recorded
    assert records and all(record["content"] is not None for record in records)
    timelines = [record for record in records if record["path"] == "timeline.md"]
    assert {record["language"] for record in timelines} == {"en", "zh", "zh-Hant"}
    assert all(any("cd-overview__mark" in section for section in record["rendered"]) for record in timelines)


def test_rendered_sections_come_out_of_the_pipeline_unchanged(recorded):
    site, records = recorded
    changed = []
    for record in records:
        content = record["content"]
        without_glossary_links = GLOSSARY_LINK.sub(r"\1", content)
        for index, section in enumerate(record["rendered"]):
            if section not in without_glossary_links:
                changed.append(f"{record['language']}/{record['path']}: section {index}")
        built = built_file(site, record["language"], record["path"]).read_text(encoding="utf-8")
        if content not in built:
            changed.append(f"{record['language']}/{record['path']}: the built file")
    assert changed == []


def test_the_sites_allow_list_keeps_every_rendered_section_as_it_is(recorded):
    _site, records = recorded
    changed = {}
    for record in records:
        for index, section in enumerate(record["rendered"]):
            before, after = events(section), events(sanitise(section, site_markup=True))
            if before != after:
                lost = [event for event in before if event not in after]
                changed[f"{record['language']}/{record['path']} section {index}"] = lost[:3]
    assert changed == {}


def test_the_contributors_sanitiser_would_strip_the_overview(recorded):
    """The guarantee above is not vacuous: the overview draws with elements the contributed
    HTML may not keep, so sanitising the whole page, as the pipeline once did, would break it."""
    _site, records = recorded
    (overview,) = [
        section
        for record in records
        if (record["language"], record["path"]) == ("en", "timeline.md")
        for section in record["rendered"]
        if "cd-overview__svg" in section
    ]
    assert events(sanitise(overview)) != events(overview)
