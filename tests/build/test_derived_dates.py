"""Every form derived from the data says what the data says, and no more (issue 24, rules 1-3).

One walk over the session build's derived files (citation downloads, feeds, open data, sitemap,
JSON-LD and ``<time datetime>`` in the pages) compares each date with the precision the data
gives it: a date the data gives to the year or month is never written with a month or day it
does not have. The other tests check the public address in the same files, and the
outside-reporting mark wherever a timeline entry is listed, cited, fed or exported. Every
expectation is computed from the data files, read here with plain YAML.
"""

from __future__ import annotations

import csv
import functools
import json
import re
import subprocess
from datetime import date as calendar_date, datetime, timezone
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from clusterdocs.text.dates import DATE_PATTERN, format_date
from clusterdocs.base.languages import LANGUAGES
from clusterdocs.check.sitedata import load_site_data
from support import ROOT, SITE_URL

ATOM = "{http://www.w3.org/2005/Atom}"
LOOPBACK = re.compile(r"//(?:localhost|127(?:\.[0-9]{1,3}){3}|\[::1\]|0\.0\.0\.0)(?![\w.-])", re.IGNORECASE)


def _dates_in(value, found: set[str]) -> set[str]:
    """Every string in a parsed data file that is a date (``2019``, ``2019-08``, ``2019-08-24``)."""
    if isinstance(value, dict):
        for item in value.values():
            _dates_in(item, found)
    elif isinstance(value, list):
        for item in value:
            _dates_in(item, found)
    elif isinstance(value, calendar_date):  # an unquoted YAML date
        found.add(value.isoformat())
    elif isinstance(value, str) and DATE_PATTERN.fullmatch(value):
        found.add(value)
    return found


def _front_matter(file: Path) -> dict:
    """A page's front matter or a source's attribution header (both YAML between ``---`` lines)."""
    text = file.read_text(encoding="utf-8")
    return (yaml.safe_load(text.split("---\n")[1]) or {}) if text.startswith("---\n") else {}


@pytest.fixture(scope="module")
def milestones() -> dict[str, dict]:
    return {
        file.stem: yaml.safe_load(file.read_text(encoding="utf-8"))
        for file in sorted((ROOT / "timeline").glob("*.yml"))
    }


@pytest.fixture(scope="module")
def data_dates(milestones) -> set[str]:
    """Every date any data file states, at the precision it states it."""
    found: set[str] = set()
    for milestone in milestones.values():
        _dates_in(milestone, found)
    for file in sorted((ROOT / "data").glob("*.yml")):
        _dates_in(yaml.safe_load(file.read_text(encoding="utf-8")), found)
    for file in sorted((ROOT / "sources").glob("*.txt")) + sorted((ROOT / "docs").glob("*/articles/*.md")):
        _dates_in(_front_matter(file), found)
    return found


def _precision(date: str) -> int:
    return len(date.split("-"))


def invented_forms(date: str) -> set[str]:
    """The ways a derived file would write ``date`` more precisely than it is: the first month or
    day of its period, in ISO, RIS and CSL form and as each language formats it."""
    parts = date.split("-")
    if len(parts) == 3:
        return set()
    finer = ["-".join(parts + ["01"] * extra) for extra in range(1, 4 - len(parts))]
    forms = set()
    for value in finer:
        numbers = [int(part) for part in value.split("-")]
        forms |= {value, value.replace("-", "/"), json.dumps(numbers), json.dumps(numbers, indent=0)}
        forms |= {format_date(value, language) for language in LANGUAGES}
    return forms


@pytest.fixture(scope="module")
def invented(data_dates) -> re.Pattern:
    """Any invented rendering of a year- or month-precise data date that is not itself a date
    the data states (``2021-03`` is invented for ``2021`` only if no data file says ``2021-03``)."""
    stated = {form for date in data_dates for form in (date, date.replace("-", "/"))}
    stated |= {format_date(date, language) for date in data_dates for language in LANGUAGES}
    forms = {form for date in data_dates for form in invented_forms(date)} - stated
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![0-9]){alternatives}(?![0-9])")


