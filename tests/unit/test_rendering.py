"""Rendering functions: dates, escaping, markers and exports."""

from __future__ import annotations

import csv
import io
import json

import pytest

from clusterdocs.text.dates import format_date, format_range
from clusterdocs.check.markers import replace_markers
from clusterdocs.base.problems import DataError
from clusterdocs.base.paths import ROOT
from clusterdocs.check.sitedata import load_site_data
from clusterdocs.check.sources import load_sources
from clusterdocs.check.timeline import Milestone
from clusterdocs.render.timeline_view import export_csv, export_json, render_timeline
from support import FIXTURES, PlainLinks


@pytest.mark.parametrize(
    "value, language, expected",
    [
        ("2023-05-05", "en", "5 May 2023"),
        ("2023-05-05", "zh", "2023年5月5日"),
        ("2019-08", "en", "August 2019"),
        ("2019-08", "zh", "2019年8月"),
        ("2019", "en", "2019"),
        ("2019", "zh", "2019年"),
        (None, "en", ""),
    ],
)
def test_dates_keep_their_precision(value, language, expected):
    assert format_date(value, language) == expected


def test_date_ranges():
    """Joined by the locale's interval pattern (English CLDR data puts thin spaces around the dash)."""
    assert format_range("2021-03-22", "2021-03-29", "en") == "22 March 2021\u2009–\u200929 March 2021"
    assert format_range("2021-03-22", "2021-03-29", "zh") == "2021年3月22日 – 2021年3月29日"


def hostile_milestone() -> Milestone:
    return Milestone(
        {
            "id": "2019-08-hostile",
            "date": "2019-08",
            "date_basis": "stated",
            "kind": "event",
            "category": "miit-competition",
            "level": "national",
            "title": {"en": "<script>alert('x')</script> title", "zh": "<b>标题</b>"},
            "summary": {"en": "A & B <img src=x onerror=alert(1)>", "zh": "摘要"},
            "places": [{"en": "<i>Chengdu</i>", "zh": "成都"}],
            "clusters": [],
            "sources": [
                {"article": "sample-article", "quote": "工业和信息化部启动了第一批先进制造业集群初赛"},
                {
                    "external": {
                        "outlet": {"en": "Outlet <script>", "zh": "媒体 <script>"},
                        "date": "2022-09-25",
                        "url": "https://example.org/a?b=1&c=2",
                    }
                },
            ],
        },
        "timeline/2019-08-hostile.yml",
    )


MARKERS = (
    "<!-- timeline:overview -->\n<!-- timeline:filters -->\n<!-- timeline:entries -->\n<!-- timeline:targets -->\n"
    "<!-- timeline:legend -->\n<!-- timeline:downloads -->\n"
)


def render_entries(milestones: list[Milestone], language: str = "en") -> str:
    sources, _ = load_sources(FIXTURES)
    return render_timeline(
        MARKERS,
        milestones,
        sources,
        language,
        load_site_data(ROOT),
        article_link=lambda source_id: ("Sample summary", f"../articles/{source_id}/"),
        downloads={"json": "j", "csv": "c", "schema": "s"},
        path="docs/en/timeline.md",
    )


def render(language: str) -> str:
    return render_entries([hostile_milestone()], language)


def test_text_from_yaml_is_escaped():
    html = render("en")
    assert "<script>" not in html and "<img" not in html and "<i>Chengdu" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; title" in html
    assert "A &amp; B &lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html
    assert "&lt;b&gt;标题&lt;/b&gt;" in render("zh")


def test_entry_has_stable_anchor_badges_and_sources():
    html = render("en")
    assert 'id="2019-08-hostile"' in html
    assert 'data-category="miit-competition"' in html and 'data-level="national"' in html
    assert '<time datetime="2019-08">August 2019</time>' in html
    assert 'href="../articles/sample-article/"' in html
    assert "External source" in html
    assert "## 2019 { #year-2019 }" in html
    assert "## 2019年 { #year-2019 }" in render("zh")


