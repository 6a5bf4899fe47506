"""Which official lists each cluster is on (``memberships`` and ``lists`` in ``data/clusters.yml``).

Checked when ``data/clusters.yml`` loads (``clusterdocs.check.datasets``), after its schema and the
shared passage check, which already finds every membership passage and list size in its source:
a membership names a list that exists, a cluster is on a list at most once, and a cluster's
``status`` is the one its lists give (the first, in the schema's order, of the lists' statuses; a
cluster on none of them has a status no list gives). Read by ``clusterdocs.render.clusters_view`` for the
directory and by ``clusterdocs.render.open_data`` for the CSV column.
"""

from __future__ import annotations

from ..base.problems import Problem
from ..read.schemas import validator
from ..read.yamlfile import YamlDocument


def status_order() -> list[str]:
    """The statuses in the schema's order, the order the directory lists them in."""
    schema = validator("clusters").schema
    return schema["properties"]["clusters"]["items"]["properties"]["status"]["enum"]


def expected_status(cluster: dict, lists: dict[str, dict]) -> str | None:
    """The status ``cluster``'s lists give it, or ``None`` if none of its lists gives one."""
    given = {lists[m["list"]]["status"] for m in cluster["memberships"] if "status" in lists.get(m["list"], {})}
    return next((status for status in status_order() if status in given), None)


def membership_problems(document: YamlDocument) -> list[Problem]:
    lists = {item["id"]: item for item in document.data["lists"]}
    list_statuses = {item["status"] for item in lists.values() if "status" in item}
    problems = []
    for index, cluster in enumerate(document.data["clusters"]):
        seen: set[str] = set()
        for position, membership in enumerate(cluster["memberships"]):
            location = ("clusters", index, "memberships", position, "list")
            list_id = membership["list"]
            if list_id not in lists:
                problems.append(document.problem(location, f"unknown list '{list_id}'; known: {', '.join(lists)}"))
            elif list_id in seen:
                problems.append(
                    document.problem(location, f"the cluster is on list '{list_id}' twice; merge the passages")
                )
            seen.add(list_id)
        if any(m["list"] not in lists for m in cluster["memberships"]):
            continue  # the unknown list is reported above; the status cannot be judged without it
        expected = expected_status(cluster, lists)
        if expected and cluster["status"] != expected:
            problems.append(
                document.problem(
                    ("clusters", index, "status"),
                    f"the cluster's lists give it the status '{expected}', not '{cluster['status']}'",
                )
            )
        elif not expected and cluster["status"] in list_statuses:
            problems.append(
                document.problem(
                    ("clusters", index, "status"),
                    f"status '{cluster['status']}' needs a membership of a list that gives it; add the membership "
                    "with its passage, or change the status",
                )
            )
    return problems
