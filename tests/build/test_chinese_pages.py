"""Every Chinese page (zh and the generated zh-Hant) reads as Chinese: no Latin-script text a
reader meets outside an element marked with a non-Chinese ``lang``, no stray ASCII space next to
full-width punctuation, and no raw id of a timeline entry, article or cluster in visible text.

What a reader meets: the text of ``<title>`` and ``<body>`` and the ``title``, ``aria-label``,
``alt`` and ``placeholder`` attributes (tooltips and what a screen reader says), SVG ``<title>``
and ``<desc>`` included; not scripts, styles or code (``<code>``, ``<pre>``, ``<kbd>``: file
names, commands and citation code such as BibTeX are code). Text inside an element whose
``lang`` is not Chinese, or is Chinese in Latin script (pinyin, ``zh-Latn-pinyin``), is exempt.

Latin text left in Chinese prose is allowed only where it is legitimately Latin, each kind
listed below with its reason: addresses (URLs, host names) and file names; names the five
sources themselves write in Latin letters (IBM, CMIC, the "N" of 1+N), which Chinese text keeps;
outside outlets' own names, as the timeline records them with their language (``original``:
TechWeb); and the short, named list ``TECHNICAL_NAMES`` of formats, standards, units and tools that
Chinese technical writing uses untranslated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clusterdocs.check.cjk_text import STRAY_SPACE
from clusterdocs.check.sitedata import load_site_data
from reader_text import CHINESE, ChinesePage, VisibleText, latin_runs, words_of_the_sources
from support import ROOT


def chinese_pages(site_dir: Path) -> list[Path]:
    pages = [page for language in CHINESE for page in sorted((site_dir / language.prefix).rglob("*.html"))]
    assert len(pages) >= 2 * 13
    return pages


def parsed(page: Path) -> ChinesePage:
    parser = ChinesePage()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def source_words() -> set[str]:
    return words_of_the_sources()


def test_no_latin_text_outside_an_element_marked_with_its_language(site_dir, source_words):
    found = []
    for page in chinese_pages(site_dir):
        for text in parsed(page).texts:
            found += [
                f"{page.relative_to(site_dir)}: {run!r} in {text.strip()[:80]!r}"
                for run in latin_runs(text, source_words)
            ]
    assert found == [], "\n".join(found)


def test_the_allow_lists_can_fail(source_words):
    """A translated interface word, or an English word the sources never use, is not allowed."""
    assert latin_runs("切换到深色模式", source_words) == []
    assert latin_runs("Switch to dark mode", source_words) == ["Switch to dark mode"]
    assert latin_runs("转载工信部公示的行业媒体（photo.lmjx.net）", source_words) == []
    assert latin_runs("Trade press reposting the MIIT notice (photo.lmjx.net)", source_words) == [
        "Trade press reposting the MIIT notice"
    ]
    assert latin_runs("下载 timeline.csv 或 JSON", source_words) == []


def test_no_ascii_space_next_to_full_width_punctuation(site_dir):
    found = []
    for page in chinese_pages(site_dir):
        # The theme's " - " between the page's and the site's name in <title>: kept, and left out here.
        text = "".join(parsed(page).flat).replace(" - ", "\u2010")
        for match in STRAY_SPACE.finditer(text):
            if "·" in (text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]):
                continue  # " · " between the items of an inline list, as on the English pages
            around = text[max(0, match.start() - 12) : match.end() + 12].replace("\n", "⏎")
            found.append(f"{page.relative_to(site_dir)}: {around!r}")
    assert found == [], "\n".join(found)


def test_no_raw_id_in_visible_text(site_dir):
    """Ids of timeline entries, articles and clusters appear only in addresses and code."""
    data = load_site_data(ROOT)
    ids = [milestone.id for milestone in data.milestones] + list(data.sources) + [c["id"] for c in data.clusters]
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(ids, key=len, reverse=True))) + r")(?![\w-])"
    )
    found = []
    pages = chinese_pages(site_dir) + sorted(
        path for path in site_dir.glob("**/*.html") if not is_chinese(path, site_dir)
    )
    for page in pages:
        parser = VisibleText()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [
            f"{page.relative_to(site_dir)}: {match.group(0)}" for match in pattern.finditer("\n".join(parser.texts))
        ]
    assert found == [], "\n".join(found)


def is_chinese(path: Path, site_dir: Path) -> bool:
    return path.relative_to(site_dir).parts[0] in {language.prefix.strip("/") for language in CHINESE}


def test_an_entity_and_its_note_are_joined_by_a_full_width_colon(site_dir):
    """The people, organisations and clusters of a Chinese article page: "侯彦全：…", not "侯彦全: …"."""
    data = load_site_data(ROOT)
    for page in (page for page in data.articles if page.language == "zh"):
        html = (site_dir / "zh" / "articles" / page.slug / "index.html").read_text(encoding="utf-8")
        entities = html[html.index('<div class="cd-entities">') :]
        joins = re.findall(r"</strong>(.)", entities[: entities.index("</div>")])
        noted = sum(bool(entity.get("note")) for kind in page.data["entities"].values() for entity in kind)
        assert joins.count("：") == noted and set(joins) <= {"：", "<"}, (page.slug, joins)
