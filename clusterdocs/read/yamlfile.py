"""Read YAML while remembering where every value came from.

``load_yaml`` returns the data plus a map from each value's path (a tuple of keys and list
indexes) to its line and column, so that a validator can point a contributor at the exact
line. The map is made from the text again the first time a position is asked for: a file
with no problem (nearly all of them, in every build) never needs it, and for a large site
the maps would take more memory than the data. YAML errors, tabs, duplicate keys and keys that are not plain text come back as
``Problem`` lines, never as tracebacks. Dates stay strings: ``2019`` and ``2019-08`` mean
different precisions here, and YAML's own date parsing would blur that.

Contributed YAML is plain data, so the event stream is scanned before anything is built:
anchors, aliases and explicit tags (``&a``, ``*a``, ``!!python/…``) are refused, and nesting
deeper than ``MAX_DEPTH`` stops the scan. An alias bomb or thousands of nested ``[`` therefore
never reach the composer. libyaml's C parser is used when PyYAML has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any

import yaml

from ..base.problems import Problem
from ..base.text_memo import memoised
from .textfile import KIB, MAX_YAML_BYTES, disallowed_characters

Path_ = tuple[str | int, ...]

MAX_DEPTH = 40  # the deepest real file nests 6 levels
MAX_EVENT_PROBLEMS = 20  # an alias bomb holds hundreds of aliases; the first ones say enough
MAX_DIGITS = 4000  # Python refuses to convert integers of more than 4,300 digits

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STANDARD_TAG = "tag:yaml.org,2002:"
_STRING_TAG = _STANDARD_TAG + "str"
_INT_TAG = _STANDARD_TAG + "int"
_START_IS_THE_PLACE = ("while scanning", "while parsing a flow")
_TAG_NAMES = {"int": "a number", "float": "a number", "bool": "true/false", "null": "null", "merge": "a merge key"}


class _StringDatesLoader(_BaseLoader):  # type: ignore[valid-type, misc]
    """SafeLoader (C-accelerated when available) that leaves timestamps as typed strings."""


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDocument:
    """Parsed data with the position of every value (1-based line and column)."""

    path: str
    data: Any
    line_offset: int = 0
    text: str | None = field(default=None, repr=False)  # what the positions are found in
    _positions: dict[Path_, tuple[int, int]] | None = field(default=None, repr=False)
    _reread: Callable[[], str | None] | None = field(default=None, repr=False)

    @property
    def positions(self) -> dict[Path_, tuple[int, int]]:
        if self._positions is None:
            self._positions = {}
            text = self.text if self.text is not None else self._reread() if self._reread else None
            try:
                node = _compose(text) if text is not None else None
            except yaml.YAMLError:  # a file read again that has been edited since into bad YAML
                node = None
            if node is not None:
                _record_positions(node, (), self._positions)
        return self._positions

    def release_text(self, reread: Callable[[], str | None]) -> None:
        """Drop the text, as large as the file, once no check needs it; should a problem still ask
        for a position, ``reread`` gives the text again (from the file it was read from)."""
        self.text, self._reread = None, reread

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
    """Parse ``text``; on failure return ``None`` and every problem found."""
    data, problems, readable = _loaded(text, path, line_offset)
    if not readable:
        return None, list(problems)
    return YamlDocument(path, _copy(data), line_offset=line_offset, text=text), list(problems)


@memoised(max_characters=2 * 1024 * 1024)  # the files of the content a few times over; see below
def _loaded(text: str, path: str, line_offset: int) -> tuple[Any, tuple[Problem, ...], bool]:
    """The data in ``text``, the problems found, and whether the data could be built at all.
    Kept for the next load of the same text (clusterdocs/base/text_memo.py): parsing and building
    are nearly all of a load's cost, and every load hands out a copy of the data (``_copy``), so
    no caller can change what the next one gets."""
    problems = disallowed_characters(text, path, line_offset) or _tab_problems(text, path, line_offset)
    if problems:
        return None, tuple(problems), False
    problems = _event_problems(text, path, line_offset)
    if problems:
        return None, tuple(problems), False
    loader = _StringDatesLoader("")
    try:
        node = _compose(text)
        if node is None:
            return None, (), True
        problems, refused = [], []
        _check_nodes(node, (), path, line_offset, problems, refused)
        if refused:
            return None, tuple(sorted(refused + problems)), False
        return loader.construct_document(node), tuple(problems), True
    except yaml.YAMLError as error:
        return None, (_syntax_problem(error, path, line_offset),), False
    except (ValueError, OverflowError) as error:  # e.g. an integer of more than 4,300 digits
        return None, (Problem(path, 1 + line_offset, 1, "(yaml)", f"invalid YAML value: {error}"),), False
    finally:
        loader.dispose()


def _copy(data: Any) -> Any:
    """A copy of loaded data: its mappings and lists new, its scalars (never changed) shared."""
    if type(data) is dict:
        return {key: _copy(value) for key, value in data.items()}
    if type(data) is list:
        return [_copy(value) for value in data]
    return data


def _tab_problems(text: str, path: str, line_offset: int) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip())]
        if "\t" in indent:
            problems.append(
                Problem(
                    path,
                    number + line_offset,
                    indent.index("\t") + 1,
                    "(yaml)",
                    "tab used for indentation; YAML needs spaces",
                )
            )
    return problems


def _event_problems(text: str, path: str, line_offset: int) -> list[Problem]:
    """Anchors, aliases, explicit tags and excessive nesting, found without building anything."""
    problems: list[Problem] = []
    unlisted = 0

    def problem(event: yaml.Event, message: str) -> None:
        nonlocal unlisted
        if len(problems) >= MAX_EVENT_PROBLEMS:
            unlisted += 1
            return
        problems.append(
            Problem(path, event.start_mark.line + 1 + line_offset, event.start_mark.column + 1, "(yaml)", message)
        )

    loader = _StringDatesLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                problem(event, f"alias '*{event.anchor}': anchors and aliases are not allowed; write the value out")
            elif isinstance(event, yaml.NodeEvent):
                if event.anchor is not None:
                    problem(
                        event, f"anchor '&{event.anchor}': anchors and aliases are not allowed; write the value out"
                    )
                if event.tag is not None and not (isinstance(event, yaml.ScalarEvent) and event.tag == "!"):
                    typed = (
                        event.tag.replace(_STANDARD_TAG, "!!", 1) if event.tag.startswith(_STANDARD_TAG) else event.tag
                    )
                    problem(event, f"explicit tag '{typed}' is not allowed; write a plain value")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(
                        Problem(
                            path,
                            event.start_mark.line + 1 + line_offset,
                            event.start_mark.column + 1,
                            "(yaml)",
                            f"nested more than {MAX_DEPTH} levels deep",
                        )
                    )
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as error:
        problems.append(_syntax_problem(error, path, line_offset))
    finally:
        loader.dispose()
    if unlisted:
        last = problems[-1]
        problems.append(
            Problem(
                path, last.line, last.column, "(yaml)", f"and {unlisted} more anchors, aliases or tags after this one"
            )
        )
    return problems


def _syntax_problem(error: yaml.YAMLError, path: str, line_offset: int) -> Problem:
    """One line for a YAML error, at the line the contributor must fix.

    The scanner's context ("while scanning a quoted scalar") starts where the broken token
    starts, and a flow collection's where its bracket opens: that is where to look, as the
    problem mark is often later (an unclosed quote is noticed at the end of the file). For the
    parser's other errors the problem mark is the place. The message names the other line.
    """
    if not isinstance(error, yaml.MarkedYAMLError):
        return Problem(path, 1 + line_offset, 1, "(yaml)", f"invalid YAML: {str(error).splitlines()[0]}")
    context, problem = error.context or "", error.problem or "cannot be parsed"
    problem_mark, context_mark = error.problem_mark, error.context_mark
    if context_mark is not None and (context.startswith(_START_IS_THE_PLACE) or problem_mark is None):
        at, message = context_mark, f"{context}: {problem}"
        if problem_mark is not None and problem_mark.line != at.line:
            message += f" (noticed on line {problem_mark.line + 1 + line_offset})"
    elif context and not context.startswith("while"):
        at, message = problem_mark, f"{context}, {problem}"
    else:
        at, message = problem_mark, problem
        if context and context_mark is not None and context_mark.line != problem_mark.line:
            message += f" ({context} from line {context_mark.line + 1 + line_offset})"
        elif context:
            message += f" ({context})"
    line, column = (at.line + 1, at.column + 1) if at is not None else (1, 1)
    return Problem(path, line + line_offset, column, "(yaml)", f"invalid YAML: {message}")


def _compose(text: str) -> yaml.Node | None:
    loader = _StringDatesLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _check_nodes(
    node: yaml.Node,
    location: Path_,
    path: str,
    line_offset: int,
    problems: list[Problem],
    refused: list[Problem],
) -> None:
    """Duplicate keys in ``problems`` (the last value counts, so the rest of the file is still
    checked), and in ``refused`` what cannot be built into data: keys that are not plain text,
    and integers too long for Python to convert."""
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key_line, key_column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STRING_TAG:
                field_ = (
                    dotted(location + (str(key_node.value),))
                    if isinstance(key_node, yaml.ScalarNode)
                    else dotted(location)
                )
                refused.append(
                    Problem(
                        path,
                        key_line + line_offset,
                        key_column,
                        field_ or "(yaml)",
                        _key_message(key_node),
                    )
                )
                continue
            key = key_node.value
            if key in seen:
                problems.append(
                    Problem(
                        path,
                        key_line + line_offset,
                        key_column,
                        dotted(location + (key,)),
                        "duplicate key; each key may appear only once",
                    )
                )
            seen.add(key)
            _check_nodes(value_node, location + (key,), path, line_offset, problems, refused)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _check_nodes(item, location + (index,), path, line_offset, problems, refused)
    elif node.tag == _INT_TAG and len(node.value) > MAX_DIGITS:
        message = f"a number of more than {MAX_DIGITS} digits; quote it if it is text"
        line, column = node.start_mark.line + 1 + line_offset, node.start_mark.column + 1
        refused.append(Problem(path, line, column, dotted(location), message))


def _record_positions(node: yaml.Node, location: Path_, positions: dict[Path_, tuple[int, int]]) -> None:
    """The position of every value under ``node``; a mapping's value is placed at its key."""
    positions[location] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _STRING_TAG:
                _record_positions(value_node, location + (key_node.value,), positions)
                # Point at the key, not its value: "summary:" is where a contributor looks.
                positions[location + (key_node.value,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_positions(item, location + (index,), positions)


def _key_message(key_node: yaml.Node) -> str:
    if not isinstance(key_node, yaml.ScalarNode):
        return "a key must be plain text, not a list or mapping"
    kind = _TAG_NAMES.get(key_node.tag.rsplit(":", 1)[-1], key_node.tag)
    return f"key {key_node.value!r} is read as {kind}, not text; keys are words (quote it if it must stay)"


_OPENING = re.compile(r"---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.MULTILINE)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split a ``---``-delimited YAML header from a text, as MkDocs does.

    The header opens with a ``---`` line and closes at the next ``---`` or ``...`` line.
    Returns the header (or ``None`` when there is none or it is not closed), the body, and
    the line number of the header's first line minus one (to add to its own line numbers).
    """
    opening = _OPENING.match(text)
    closing = _CLOSING.search(text, opening.end()) if opening else None
    if closing is None:
        return None, text, 0
    return text[opening.end() : closing.start()], text[closing.end() :], 1


def load_front_matter(text: str, path: str) -> tuple[YamlDocument | None, str, list[Problem]]:
    """The front matter of a page or source as a mapping, the body, and any problems.

    No front matter gives ``(None, text, [])``; front matter that is not closed, not valid
    YAML or not a mapping gives ``None`` and the problem, so that it is reported here
    instead of being published as page text.
    """
    header, body, offset = split_front_matter(text)
    if header is None:
        if _OPENING.match(text):
            return (
                None,
                text,
                [
                    Problem(
                        path,
                        1,
                        1,
                        "(front matter)",
                        "front matter opened on line 1 is never closed; end it with a '---' line",
                    )
                ],
            )
        return None, text, []
    closing_line = offset + header.count("\n") + 1
    if not text[: len(text) - len(body)].endswith("\n"):
        return (
            None,
            text,
            [Problem(path, closing_line, 1, "(front matter)", "the closing '---' line needs a line break after it")],
        )
    size = len(header.encode("utf-8", "surrogatepass"))  # a lone surrogate is load_yaml's to report
    if size > MAX_YAML_BYTES:  # a page or source may be larger; its front matter may not
        message = f"front matter is {size} bytes; the limit is {MAX_YAML_BYTES // KIB} KiB: shorten it"
        return None, body, [Problem(path, 1, 1, "(front matter)", message)]
    document, problems = load_yaml(header, path, line_offset=offset)
    if document is None:
        return None, body, problems
    if document.data is None:
        document.data = {}
    if not isinstance(document.data, dict):
        line, column = document.where(())
        return (
            None,
            body,
            [
                Problem(
                    path, line, column, "(front matter)", "front matter must be a mapping of fields such as 'title: …'"
                )
            ],
        )
    return document, body, problems
