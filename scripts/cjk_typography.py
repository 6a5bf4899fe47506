"""Lint the Chinese prose for CJK typography with autocorrect-py, using the rules in .autocorrectrc.

Run by tests/unit/test_lint.py (so by ``make test-fast``) and by pre-commit:
``python scripts/cjk_typography.py [FILE ...]`` (default: every Chinese page and data file).
Checks the body of ``docs/zh/**/*.md`` (front matter holds verbatim quotes, which keep the
source's punctuation) and every ``zh`` value in ``timeline/*.yml`` and ``data/*.yml`` except
verbatim fields; fenced code is skipped. Prints ``path:line:column: typography: …`` lines and exits 1 when any is found.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import autocorrect_py
import yaml

ROOT = Path(__file__).resolve().parent.parent
_CJK_OR_FULLWIDTH = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’—…]"
VERBATIM_KEYS = {"quote", "source_text", "value", "original_title"}


def _configure() -> None:
    autocorrect_py.load_config((ROOT / ".autocorrectrc").read_text(encoding="utf-8"))


def markdown_problems(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    offset = 0
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4) + len("\n---\n")
        offset = text[:end].count("\n")
        text = text[end:]
    text = _blank_code_blocks(text)
    # autocorrect also reports lines whose fix lies inside a link target only (old == new): not prose.
    return [
        f"{_shown(path)}:{line.line + offset}:{line.col}: typography: {line.old.strip()!r} -> {line.new.strip()!r}"
        for line in autocorrect_py.lint_for(text, path.name).lines
        if line.old != line.new
    ]


def _blank_code_blocks(text: str) -> str:
    """Fenced code (commands, YAML examples with verbatim quotes, checker output) is not prose."""
    lines, fenced = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            lines.append("")
        else:
            lines.append("" if fenced else line)
    return "\n".join(lines)


def yaml_problems(path: Path) -> list[str]:
    problems = []
    root = yaml.compose(path.read_text(encoding="utf-8"))

    seen: set[int] = set()  # an alias shares its anchor's node: each node once, however often it is used

    def walk(node, key=None) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value in node.value:
                name = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                if name not in VERBATIM_KEYS:
                    walk(value, name)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, key)
        elif isinstance(node, yaml.ScalarNode) and key == "zh":
            text = _unfold(node.value) if node.style == ">" else node.value
            fixed = autocorrect_py.format_for(text, "text.txt")
            if fixed != text:
                problems.append(
                    f"{_shown(path)}:{node.start_mark.line + 1}:{node.start_mark.column + 1}: "
                    f"typography: {node.value!r} -> {fixed!r}"
                )

    if root is not None:
        walk(root)
    return problems


def _unfold(text: str) -> str:
    """A folded (``>``) scalar as written, without the spaces YAML puts where lines were broken.

    YAML folds a line break into a space, so a Chinese paragraph wrapped in the file gains a space
    at each break (e.g. "，作为" becomes "， 作为"). That is a rendering question for the loader,
    not a typography mistake in the text, so those spaces are not reported here.
    """
    return re.sub(rf"(?<={_CJK_OR_FULLWIDTH}) (?={_CJK_OR_FULLWIDTH})", "", text)


def default_files() -> list[Path]:
    return (
        sorted((ROOT / "docs" / "zh").rglob("*.md"))
        + sorted((ROOT / "timeline").glob("*.yml"))
        + sorted((ROOT / "data").glob("*.yml"))
    )


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def file_problems(path: Path) -> list[str]:
    """The file's typography lines, or one line saying why it could not be read (``make check``
    names the problem itself, with its line): never a traceback."""
    try:
        if path.suffix == ".md" and "zh" in path.parts:
            return markdown_problems(path)
        if path.suffix in (".yml", ".yaml"):
            return yaml_problems(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError) as error:
        reasons = (
            (UnicodeDecodeError, "not UTF-8 text"),
            (OSError, "cannot be read"),
            (RecursionError, "nested too deeply"),
        )
        reason = next((text for kind, text in reasons if isinstance(error, kind)), "not valid YAML or front matter")
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        return [f"{_shown(path)}:{line}:1: typography: not checked: {reason}; `make check` names the problem"]
    return []


def main(arguments: list[str]) -> int:
    _configure()
    files = [Path(argument) for argument in arguments] or default_files()
    problems = [line for path in files for line in file_problems(path)]
    print("\n".join(problems) if problems else f"CJK typography: {len(files)} files OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
