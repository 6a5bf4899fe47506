"""Grow the real content N-fold into a throwaway tree, for the benchmark only (never published).

``write_corpus(target, scale)`` copies the repository's ``sources/``, ``timeline/``, ``data/``
and ``docs/`` into ``target`` and adds ``scale - 1`` renamed copies of every source, article
page (both languages), milestone, cluster, registered document and glossary term. Copy ``k`` renames each id ``x``
to ``x-synthetic-<k in letters>`` and points every reference inside the copy at the copied ids, so the tree
passes the same checks as the real one (quotes stay verbatim: a copied source keeps its body).
Glossary copies get distinct wordings, so the glossary grows in terms, not in duplicates.
The output is deterministic: same scale, same bytes. Above 1x its ``mkdocs.yml`` lists the
copies in the nav and names the site "Synthetic benchmark corpus"; hooks, overrides, schemas
and clusterdocs are symlinked from the repository, so the real hooks run on it.

``write_smallest_corpus(target)`` goes the other way, for tests of the benchmark itself only
(``scripts/benchmark.py --corpus smallest``): the real tree reduced to the fewest sources the
site builds from, with the data that stays consistent without the others, and the hand-written
pages other than the article summaries cut to their headings and markers.

Run by ``scripts/benchmark.py``; by hand: ``python scripts/synthetic_corpus.py DIR --scale 10``
or ``python scripts/synthetic_corpus.py DIR --smallest``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from functools import partial
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clusterdocs.base.languages import GENERATED_CODES
from clusterdocs.check.divisions import WINNERS_DISTRIBUTION
from clusterdocs.read.yamlfile import load_yaml, split_front_matter

LINKED = ("hooks", "overrides", "schemas", "clusterdocs")
COPIED = ("sources", "timeline", "data", "docs")
MARK = "synthetic"


def write_corpus(target: Path, scale: int, root: Path = ROOT) -> Path:
    """Write the ``scale``-fold tree into ``target`` (emptied first); return its mkdocs.yml."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in COPIED:
        # Not the generated languages' pages (docs/zh-Hant): a fresh clone has none, the build writes them.
        shutil.copytree(root / name, target / name, ignore=partial(_generated, root / "docs"))
    for name in LINKED:
        (target / name).symlink_to(root / name, target_is_directory=True)
    source_ids = sorted(path.stem for path in (root / "sources").glob("*.txt"))
    milestone_ids = sorted(path.stem for path in (root / "timeline").glob("*.yml"))
    clusters = read_yaml(root / "data" / "clusters.yml")
    cluster_ids = [cluster["id"] for cluster in clusters["clusters"]]
    documents = read_yaml(root / "data" / "documents.yml")
    rename = _renamer(source_ids + milestone_ids + cluster_ids + [entry["id"] for entry in documents["documents"]])
    copied_documents, copied_excuses = list(documents["documents"]), list(documents["not_documents"])
    glossary = read_yaml(root / "data" / "glossary.yml")
    ledger = read_yaml(root / "data" / "date_ledger.yml")
    copied_clusters, copied_terms = list(clusters["clusters"]), list(glossary["terms"])
    copied_dates = list(ledger["entries"])
    sources = {source_id: _read_source(root, source_id) for source_id in source_ids}
    milestones = {milestone_id: read_yaml(root / "timeline" / f"{milestone_id}.yml") for milestone_id in milestone_ids}
    for copy in range(1, scale):
        suffix = f"-{MARK}-{_letters(copy)}"
        for source_id, (header, body, pages) in sources.items():
            _write_source_copy(target, source_id, header, body, pages, suffix, rename)
        for milestone_id, data in milestones.items():
            write_yaml(
                target / "timeline" / f"{milestone_id}{suffix}.yml", _copied_milestone(rename(data, suffix), copy)
            )
        copied_clusters += [rename(cluster, suffix) for cluster in clusters["clusters"]]
        copied_terms += [_copied_term(term, copy, rename(term, suffix)) for term in glossary["terms"]]
        copied_dates += [rename(entry, suffix) for entry in ledger["entries"]]  # a copied source's dates
        copied_documents += [rename(entry, suffix) for entry in documents["documents"]]
        copied_excuses += [rename(item, suffix) for item in documents["not_documents"]]
    write_yaml(target / "data" / "clusters.yml", {**clusters, "clusters": copied_clusters})
    write_yaml(target / "data" / "date_ledger.yml", {**ledger, "entries": copied_dates})
    write_yaml(target / "data" / "glossary.yml", {**glossary, "terms": copied_terms})
    write_yaml(
        target / "data" / "documents.yml",
        {**documents, "documents": copied_documents, "not_documents": copied_excuses},
    )
    config = target / "mkdocs.yml"
    config.write_text(_config_text(root, source_ids, scale), encoding="utf-8")
    return config