def test_unknown_and_missing_markers_fail():
    with pytest.raises(DataError, match=r"docs/x.md:2:1: <!-- timeline:nonsense -->: unknown marker"):
        replace_markers("text\n<!-- timeline:nonsense -->\n", "timeline", {"entries": str}, "docs/x.md")
    with pytest.raises(DataError, match="required marker is missing"):
        replace_markers("text\n", "timeline", {"entries": str}, "docs/x.md", required=["entries"])


def test_exports_carry_every_field():
    milestone = hostile_milestone()
    exported = json.loads(export_json([milestone]))
    assert exported["milestones"] == [milestone.data]
    rows = list(csv.DictReader(io.StringIO(export_csv([milestone]))))
    assert len(rows) == 1
    assert rows[0]["id"] == "2019-08-hostile" and rows[0]["title_zh"] == "<b>标题</b>"
    assert rows[0]["articles"] == "sample-article" and rows[0]["external"] == "Outlet <script>"


def test_chart_geometry_leaves_room_for_the_longest_label():
    from clusterdocs.render.figures_view import bar_chart
    from clusterdocs.text.text_metrics import text_width

    chart = bar_chart("c", "Title", [("New-generation information technology", 12), ("Biomedicine", 4)], "clusters")
    assert chart["label_width"] >= text_width("New-generation information technology") + 8
    assert [bar["width"] for bar in chart["bars"]] == [300, 100]
    assert chart["description"] == "New-generation information technology: 12 clusters; Biomedicine: 4 clusters"
    assert text_width("先进制造业") == 70 and text_width("East") < 40


def test_glossary_links_only_the_first_use_outside_skipped_elements():
    from clusterdocs.render.glossary_links import Term, link_first_uses

    terms = [
        Term("amc", "advanced manufacturing cluster", "../glossary/#amc", "Glossary: 先进制造业集群"),
        Term("miit", "MIIT", "../glossary/#miit", 'Glossary: "MIIT" <b>'),
    ]
    html = (
        "<h2>Advanced manufacturing clusters</h2><div data-no-glossary><p>advanced manufacturing cluster</p></div>"
        '<p>See <a href="x">MIIT</a> and <code>MIIT</code>. Advanced manufacturing clusters grow; MIIT ranks '
        "advanced manufacturing clusters.</p><blockquote>MIIT</blockquote>"
    )
    result = link_first_uses(html, terms, "en")
    assert result.count('class="cd-term"') == 2
    assert (
        '<a class="cd-term" href="../glossary/#amc" title="Glossary: 先进制造业集群">Advanced manufacturing clusters</a> grow'
        in result
    )
    assert 'title="Glossary: &quot;MIIT&quot; &lt;b&gt;">MIIT</a> ranks advanced manufacturing clusters.' in result
    assert result.startswith(
        "<h2>Advanced manufacturing clusters</h2><div data-no-glossary><p>advanced manufacturing cluster</p>"
    )


def test_glossary_links_chinese_terms_mid_sentence_longest_first():
    from clusterdocs.render.glossary_links import Term, link_first_uses

    terms = [Term("amc", "先进制造业集群", "#amc", "a"), Term("namc", "国家先进制造业集群", "#namc", "b")]
    result = link_first_uses(
        "<p>《先进制造业集群发展》指出，我国已确定45个国家先进制造业集群，先进制造业集群成为载体。</p>", terms, "zh"
    )
    assert result == (
        '<p>《先进制造业集群发展》指出，我国已确定45个<a class="cd-term" href="#namc" title="b">国家先进制造业集群</a>，'
        '<a class="cd-term" href="#amc" title="a">先进制造业集群</a>成为载体。</p>'
    )


# --- provenance: date basis, targets, outside-only entries, grouped quotes ---------------------


