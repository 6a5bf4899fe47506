"""The loaders report every problem as one precise line: fixtures for each kind of error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from clusterdocs.check.articles import load_articles
from clusterdocs.base.paths import SCHEMAS_DIR
from clusterdocs.check.sources import load_sources, text_problems
from clusterdocs.check.timeline import load_timeline
from support import FIXTURES

BAD_TIMELINE = sorted((FIXTURES / "timeline-bad").glob("*.yml"))


@pytest.fixture(scope="module")
def sample_sources():
    sources, problems = load_sources(FIXTURES)
    assert problems == []
    return sources


@pytest.fixture
def timeline(tmp_path) -> Path:
    """The ``timeline/`` folder of a fixture tree rooted at ``tmp_path``."""
    folder = tmp_path / "timeline"
    folder.mkdir()
    return folder


def problems_for(files: list[Path], sources, timeline: Path) -> list[str]:
    for file in files:
        shutil.copy(file, timeline / file.name)
    _milestones, problems = load_timeline(sources, timeline.parent)
    return [str(problem) for problem in problems]


def test_good_milestone_loads(sample_sources, timeline):
    shutil.copy(FIXTURES / "timeline-good" / "2019-08-first-round.yml", timeline)
    milestones, problems = load_timeline(sample_sources, timeline.parent)
    assert problems == []
    assert [milestone.id for milestone in milestones] == ["2019-08-first-round"]
    assert milestones[0].display_date("en", {}) == "August 2019"  # an event's date needs no interface string
    assert milestones[0].display_date("zh", {}) == "2019年8月"


@pytest.mark.parametrize("fixture", BAD_TIMELINE, ids=[path.stem for path in BAD_TIMELINE])
def test_each_error_kind_gives_one_exact_line(fixture, sample_sources, timeline):
    expected = fixture.with_suffix(".expected").read_text(encoding="utf-8").strip()
    problems = problems_for([fixture], sample_sources, timeline)
    assert problems == [f"timeline/{fixture.name}:{expected}"]


def test_every_problem_in_every_file_is_reported_at_once(sample_sources, timeline):
    problems = problems_for(BAD_TIMELINE, sample_sources, timeline)
    assert len(problems) == len(BAD_TIMELINE)
    assert {problem.split(":", 1)[0].rsplit("/", 1)[-1] for problem in problems} == {path.name for path in BAD_TIMELINE}


def test_duplicate_id_is_reported(sample_sources, timeline):
    good = FIXTURES / "timeline-good" / "2019-08-first-round.yml"
    shutil.copy(good, timeline / good.name)
    shutil.copy(good, timeline / "2019-08-first-round-copy.yml")
    _milestones, problems = load_timeline(sample_sources, timeline.parent)
    messages = [problem.message for problem in problems]
    assert any(message.startswith("duplicate id '2019-08-first-round', already used by") for message in messages)
    assert all(problem.line == 1 and problem.field == "id" for problem in problems)


def test_end_date_before_date(sample_sources, timeline):
    text = (FIXTURES / "timeline-good" / "2019-08-first-round.yml").read_text(encoding="utf-8")
    (timeline / "2019-08-first-round.yml").write_text(
        text.replace('date: "2019-08"\n', 'date: "2019-08"\nend_date: "2019-07"\n')
    )
    _milestones, problems = load_timeline(sample_sources, timeline.parent)
    assert [(problem.line, problem.field, problem.message) for problem in problems] == [
        (3, "end_date", "end_date is before date")
    ]


# --- article front matter -------------------------------------------------------------------


def write_article(tmp_path: Path, text: str, name: str) -> Path:
    for language in ("en", "zh"):
        folder = tmp_path / "docs" / language / "articles"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def article_problems(
    tmp_path: Path, sources, replace: tuple[str, str] | None = None, name: str = "sample-article.md"
) -> list[str]:
    text = (FIXTURES / "articles" / "sample-article.md").read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    _pages, problems = load_articles(sources, write_article(tmp_path, text, name))
    return sorted({f"{problem.line}: {problem.field}: {problem.message}" for problem in problems})


def test_good_article_front_matter(sample_sources, tmp_path):
    assert article_problems(tmp_path, sample_sources) == []


@pytest.mark.parametrize(
    "replace, expected",
    [
        (
            (
                '45"\n      measures: national advanced manufacturing clusters\n      year: "2022"\n      source_text: "截至2022年,我国已确定45个',
                '46"\n      measures: national advanced manufacturing clusters\n      year: "2022"\n      source_text: "截至2022年,我国已确定46个',
            ),
            "10: article.figures[0].source_text: not found verbatim in sources/sample-article.txt: '截至2022年,我国已确定46个国家先进制造业集群'",
        ),
        (
            ('value: "45"', 'value: "46"'),
            "7: article.figures[0].value: value '46' does not occur in its source_text as a whole number",
        ),
        (
            ("第一批先进制造业集群初赛", "第二批先进制造业集群初赛"),
            "12: article.quotes[0].original: not found verbatim in sources/sample-article.txt: '工业和信息化部启动了第二批先进制造业集群初赛'",
        ),
        (
            ('value: "45"', "value: 45"),
            "7: article.figures[0].value: value must be a quoted string, written exactly as in the source",
        ),
        (
            ("  source: sample-article", "  source: missing-article"),
            "5: article.source: unknown source 'missing-article'; known: sample-article",
        ),
        (
            ("  entities:", "  people: []\n  entities:"),
            "15: article.people: unknown key 'people'; allowed keys: entities, figures, quotes, source",
        ),
        (
            ("description: A fixture page for the article checks.\n", ""),
            "2: description: missing required field 'description'",
        ),
    ],
)
def test_bad_article_front_matter(sample_sources, tmp_path, replace, expected):
    assert article_problems(tmp_path, sample_sources, replace) == [expected]


def test_an_article_page_is_named_after_its_source(sample_sources, tmp_path):
    assert article_problems(tmp_path, sample_sources, name="renamed-article.md") == [
        "5: article.source: source 'sample-article' must match the file name 'renamed-article'"
    ]


def test_english_quotes_need_a_translation(sample_sources, tmp_path):
    problems = article_problems(
        tmp_path, sample_sources, ("      translation: MIIT launched the first batch of the preliminary round.\n", "")
    )
    assert problems == ["12: article.quotes[0]: English pages give a 'translation' for every quote"]


# --- spam and converter debris --------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("先進製造業(yè)集群", "converter debris such as 業(yè): '業(yè)' must be removed"),
        ("主站蜘蛛池模板", "spam from the source capture: '蜘蛛池' must be removed"),
    ],
)
def test_spam_and_debris_are_caught(line, expected):
    problems = text_problems(f"clean line\n{line}\n", "docs/en/x.md")
    assert [(problem.line, problem.message) for problem in problems] == [(2, expected)]


def test_real_parentheses_are_not_debris():
    assert text_problems("涉及19個省(自治區)、43個地市", "x") == []


def test_source_without_header_is_reported(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "broken.txt").write_text("no header here\n", encoding="utf-8")
    _sources, problems = load_sources(tmp_path)
    assert [str(problem) for problem in problems] == [
        "sources/broken.txt:1:1: (header): missing the '---' YAML attribution header"
    ]


def test_the_published_schema_works_with_check_jsonschema(tmp_path):
    """Contributors' pre-commit hook and editors use the same schema file as the loader: it refuses
    a bad entry here, and tests/unit/test_lint.py (``test_json_schema_validation[timeline]``)
    runs it over every timeline file, which it accepts."""
    import subprocess
    import sys

    from clusterdocs.base.paths import SCHEMAS_DIR

    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMAS_DIR / "timeline.schema.json")]
    bad = subprocess.run(
        command + [str(FIXTURES / "timeline-bad" / "2019-08-unknown-category.yml")], capture_output=True, text=True
    )
    assert bad.returncode == 1
    assert "competition" in bad.stdout + bad.stderr


# --- date basis ---------------------------------------------------------------------------------


def basis_problems(sample_sources, timeline: Path, old: str, new: str) -> list[str]:
    text = (FIXTURES / "timeline-good" / "2019-08-first-round.yml").read_text(encoding="utf-8")
    assert old in text
    (timeline / "2019-08-first-round.yml").write_text(text.replace(old, new), encoding="utf-8")
    _milestones, problems = load_timeline(sample_sources, timeline.parent)
    return [f"{problem.line}:{problem.field}: {problem.message}" for problem in problems]


EXTERNAL = (
    '\n  - external: {outlet: {en: TechWeb, zh: TechWeb, original: TechWeb, original_lang: en}, date: "2019-08-15"}\n'
)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "date_basis: stated",
            "date_basis: external",
            ["16:date_basis: date_basis is 'external' but sources has no 'external' citation"],
        ),
        ("date_basis: stated", "date_basis: inferred", ["1:date_note: missing required field 'date_note'"]),
        (
            'date: "2019-08"',
            'date: "2019-09"',
            [
                "1:id: id must start with its date: '2019-09-…'",
                (
                    "16:date_basis: date_basis is 'stated' but no quote writes date '2019-09' at that "
                    "precision (2019年9月); quote the words that do, or use 'inferred' or 'external'"
                ),
            ],
        ),
        (
            "date_basis: stated",
            'date_basis: stated\nstated_date: "2019"',
            [
                "17:stated_date: stated_date is for a date whose most precise part is not stated; with date_basis 'stated' leave it out"
            ],
        ),
        ("kind: event", "kind: target", ["1:target_year: missing required field 'target_year'"]),
    ],
)
def test_the_date_basis_must_match_the_citations(sample_sources, timeline, old, new, expected):
    assert basis_problems(sample_sources, timeline, old, new) == expected


def test_a_mixed_date_with_its_outside_citation_passes(sample_sources, timeline):
    text = (FIXTURES / "timeline-good" / "2019-08-first-round.yml").read_text(encoding="utf-8")
    text = (
        text.replace("id: 2019-08-first-round", "id: 2019-08-15-first-round")
        .replace('date: "2019-08"', 'date: "2019-08-15"\nstated_date: "2019-08"')
        .replace("date_basis: stated", "date_basis: external")
        .replace("\ndate_basis:", EXTERNAL + "date_basis:")
    )
    (timeline / "2019-08-15-first-round.yml").write_text(text, encoding="utf-8")
    milestones, problems = load_timeline(sample_sources, timeline.parent)
    assert problems == []
    assert (milestones[0].date_basis, milestones[0].kind, milestones[0].from_sources) == ("external", "event", True)


def test_a_month_and_day_without_the_year_count_when_the_source_is_dated_that_year():
    from clusterdocs.text.dates import stated_in

    assert stated_in("2025-09-11", "9月11日,先進制造業集群發展大會(2025)在廣州成功舉辦", dateline="2025-09-11")
    assert not stated_in("2025-09-11", "9月11日,大會在廣州舉辦", dateline="2024-09-11")
    assert stated_in("2019-08", "分别于2019年8月和2020年5月") and stated_in("2023-05-05", "2023年05月05日")
    assert (
        not stated_in("2019-01", "2019年11月")
        and not stated_in("2019", "12019年")
        and not stated_in("2019-08", "2019年")
    )


@pytest.mark.parametrize("schema", sorted(SCHEMAS_DIR.glob("*.schema.json")), ids=lambda path: path.name)
def test_every_schema_is_valid_against_its_meta_schema(schema):
    """clusterdocs/read/schemas.py builds validators without checking the schemas on every load."""
    document = json.loads(schema.read_text(encoding="utf-8"))
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(document)


def test_a_checked_load_keeps_no_text_only_the_checks_read():
    """A build holds its data to the end: the sources' bodies and the YAML texts kept for problem
    lines are released once everything has passed; what the pages show stays."""
    from clusterdocs.check.sitedata import _load
    from clusterdocs.base.paths import ROOT

    data = _load(ROOT)
    assert data.sources and all(source.body is None for source in data.sources.values())
    assert all("searchable_body" not in vars(source) for source in data.sources.values())
    assert all(source.header["title_original"] for source in data.sources.values())
    documents = [item.document for item in [*data.articles, *data.milestones]]
    assert documents and all(document.text is None for document in documents)
    assert all(milestone.data["id"] for milestone in data.milestones)


def test_a_problem_found_after_the_texts_are_released_still_names_its_line():
    """Nothing after the checks reports on a data file today; if something does, its line is
    read again from the file, not lost (line 1) with the released text."""
    from clusterdocs.check.sitedata import _load
    from clusterdocs.base.paths import ROOT

    data = _load(ROOT)
    for item, key in ((data.milestones[0], "sources"), (data.articles[0], "article")):
        lines = (ROOT / item.document.path).read_text(encoding="utf-8").splitlines()
        expected = next(number for number, line in enumerate(lines, 1) if line.startswith(f"{key}:"))
        assert expected > 2
        problem = item.document.problem((key,), "found late")
        assert (problem.path, problem.line, problem.column) == (item.document.path, expected, 1)


def test_a_released_file_edited_since_into_bad_yaml_gives_the_first_line_not_an_error():
    from clusterdocs.read.yamlfile import load_yaml

    document, problems = load_yaml("id: x\ntitle: y\n", "timeline/x.yml")
    assert not problems
    document.release_text(lambda: "id: [unclosed\n")
    assert document.problem(("title",), "found late").line == 1


def test_free_memory_is_returned_through_malloc_trim_where_the_c_library_has_it(monkeypatch):
    from clusterdocs.base import free_memory

    calls = []
    monkeypatch.setattr(free_memory, "_malloc_trim", lambda: calls.append)
    free_memory.return_free_memory()
    assert calls == [0]
    monkeypatch.setattr(free_memory, "_malloc_trim", lambda: None)
    free_memory.return_free_memory()  # not glibc: nothing to call, and no error
    assert calls == [0]