# The reduced corpus for tests of the benchmark itself (``--corpus smallest``): the fewest sources
# the site still builds from. The home page's steps (clusterdocs/render/home_view.py) need a
# headline figure from each of these three; the two others are left out.
SMALLEST_SOURCES = ("central-local-2021", "blueprint-14th-fyp", "chengyu-cross-province-2023")
MARKER_LINE = re.compile(r"^<!-- [a-z-]+:[a-z-]+ -->$")


def write_smallest_corpus(target: Path, root: Path = ROOT, keep: tuple[str, ...] = SMALLEST_SOURCES) -> Path:
    """Write the real tree reduced to the sources ``keep`` into ``target``; return its mkdocs.yml.

    Only what stays consistent without the other sources is kept: the article pages of ``keep``;
    the milestones, clusters, official lists, sector lists, figures and corrections that cite no
    other source; the documents, glossary terms and date-ledger entries of ``keep`` (a ledger
    entry whose milestone is gone becomes one with a reason). Cross-references to what was
    dropped are removed. The hand-written pages other than the articles are cut to their front
    matter, title and markers (their prose cites numbers from every source), so every marker is
    still rendered from the reduced data. Deterministic; never published, never the benchmark's
    default: the site is named as a reduced corpus, and the report says it was measured.
    """
    config = write_corpus(target, 1, root)
    dropped = {path.stem for path in (target / "sources").glob("*.txt")} - set(keep)
    for source_id in dropped:
        (target / "sources" / f"{source_id}.txt").unlink()
        for language in ("en", "zh"):
            (target / "docs" / language / "articles" / f"{source_id}.md").unlink()
    milestones = {}
    for path in sorted((target / "timeline").glob("*.yml")):
        data = read_yaml(path)
        if _cites(data, dropped):
            path.unlink()
        else:
            milestones[path] = data
    kept_milestones = {data["id"] for data in milestones.values()}
    clusters = read_yaml(target / "data" / "clusters.yml")
    lists = [
        item for item in clusters.get("lists", []) if not _cites(item, dropped) and item["milestone"] in kept_milestones
    ]
    list_ids = {item["id"] for item in lists}
    sector_lists = [
        {**item, "milestones": [each for each in item["milestones"] if each in kept_milestones]}
        for item in clusters.get("sector_lists", [])
        if not _cites(item, dropped)
    ]
    sector_list_ids = {item["id"] for item in sector_lists}
    kept_clusters = []
    for cluster in clusters["clusters"]:
        if _cites(cluster, dropped):
            continue
        cluster = {
            **cluster,
            "memberships": [each for each in cluster["memberships"] if each["list"] in list_ids],
            "milestones": [each for each in cluster["milestones"] if each in kept_milestones],
        }
        if "see_also" in cluster:
            cluster["see_also"] = [each for each in cluster["see_also"] if each in sector_list_ids]
        kept_clusters.append(cluster)
    cluster_ids = {cluster["id"] for cluster in kept_clusters}
    write_yaml(
        target / "data" / "clusters.yml",
        {**clusters, "clusters": kept_clusters, "sector_lists": sector_lists, "lists": lists},
    )
    for path, data in milestones.items():
        write_yaml(path, {**data, "clusters": [each for each in data["clusters"] if each in cluster_ids]})
    documents = read_yaml(target / "data" / "documents.yml")
    kept_documents = [
        {
            **document,
            "milestones": [each for each in document.get("milestones", []) if each in kept_milestones],
            "clusters": [each for each in document.get("clusters", []) if each in cluster_ids],
            "articles": [each for each in document.get("articles", []) if each in keep],
        }
        for document in documents["documents"]
        if not _cites(document, dropped)
    ]
    excuses = [item for item in documents["not_documents"] if item["source"] in keep]
    write_yaml(target / "data" / "documents.yml", {**documents, "documents": kept_documents, "not_documents": excuses})
    glossary = read_yaml(target / "data" / "glossary.yml")
    terms = [term for term in glossary["terms"] if set(term["sources"]) <= set(keep)]
    write_yaml(target / "data" / "glossary.yml", {**glossary, "terms": terms})
    ledger = read_yaml(target / "data" / "date_ledger.yml")
    entries = []
    for entry in ledger["entries"]:
        if entry["source"] not in keep:
            continue
        if "milestone" in entry and entry["milestone"] not in kept_milestones:
            entry = {key: value for key, value in entry.items() if key != "milestone"}
            entry["reason"] = "Its timeline entry cites other sources, left out of this reduced corpus."
        entries.append(entry)
    write_yaml(target / "data" / "date_ledger.yml", {**ledger, "entries": entries})
    figures = read_yaml(target / "data" / "figures.yml")
    figures = {key: [item for item in items if not _cites(item, dropped)] for key, items in figures.items()}
    figures["distributions"] = [item for item in figures["distributions"] if item["id"] == WINNERS_DISTRIBUTION]
    write_yaml(target / "data" / "figures.yml", figures)
    pages = {f"articles/{source_id}.md" for source_id in dropped}
    corrections = read_yaml(target / "data" / "corrections.yml")
    write_yaml(
        target / "data" / "corrections.yml",
        {
            **corrections,
            "corrections": [
                item
                for item in corrections["corrections"]
                if not _cites(item, dropped) and not pages & set(item["pages"])
            ],
        },
    )
    for language in ("en", "zh"):
        for page in sorted((target / "docs" / language).rglob("*.md")):
            relative = page.relative_to(target / "docs" / language).as_posix()
            if relative.startswith("articles/") and relative != "articles/index.md":
                _unlink_dropped(page, dropped)
            else:
                _cut_to_markers(page)
    text = config.read_text(encoding="utf-8")
    for source_id in dropped:
        text = text.replace(f"      - articles/{source_id}.md\n", "")
    text = _renamed_site(text, f"Reduced benchmark corpus ({', '.join(keep)} only, not the real site)")
    config.write_text(text, encoding="utf-8")
    return config


