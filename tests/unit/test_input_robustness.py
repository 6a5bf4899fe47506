"""The loader layer's defined behaviour for awkward input: bytes, line endings, front matter, keys, dates."""

from __future__ import annotations

import re

import pytest
from mkdocs.utils.meta import YAML_RE
from support import CHECK_CORPUS, check_lines, content_copy, lay_over, lines_of

from clusterdocs.__main__ import main as check_command
from clusterdocs.text.dates import date_problem
from clusterdocs.base.paths import ROOT
from clusterdocs.read.schemas import validate
from clusterdocs.check.sources import text_problems
from clusterdocs.read.textfile import decode, read_text
from clusterdocs.read.yamlfile import (
    YamlDocument,
    load_front_matter,
    load_yaml,
    split_front_matter,
)


def messages(problems) -> list[str]:
    return [f"{problem.line}:{problem.column}: {problem.message}" for problem in problems]


# --- reading bytes ----------------------------------------------------------------------------


def test_a_byte_order_mark_is_dropped():
    assert decode("\ufeffid: x\n".encode(), "t.yml") == ("id: x\n", [])


@pytest.mark.parametrize(
    "data, expected",
    [
        ("a: 1\nb: 日期".encode() + b"\xff\n", "2:6: not valid UTF-8 (byte 0xFF); save the file as UTF-8"),
        ("\ufeffa".encode() + b"\x80", "1:2: not valid UTF-8 (byte 0x80); save the file as UTF-8"),
        (
            b"a: 1\r\nb: 2\r\n",
            "1:5: carriage return (CRLF or CR line ending) (2 in this file); save the file with LF line endings",
        ),
        (b"a: 1\rb: 2\n", "1:5: carriage return (CRLF or CR line ending); save the file with LF line endings"),
        (b"a\nb\x00c\x00\n", "2:2: control character U+0000 is not allowed in a text file (2 in this file); remove it"),
        ("a\u2028b".encode(), "1:2: control character U+2028 is not allowed in a text file; remove it"),
    ],
)
def test_unusable_bytes_give_one_problem_at_the_first_bad_character(data, expected):
    text, problems = decode(data, "t.yml")
    assert text is None and messages(problems) == [expected]


def test_size_limits_depend_on_the_folder(tmp_path):
    for folder in ("sources", "data", "timeline"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "big.txt").write_bytes(b"x\n" * 300 * 1024)  # 600 KiB
    text, problems = read_text(tmp_path / "sources" / "big.txt", tmp_path)
    assert text is not None and problems == []
    for folder in ("data", "timeline"):  # YAML: half a page's limit
        text, problems = read_text(tmp_path / folder / "big.txt", tmp_path)
        assert text is None and messages(problems) == [
            "1:1: file is 614400 bytes; the limit is 256 KiB: shorten or split it"
        ], folder
    (tmp_path / "sources" / "huge.txt").write_bytes(b"x\n" * 1025 * 1024)  # 2 MiB and 2 KiB
    text, problems = read_text(tmp_path / "sources" / "huge.txt", tmp_path)
    assert text is None and messages(problems) == [
        "1:1: file is 2099200 bytes; the limit is 2048 KiB: shorten or split it"
    ]


def test_a_source_may_be_larger_than_a_page_but_its_header_may_not(tmp_path):
    header = "---\n" + "k: v\n" * (55 * 1024) + "---\n"  # 275 KiB of YAML
    document, _body, problems = load_front_matter(header + "body\n", "sources/x.txt")
    assert document is None and messages(problems) == [
        f"1:1: front matter is {len(header) - 8} bytes; the limit is 256 KiB: shorten it"
    ]


def test_no_loader_reads_files_any_other_way():
    """Every contributed file goes through textfile.read_text (one decoding, one set of rules)."""
    # The reader itself; the project's own schemas; the built site (search index, audit); the
    # build's own cache of its results and code.
    not_contributed = {"textfile.py", "schemas.py", "search_index.py", "site_audit.py", "build_cache.py"}
    for module in sorted((ROOT / "clusterdocs").rglob("*.py")):
        if module.name not in not_contributed:
            code = module.read_text(encoding="utf-8")
            assert not re.search(r"\.read_text\(|\.read_bytes\(|\bopen\(", code), module.name


