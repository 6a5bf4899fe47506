"""The one load path (clusterdocs/read/datafile.py): what each stage reports, and the id-is-the-file-name rule.

Every data kind goes through it, so the bad-input corpus exercises it end to end; these tests pin
down the contract the loaders rely on, on a fixture tree rooted at ``tmp_path``.
"""

from __future__ import annotations

from pathlib import Path

from clusterdocs.read.datafile import file_name_problems, read_front_matter, read_yaml


def write(root: Path, path: str, content: str | bytes) -> Path:
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        file.write_bytes(content)
    else:
        file.write_text(content, encoding="utf-8")
    return file


def lines(problems) -> list[str]:
    return [str(problem) for problem in problems]


def test_parse_and_schema_problems_are_kept_apart(tmp_path):
    file = write(tmp_path, "timeline/2019-08-x.yml", "id: 2019-08-x\nid: 2019-08-x\ncolour: red\n")
    loaded = read_yaml(file, tmp_path, "timeline")
    assert lines(loaded.problems) == ["timeline/2019-08-x.yml:2:1: id: duplicate key; each key may appear only once"]
    assert "timeline/2019-08-x.yml:3:1: colour: unknown key 'colour'; allowed keys: category," in " ".join(
        lines(loaded.schema_problems)
    )
    assert loaded.document.data == {"id": "2019-08-x", "colour": "red"}
    assert not loaded.valid


def test_a_file_that_is_not_a_mapping_is_refused_before_the_schema(tmp_path):
    file = write(tmp_path, "timeline/2019-08-x.yml", "- a\n- b\n")
    loaded = read_yaml(file, tmp_path, "timeline", mapping="one mapping, please")
    assert lines(loaded.problems) == ["timeline/2019-08-x.yml:1:1: (file): one mapping, please"]
    assert (loaded.document, loaded.schema_problems) == (None, [])


def test_a_file_that_cannot_be_decoded_stops_at_the_reader(tmp_path):
    file = write(tmp_path, "data/ui.yml", b"en: \xff\n")
    loaded = read_yaml(file, tmp_path, "ui")
    assert lines(loaded.problems) == ["data/ui.yml:1:5: (file): not valid UTF-8 (byte 0xFF); save the file as UTF-8"]
    assert (loaded.text, loaded.document, loaded.schema_problems) == (None, None, [])


def test_front_matter_gives_the_data_and_the_body_with_lines_of_the_whole_file(tmp_path):
    file = write(tmp_path, "docs/en/page.md", "---\ntitle: Page\ntitle: Again\n---\n# Page\n")
    loaded = read_front_matter(file, tmp_path)
    assert loaded.document.data == {"title": "Again"}
    assert loaded.body == "# Page\n"
    assert lines(loaded.problems) == ["docs/en/page.md:3:1: title: duplicate key; each key may appear only once"]


def test_missing_front_matter_is_a_problem_only_where_it_is_required(tmp_path):
    file = write(tmp_path, "docs/en/page.md", "# Page\n")
    optional = read_front_matter(file, tmp_path)
    assert (optional.document, optional.problems, optional.body) == (None, [], "# Page\n")
    required = read_front_matter(file, tmp_path, "article", required=("(front matter)", "give it front matter"))
    assert lines(required.problems) == ["docs/en/page.md:1:1: (front matter): give it front matter"]
    assert not required.valid


def test_the_id_is_the_file_name(tmp_path):
    file = write(tmp_path, "timeline/2019-08-x.yml", "id: 2019-08-y\narticle: {source: 2019-08-x}\nnumber: 5\n")
    document = read_yaml(file, tmp_path).document
    assert lines(file_name_problems(document, ("id",), file)) == [
        "timeline/2019-08-x.yml:1:1: id: id '2019-08-y' must match the file name '2019-08-x'"
    ]
    assert file_name_problems(document, ("article", "source"), file) == []
    # A value that is not text, or no value, is the schema's to report.
    assert file_name_problems(document, ("number",), file) == []
    assert file_name_problems(document, ("article", "missing"), file) == []