def _cites(node, sources: set[str]) -> bool:
    """Whether any ``source`` or ``article`` field anywhere in ``node`` names one of ``sources``."""
    if isinstance(node, dict):
        return any(
            (key in ("source", "article") and value in sources) or _cites(value, sources) for key, value in node.items()
        )
    if isinstance(node, list):
        return any(_cites(value, sources) for value in node)
    return False


def _unlink_dropped(page: Path, dropped: set[str]) -> None:
    """Links to the summaries of dropped sources become their plain text."""
    pattern = re.compile(r"\[([^\]]*)\]\((?:" + "|".join(map(re.escape, sorted(dropped))) + r")\.md(?:#[^)]*)?\)")
    page.write_text(pattern.sub(r"\1", page.read_text(encoding="utf-8")), encoding="utf-8")


def _cut_to_markers(page: Path) -> None:
    """A page cut to its front matter, its headings (links point at their anchors) and its markers
    (each rendered from the data); headings inside fenced code are not headings."""
    front_matter, body, _offset = split_front_matter(page.read_text(encoding="utf-8"))
    lines = body.splitlines()
    kept, fenced = [], False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and (line.startswith("#") or MARKER_LINE.match(line.strip())):
            kept.append(line)
    kept = "\n\n".join(kept)
    header = "" if front_matter is None else f"---\n{front_matter}---\n\n"
    page.write_text(f"{header}{kept}\n", encoding="utf-8")


def _generated(docs: Path, folder: str, names: list[str]) -> set[str]:
    return set(names) & set(GENERATED_CODES) if Path(folder) == docs else set()


def _renamer(ids: list[str]):
    """A function renaming, in any YAML value, every string that is exactly one of ``ids``."""
    known = set(ids)

    def rename(node, suffix: str):
        if isinstance(node, dict):
            return {key: rename(value, suffix) for key, value in node.items()}
        if isinstance(node, list):
            return [rename(value, suffix) for value in node]
        return node + suffix if isinstance(node, str) and node in known else node

    return rename