# --- YAML ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "a: 1\nb c\nd: 2\n",
            "2:1: invalid YAML: while scanning a simple key: could not find expected ':' (noticed on line 3)",
        ),
        (
            'a: "open\nb: 1\n',
            "1:4: invalid YAML: while scanning a quoted scalar: found unexpected end of stream (noticed on line 3)",
        ),
        (
            "a: [1, 2\nb: 3\n",
            "1:4: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']' (noticed on line 2)",
        ),
        ("a: 1\n b: 2\n", "2:3: invalid YAML: mapping values are not allowed in this context"),
        (
            "a:\n  - 1\n - 2\n",
            "3:2: invalid YAML: did not find expected key (while parsing a block mapping from line 1)",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "2:1: invalid YAML: expected a single document in the stream, but found another document",
        ),
    ],
)
def test_syntax_errors_point_at_the_line_to_fix(text, expected):
    document, problems = load_yaml(text, "t.yml")
    assert document is None and messages(problems) == [expected]


def test_timestamps_stay_strings_and_duplicate_keys_are_reported_with_the_rest():
    document, problems = load_yaml("date: 2019-08-01\nid: a\nid: b\n", "t.yml")
    assert document.data == {"date": "2019-08-01", "id": "b"}
    assert messages(problems) == ["3:1: duplicate key; each key may appear only once"]


def test_keys_that_are_not_text_are_refused_one_line_each():
    document, problems = load_yaml("1: a\nnull: b\ntrue: c\n[x]: d\n", "t.yml")
    assert document is None
    assert [(problem.line, problem.field) for problem in problems] == [
        (1, "1"),
        (2, "null"),
        (3, "true"),
        (4, "(yaml)"),
    ]


def test_integers_python_cannot_convert_are_refused():
    document, problems = load_yaml("a: " + "9" * 5000 + "\n", "t.yml")
    assert document is None and messages(problems) == ["1:4: a number of more than 4000 digits; quote it if it is text"]


def test_the_schema_explainer_accepts_keys_that_are_not_text():
    document = YamlDocument("t.yml", {1: "x", None: "y", "id": "a", "extra": 1})
    problems = validate(document, "timeline")
    assert [problem.message for problem in problems if "unknown key" in problem.message] == [
        f"unknown key {key!r}; allowed keys: category, clusters, date, date_basis, date_note, end_date, id, kind, level, "
        f"places, source_note, sources, stated_date, summary, target_start, target_year, title"
        for key in ("1", "None", "extra")
    ]


# --- front matter -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: a\n---\nbody\n",
        "---  \ntitle: a\n...\t\nbody\n",
        "---\ntitle: a\n---\n",
        "---\ntitle: a\nbody without end\n",
        "--- x\ntitle: a\n---\n",
        "text\n---\ntitle: a\n---\n",
    ],
)
def test_front_matter_is_split_where_mkdocs_splits_it(text):
    match = YAML_RE.match(text)
    header, _body, _offset = split_front_matter(text)
    assert header == (match.group(1) if match else None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("---\ntitle: a\n", "1:1: front matter opened on line 1 is never closed; end it with a '---' line"),
        ("---\ntitle: a\n---", "3:1: the closing '---' line needs a line break after it"),
        ("---\n- a\n---\n", "2:1: front matter must be a mapping of fields such as 'title: …'"),
        (
            "---\ntitle: [a\n---\n",
            "2:8: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']' (noticed on line 3)",
        ),
    ],
)
def test_broken_front_matter_is_reported_not_published(text, expected):
    document, _body, problems = load_front_matter(text, "t.md")
    assert document is None and messages(problems) == [expected]


def test_empty_front_matter_is_an_empty_mapping():
    document, body, problems = load_front_matter("---\n---\nbody\n", "t.md")
    assert document.data == {} and body == "body\n" and problems == []


def test_a_comment_in_front_matter_is_not_a_heading(content_tree):
    """A YAML comment starts with '# ', as a Markdown heading does; only the body has headings."""
    page = content_tree / "docs" / "en" / "about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("---\n", "---\n# Reviewed for the next release\n", 1), encoding="utf-8")
    assert check_lines(content_tree) == []
    page.write_text(text.replace("---\n", "---\ntitle: x\n---\n# Reviewed\n---\n", 1), encoding="utf-8")
    assert any(line.startswith("docs/en/about.md:4:1: (heading):") for line in check_lines(content_tree))


# --- spam behind invisible or compatibility characters ----------------------------------------


