"""One load path for every contributed data file: read → decode → parse → schema.

``read_yaml(file, root)`` loads a YAML file (a milestone, a file in ``data/``) and
``read_front_matter(file, root)`` the front matter of a Markdown page or a source's attribution
header. Both read and decode through ``textfile.read_text``, parse through ``yamlfile`` (which
keeps the line of every value) and, when given a schema name, validate against
``schemas/<name>.schema.json``. Each returns a ``DataFile`` that keeps the problems of reading
and parsing apart from the schema's, because the data kinds treat a schema failure
differently: an article page or a data file is dropped, while a source is still listed so that
what cites it is checked against its text.

The rule shared by every kind stored one record per file also lives here, once:
``file_name_problems`` (a record's id is its file name).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from . import schemas
from ..base.problems import Problem, relative_path
from .textfile import read_text
from .yamlfile import Path_, YamlDocument, load_front_matter, load_yaml, split_front_matter


@dataclass
class DataFile:
    """A contributed file as loaded: its text, its parsed data and what is wrong with it."""

    file: Path
    path: str
    text: str | None = None  # None when the file cannot be used as text
    document: YamlDocument | None = None  # None when there is no data to check
    body: str = ""  # a Markdown page or source: the text after the front matter
    problems: list[Problem] = field(default_factory=list)  # reading and parsing
    schema_problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Parsed and matching its schema (problems of parsing, such as a duplicate key, aside)."""
        return self.document is not None and not self.schema_problems


def read_yaml(file: Path, root: Path, schema: str | None = None, *, mapping: str | None = None) -> DataFile:
    """A YAML file, parsed and checked against ``schema``.

    With ``mapping`` (the message to give), a file that does not hold one mapping is refused
    with that message before the schema is consulted.
    """
    loaded = DataFile(file, relative_path(file, root))
    loaded.text, loaded.problems = read_text(file, root)
    if loaded.text is None:
        return loaded
    document, found = load_yaml(loaded.text, loaded.path)
    loaded.problems += found
    if document is not None and mapping is not None and not isinstance(document.data, dict):
        loaded.problems.append(document.problem((), mapping))
        document = None
    return _validated(loaded, document, schema)


def read_front_matter(
    file: Path, root: Path, schema: str | None = None, *, required: tuple[str, str] | None = None
) -> DataFile:
    """The front matter of a Markdown page or source as a mapping, checked against ``schema``.

    A file without front matter has no document and, unless ``required`` gives the field and
    message to report it with, no problem.
    """
    loaded = DataFile(file, relative_path(file, root))
    loaded.text, loaded.problems = read_text(file, root)
    if loaded.text is None:
        return loaded
    document, loaded.body, found = load_front_matter(loaded.text, loaded.path)
    loaded.problems += found
    if document is None and not found and required is not None:
        loaded.problems.append(Problem(loaded.path, 1, 1, *required))
    return _validated(loaded, document, schema)


def text_again(file: Path, root: Path, *, front_matter: bool) -> str | None:
    """The text a document of ``file`` was parsed from, read again (for ``YamlDocument.release_text``):
    the whole file, or its front matter."""
    text, _problems = read_text(file, root)
    return split_front_matter(text)[0] if text is not None and front_matter else text


def _validated(loaded: DataFile, document: YamlDocument | None, schema: str | None) -> DataFile:
    loaded.document = document
    if document is not None and schema is not None:
        loaded.schema_problems = _schema_problems(document, schema, loaded.path, loaded.text)
    return loaded


# Schema problems by (schema, path, digest of the text): the same file text at the same path parses
# to the same document, so it has the same problems. Validation is the costliest step of a load,
# and `mkdocs serve` and the test suite load mostly unchanged files again and again. Bounded, so a
# long session cannot grow it without limit; Problems are frozen, so sharing them is safe. The
# digest, not the text, is kept: a build would otherwise hold a copy of every data file.
_KNOWN_SCHEMA_PROBLEMS: dict[tuple[str, str, bytes], tuple[Problem, ...]] = {}
_KNOWN_SCHEMA_PROBLEMS_LIMIT = 4096


def _schema_problems(document: YamlDocument, schema: str, path: str, text: str | None) -> list[Problem]:
    key = (schema, path, hashlib.sha256((text or "").encode()).digest())
    known = _KNOWN_SCHEMA_PROBLEMS.get(key)
    if known is None:
        known = tuple(schemas.validate(document, schema))
        if len(_KNOWN_SCHEMA_PROBLEMS) >= _KNOWN_SCHEMA_PROBLEMS_LIMIT:
            _KNOWN_SCHEMA_PROBLEMS.clear()
        _KNOWN_SCHEMA_PROBLEMS[key] = known
    return list(known)


def file_name_problems(document: YamlDocument, location: Path_, file: Path) -> list[Problem]:
    """A record stored one per file is named by its id: the text at ``location`` must be the file name.

    A value that is not text is the schema's to report.
    """
    value = document.data
    for key in location:
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, str) or value == file.stem:
        return []
    return [document.problem(location, f"{location[-1]} '{value}' must match the file name '{file.stem}'")]
