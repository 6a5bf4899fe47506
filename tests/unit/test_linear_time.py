"""Every check takes time in proportion to its input: adversarial files at the size limit are
checked about as fast as the real content, never for minutes (a backtracking pattern once took
minutes over one line of backticks)."""

from __future__ import annotations

import re
import time

import pytest

from clusterdocs.base.text_memo import clear_all
from clusterdocs.read.textfile import size_limit
from support import check_lines, content_copy

# Each repeated to fill its share of the size limit: runs that make a backtracking pattern try
# every split, openers that are never closed, and long runs of what the checks look for.
PAGE_PATTERNS = (
    "`",
    "```\n",
    "~~~ ",
    "<!--",
    "[a](",
    "{: #",
    "<a ",
    "&#",
    "--8<",
    "1,",
    "《",
    "# x { #",
    "*_",
)
YAML_PATTERNS = ("4", "4.", "《", "[", "年", "2019年", "-8<-")


def fill(pattern: str, size: int) -> str:
    return pattern * (size // len(pattern.encode("utf-8")))


def seconds_to_check(root) -> tuple[float, list[str]]:
    """CPU seconds, not wall-clock ones: on a machine shared with other work (two pytest-xdist
    workers and a build beside them, at a load average of 13) wall time once read 6.8 s here
    against 0.9 s for the clean tree, while the check's own work had not changed. Cold: no result
    kept from an earlier load (clusterdocs/base/text_memo.py) counts."""
    clear_all()
    start = time.process_time()
    lines = check_lines(root)
    return time.process_time() - start, lines


def test_adversarial_files_at_the_size_limit_are_checked_in_linear_time(tmp_path):
    baseline, lines = seconds_to_check(content_copy(tmp_path / "clean"))
    assert lines == []
    tree = content_copy(tmp_path / "adversarial")
    page = tree / "docs" / "en" / "about.md"
    text = page.read_text(encoding="utf-8")
    share = (size_limit("docs/en/about.md") - len(text.encode("utf-8")) - 1024) // len(PAGE_PATTERNS)
    page.write_text(text + "\n\n" + "\n\n".join(fill(p, share) for p in PAGE_PATTERNS) + "\n", encoding="utf-8")
    milestone = tree / "timeline" / "2018-jiangsu-cluster-guideline.yml"
    text = milestone.read_text(encoding="utf-8")
    share = (size_limit("timeline/x.yml") - len(text.encode("utf-8")) - 1024) // len(YAML_PATTERNS)
    long_value = " ".join(fill(p, share) for p in YAML_PATTERNS)
    summary = text.split("summary:\n  en: ", 1)[1].split("\n", 1)[0]
    milestone.write_text(text.replace(summary, f'"{long_value}"'), encoding="utf-8")
    elapsed, lines = seconds_to_check(tree)
    # Both files were read and checked (neither refused whole, for its size or its syntax).
    assert not [line for line in lines if "(file)" in line or "(yaml)" in line], lines[:5]
    assert any(line.startswith("docs/en/about.md:") for line in lines)
    assert len(lines) < 200, lines[:5]  # one line per problem, not one per repeated pattern
    # About 2 s more than the real content on an idle machine, most of it PyYAML's pure-Python
    # parser reading 512 KiB; the margin is for shared CI cores. A super-linear check takes minutes.
    assert elapsed < baseline + 5, f"{elapsed:.1f} s against {baseline:.1f} s for the real content"
    assert max(len(line) for line in lines) < 400  # messages quote a shortened value, not the whole input


# Each checker and converter on its own, at the size limit of the files it reads. CPU time, not
# wall time, so other work on a shared machine does not count; a pattern that backtracks over its
# input takes minutes here, a linear one a fraction of a second.
SECONDS_PER_CHECKER = 2.0
PAGE_MIX = PAGE_PATTERNS + ("\u200b", "４", "業(yè)", "<script>", "  \n", "年", "　", "44", "MIIT ", "co-hosted ")


# Openings of date expressions that never complete (clusterdocs/date_ledger.py): an event whose
# quoted phrase is never closed, digits without their 年, a plan's name without its period.
DATE_MIX = (
    "党的十九大报告明确提出“",
    "黨的十九大",
    "實施以",
    "新中国成立",
    "20年",
    "连续",
    "“十四五”",
    "2019",
    "上世纪7、",
    "今年",
)


# Something for each check to find, before the runs that may open a fence or a comment.
FINDINGS = "<script>x</script> MIIT co-hosted 中文，  中文 advanced manufacturing cluster\n\n"


def at_limit(path: str, patterns=PAGE_MIX) -> str:
    share = (size_limit(path) - 256) // len(patterns)
    return FINDINGS + "".join(fill(pattern, share) for pattern in patterns)


def dense_yaml(path: str, share: float = 1.0) -> str:
    """As many small mappings and lists as fit: the most work per byte for the YAML loader."""
    row = "  - {en: a, zh: 二, n: 4, list: [x, y]}\n"
    return "items:\n" + row * int((size_limit(path) - 16) * share // len(row.encode("utf-8")))


def long_scalars_yaml(path: str) -> str:
    share = (size_limit(path) - 64 * len(YAML_PATTERNS)) // len(YAML_PATTERNS)
    return "items:\n" + "".join(f"  - '{fill(pattern, share)}'\n" for pattern in YAML_PATTERNS)


def checkers():
    """(name, input, what to run on it, what shows the input was read through, not refused early)."""
    from clusterdocs.check import cjk_text, date_ledger, html_policy, markers, script_conversion, sources
    from clusterdocs.text import numbers
    from clusterdocs.read import textfile, yamlfile
    from clusterdocs.render.glossary_links import Term, link_first_uses
    from clusterdocs.check.terminology import _hits

    page, source = at_limit("docs/en/about.md"), at_limit("sources/x.txt")
    terms = [Term("amc", "advanced manufacturing cluster", "#amc", "x"), Term("miit", "MIIT", "#miit", "y")]
    renderings = (re.compile(r"\bco-hosted\b", re.IGNORECASE), {"co-hosted": "co-organised"})
    return [
        (
            "decoding",
            page.replace("\u200b", "").encode("utf-8"),
            lambda b: textfile.decode(b, "docs/en/x.md"),
            lambda r: r[0] is not None,
        ),
        ("invisible characters", page, lambda t: textfile.invisible_characters(t, "p"), lambda r: len(r) >= 1),
        ("disallowed characters", page, lambda t: textfile.disallowed_characters(t, "p"), lambda r: r == []),
        ("page policy", page, lambda t: html_policy._page_problems(t, "docs/en/x.md", False), lambda r: len(r) >= 1),
        ("code spans", page, html_policy.code_spans, lambda r: isinstance(r, list)),
        ("sanitiser", page, html_policy.sanitise, lambda r: "<script>" not in r and len(r) > 1000),
        ("markers", page, lambda t: markers._page_problems(t, "docs/en/x.md", "timeline"), lambda r: True),
        ("numbers", page, numbers.numbers_in, lambda r: len(r) > 1000),
        ("Chinese numerals", page, numbers.chinese_numbers_in, lambda r: isinstance(r, list)),
        ("stray spaces", page, cjk_text.stray_spaces, lambda r: len(r) >= 1),
        ("wrapped lines", page, cjk_text.join_wrapped_lines, lambda r: len(r) > 1000),
        ("avoided renderings", page, lambda t: _hits(t, renderings), lambda r: len(r) > 100),
        (
            "glossary links",
            page,
            lambda t: link_first_uses(f"<p>{t}</p>", terms, "en"),
            lambda r: 'class="cd-term"' in r,
        ),
        ("Traditional conversion", page, lambda t: script_conversion.convert(t, "Traditional"), lambda r: "業" in r),
        ("spam and debris", source, lambda t: sources.text_problems(t, "sources/x.txt"), lambda r: len(r) >= 1),
        ("quote folding", source, sources.fold, lambda r: len(r[0]) > 1000),
        ("source normalising", source, sources.normalise, lambda r: len(r) > 1000),
        (
            "date expressions",
            at_limit("sources/x.txt", DATE_MIX),
            date_ledger.date_expressions,
            lambda r: len(r) > 1000,
        ),
        (
            "YAML, dense",
            dense_yaml("timeline/x.yml"),
            lambda t: yamlfile.load_yaml(t, "timeline/x.yml"),
            lambda r: r[0] is not None and len(r[0].data["items"]) > 5000,
        ),
        (
            "YAML, dense data file",
            dense_yaml("data/x.yml"),
            lambda t: yamlfile.load_yaml(t, "data/x.yml"),
            lambda r: r[0] is not None and len(r[0].data["items"]) > 5000,
        ),
        (
            "a source's header at the front matter limit",
            "---\n"
            + dense_yaml("timeline/x.yml")  # front matter has the YAML files' limit
            + "---\n"
            + source[: size_limit("sources/x.txt") - size_limit("timeline/x.yml")],
            lambda t: yamlfile.load_front_matter(t, "sources/x.txt"),
            lambda r: r[0] is not None,
        ),
        (
            "YAML, long values",
            long_scalars_yaml("data/x.yml"),
            lambda t: yamlfile.load_yaml(t, "data/x.yml"),
            lambda r: r[0] is not None and len(r[0].data["items"]) == len(YAML_PATTERNS),
        ),
        (
            "front matter",
            "---\n" + dense_yaml("docs/en/x.md", 0.5) + "---\n" + page[: size_limit("docs/en/x.md") // 3],
            lambda t: yamlfile.load_front_matter(t, "docs/en/x.md"),
            lambda r: r[0] is not None,
        ),
    ]


CHECKERS = checkers()


@pytest.mark.parametrize("name, text, run, read_through", CHECKERS, ids=[checker[0] for checker in CHECKERS])
def test_each_checker_and_converter_takes_linear_time_at_the_size_limit(name, text, run, read_through):
    clear_all()  # measured cold, whatever ran before
    start = time.process_time()
    result = run(text)
    elapsed = time.process_time() - start
    assert read_through(result), f"{name}: the input was refused before it was read"
    assert elapsed < SECONDS_PER_CHECKER, f"{name}: {elapsed:.1f} s of CPU time on {len(text):,} characters"
