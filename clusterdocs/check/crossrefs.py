"""Ids that point from one file to another: clusters ⇄ milestones, clusters → sector lists, official lists →
milestones, article pages → clusters.

Run by ``load_site_data`` after every file has been loaded on its own. A reference to a file
that exists but failed its own checks is not reported again here: that file's problems already
say what is wrong, and "unknown milestone" lines elsewhere would only bury them.
"""

from __future__ import annotations

from ..base.problems import Problem
from ..read.yamlfile import YamlDocument


def cluster_reference_problems(
    clusters: YamlDocument, milestones, articles, broken_milestones: set[str] = frozenset()
) -> list[Problem]:
    """Every id must resolve, and a cluster lists a milestone exactly when the milestone lists it."""
    cluster_ids = {cluster["id"] for cluster in clusters.data["clusters"]}
    by_id = {milestone.id: milestone for milestone in milestones}
    problems = []
    for index, cluster in enumerate(clusters.data["clusters"]):
        for position, milestone_id in enumerate(cluster["milestones"]):
            location = ("clusters", index, "milestones", position)
            if milestone_id in broken_milestones:
                continue
            if milestone_id not in by_id:
                problems.append(
                    clusters.problem(location, f"unknown milestone '{milestone_id}' (no timeline/{milestone_id}.yml)")
                )
            elif cluster["id"] not in by_id[milestone_id].data["clusters"]:
                problems.append(
                    clusters.problem(
                        location,
                        f"timeline/{milestone_id}.yml does not list cluster "
                        f"'{cluster['id']}'; add it there or remove the milestone here",
                    )
                )
    sector_list_ids = [sector_list["id"] for sector_list in clusters.data.get("sector_lists", [])]
    for index, cluster in enumerate(clusters.data["clusters"]):
        for position, list_id in enumerate(cluster.get("see_also", [])):
            if list_id not in sector_list_ids:
                problems.append(
                    clusters.problem(
                        ("clusters", index, "see_also", position),
                        f"unknown sector list '{list_id}'; known: {', '.join(sector_list_ids)}",
                    )
                )
    for index, sector_list in enumerate(clusters.data.get("sector_lists", [])):
        for position, milestone_id in enumerate(sector_list["milestones"]):
            if milestone_id not in by_id and milestone_id not in broken_milestones:
                problems.append(
                    clusters.problem(
                        ("sector_lists", index, "milestones", position),
                        f"unknown milestone '{milestone_id}' (no timeline/{milestone_id}.yml)",
                    )
                )
    for index, official_list in enumerate(clusters.data.get("lists", [])):
        milestone_id = official_list["milestone"]
        if milestone_id not in by_id and milestone_id not in broken_milestones:
            problems.append(
                clusters.problem(
                    ("lists", index, "milestone"),
                    f"unknown milestone '{milestone_id}' (no timeline/{milestone_id}.yml)",
                )
            )
    listed = {
        (cluster["id"], milestone_id) for cluster in clusters.data["clusters"] for milestone_id in cluster["milestones"]
    }
    for milestone in milestones:
        for position, cluster_id in enumerate(milestone.data["clusters"]):
            if cluster_id not in cluster_ids:
                problems.append(
                    milestone.document.problem(
                        ("clusters", position),
                        f"unknown cluster id '{cluster_id}'; ids are listed in data/clusters.yml",
                    )
                )
            elif (cluster_id, milestone.id) not in listed:
                problems.append(
                    milestone.document.problem(
                        ("clusters", position),
                        f"data/clusters.yml does not list this milestone under cluster "
                        f"'{cluster_id}'; add it there or remove the cluster here",
                    )
                )
    for page in articles:
        for position, entity in enumerate(page.data["entities"].get("clusters", [])):
            if "cluster" in entity and entity["cluster"] not in cluster_ids:
                problems.append(
                    page.document.problem(
                        ("article", "entities", "clusters", position, "cluster"),
                        f"unknown cluster id '{entity['cluster']}'; ids are listed in data/clusters.yml",
                    )
                )
    return problems
