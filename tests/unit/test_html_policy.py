"""The contributor HTML policy's building blocks: script-URL detection, escaping, the sanitiser."""

from __future__ import annotations

import re

import pytest

from clusterdocs.check.html_policy import is_script_url, plain_text, sanitise
from support import ROOT


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java&#x09;script:alert(1)",
        "&#106;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "javascript\\:alert(1)",
        "\x01javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "java\u200bscript:alert(1)",
    ],
)
def test_script_urls_are_recognised_however_spelled(url):
    assert is_script_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/",
        "../timeline/#x",
        "#top",
        "mailto:a@example.org",
        "articles/javascript-notes/",
        "/data/file.json",
    ],
)
def test_ordinary_urls_are_not_script_urls(url):
    assert not is_script_url(url)


def test_plain_text_escapes_markup_but_keeps_apostrophes():
    assert plain_text('A & B <i>"x"</i> site\'s') == "A &amp; B &lt;i&gt;&quot;x&quot;&lt;/i&gt; site's"
    assert plain_text("R&amp;D <b>", entities_encoded=True) == "R&amp;D &lt;b&gt;"


def test_the_sanitiser_removes_scripts_handlers_and_script_links():
    dirty = (
        '<p>x<script>alert(1)</script><img src="a.png" onerror="alert(2)" alt="">'
        '<a href="JaVa&#x09;script:alert(3)">l</a><iframe src="x"></iframe>'
        '<svg viewBox="0 0 1 1"><a href="javascript:alert(4)"><text x="1">t</text></a></svg></p>'
    )
    clean = sanitise(dirty)
    assert not re.search(r"script|onerror|iframe", clean, re.IGNORECASE)
    assert '<img src="a.png" alt="">' in clean and 'viewBox="0 0 1 1"' in clean and '<text x="1">t</text>' in clean


def test_every_csv_is_written_by_the_one_formula_safe_writer():
    writers = [
        path.relative_to(ROOT).as_posix()
        for folder in ("clusterdocs", "hooks", "scripts")
        for path in (ROOT / folder).rglob("*.py")
        if re.search(r"^\s*import csv|^\s*from csv ", path.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert writers == ["clusterdocs/text/tabular.py"]