def milestone(**fields) -> Milestone:
    data = {
        "id": "2019-08-x",
        "date": "2019-08",
        "date_basis": "stated",
        "kind": "event",
        "category": "miit-competition",
        "level": "national",
        "title": {"en": "T", "zh": "标题"},
        "summary": {"en": "S", "zh": "摘要"},
        "places": [],
        "clusters": [],
        "sources": [{"article": "sample-article", "quote": "2019年8月,工业和信息化部启动了第一批先进制造业集群初赛"}],
    }
    data.update(fields)
    return Milestone(data, f"timeline/{data['id']}.yml")


OUTSIDE = [{"external": {"outlet": {"en": "TechWeb", "zh": "TechWeb"}, "date": "2022-11-24"}}]


def test_each_entry_labels_where_its_date_comes_from():
    html = render_entries(
        [
            milestone(),
            milestone(id="2019-08-y", date_basis="inferred", date_note={"en": "Because <b>.", "zh": "因为。"}),
        ]
    )
    assert '<span class="cd-basis cd-basis--stated">Date stated in the sources</span>' in html
    assert '<span class="cd-basis cd-basis--inferred">Date inferred by the editors</span>' in html
    assert "Because &lt;b&gt;." in html and 'class="cd-entry cd-entry--inferred"' in html
    assert '<span class="cd-basis cd-basis--inferred">日期系编者推断</span>' in render_entries(
        [milestone(date_basis="inferred", date_note={"en": "x", "zh": "因为。"})], "zh"
    )


def test_a_mixed_date_says_which_part_the_sources_state():
    mixed = milestone(
        id="2022-11-24-x",
        date="2022-11-24",
        date_basis="external",
        stated_date="2022-11",
        sources=milestone().data["sources"] + OUTSIDE,
    )
    html = render_entries([mixed])
    assert (
        '<time datetime="2022-11-24">24 November 2022</time> <span class="cd-basis cd-basis--external">'
        'Date from outside reporting</span> <span class="cd-basis__detail">(day from outside reporting; '
        "year and month stated in the sources)</span>" in html
    )
    assert "(具体日期来自外部报道；年月见于来源文章)" in render_entries([mixed], "zh")


def test_outside_only_entries_are_marked_counted_apart_and_can_be_hidden():
    outside = milestone(id="2022-11-24-x", date="2022-11-24", date_basis="external", sources=OUTSIDE)
    html = render_entries([milestone(), outside])
    assert html.count('data-from-sources="no"') == 1 and html.count('data-from-sources="yes"') == 1
    assert "cd-entry--outside" in html and "Outside the five sources" in html
    assert (
        '<p class="cd-timeline-counts">1 dated events from the five sources, 1 known only from outside reporting, 0 targets.</p>'
        in html
    )
    switch = html[html.index('id="timeline-outside"') : html.index("</form>", html.index('id="timeline-outside"'))]
    assert 'id="timeline-hide-outside"' in switch and "hidden" not in switch  # usable without JavaScript


def test_targets_are_listed_apart_from_events_with_their_target_year():
    target = milestone(
        id="2025-x-target",
        kind="target",
        target_year="2025",
        category="local-target",
        sources=[{"article": "sample-article", "quote": "截至2022年,我国已确定45个国家先进制造业集群"}],
    )
    del target.data["date"]
    period = milestone(
        id="2021-y-target",
        kind="target",
        target_start="2021",
        target_year="2025",
        category="local-target",
        date_basis="inferred",
        date_note={"en": "Plan period.", "zh": "规划期。"},
    )
    del period.data["date"]
    html = render_entries(sorted([milestone(), target, period], key=Milestone.sort_key))
    years, targets = html.split("## Targets { #targets }")
    assert 'data-kind="target"' not in years and "## 2025" not in years
    assert targets.count('data-kind="target"') == 2
    assert '<time datetime="2025">Target for 2025</time>' in targets
    assert '<time datetime="2025">Target for 2021–2025</time>' in targets
    assert "Target year inferred by the editors" in targets
    assert "2021—2025年目标" in render_entries([period], "zh")


