"""The clusters page shows each cluster's official lists, the lists section and the list filter as the data has them.

Expectations are computed from ``data/clusters.yml``; the page is the session build's.
"""

from __future__ import annotations

import csv
import json
import re
from html import unescape

import pytest

from clusterdocs.base.paths import ROOT
from clusterdocs.check.sitedata import load_site_data


def _between(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


@pytest.mark.parametrize("language", ["en", "zh", "zh-Hant"])
def test_directory_shows_memberships_and_filter_counts_match_the_data(site_dir, language):
    data = load_site_data()
    lists = data.datasets["clusters"]["lists"]
    prefix = site_dir if language == "en" else site_dir / language
    html = (prefix / "clusters" / "index.html").read_text(encoding="utf-8")
    members = {item["id"]: [] for item in lists}
    for cluster in data.clusters:
        for membership in cluster["memberships"]:
            members[membership["list"]].append(cluster["id"])

    # The filter: one option per list with members, its count the number of clusters on it.
    select = _between(html, '<select name="lists">', "</select>")
    options = re.findall(r'<option value="([^"]*)">([^<]*)</option>', select)
    assert [value for value, _ in options[1:]] == [key for key, ids in members.items() if ids]
    for value, label in options[1:]:
        assert re.search(rf"\D{len(members[value])}\D*$", unescape(label)), label

    # Each row names the lists its cluster is on, for the script's filter.
    rows = {
        cluster_id: found.split()
        for found, cluster_id in re.findall(r'<tr [^>]*data-lists="([^"]*)"[^>]*>\s*<td[^>]*><a href="#([^"]+)"', html)
    }
    assert rows == {cluster["id"]: [m["list"] for m in cluster["memberships"]] for cluster in data.clusters}

    # Each entry lists its memberships, each with its passages, or says it is on none.
    for cluster in data.clusters:
        entry = _between(html, f'<section class="cd-cluster" id="{cluster["id"]}"', "</section>")
        shown = re.findall(r'<li data-list="([^"]+)">', entry)
        assert shown == [m["list"] for m in cluster["memberships"]], cluster["id"]
        implied = entry.count("cd-basis--inferred")
        assert implied == sum(m["basis"] == "implied" for m in cluster["memberships"]), cluster["id"]
        passages = sum(len(m["passages"]) for m in cluster["memberships"])
        membership_part = entry.split('class="cd-memberships"', 1)[1].split("</ul>", 1)[0] if shown else ""
        assert membership_part.count("<blockquote>") == passages, cluster["id"]

    # The lists section: every list, linked to its members in the directory.
    section = _between(html, 'class="cd-sector-lists cd-official-lists"', "</dl>")
    assert re.findall(r'<dt id="list-([^"]+)">', section) == [item["id"] for item in lists]
    for item in lists:
        block = _between(section, f'<dt id="list-{item["id"]}">', "</dd>")
        linked = re.findall(r'<a href="#([^"]+)">', block)
        assert sorted(linked) == sorted(members[item["id"]]), item["id"]


def test_a_status_resting_on_an_implied_membership_says_so(site_dir):
    """The directory may not state a status more firmly than the membership behind it."""
    data = load_site_data()
    strings = data.ui["en"]
    giving = {item["id"]: item.get("status") for item in data.datasets["clusters"]["lists"]}
    implied = [
        cluster
        for cluster in data.clusters
        if {m["basis"] for m in cluster["memberships"] if giving.get(m["list"]) == cluster["status"]} == {"implied"}
    ]
    assert implied, "no status rests on an implied membership: the case is untested"
    html = (site_dir / "clusters" / "index.html").read_text(encoding="utf-8")
    for cluster in implied:
        entry = html[html.index(f'id="{cluster["id"]}"') :]
        shown = re.search(rf"<dt>{strings['status']}</dt><dd>([^<]*)", entry)[1]
        assert shown.endswith(f"({strings['membership_implied']})"), (cluster["id"], shown)


def test_the_csv_says_which_memberships_are_implied(site_dir):
    """The clusters CSV carries each membership's basis as the JSON does: the lists a source only
    implies are named in their own column, described in the data package."""
    data = load_site_data(ROOT)
    with (site_dir / "clusters.csv").open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        rows = {row["id"]: row for row in reader}
    columns = reader.fieldnames
    assert columns.index("memberships_implied") == columns.index("memberships") + 1  # "the previous column"
    expected = {
        cluster["id"]: [m["list"] for m in cluster["memberships"] if m["basis"] == "implied"]
        for cluster in data.clusters
    }
    assert any(expected.values()), "no implied membership: the column is untested"
    assert {
        key: [part for part in row["memberships_implied"].split("; ") if part] for key, row in rows.items()
    } == expected
    package = json.loads((site_dir / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(resource for resource in package["resources"] if resource["name"] == "clusters")["schema"]["fields"]
    assert "implies" in next(field for field in fields if field["name"] == "memberships_implied")["description"]
    for language, prefix in (("en", ""), ("zh", "zh/"), ("zh-Hant", "zh-Hant/")):
        page = (site_dir / prefix / "data" / "index.html").read_text(encoding="utf-8")
        row = page[page.index("<code>memberships_implied</code>") :].split("</tr>", 1)[0]
        assert data.ui[language]["data_note_memberships_implied"] in row, language
