"""Property-based tests: any input gives data or problems, never an exception, in bounded time and memory.

Hypothesis feeds the reader, the YAML loader, the front-matter splitter, the spam check and
the date helpers arbitrary text and bytes (and YAML-shaped fragments, which reach deeper into
the parser than random text does), and the whole check real content files with hostile bytes
spliced in. The deadline bounds the time per example; tracemalloc
bounds the memory of the loader on the inputs that used to explode.
"""

from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import content_copy

from clusterdocs.text.dates import (
    date_problem,
    format_date,
    format_range,
    is_real_date,
    is_well_formed,
    sort_key,
)
from clusterdocs.base.paths import ROOT
from clusterdocs.base.problems import DataError, Problem
from clusterdocs.check.sitedata import load_site_data
from clusterdocs.check.sources import fold, text_problems
from clusterdocs.read.textfile import decode
from clusterdocs.read.yamlfile import load_front_matter, load_yaml

FRAGMENTS = [
    "a:",
    "b: 1",
    " ",
    "  ",
    "\n",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "?",
    "&x ",
    "*x",
    "!!str ",
    "!x ",
    '"',
    "'",
    "\t",
    "# c",
    "null",
    "1",
    "1.5",
    "true",
    "<<:",
    "|",
    ">",
    "---",
    "...",
    "%YAML 1.1",
    "\ufeff",
    "\x00",
    "\r",
    "\x85",
    "\u2028",
    "\ud800",
    "日期",
    "9" * 50,
]
yaml_like = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=400), yaml_like)
ALLOWED_CONTROL = {"\t", "\n"}

bounded = settings(deadline=2000, max_examples=200)


def assert_problems(problems: list) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.line >= 1 and problem.column >= 1 and problem.message


@bounded
@given(any_text)
def test_yaml_loader_gives_data_or_problems(text):
    document, problems = load_yaml(text, "t.yml")
    assert_problems(problems)
    assert document is not None or problems


@bounded
@given(any_text)
def test_front_matter_gives_data_or_problems(text):
    document, body, problems = load_front_matter("---\n" + text + "\n---\nbody\n", "t.md")
    assert_problems(problems)
    assert (document is None) or isinstance(document.data, dict)
    assert isinstance(body, str)


@bounded
@given(st.one_of(st.binary(max_size=400), any_text.map(lambda text: text.encode("utf-8", "surrogatepass"))))
def test_reader_gives_text_or_one_problem(data):
    text, problems = decode(data, "t.txt")
    assert_problems(problems)
    if text is None:
        assert len(problems) == 1
    else:
        assert problems == []
        assert text == data.decode("utf-8").removeprefix("\ufeff")
        assert not any(ord(character) < 32 and character not in ALLOWED_CONTROL for character in text)


@bounded
@given(any_text)
def test_spam_check_never_raises_and_folding_maps_back(text):
    assert_problems(text_problems(text, "t.md"))
    for line in text.split("\n"):
        folded, origin = fold(line)
        assert len(folded) == len(origin)
        assert origin == sorted(origin) and all(0 <= index < len(line) for index in origin)


@bounded
@given(
    st.one_of(
        st.text(max_size=20),
        st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True),
        st.none(),
        st.integers(),
    )
)
def test_date_helpers_never_raise(value):
    well_formed = is_well_formed(value)
    real = is_real_date(value)
    assert well_formed or not real
    message = date_problem(value)
    assert message is None or isinstance(message, str)
    assert len(sort_key(value)) == 3
    for language in ("en", "zh"):
        assert isinstance(format_date(value, language), str)
        assert isinstance(format_range(value, value, language), str)


def peak_memory_of(function, *arguments) -> int:
    tracemalloc.start()
    try:
        function(*arguments)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_alias_bomb_is_refused_in_bounded_memory():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]" for level in range(1, 10)]
    bomb = "\n".join(lines)
    assert len(bomb) < 2048
    document, problems = load_yaml(bomb, "bomb.yml")
    assert document is None and "anchors and aliases are not allowed" in problems[0].message
    assert peak_memory_of(load_yaml, bomb, "bomb.yml") < 5_000_000


def test_deep_nesting_is_refused_in_bounded_memory():
    for text in ("[" * 5000, "{a: " * 5000, "- " * 5000 + "x"):
        document, problems = load_yaml(text, "deep.yml")
        assert document is None and [problem.message for problem in problems] == ["nested more than 40 levels deep"]
        assert peak_memory_of(load_yaml, text, "deep.yml") < 5_000_000


# --- the whole check: a mutated content file gives problems or passes, never another exception ---

TARGETS = [
    "timeline/2019-08-miit-first-preliminary-round.yml",
    "docs/en/about.md",
    "docs/zh/articles/conference-2025.md",
    "sources/blueprint-14th-fyp.txt",
    "data/clusters.yml",
]
SPLICES = [
    b"",
    b"\xff",
    b"\xef\xbb\xbf",
    b"\r\n",
    b"\x00",
    b"\n",
    b"---\n",
    b"&a ",
    b"*a",
    b"[" * 50,
    b": ",
    b"- ",
    b"\t",
    b'"',
    "蜘\u200b蛛池".encode(),
    b"1: x\n",
    b"0999",
    b"!!binary ",
]


@pytest.fixture(scope="module")
def reused_tree(tmp_path_factory):
    """One content copy for every example: each restores the file it mutated."""
    return content_copy(tmp_path_factory.mktemp("tree"))


@settings(deadline=20_000, max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    target=st.sampled_from(TARGETS),
    position=st.floats(0, 1),
    cut=st.integers(0, 40),
    splice=st.lists(st.sampled_from(SPLICES), max_size=4).map(b"".join),
)
def test_a_mutated_content_file_gives_problems_never_an_exception(reused_tree, target, position, cut, splice):
    file = reused_tree / target
    original = (ROOT / target).read_bytes()
    at = int(position * len(original))
    file.write_bytes(original[:at] + splice + original[at + cut :])
    try:
        load_site_data(reused_tree)
    except DataError as error:
        assert_problems(error.problems)
    finally:
        file.write_bytes(original)