def test_each_article_is_listed_once_with_its_quotes_under_it():
    two_quotes = milestone(
        sources=[
            {"article": "sample-article", "quote": "2019年8月,工业和信息化部启动了第一批先进制造业集群初赛"},
            {"article": "sample-article", "quote": "已确定45个国家先进制造业集群"},
        ]
    )
    html = render_entries([two_quotes])
    entry = html[html.index('<ul class="cd-entry__sources">') :]
    assert entry.count('href="../articles/sample-article/"') == 1
    assert entry.count("<blockquote>") == 2 and "Show the supporting quotes (2)" in entry


def test_exports_carry_kind_and_date_basis():
    target = milestone(id="2025-x-target", kind="target", target_year="2025", category="local-target")
    del target.data["date"]
    outside = milestone(
        id="2022-11-24-x", date="2022-11-24", date_basis="external", stated_date="2022-11", sources=OUTSIDE
    )
    rows = list(csv.DictReader(io.StringIO(export_csv([milestone(), target, outside]))))
    assert [(row["kind"], row["date_basis"], row["from_sources"]) for row in rows] == [
        ("event", "stated", "yes"),
        ("target", "stated", "yes"),
        ("event", "external", "no"),
    ]
    assert (rows[1]["date"], rows[1]["target_year"]) == ("", "2025")
    assert rows[2]["stated_date"] == "2022-11"
    exported = json.loads(export_json([target]))["milestones"][0]
    assert (exported["kind"], exported["date_basis"]) == ("target", "stated")


def test_glossary_links_skip_a_term_inside_a_longer_linked_term_and_scale_to_many_terms():
    from clusterdocs.render.glossary_links import Term, link_first_uses

    terms = [
        Term("amc", "advanced manufacturing cluster", "#amc", "a"),
        Term("namc", "national advanced manufacturing cluster", "#namc", "b"),
    ]
    terms += [
        Term(f"t{number}", f"advanced manufacturing cluster no. {number}", f"#t{number}", "c")
        for number in range(1, 1000)
    ]
    result = link_first_uses(
        "<p>A national advanced manufacturing cluster, another national advanced manufacturing "
        "cluster, an advanced manufacturing cluster no. 512 and advanced manufacturing clusters.</p>",
        terms,
        "en",
    )
    assert result == (
        '<p>A <a class="cd-term" href="#namc" title="b">national advanced manufacturing cluster</a>, '
        "another national advanced manufacturing cluster, an "
        '<a class="cd-term" href="#t512" title="c">advanced manufacturing cluster no. 512</a> and '
        '<a class="cd-term" href="#amc" title="a">advanced manufacturing clusters</a>.</p>'
    )


def test_simplified_rendering_uses_full_width_punctuation_but_keeps_numbers():
    from clusterdocs.text.chinese_script import to_simplified

    assert to_simplified("2022年,川渝電子信息產業規模達2.2萬億元") == "2022年，川渝电子信息产业规模达2.2万亿元"
    assert to_simplified("點(企業效率提升)、線(產業鏈供應鏈暢通)") == "点（企业效率提升）、线（产业链供应链畅通）"
    assert to_simplified("發布時間 16:22, 共1,500項?") == "发布时间 16:22， 共1,500项？"


def test_quotes_from_a_machine_converted_capture_do_not_call_the_traditional_text_original():
    from clusterdocs.render.templates import render_macro
    from clusterdocs.check.sitedata import load_site_data

    site_data = load_site_data(ROOT)

    converted = site_data.sources["conference-2025"]
    traditional = site_data.sources["blueprint-14th-fyp"]
    assert converted.script_note == "converted_note_machine" and traditional.script_note == "converted_note"
    assert site_data.sources["central-local-2021"].script_note is None
    html = render_macro(
        "article.html",
        "quotes",
        "zh",
        site_data.ui["zh"],
        quotes=[],
        script_note=converted.script_note,
        source_lang="zh-Hant",
    )
    assert "并非文章原本所用的文字" in html and "以原文为准" not in html


