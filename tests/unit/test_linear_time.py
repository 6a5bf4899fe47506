"""Every check takes time in proportion to its input: adversarial files at the size limit are
checked about as fast as the real content, never for minutes (a backtracking pattern once took
minutes over one line of backticks)."""

from __future__ import annotations

import time

from clusterdocs.textfile import size_limit
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
    against 0.9 s for the clean tree, while the check's own work had not changed."""
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