def derived_files(site_dir: Path) -> dict[str, str]:
    """Site path -> text of every file the build derives from the data (not the pages' prose)."""
    files = {}
    for pattern in ("cite/**/*.*", "*feed.xml", "*/feed.xml", "*.csv", "*.json", "sitemap.xml"):
        for file in sorted(site_dir.glob(pattern)):
            files[file.relative_to(site_dir).as_posix()] = file.read_text(encoding="utf-8")
    for page in sorted(site_dir.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
        if blocks:
            files[page.relative_to(site_dir).as_posix() + " (JSON-LD)"] = "\n".join(blocks)
    return files


def test_no_derived_file_writes_a_date_more_precisely_than_the_data(site_dir, invented):
    files = derived_files(site_dir)
    kinds = {path.rsplit(".", 1)[-1].split(" ")[0] for path in files}
    assert {"bib", "ris", "json", "xml", "csv", "html"} <= kinds and len(files) > 100
    found = [
        f"{path}: {text[max(0, match.start() - 40) : match.end() + 20]!r}"
        for path, text in files.items()
        for match in invented.finditer(text)
    ]
    assert found == []


def test_the_invented_forms_would_be_caught(invented, data_dates):
    """The walk above can fail: the first day of a year-precise date, as each format writes it."""
    year = next(date for date in sorted(data_dates) if _precision(date) == 1 and f"{date}-01" not in data_dates)
    for written in (
        f"{year}-01-01T00:00:00Z",
        f"DA  - {year}/01/01/",
        f"[[{year}, 1, 1]]",
        f"1 January {year}",
        f"{year}年1月1日",
    ):
        assert invented.search(written), written


def test_citation_dates_have_the_precision_of_the_data(site_dir, milestones):
    for language in LANGUAGES:
        for milestone_id, milestone in milestones.items():
            base = site_dir / "cite" / language.code / "timeline" / milestone_id
            ris = dict(
                line.split("  - ", 1)
                for line in base.with_suffix(".ris").read_text(encoding="utf-8").splitlines()
                if "  - " in line
            )
            if milestone.get("kind") == "target":  # when it is to be met, not a date of the entry
                csl = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))[0]
                assert "DA" not in ris and "event-date" not in csl, milestone_id
                assert milestone["target_year"] in ris["N1"] and milestone["target_year"] in csl["note"], milestone_id
                continue
            date = milestone["date"]
            assert ris["DA"].split("/")[: _precision(date)] == date.split("-"), (milestone_id, ris["DA"])
            assert [part for part in ris["DA"].split("/") if part] == date.split("-"), (milestone_id, ris["DA"])
            csl = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))[0]
            expected = [
                [int(part) for part in value.split("-")] for value in (date, milestone.get("end_date")) if value
            ]
            assert csl["event-date"]["date-parts"] == expected, milestone_id
            bib = base.with_suffix(".bib").read_text(encoding="utf-8")
            assert not re.search(r"^\s*(month|day|date)\s*=", bib, re.MULTILINE) or _precision(date) == 3, milestone_id
    for page in sorted((ROOT / "docs").glob("*/articles/*.md")):
        article = _front_matter(page).get("article")
        if not article:
            continue  # the articles index
        header = _front_matter(ROOT / "sources" / f"{article['source']}.txt")
        for code in [
            page.parent.parent.name,
            *(lang.code for lang in LANGUAGES if lang.converted_from == page.parent.parent.name),
        ]:
            csl = json.loads((site_dir / "cite" / code / "articles" / f"{page.stem}.json").read_text(encoding="utf-8"))[
                0
            ]
            if header.get("date"):
                assert csl["original-date"]["date-parts"] == [[int(part) for part in str(header["date"]).split("-")]]
            else:
                assert "original-date" not in csl


@functools.cache  # one look-up per file, though every language's feed asks
def _git_time(*paths: str) -> int:
    result = subprocess.run(
        ["git", "log", "-1", "--first-parent", "--format=%ct", "--", *paths], cwd=ROOT, capture_output=True, text=True
    )
    return int(result.stdout.strip() or 0)