def read_yaml(file: Path):
    document, problems = load_yaml(file.read_text(encoding="utf-8"), str(file))
    if problems:
        raise SystemExit("\n".join(str(problem) for problem in problems))
    return document.data


def write_yaml(file: Path, data) -> None:
    file.write_text(_dump(data), encoding="utf-8")


def _dump(data) -> str:
    return yaml.dump(
        data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False, width=1000
    )


def _read_source(root: Path, source_id: str) -> tuple[dict, str, dict[str, tuple[dict, str]]]:
    """A source's header and body, and the front matter and body of its page in each language."""
    header, body, _offset = split_front_matter((root / "sources" / f"{source_id}.txt").read_text(encoding="utf-8"))
    pages = {}
    for language in ("en", "zh"):
        page = root / "docs" / language / "articles" / f"{source_id}.md"
        front_matter, text, _offset = split_front_matter(page.read_text(encoding="utf-8"))
        pages[language] = (load_yaml(front_matter, str(page))[0].data, text)
    return load_yaml(header, source_id)[0].data, body, pages


def _write_source_copy(target: Path, source_id: str, header: dict, body: str, pages: dict, suffix: str, rename) -> None:
    text = f"---\n{_dump({**header, 'id': source_id + suffix})}---\n{body}"
    (target / "sources" / f"{source_id}{suffix}.txt").write_text(text, encoding="utf-8")
    for language, (meta, page_body) in pages.items():
        meta = rename(meta, suffix)
        meta["title"] = f"{meta['title']} [{MARK} copy {suffix.rsplit('-', 1)[1].upper()}]"
        copy = target / "docs" / language / "articles" / f"{source_id}{suffix}.md"
        copy.write_text(f"---\n{_dump(meta)}---\n{page_body}", encoding="utf-8")


def _copied_milestone(renamed: dict, copy: int) -> dict:
    """A milestone with titles of its own: the check refuses two entries with one date and title."""
    code = _letters(copy).upper()
    # Chinese puts no space before the mark (a title may end in full-width punctuation, 》).
    return {
        **renamed,
        "title": {
            language: f"{title}{' ' if language == 'en' else ''}[{MARK} {code}]"
            for language, title in renamed["title"].items()
        },
    }


def _copied_term(original: dict, copy: int, renamed: dict) -> dict:
    """A glossary term with a wording of its own, so linking work grows with the glossary."""
    code = _letters(copy)
    return {
        **renamed,
        "id": f"{original['id']}-{MARK}-{code}",
        "zh": f"{original['zh']}{code.upper()}型",
        "en": f"{original['en']} type {code.upper()}",
        "pinyin": f"{original['pinyin']} {code.upper()} xíng",
        "avoid": [],
    }


def _letters(number: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa: copy numbers without digits, which the number checks would read."""
    code = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        code = chr(ord("a") + remainder) + code
    return code


def _renamed_site(config_text: str, name: str) -> str:
    """mkdocs.yml's text with ``site_name`` replaced, so a corpus can never pass for the site."""
    return re.sub(r"^site_name: .*$", f"site_name: {name}", config_text, count=1, flags=re.MULTILINE)


def _config_text(root: Path, source_ids: list[str], scale: int) -> str:
    """The real mkdocs.yml, renamed as synthetic, with every copied article in the nav."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    if scale == 1:
        return text
    text = _renamed_site(text, f"Synthetic benchmark corpus ({scale}x, not real content)")
    last = f"      - articles/{source_ids[-1]}.md\n"
    pages = sorted(f"      - articles/{source_id}.md\n" for source_id in source_ids)
    copies = "".join(
        f"      - articles/{source_id}-{MARK}-{_letters(copy)}.md\n"
        for copy in range(1, scale)
        for source_id in source_ids
    )
    anchor = max((line for line in pages if line in text), key=text.index, default=last)
    return text.replace(anchor, anchor + copies, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--smallest", action="store_true", help="the reduced tree instead (ignores --scale)")
    arguments = parser.parse_args()
    if arguments.smallest:
        print(write_smallest_corpus(arguments.target))
    else:
        print(write_corpus(arguments.target, arguments.scale))


if __name__ == "__main__":
    main()