@pytest.mark.parametrize(
    "line, shown",
    [
        ("蜘\u200b蛛池", "蜘\\u200b蛛池"),
        ("蜘\u00ad蛛\ufeff池", "蜘\\u00ad蛛\\ufeff池"),
        ("一区\ufe0f二区", "一区\\ufe0f二区"),
        ("\ufa61頻", "\ufa61頻"),  # CJK compatibility ideograph for 視
    ],
)
def test_spam_is_found_behind_invisible_and_compatibility_characters(line, shown):
    problems = text_problems(f"ok\nxx{line}yy\n", "t.md")
    assert [(problem.line, problem.column) for problem in problems] == [(2, 3)]
    assert f"'{shown}'" in problems[0].message


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2019-08", None),
        ("1949", None),
        ("2099-12-31", None),
        (None, None),
        ("19-08", None),
        ("2023-02-30", "'2023-02-30' is not a real calendar date"),
        ("0999", "year 0999 is outside 1949–2099; check the date"),
        ("1948-12", "year 1948 is outside 1949–2099; check the date"),
        ("2100", "year 2100 is outside 1949–2099; check the date"),
    ],
)
def test_date_problems(value, expected):
    assert date_problem(value) == expected


# --- the command line never shows a traceback ---------------------------------------------------


HOSTILE_CASES = ["yaml-alias-bomb", "yaml-deep-nesting", "decode-invalid-utf8"]


def test_check_exits_1_without_a_traceback_on_hostile_files(content_tree, capsys):
    """One run of the command over three hostile cases at once: it prints exactly the problems the
    in-process check finds (each case's own lines among them), then the count, and exits 1. The
    command's own entry point, in this process (an exception would fail the test); the command
    line itself is run by tests/unit/test_check_command.py."""
    root = lay_over([CHECK_CORPUS / case for case in HOSTILE_CASES], content_tree)
    assert check_command(["check", "--root", str(root)]) == 1
    printed = capsys.readouterr().err.splitlines()
    expected = check_lines(root)
    assert printed == expected + [f"{len(expected)} problem(s) found."]
    for case in HOSTILE_CASES:
        assert set(lines_of(CHECK_CORPUS / case / "expected.txt")) <= set(expected), case


def test_symbolic_links_in_content_folders_are_refused(tmp_path):
    from clusterdocs.check.contenttext import content_text_problems

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("secret\n", encoding="utf-8")
    docs = tmp_path / "docs" / "en"
    docs.mkdir(parents=True)
    (docs / "page.md").symlink_to(outside / "secret.md")
    (docs / "folder").symlink_to(outside, target_is_directory=True)
    problems = content_text_problems(tmp_path, ["docs"])
    assert [str(problem) for problem in problems] == [
        "docs/en/folder:1:1: (file): symbolic links are not allowed here; add the file itself",
        "docs/en/page.md:1:1: (file): symbolic links are not allowed here; add the file itself",
    ]


def test_a_link_to_an_endless_device_or_a_fifo_is_one_line_not_an_endless_read(tmp_path):
    """Refused by path before any loader opens them (clusterdocs/read/contribution_paths.py); behind
    that, textfile.read_text refuses links and special files and never reads past the size limit."""
    import os

    tree = content_copy(tmp_path / "content")
    (tree / "timeline" / "2099-endless.yml").symlink_to("/dev/zero")
    os.mkfifo(tree / "data" / "pipe.yml")
    assert check_lines(tree) == [
        "data/pipe.yml:1:1: (path): not a regular file (a device, pipe or socket); add a text file",
        "timeline/2099-endless.yml:1:1: (path): symbolic links are not allowed here; add the file itself",
    ]


def test_every_format_character_counts_as_invisible():
    import unicodedata

    from clusterdocs.read.textfile import INVISIBLE

    missing = [
        hex(code)
        for code in range(0x110000)
        if unicodedata.category(chr(code)) == "Cf" and not INVISIBLE.match(chr(code))
    ]
    assert missing == []


def test_positions_are_found_again_only_when_a_problem_needs_one():
    text = "id: a\nsources:\n  - quote: x\n    page: 2\n"
    document, problems = load_yaml(text, "t.yml", line_offset=3)
    assert problems == [] and document._positions is None  # nothing held for a file with no problem
    assert document.where(("sources", 0, "page")) == (4 + 3, 5)
    assert document.where(("sources", 0, "missing")) == (3 + 3, 5)  # the nearest parent
    assert document._positions is not None