def test_citation_of_a_machine_converted_capture_calls_its_title_captured_not_original():
    from clusterdocs.render.article_view import citation_values
    from clusterdocs.render.templates import render_macro
    from clusterdocs.check.sitedata import load_site_data

    data = load_site_data(ROOT)
    sources, strings = data.sources, data.ui["en"]
    for source_id, label in (("conference-2025", "Title as captured"), ("central-local-2021", "Original title")):
        html = render_macro(
            "article.html", "citation", "en", strings, c=citation_values(sources[source_id], "en", data), cite="x"
        )
        assert f"<dt>{label}</dt>" in html, source_id
    assert "not the script the article was written in" in render_macro(
        "article.html", "citation", "en", strings, c=citation_values(sources["conference-2025"], "en", data), cite="x"
    )


class _Links:
    """Link helper for rendering pages outside MkDocs (clusterdocs/render/links.py)."""

    permanent = "http://127.0.0.1:8000/x/"
    root = "../"

    def to_page(self, path: str, anchor: str = "") -> str:
        return f"../{path}" + (f"#{anchor}" if anchor else "")

    def to_file(self, target: str) -> str:
        return f"../{target}"


def test_rendered_html_set_aside_from_markdown_gives_the_same_page():
    """clusterdocs/render/pages.py keeps the rendered sections out of Python-Markdown and puts them back
    after conversion; with the site's own Markdown settings, every page must come out the same
    as converting the rendered Markdown whole."""
    import markdown
    from mkdocs.config import load_config

    from clusterdocs.check.markers import page_kind
    from mkdocs.structure.pages import _HTMLHandler

    from clusterdocs.render.pages import PageAddress, anchor_ids, fill_slots, render_markers
    from clusterdocs.check.sitedata import load_site_data
    from clusterdocs.render.templates import SLOT
    from clusterdocs.read.yamlfile import split_front_matter

    config = load_config(str(ROOT / "mkdocs.yml"))
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    data = load_site_data()
    compared = 0
    for file in sorted((ROOT / "docs").rglob("*.md")):
        language, _, path = file.relative_to(ROOT / "docs").as_posix().partition("/")
        if page_kind(path) is None:
            continue
        _header, body, _offset = split_front_matter(file.read_text(encoding="utf-8"))
        with_slots, slots = render_markers(body, data, PageAddress(language, path), _Links())
        whole = with_slots
        for index, html in enumerate(slots):
            whole = whole.replace(SLOT.format(index), html)
        assert slots and SLOT.format(0) in with_slots and SLOT.format(0) not in whole
        expected = converter.reset().convert(whole)
        assert fill_slots(converter.reset().convert(with_slots), slots) == expected, path
        ids = _HTMLHandler()  # what MkDocs records from raw HTML for its anchor validation
        ids.feed("\n".join(slots))
        ids.close()
        assert anchor_ids(slots) == ids.present_anchor_ids, path
        compared += 1
    assert compared >= 10


@pytest.mark.parametrize("language, reason", [("en", "Two are named elsewhere."), ("zh", "另有两个未列名。")])
def test_a_total_with_unlisted_items_says_how_many_and_why_under_the_chart(language, reason):
    from clusterdocs.render.figures_view import render_page
    from clusterdocs.base.paths import DOCS_DIR
    from clusterdocs.check.sitedata import load_site_data

    data = load_site_data()
    distribution = data.figures["distributions"][0]
    counted = sum(item["value"] for item in distribution["items"])
    distribution.update(
        total=counted + 2, unlisted={"count": 2, "reason": {"en": "Two are named elsewhere.", "zh": "另有两个未列名。"}}
    )
    markdown = (DOCS_DIR / language / "figures.md").read_text(encoding="utf-8")
    html = render_page(markdown, data, language, PlainLinks(), "figures.md")
    caption = html[html.index(f'id="chart-{distribution["id"]}"') :]
    caption = caption[caption.index("<figcaption>") : caption.index("</figcaption>")]
    assert str(counted + 2) in caption and reason in caption and "2" in caption.split(reason)[0]
