"""Chinese text in the data: stray spaces beside full-width punctuation are refused (verbatim
words only where their source lacks the space), outside outlets are given in both languages,
and a timeline entry named by id in a note is shown by its title."""

from __future__ import annotations


import pytest
import yaml
from markupsafe import Markup

from clusterdocs.check.cjk_text import join_wrapped_lines, spacing_problems, stray_spaces
from clusterdocs.render.mentions import link_mentions
from clusterdocs.check.timeline import load_timeline
from clusterdocs.read.yamlfile import load_yaml
from support import FIXTURES

GOOD = FIXTURES / "timeline-good" / "2019-08-first-round.yml"


@pytest.mark.parametrize(
    "text, offsets",
    [
        ("术语表： MIIT", [4]),  # after a colon, before Latin text
        ("25个重点培育集群之一（公示） (3)", [15]),  # after a closing parenthesis
        ("他说 “两轮”", [2]),  # before a Chinese opening quote
        ("未列出名单）， 其中", []),  # a folded line between two Chinese characters: joined, not reported
        ("作者：侯彦全 岳维松", []),  # between two names
        ("the words “cluster” (集群)", [9, 19]),  # so English text is checked only in Chinese fields
    ],
)
def test_stray_spaces(text, offsets):
    assert stray_spaces(text) == offsets


def document(text: str):
    loaded, problems = load_yaml(text, "data/sample.yml")
    assert problems == []
    return loaded


def test_only_chinese_fields_are_checked_and_each_problem_names_its_line(tmp_path):
    loaded = document(
        "title:\n  en: 'MIIT: the list'\n  zh: 工信部： 25个集群\nnote_zh: 见下文（附表） A\nlabel: 'A， b'\n",
    )
    assert [str(problem) for problem in spacing_problems([loaded], {})] == [
        "data/sample.yml:3:3: title.zh: ASCII space next to full-width punctuation in Chinese text: “部： 25”; remove it",
        "data/sample.yml:4:1: note_zh: ASCII space next to full-width punctuation in Chinese text: “表） A”; remove it",
    ]


def test_a_verbatim_quote_keeps_a_space_its_source_has(tmp_path):
    loaded = document("sources:\n  - article: one\n    quote: 工信部： 2021年\n")
    assert spacing_problems([loaded], {"one": "正文……工信部： 2021年公布……"}) == []
    [problem] = spacing_problems([loaded], {"one": "正文……工信部：2021年公布……"})
    assert problem.field == "sources[0].quote"


def test_an_outlet_in_one_language_only_is_a_clear_problem(tmp_path):
    text = GOOD.read_text(encoding="utf-8")
    external = '  - external:\n      outlet: {en: TechWeb}\n      date: "2019-08-15"\n'
    folder = tmp_path / "timeline"
    folder.mkdir()
    (folder / GOOD.name).write_text(text.replace("sources:\n", "sources:\n" + external), encoding="utf-8")
    from clusterdocs.check.sources import load_sources

    sources, _ = load_sources(FIXTURES)
    _milestones, problems = load_timeline(sources, tmp_path)
    assert [f"{problem.field}: {problem.message}" for problem in problems] == [
        "sources[0].external.outlet.zh: missing required field 'zh'"
    ]
    assert yaml.safe_load(external)  # the case is valid YAML: only the missing language is wrong


def test_a_named_entry_becomes_a_link_with_its_title_and_the_rest_is_escaped():
    entries = {"2021-03-22-notice": ("工信部公示<25>", "../timeline/#2021-03-22-notice")}
    shown = link_mentions("见时间线条目“2021-03-22-notice”。<b>", entries)
    assert isinstance(shown, Markup)
    assert shown == '见时间线条目“<a href="../timeline/#2021-03-22-notice">工信部公示&lt;25&gt;</a>”。&lt;b&gt;'
    assert link_mentions("2021-03-22-notice-2 is another id", entries) == "2021-03-22-notice-2 is another id"
    assert link_mentions(None, entries) is None


def test_a_wrapped_markdown_line_is_no_space_beside_chinese_text_except_in_code():
    html = "<p>全国集群竞赛，\n各省也推出了\n措施。\nJSON 和 CSV\n<em>lang</em>\n“引文”</p><pre>第一行，\n第二行</pre>"
    assert (
        join_wrapped_lines(html)
        == "<p>全国集群竞赛，各省也推出了措施。JSON 和 CSV\n<em>lang</em>\n“引文”</p><pre>第一行，\n第二行</pre>"
    )
    assert join_wrapped_lines("the “cluster”\nand “zone”") == "the “cluster”\nand “zone”"
