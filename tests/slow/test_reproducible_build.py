"""Two builds of one commit are identical byte for byte: a plain ``mkdocs build --strict`` in a
process of its own gives exactly the session build (tests/conftest.py ``site_dir``). The session
build runs through tests/mkdocs_recording_content.py, so this also shows that recording the
pipeline (tests/build/test_own_markup.py) changes nothing in the site every other test reads.

Slow tier (``make test`` only): it is a full build of its own.
"""

from __future__ import annotations

from support import run_mkdocs_build


def _files(site) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_a_plain_build_gives_the_session_build_byte_for_byte(site_dir, tmp_path):
    result = run_mkdocs_build(tmp_path / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    first, second = _files(site_dir), _files(tmp_path / "site")
    assert sorted(first) == sorted(second)
    differing = [name for name in sorted(first) if first[name] != second[name]]
    assert differing == [], (
        f"{len(differing)} files differ; the first: {_first_difference(differing[0], first, second)}"
    )


def _first_difference(name: str, first: dict[str, bytes], second: dict[str, bytes]) -> str:
    """The first line of ``name`` that differs, in each build."""
    ours, theirs = first[name].splitlines(), second[name].splitlines()
    for number, (line, other) in enumerate(zip(ours, theirs), start=1):
        if line != other:
            return f"{name}:{number}: session build {line[:200]!r}, plain build {other[:200]!r}"
    return f"{name}: {len(ours)} lines in the session build, {len(theirs)} in the plain build"
