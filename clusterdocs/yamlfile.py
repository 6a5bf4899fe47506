"""Read YAML while remembering where every value came from.

``load_yaml`` returns the data plus a map from each value's path (a tuple of keys and list
indexes) to its line and column, so that a validator can point a contributor at the exact
line. YAML errors, tabs and duplicate keys come back as ``Problem`` lines, never as
tracebacks. Dates stay strings: ``2019`` and ``2019-08`` mean different precisions here, and
YAML's own date parsing would blur that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

Path_ = tuple[str | int, ...]


class _StringDatesLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as the strings the contributor typed."""


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDocument:
    """Parsed data with the position of every value (1-based line and column)."""

    path: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    line_offset: int = 0

    def where(self, location: Path_) -> tuple[int, int]:
        """Line and column of the value at ``location``, or of its nearest parent."""
        location = tuple(location)
        while location not in self.positions and location:
            location = location[:-1]
        line, column = self.positions.get(location, (1, 1))
        return line + self.line_offset, column

    def problem(self, location: Path_, message: str) -> Problem:
        line, column = self.where(location)
        return Problem(self.path, line, column, dotted(location), message)


def dotted(location: Path_) -> str:
    """``("sources", 0, "quote")`` -> ``sources[0].quote``."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_yaml(text: str, path: str, line_offset: int = 0) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``text``; on failure return ``None`` and the problems found."""
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip())]
        if "\t" in indent:
            problems.append(Problem(path, number + line_offset, indent.index("\t") + 1, "(yaml)",
                                    "tab used for indentation; YAML needs spaces"))
    if problems:
        return None, problems
    loader = _StringDatesLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(part) for part in (error.context, error.problem) if part)
        return None, [Problem(path, line + line_offset, column, "(yaml)", f"invalid YAML: {message}")]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1 + line_offset, 1, "(yaml)", f"invalid YAML: {error}")]
    finally:
        loader.dispose()
    document = YamlDocument(path, data, line_offset=line_offset)
    if node is not None:
        _record_positions(node, (), document, problems)
    return document, problems


def _record_positions(node: yaml.Node, location: Path_, document: YamlDocument, problems: list[Problem]) -> None:
    document.positions[location] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                problems.append(Problem(document.path, key_node.start_mark.line + 1 + document.line_offset,
                                        key_node.start_mark.column + 1, dotted(location + (key,)),
                                        "duplicate key; each key may appear only once"))
            seen.add(key)
            _record_positions(value_node, location + (key,), document, problems)
            # Point at the key, not its value: "summary:" is where a contributor looks.
            document.positions[location + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_positions(item, location + (index,), document, problems)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split a ``---``-delimited YAML header from a text.

    Returns the header (or ``None``), the body, and the line number the header's first line
    has in the file, minus one (to add to the header's own line numbers).
    """
    if not text.startswith("---\n"):
        return None, text, 0
    end = text.find("\n---\n", 3)
    if end == -1:
        return None, text, 0
    return text[4:end + 1], text[end + 5:], 1