def test_feed_timestamps_are_last_changes_and_titles_keep_the_event_precision(site_dir, milestones):
    inside_git = subprocess.run(["git", "rev-parse"], cwd=ROOT, capture_output=True).returncode == 0
    for language in LANGUAGES:
        feed = ElementTree.parse(site_dir / language.prefix / "feed.xml").getroot()
        entries = {entry.find(f"{ATOM}id").text.rsplit("#", 1)[-1]: entry for entry in feed.iter(f"{ATOM}entry")}
        updated = [entry.find(f"{ATOM}updated").text for entry in entries.values()]
        assert feed.find(f"{ATOM}updated").text == max(updated)
        for milestone_id, milestone in milestones.items():
            entry = entries[milestone_id]
            date = milestone.get("date") or milestone.get("target_start") or milestone["target_year"]
            title = entry.find(f"{ATOM}title").text
            if milestone["kind"] == "event":
                assert title.startswith(format_date(date, language)), (language.code, title)
            changed = inside_git and _git_time(f"timeline/{milestone_id}.yml")
            if changed:
                stamp = datetime.fromtimestamp(changed, timezone.utc)
                assert entry.find(f"{ATOM}updated").text == stamp.strftime("%Y-%m-%dT%H:%M:%SZ"), milestone_id


def test_exports_keep_each_date_as_the_data_gives_it(site_dir, milestones, data_dates):
    rows = {row["id"]: row for row in csv.DictReader((site_dir / "timeline.csv").open(encoding="utf-8"))}
    exported = {
        item["id"]: item for item in json.loads((site_dir / "timeline.json").read_text(encoding="utf-8"))["milestones"]
    }
    for milestone_id, milestone in milestones.items():
        for key in ("date", "end_date", "stated_date", "target_start", "target_year"):
            assert rows[milestone_id][key] == str(milestone.get(key, "")), (milestone_id, key)
            assert exported[milestone_id].get(key) == milestone.get(key), (milestone_id, key)
    figures = yaml.safe_load((ROOT / "data" / "figures.yml").read_text(encoding="utf-8"))
    headline = {row["id"]: row for row in csv.DictReader((site_dir / "headline-figures.csv").open(encoding="utf-8"))}
    for figure in figures["headline"]:
        assert headline[figure["id"]]["year"] == str(figure.get("year") or ""), figure["id"]
    package = json.loads((site_dir / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        for field in resource.get("schema", {}).get("fields", []):
            # A Table Schema "date" would make a data user's tools read 2019 as 2019-01-01.
            assert field["type"] not in ("date", "datetime", "yearmonth"), (resource["name"], field["name"])


def test_machine_readable_dates_in_pages_are_dates_the_data_states(site_dir, data_dates):
    """``<time datetime>`` and JSON-LD dates: each one a date some data file gives, at that precision."""
    unknown = set()
    for page in sorted(site_dir.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        for value in re.findall(r'<time datetime="([^"]*)"', html):
            if value not in data_dates:
                unknown.add((page.relative_to(site_dir).as_posix(), value))
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL):
            for value in re.findall(r'"date\w*": "([^"]*)"', block):
                if value not in data_dates:
                    unknown.add((page.relative_to(site_dir).as_posix(), value))
    assert unknown == set()


# --- Rule 1: the public address ---------------------------------------------------------------


def test_every_derived_file_carries_the_public_address_and_no_loopback_one(site_dir):
    files = derived_files(site_dir)
    addressed = [
        path for path in files if path.startswith("cite/") or path.endswith(("feed.xml", "sitemap.xml", "(JSON-LD)"))
    ]
    assert addressed and all(SITE_URL in files[path] for path in addressed)
    assert [path for path, text in files.items() if LOOPBACK.search(text)] == []
    for page in sorted(site_dir.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        canonical = re.search(r'<link rel="canonical" href="([^"]*)"', html)
        assert canonical and canonical.group(1).startswith(SITE_URL), page
        citation_lines = re.findall(r'<span class="cd-cite__text">([^<]*)</span>', html)
        assert all(SITE_URL in line for line in citation_lines), page


# --- Rule 3: the outside-reporting mark travels with the fact -------------------------------------


def _marked(milestone: dict) -> str | None:
    """``entry`` (known only from outside reporting), ``date`` (its date is) or None, from the data."""
    if not any("article" in source for source in milestone["sources"]):
        return "entry"
    return "date" if milestone["date_basis"] == "external" else None


def _mark_words(language: str, marked: str) -> str:
    strings = load_site_data(ROOT).ui[language]
    return strings["outside_badge"] if marked == "entry" else strings["basis_part_external"]


def test_milestone_lists_on_article_and_cluster_pages_carry_the_mark(site_dir, milestones):
    assert {_marked(milestone) for milestone in milestones.values()} >= {"entry", "date", None}
    checked = 0
    for language in LANGUAGES:
        pages = sorted((site_dir / language.prefix / "articles").glob("*/index.html"))
        for page in [*pages, site_dir / language.prefix / "clusters" / "index.html"]:
            html = page.read_text(encoding="utf-8")
            for milestone_id, after in re.findall(r'href="[^"]*timeline/#([a-z0-9-]+)">[^<]*</a>(.{0,200})', html):
                if milestone_id not in milestones:
                    continue
                marked = _marked(milestones[milestone_id])
                badge = re.match(r' <span class="cd-badge cd-badge--outside"[^>]*>([^<]*)</span>', after)
                assert bool(badge) == bool(marked), (page, milestone_id)
                if marked:
                    assert _mark_words(language.code, marked) in badge.group(1), (page, milestone_id)
                    checked += 1
    assert checked


def test_citation_files_feeds_and_exports_carry_the_mark(site_dir, milestones):
    rows = {row["id"]: row for row in csv.DictReader((site_dir / "timeline.csv").open(encoding="utf-8"))}
    for language in LANGUAGES:
        strings = load_site_data(ROOT).ui[language.code]
        feed = ElementTree.parse(site_dir / language.prefix / "feed.xml").getroot()
        entries = {entry.find(f"{ATOM}id").text.rsplit("#", 1)[-1]: entry for entry in feed.iter(f"{ATOM}entry")}
        for milestone_id, milestone in milestones.items():
            marked = _marked(milestone)
            words = strings["outside_note"] if marked == "entry" else strings["basis_part_external"]
            base = site_dir / "cite" / language.code / "timeline" / milestone_id
            notes = {
                "ris": re.search(
                    r"^N1  - (.*)$", base.with_suffix(".ris").read_text(encoding="utf-8"), re.MULTILINE
                ).group(1),
                "bib": re.search(
                    r"note = \{(.*)\},$", base.with_suffix(".bib").read_text(encoding="utf-8"), re.MULTILINE
                ).group(1),
                "json": json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))[0]["note"],
            }
            for kind, note in notes.items():
                assert (words in note) == bool(marked), (language.code, milestone_id, kind, note)
            entry = entries[milestone_id]
            categories = {category.get("term"): category.get("label") for category in entry.iter(f"{ATOM}category")}
            summary = entry.find(f"{ATOM}summary").text
            if marked:
                assert _mark_words(language.code, marked) in categories["outside-reporting"]
                assert summary.startswith(
                    categories["outside-reporting"][:1].upper() + categories["outside-reporting"][1:]
                )
            else:
                assert "outside-reporting" not in categories
            # Exports: the columns a data user filters by.
            row = rows[milestone_id]
            assert (row["from_sources"] == "no") == (marked == "entry")
            assert row["date_basis"] == milestone["date_basis"] and (marked is None) == (
                row["from_sources"] == "yes" and row["date_basis"] != "external"
            )


def test_a_date_the_editors_inferred_says_so_in_feeds_and_citation_notes(site_dir, milestones):
    """The timeline labels an inferred date; its feed entry and citation files, which have no
    label of their own, say it in words (and a stated date says nothing)."""
    data = load_site_data()
    inferred = {key for key, milestone in milestones.items() if milestone.get("date_basis") == "inferred"}
    assert inferred, "no inferred date in the data: the case is untested"
    for language in LANGUAGES:
        words = data.ui[language.code]["basis_inferred"]
        feed = ElementTree.parse(site_dir / language.prefix / "feed.xml").getroot()
        summaries = {
            entry.find(f"{ATOM}id").text.rsplit("#", 1)[-1]: entry.find(f"{ATOM}summary").text or ""
            for entry in feed.iter(f"{ATOM}entry")
        }
        for key, milestone in milestones.items():
            note = json.loads((site_dir / "cite" / language.code / "timeline" / f"{key}.json").read_text("utf-8"))[0]
            said = key in inferred and not milestone.get("stated_date")
            assert (words in summaries[key]) == said, (language.code, key, summaries[key])
            assert (words in note["note"]) == said, (language.code, key, note["note"])
